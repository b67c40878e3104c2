import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
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
    assert.ok(ignore.includes('!l10n/**'), '.vscodeignore keeps l10n/');
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; files?: string[] };
    assert.equal(manifest.scripts.l10n, 'vscode-l10n-dev export --outDir ./l10n ./src');
  });
});
