import * as assert from 'node:assert/strict';
import { nodeFileSystem, type CliFileSystem } from '../../../src/cli/file-system';
import * as path from 'node:path';
import { GOOD_PLAN, lines, withSection } from '../core/plan-text';
import { REPO_ROOT } from '../core/repo-paths';
import { runCli } from './run-cli';
import { makeTempTree, removeTempTrees } from './temp-tree';

// A finished plan with the shapes explain must make plain: a strategy under a label, a section under another
// name written inside an extra section, a go/no-go table, a phase that is done.
const PLAN = withSection(
  withSection(GOOD_PLAN, 'C', lines('## C) Linking Points (Identity Graph)', '- Link 1: `issue.team.key` -> `partners.linear_team_key`', '', 'Matching order:', '1. exact email', '2. alias table', '3. manual review')),
  'I',
  lines('## Switch-on Day', 'The last checks before we switch it on.', '', '### Operational Go/No-Go', '| Criterion | Status |', '|---|---|', '| Auth and connection test pass | Done |', '| Mappings validated | Pending |'),
).replace('### Phase 1: Connection + Mapping', '### Phase 1: Connection + Mapping — DONE');

describe('connector-plan explain', () => {
  afterEach(removeTempTrees);

  it('names the team template a plan is read with, in its first line, and for a file that is not its plan', async () => {
    const cwd = path.join(REPO_ROOT, 'test/fixtures/repos/feature-template');
    const plan = await runCli(['explain', 'docs/features/checkout/plan.md'], { cwd });
    assert.equal(plan.stdout.split('\n')[0], 'docs/features/checkout/plan.md: a plan of the template templates/feature-plan.md (its title "Checkout Redesign Plan" names a plan)');
    const notes = await runCli(['explain', 'docs/features/q3-migration-plan-notes.md'], { cwd });
    assert.match(notes.stdout.split('\n')[0], /^docs\/features\/q3-migration-plan-notes\.md: not a plan of the template templates\/feature-plan\.md \(/);
    const json = await runCli(['explain', '--format', 'json', 'docs/features/checkout/plan.md'], { cwd });
    assert.equal(JSON.parse(json.stdout).template, 'templates/feature-plan.md');
  });

  it("names a round's review loop and its plan of record, and says when a final plan only points to an earlier round", async () => {
    const cwd = path.join(REPO_ROOT, 'test/fixtures/loops');
    const stub = await runCli(['explain', 'greenhouse/FINAL-APPROVED-PLAN.md'], { cwd });
    assert.equal(stub.stdout.split('\n')[1], 'a final plan that points to an earlier round: the plan of record of the review loop Greenhouse is greenhouse/04-priya-plan.md');
    const review = await runCli(['explain', 'asana/02-codex-review.md'], { cwd });
    assert.equal(review.stdout.split('\n')[1], 'a round of the review loop Asana (stage revised); its plan of record is asana/01-claude-plan.md');
    const json = JSON.parse((await runCli(['explain', '--format', 'json', 'docusign/FINAL-APPROVED-PLAN.md'], { cwd })).stdout);
    assert.deepEqual(json.loop, { name: 'Docusign', stage: 'final', planOfRecord: 'docusign/FINAL-APPROVED-PLAN.md', finalStub: false });
    const single = JSON.parse((await runCli(['explain', '--format', 'json', 'docs/features/checkout/plan.md'], { cwd: path.join(REPO_ROOT, 'test/fixtures/repos/feature-template') })).stdout);
    assert.equal(single.loop, undefined, 'a plan outside a loop');
  });

  it('shows phases gathered from the top level under the first phase\'s heading as written', async () => {
    const cwd = path.join(REPO_ROOT, 'test/fixtures/repos/plan-shapes');
    const run = await runCli(['explain', 'plans/greenhouse-integration-plan.md'], { cwd });
    assert.ok(run.stdout.split('\n').includes('line 40: ## Phase 1: Connection + Mapping  ->  E) Delivery Phases (its phases are headings of their own, from line 40)'), run.stdout);
  });

  it('shows each heading with its template section or why not, and what each section holds', async () => {
    const cwd = makeTempTree({ 'linear-rollout-plan.md': PLAN });
    const run = await runCli(['explain', 'linear-rollout-plan.md'], { cwd });
    assert.deepEqual([run.code, run.stderr], [0, '']);
    const out = run.stdout.split('\n');
    const has = (pattern: RegExp) => assert.ok(out.some((line) => pattern.test(line)), `no line matches ${pattern}:\n${run.stdout}`);
    assert.equal(out[0], 'linear-rollout-plan.md: a connector plan (its title "Linear Connector Rollout Plan" names a plan)');
    has(/^go\/no-go: 1\/2 · NO-GO \(1 of 2 go\/no-go items unchecked\)$/);
    has(/^line 3: ## A\) Business Goal {2}-> {2}A\) Business Goal \(letter A\)\)$/);
    has(/^ {2}field "Why this connector exists", item: filled, line 4$/);
    has(/^ {2}link, line 15: issue\.team\.key -> partners\.linear_team_key$/);
    assert.ok(!out.some((line) => /link, line \d+: (exact email|alias table|manual review)/.test(line)), 'a strategy under a label is not links');
    has(/^ {2}line \d+: Phase 1: Connection \+ Mapping — DONE {2}-> {2}phase 1, complete, owes nothing$/);
    has(/^line \d+: ## Switch-on Day {2}-> {2}extra section, not checked \(except for secrets\): no template section has these words$/);
    has(/^line \d+: ### Operational Go\/No-Go {2}-> {2}I\) Operational Go\/No-Go \(.*written inside "Switch-on Day"\)$/);
    has(/^ {2}go\/no-go \[x\] line \d+: Auth and connection test pass {2}\(table row\)$/);
    has(/^ {2}go\/no-go \[ \] line \d+: Mappings validated {2}\(table row\)$/);
  });

  it('gives the same reading as JSON, lines 1-based', async () => {
    const cwd = makeTempTree({ 'linear-rollout-plan.md': PLAN });
    const run = await runCli(['explain', 'linear-rollout-plan.md', '--format', 'json'], { cwd });
    assert.equal(run.code, 0);
    const json = JSON.parse(run.stdout);
    assert.equal(json.path, 'linear-rollout-plan.md');
    assert.equal(json.isPlan, true);
    assert.deepEqual(json.title, { line: 1, text: 'Linear Connector Rollout Plan' });
    const byId = (id: string | null, text?: string) => json.sections.find((s: { id: string | null; heading: { text: string } }) => s.id === id && (!text || s.heading.text === text));
    assert.deepEqual(byId('A').fields[0], { label: 'Why this connector exists', kind: 'item', line: 4, template: 'Why this connector exists', filled: true, state: 'filled', lines: [4, 4], children: [] });
    assert.deepEqual(byId('C').links.map((l: { line: number }) => l.line), [15]);
    assert.deepEqual(byId('C').progress, { id: 'C', title: 'Linking Points (Identity Graph)', filled: 1, total: 1, status: 'complete', missing: [] });
    assert.equal(byId(null, 'Switch-on Day').how, 'extra section, not checked (except for secrets): no template section has these words');
    const checklist = byId('I');
    assert.equal(checklist.nestedIn, byId(null, 'Switch-on Day').heading.line);
    assert.deepEqual(checklist.goNoGo.map((i: { text: string; checked: boolean; form: string }) => [i.text, i.checked, i.form]), [['Auth and connection test pass', true, 'table'], ['Mappings validated', false, 'table']]);
    const phase = byId('E').work[0];
    assert.deepEqual([phase.kind, phase.number, phase.status, phase.owesNothing], ['phase', 1, 'complete', true]);
    assert.deepEqual(json.goNoGo, { checked: 1, total: 2, verdict: 'NO-GO', reasons: ['1 of 2 go/no-go items unchecked'] });
  });

  it('says why a markdown file is not a plan', async () => {
    const cwd = makeTempTree({ 'notes.md': '# Team notes\n\n## Goals\n- ship\n' });
    const run = await runCli(['explain', 'notes.md'], { cwd });
    assert.deepEqual(run, { code: 0, stderr: '', stdout: `notes.md: not a connector plan (the word "notes" in its title says it is not a plan)\n` });
    const sync = makeTempTree({ 'sync.md': '# Team sync\n\n## Goals\n- ship\n' });
    assert.deepEqual(await runCli(['explain', 'sync.md'], { cwd: sync }), { code: 0, stderr: '', stdout: `sync.md: not a connector plan (no "… Rollout Plan" title, and only 1 of the template's sections (a plan without that title needs 5))\n` });
  });

  it('never shows a credential, wherever the plan has it', async () => {
    const key = ['sk', 'live', '9fQ2xLmP4tRz8WvK3nB7cYd1'].join('_');
    const cwd = makeTempTree({ 'p-rollout-plan.md': GOOD_PLAN.replace('- [x] Mappings validated (manual + auto-match)', `- [x] Old key ${key} rotated`) });
    for (const format of ['text', 'json']) {
      const run = await runCli(['explain', 'p-rollout-plan.md', '--format', format], { cwd });
      assert.equal(run.code, 0);
      assert.ok(!run.stdout.includes(key) && !run.stdout.includes(key.slice(8)), `${format} output shows the key`);
      assert.ok(run.stdout.includes('Old key <redacted> rotated'), format);
    }
  });

  it('takes exactly one readable file', async () => {
    const cwd = makeTempTree({ 'a.md': GOOD_PLAN, 'b.md': GOOD_PLAN });
    const none = await runCli(['explain'], { cwd });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /^connector-plan: missing the file to explain\nUsage: connector-plan explain <file>/);
    const two = await runCli(['explain', 'a.md', 'b.md'], { cwd });
    assert.equal(two.code, 2);
    assert.match(two.stderr, /^connector-plan: explain takes one file\n/);
    const folder = await runCli(['explain', '.'], { cwd });
    assert.equal(folder.code, 2);
    assert.match(folder.stderr, /^connector-plan: \. is a folder; explain takes one file/);
    const missing = await runCli(['explain', 'nope.md'], { cwd });
    assert.deepEqual([missing.code, missing.stdout], [2, '']);
    assert.match(missing.stderr, /nope\.md/);
    const format = await runCli(['explain', 'a.md', '--format', 'sarif'], { cwd });
    assert.equal(format.code, 2);
    assert.match(format.stderr, /--format must be text or json \(got "sarif"\)/);
  });

  it('refuses a folder, or a glob of more than one file, at once: before reading any file', async () => {
    const cwd = makeTempTree({ 'docs/a.md': GOOD_PLAN, 'docs/b.md': GOOD_PLAN, 'one/only.md': GOOD_PLAN });
    const read: string[] = [];
    const fs: CliFileSystem = { ...nodeFileSystem, readFile: (file, ...rest) => (read.push(file), nodeFileSystem.readFile(file, ...rest)) };
    const folder = await runCli(['explain', 'docs'], { cwd, fs });
    assert.deepEqual([folder.code, folder.stdout], [2, '']);
    assert.match(folder.stderr, /^connector-plan: docs is a folder; explain takes one file: give a plan's path \(connector-plan status docs lists the plans in it\)\nUsage: /);
    const single = await runCli(['explain', 'one'], { cwd, fs });
    assert.deepEqual([single.code, single.stdout], [2, ''], 'a folder of one file is still a folder');
    const glob = await runCli(['explain', 'docs/*.md'], { cwd, fs });
    assert.deepEqual([glob.code, glob.stdout], [2, '']);
    assert.match(glob.stderr, /^connector-plan: docs\/\*\.md names 2 files; explain takes one file\n/);
    assert.deepEqual(read, [], 'no file was read');
  });
});
