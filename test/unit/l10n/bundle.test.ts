import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyzePlan, reasonsOtherThan, useMessageBundle } from '../../../src/core';
import { REPO_ROOT } from '../core/repo-paths';

const L10N_DEV = path.join(REPO_ROOT, 'node_modules/@vscode/l10n-dev/dist/cli.js');

describe('message bundle', () => {
  it('l10n/bundle.l10n.json holds exactly the messages of src (run `npm run l10n` after changing one)', function () {
    this.timeout(180_000);
    const out = mkdtempSync(path.join(tmpdir(), 'connector-plan-l10n-'));
    try {
      execFileSync(process.execPath, [L10N_DEV, 'export', '--outDir', out, './src'], { cwd: REPO_ROOT, stdio: 'pipe' });
      const fresh = JSON.parse(readFileSync(path.join(out, 'bundle.l10n.json'), 'utf8')) as Record<string, unknown>;
      const committed = JSON.parse(readFileSync(path.join(REPO_ROOT, 'l10n/bundle.l10n.json'), 'utf8')) as Record<string, unknown>;
      assert.deepEqual(Object.keys(committed).filter((k) => !(k in fresh)), [], 'messages in the bundle that src no longer has');
      assert.deepEqual(Object.keys(fresh).filter((k) => !(k in committed)), [], 'messages of src missing from the bundle');
      assert.deepEqual(committed, fresh);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('ships in the package and beside the CLI', () => {
    const ignore = readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8').split(/\r?\n/);
    assert.ok(ignore.includes('!l10n/bundle.l10n.json'), '.vscodeignore keeps the English bundle');
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; files?: string[] };
    assert.equal(manifest.scripts.l10n, 'node scripts/l10n.mjs');
    assert.match(readFileSync(path.join(REPO_ROOT, 'scripts', 'l10n.mjs'), 'utf8'), /run\('export', '--outDir', '\.\/l10n', '\.\/src'\)/, 'the bundle is exported from all of src');
  });
});

describe('the core in another language', () => {
  after(() => useMessageBundle(undefined));

  it('makes its finding messages and go/no-go reasons from the bundle it is given; English without one', () => {
    const plan = '# Initech Connector Rollout Plan\n\n## I) Operational Go/No-Go\n- [ ] Rollback tested\n- [x] Alerts in place\n';
    useMessageBundle({
      'Section {0} is missing: add its heading and fields from the template.': 'Abschnitt {0} fehlt.',
      '1 of {0} go/no-go items unchecked': '1 von {0} Punkten offen',
    });
    const translated = analyzePlan(plan);
    assert.ok(translated.findings.some((f) => f.ruleId === 'missing-section' && f.message === 'Abschnitt A) Business Goal fehlt.'));
    assert.deepEqual(translated.progress!.goNoGo.reasons[0], '1 von 2 Punkten offen');
    // What shows the reasons picks by kind: the unchecked count is left out in any language.
    assert.ok(!reasonsOtherThan(translated.progress!.goNoGo, 'unchecked').includes('1 von 2 Punkten offen'));
    useMessageBundle(undefined);
    const english = analyzePlan(plan);
    assert.ok(english.findings.some((f) => f.message === 'Section A) Business Goal is missing: add its heading and fields from the template.'));
    assert.deepEqual(english.progress!.goNoGo.reasonKinds, ['unchecked', 'errors']);
  });
});
