import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../core/repo-paths';
import { runCli } from './run-cli';
import { fixtureTree, makeTempRepository, removeTempTrees } from './temp-tree';

// CLI scenarios for the rules that compare a plan with its repository (issue 19), over the fixture repository
// references-delivered (a copy with a .git at its root, its oracle files left out; its .connector-plan.json turns
// env-var-unlisted on): check in text and JSON, the exit code, explain in text and JSON, config and locale.

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/repos/references-delivered');
const HUBSPOT = 'docs/connectors/hubspot-rollout-plan.md';

/** The fixture as a repository of its own; `change` edits its files first (null removes one). */
function repository(change: Record<string, string | null> = {}): string {
  const tree: Record<string, Uint8Array | string> = fixtureTree(FIXTURE);
  for (const [file, text] of Object.entries(change)) {
    if (text === null) delete tree[file];
    else tree[file] = text;
  }
  return makeTempRepository(tree);
}

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
}

const REPOSITORY_RULES = /^(?:reference-not-found|env-var-unknown|env-var-unlisted)$/;

describe('connector-plan and the plan\'s repository (issue 19)', () => {
  after(removeTempTrees);

  it('check (text) names each finding at its place, with the suggestion written as the plan wrote the path', async () => {
    const run = await runCli(['check', HUBSPOT], { cwd: repository() });
    assert.equal(run.stderr, '');
    assert.equal(run.code, 0, 'warnings and info do not fail check');
    const lines = run.stdout.split('\n').filter((l) => / (?:reference-not-found|env-var-unknown|env-var-unlisted) /.test(l));
    assert.deepEqual(lines, [
      `${HUBSPOT}:38:39 warning reference-not-found ../../src/lib/hubspot/webhook.ts does not exist in the repository; did you mean ../../src/lib/hubspot/webhooks.ts?`,
      `${HUBSPOT}:79:3 info env-var-unlisted Env var HUBSPOT_PORTAL_ID is read by src/lib/hubspot/client.ts, which the plan says it created, but the owner's setup does not list it.`,
      `${HUBSPOT}:79:3 info env-var-unlisted Env var HUBSPOT_BACKFILL_DAYS is read by workers/hubspot_backfill.py, which the plan says it created, but the owner's setup does not list it.`,
      `${HUBSPOT}:79:3 info env-var-unlisted Env var HUBSPOT_APP_ID is read by src/lib/hubspot/webhooks.ts, which the plan says it created, but the owner's setup does not list it.`,
      `${HUBSPOT}:79:3 info env-var-unlisted Env var HUBSPOT_DEALS_PIPELINE is read by src/lib/hubspot/deals.ts, which the plan says it created, but the owner's setup does not list it.`,
      `${HUBSPOT}:83:30 warning reference-not-found ../../supabase/migrations/20260310_hubspot_deals.sql does not exist in the repository; did you mean ../../supabase/migrations/2026031002_hubspot_deals.sql?`,
      `${HUBSPOT}:104:18 warning reference-not-found src/lib/hubspot/contact.ts does not exist in the repository; did you mean src/lib/hubspot/contacts.ts?`,
    ]);
    assert.match(run.stdout, /\n1 plan checked: 0 errors, 3 warnings, 7 info\n$/);
    const strict = await runCli(['check', '--max-warnings', '0', HUBSPOT], { cwd: repository() });
    assert.equal(strict.code, 1, 'three warnings fail --max-warnings 0');
  });

  it('check (JSON) gives the same findings, from any folder of the repository', async () => {
    const root = repository();
    const fromRoot = JSON.parse((await runCli(['check', '--format', 'json', '.'], { cwd: root })).stdout) as { files: { path: string; findings: JsonFinding[] }[] };
    const ours = (files: { path: string; findings: JsonFinding[] }[], prefix = '') => files.flatMap((f) => f.findings.filter((x) => REPOSITORY_RULES.test(x.ruleId)).map((x) => `${prefix}${f.path}:${x.line}:${x.column} ${x.severity} ${x.ruleId} ${x.message.split(' ').slice(0, 3).join(' ')}`));
    assert.deepEqual(ours(fromRoot.files), [
      `${HUBSPOT}:38:39 warning reference-not-found ../../src/lib/hubspot/webhook.ts does not`,
      `${HUBSPOT}:79:3 info env-var-unlisted Env var HUBSPOT_PORTAL_ID`,
      `${HUBSPOT}:79:3 info env-var-unlisted Env var HUBSPOT_BACKFILL_DAYS`,
      `${HUBSPOT}:79:3 info env-var-unlisted Env var HUBSPOT_APP_ID`,
      `${HUBSPOT}:79:3 info env-var-unlisted Env var HUBSPOT_DEALS_PIPELINE`,
      `${HUBSPOT}:83:30 warning reference-not-found ../../supabase/migrations/20260310_hubspot_deals.sql does not`,
      `${HUBSPOT}:104:18 warning reference-not-found src/lib/hubspot/contact.ts does not`,
      'docs/connectors/pipedrive-rollout-plan.md:76:3 info env-var-unlisted Env var PIPEDRIVE_WEBHOOK_USER',
    ]);
    // Run inside docs/connectors: the repository is still the folder with the .git, so the same files resolve.
    const fromDocs = JSON.parse((await runCli(['check', '--format', 'json', '.'], { cwd: path.join(root, 'docs/connectors') })).stdout) as { files: { path: string; findings: JsonFinding[] }[] };
    assert.deepEqual(ours(fromDocs.files, 'docs/connectors/'), ours(fromRoot.files));
  });

  it('follows the repository: a committed file clears its finding, a deleted one raises one', async () => {
    const fixed = repository({ 'src/lib/hubspot/contact.ts': 'export {};\n', 'src/lib/hubspot/deals.ts': null });
    const lines = (await runCli(['check', HUBSPOT], { cwd: fixed })).stdout.split('\n').filter((l) => /:10[34]:/.test(l) && / reference-not-found /.test(l));
    assert.deepEqual(lines, [`${HUBSPOT}:103:16 warning reference-not-found src/lib/hubspot/deals.ts does not exist in the repository.`]);
  });

  it('reads a .gitignore of thousands of patterns with wildcards up to the first 1,000, and says so once on stderr', async () => {
    // 1,500 patterns with wildcards, then one that ignores src/lib/hubspot/ (a folder the plan names files of), and
    // thousands of plain paths (looked up, never tried one by one: all read).
    const wild = Array.from({ length: 1500 }, (_, i) => `build-${i}-*/`);
    const plain = Array.from({ length: 5000 }, (_, i) => `/generated/file-${i}.ts`);
    const root = repository({ '.gitignore': [...wild, 'src/lib/hub*/', ...plain, 'src/lib/hubspot/deals.ts'].join('\n') });
    const run = await runCli(['check', '--format', 'json', HUBSPOT, 'docs'], { cwd: root });
    assert.equal(run.stderr, 'connector-plan: .gitignore: 501 patterns with wildcards past the first 1000 are not read (the files they ignore are listed)\n');
    const findings = (JSON.parse(run.stdout) as { files: { path: string; findings: JsonFinding[] }[] }).files.find((f) => f.path === HUBSPOT)!.findings;
    const missing = findings.filter((f) => f.ruleId === 'reference-not-found').map((f) => f.message.split(' ')[0]);
    // The plain path past the wildcards is read: that file is left out of the repository, so the plan misses it.
    assert.ok(missing.includes('src/lib/hubspot/deals.ts'), missing.join(', '));
    // The wildcard pattern past the first 1,000 is not: the folder's other files are still there.
    assert.ok(!missing.includes('src/lib/hubspot/client.ts') && !missing.includes('src/lib/hubspot/webhooks.ts'), missing.join(', '));
  });

  it('takes the rules\' severities from .connector-plan.json: env-var-unlisted is off without it', async () => {
    const off = await runCli(['check', '--format', 'json', HUBSPOT], { cwd: repository({ '.connector-plan.json': null }) });
    const rules = (JSON.parse(off.stdout) as { files: { findings: JsonFinding[] }[] }).files[0].findings.map((f) => f.ruleId);
    assert.equal(rules.filter((r) => r === 'env-var-unlisted').length, 0);
    assert.equal(rules.filter((r) => r === 'reference-not-found').length, 3);
    const raised = await runCli(['check', HUBSPOT], { cwd: repository({ '.connector-plan.json': JSON.stringify({ rules: { 'env-var-unlisted': 'error', 'reference-not-found': 'off' } }) }) });
    assert.equal(raised.code, 1, 'an error fails check');
    assert.match(raised.stdout, /\n1 plan checked: 4 errors, 0 warnings, 3 info\n$/);
  });

  it('speaks German where LANG asks for it', async () => {
    const run = await runCli(['check', HUBSPOT], { cwd: repository(), env: { LANG: 'de_DE.UTF-8' }, l10nFolder: path.join(REPO_ROOT, 'l10n') });
    assert.match(run.stdout, /:79:3 info env-var-unlisted Die Umgebungsvariable HUBSPOT_PORTAL_ID wird von src\/lib\/hubspot\/client\.ts gelesen, einer Datei, die laut Plan erstellt wurde, aber die Owner-Schritte nennen sie nicht\.\n/);
    assert.match(run.stdout, /:38:39 warning reference-not-found \.\.\/\.\.\/src\/lib\/hubspot\/webhook\.ts gibt es im Repository nicht; ist \.\.\/\.\.\/src\/lib\/hubspot\/webhooks\.ts gemeint\?\n/);
  });

  it('explain lists every reference and how it resolved, in text and in JSON', async () => {
    const root = repository();
    const text = (await runCli(['explain', HUBSPOT], { cwd: root })).stdout;
    const list = text.slice(text.indexOf('references to the repository:\n'));
    assert.deepEqual(list.split('\n').slice(0, 13), [
      'references to the repository:',
      '  line 32: src/lib/hubspot/client.ts (the plan says it exists) -> exists from the repository root: src/lib/hubspot/client.ts',
      '  line 33: hubspot_backfill.py (the plan says it exists) -> the end of a repository path: workers/hubspot_backfill.py',
      '  line 38: ../../src/lib/hubspot/webhook.ts (the plan says it exists) -> not in the repository: ../../src/lib/hubspot/webhooks.ts',
      '  line 39: src/lib/hubspot/webhooks.ts (the plan says it exists) -> exists from the repository root: src/lib/hubspot/webhooks.ts',
      '  line 44: src/lib/hubspot/analytics.ts -> exists from the repository root: src/lib/hubspot/analytics.ts',
      '  line 80: HUBSPOT_CLIENT_ID (the plan says it exists) -> named by a file of the repository',
      '  line 81: HUBSPOT_CLIENT_SECRET (the plan says it exists) -> named by a file of the repository',
      '  line 82: HUBSPOT_WEBHOOK_SECRET (the plan says it exists) -> named by a file of the repository',
      '  line 83: ../../supabase/migrations/20260310_hubspot_deals.sql (the plan says it exists) -> not in the repository: ../../supabase/migrations/2026031002_hubspot_deals.sql',
      '  line 103: src/lib/hubspot/deals.ts (the plan says it exists) -> exists from the repository root: src/lib/hubspot/deals.ts',
      '  line 104: src/lib/hubspot/contact.ts (the plan says it exists) -> not in the repository: src/lib/hubspot/contacts.ts',
      '  line 105: src/lib/hubspot/companies.ts -> not in the repository',
    ]);
    const json = JSON.parse((await runCli(['explain', '--format', 'json', 'docs/connectors/pipedrive-rollout-plan.md'], { cwd: root })).stdout) as { references: { line: number; kind: string; text: string; claim: boolean; how: string; matches: string[] }[] };
    assert.deepEqual(json.references.filter((r) => r.line === 76), [
      { line: 76, kind: 'path', text: '.env.example', claim: false, how: 'root', matches: ['.env.example'] },
      { line: 76, kind: 'path', text: '.env.local', claim: false, how: 'outside', matches: [] },
      { line: 76, kind: 'env', text: 'PIPEDRIVE_API_TOKEN', claim: true, how: 'mentioned', matches: [] },
    ]);
  });

  it('explain says what is outside a repository, and check reports none of it', async () => {
    const root = makeTempRepository({
      'src/a.ts': '',
      'docs/x-rollout-plan.md': fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/repos/references-quiet/docs/connectors/intercom-rollout-plan.md'), 'utf8'),
    });
    const text = (await runCli(['explain', 'docs/x-rollout-plan.md'], { cwd: root })).stdout;
    assert.ok(text.includes('  line 30: next/server (the plan says it exists) -> not kept in a repository (a module, an endpoint or a file of secrets)\n'), text);
    const check = (await runCli(['check', 'docs/x-rollout-plan.md'], { cwd: root })).stdout;
    assert.ok(!check.includes('next/server'), check);
  });
});
