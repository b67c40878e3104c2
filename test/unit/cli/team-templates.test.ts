import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_MAX_FILE_SIZE_MB } from '../../../src/core';
import { nodeFileSystem } from '../../../src/cli/file-system';
import { RootFolder } from '../../../src/cli/mcp/root-folder';
import { callTool, type ToolOutcome } from '../../../src/cli/mcp/tool-calls';
import { REPO_ROOT } from '../core/repo-paths';
import { runCli, TEST_VERSION } from './run-cli';
import { makeTempTree, removeTempTrees } from './temp-tree';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/team-templates/feature-rollout');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const TEMPLATE = read('template.md');
const FEATURE_DRAFT = read('draft-one-gap-per-line-dark-mode.md');
const FEATURE_DONE = read('finished-checkout-go.md');
const CONNECTOR = fs.readFileSync(path.join(REPO_ROOT, 'examples/stripe-billing-rollout-plan.md'), 'utf8');
const expectedFindings = (name: string) => (JSON.parse(read(name.replace(/\.md$/, '.expected.json'))) as { findings: string[] }).findings;

interface JsonFile { path: string; isPlan: boolean; kind: string; findings: { ruleId: string; line: number }[] }
const filesOf = (stdout: string) => (JSON.parse(stdout) as { files: JsonFile[] }).files;
const lines = (file: JsonFile) => file.findings.map((f) => `${f.line} ${f.ruleId}`).sort((a, b) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b));

describe('team templates in the CLI', () => {
  afterEach(removeTempTrees);

  it('--template checks plans against the team template, and never checks the template itself as a plan', async () => {
    const cwd = makeTempTree({ 'templates/feature.md': TEMPLATE, 'plans/dark-mode.md': FEATURE_DRAFT });
    const run = await runCli(['check', '.', '--format', 'json', '--template', 'templates/feature.md'], { cwd });
    assert.equal(run.stderr, '');
    const files = filesOf(run.stdout);
    assert.deepEqual(files.map((f) => [f.path, f.kind, f.findings.length]).sort(), [['plans/dark-mode.md', 'plan', files.find((f) => f.kind === 'plan')!.findings.length], ['templates/feature.md', 'template', 0]].sort());
    assert.deepEqual(lines(files.find((f) => f.kind === 'plan')!), [...expectedFindings('draft-one-gap-per-line-dark-mode.md')].sort((a, b) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b)));
  });

  it('"templates" globs pick the template per file; other files keep the built-in one; first match wins', async () => {
    const cwd = makeTempTree({
      '.connector-plan.json': JSON.stringify({ templates: [{ files: 'features/**/*.md', template: 'templates/feature.md' }, { files: 'features/**', template: 'templates/missing.md' }] }),
      'templates/feature.md': TEMPLATE,
      'features/checkout.md': FEATURE_DONE,
      'connectors/stripe-rollout-plan.md': CONNECTOR,
    });
    const run = await runCli(['status', '--format', 'json'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    const plans = (JSON.parse(run.stdout) as { plans: { path: string; percent: number; goNoGo: { verdict: string } }[] }).plans;
    assert.deepEqual(plans.map((p) => `${p.path} ${p.percent}% ${p.goNoGo.verdict}`), ['connectors/stripe-rollout-plan.md 100% GO', 'features/checkout.md 100% GO']);
  });

  it('"template" applies to every plan under the config; --template wins over it', async () => {
    const cwd = makeTempTree({ 'docs/.connector-plan.json': '{ "template": "../templates/feature.md" }', 'templates/feature.md': TEMPLATE, 'docs/checkout.md': FEATURE_DONE });
    const run = await runCli(['check', 'docs', '--format', 'json'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(filesOf(run.stdout).map((f) => `${f.path} ${f.findings.length}`), ['docs/checkout.md 0']);
    const builtIn = await runCli(['check', 'docs', '--format', 'json', '--template', 'templates/none.md'], { cwd });
    assert.equal(builtIn.code, 2);
    assert.match(builtIn.stderr, /cannot use the template templates\/none\.md: .*ENOENT.*; checking its plans with the built-in template/);
  });

  it('a missing, binary or section-less template: a message naming the file, exit 2, the built-in template meanwhile', async () => {
    const cwd = makeTempTree({ 'bin.md': new Uint8Array([0x23, 0, 0x41]), 'empty.md': 'Nothing here.\n', 'plan.md': CONNECTOR });
    for (const [template, why] of [['nope.md', /ENOENT/], ['bin.md', /binary file/], ['empty.md', /no sections/]] as const) {
      const run = await runCli(['check', 'plan.md', '--template', template], { cwd });
      assert.equal(run.code, 2, template);
      assert.match(run.stderr, new RegExp(`cannot use the template ${template.replace('.', '\\.')}: `), template);
      assert.match(run.stderr, why, template);
      assert.match(run.stdout, /1 plan checked: 0 errors/, template);
    }
  });

  it('connector-plan template shows how a template is read, as text and JSON, and what is wrong with it', async () => {
    const cwd = makeTempTree({ 'feature.md': TEMPLATE, 'bad.md': '# Plan\n\n## A) Goal\n- Why:\n\n## A) Scope\n' });
    const text = await runCli(['template', 'feature.md'], { cwd });
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^feature\.md: template "\{Feature\} Feature Rollout Plan"\n/);
    assert.match(text.stdout, /\nC\) Rollout Stages — work\n {2}stages \(3 in the template\), each with: Owner, Flag state, Exit criteria\n/);
    assert.match(text.stdout, /field: Audience — one of internal, beta, everyone/);
    assert.match(text.stdout, /\nNo problems found\.\n$/);
    const json = JSON.parse((await runCli(['template', 'feature.md', '--format', 'json'], { cwd })).stdout) as { sections: { id: string; role: string }[]; problems: unknown[] };
    assert.deepEqual(json.sections.map((s) => `${s.id}:${s.role}`), ['A:fields', 'B:fields', 'C:work', 'D:risks', 'E:checklist']);
    assert.deepEqual(json.problems, []);
    const bad = await runCli(['template', 'bad.md'], { cwd });
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /error \(line 6\): two sections have the letter A/);
    assert.match(bad.stdout, /warning \(line 1\): the title "Plan" has no \{placeholder\}/);
    assert.equal((await runCli(['template', 'missing.md'], { cwd })).code, 2);
  });

  it('new --template writes a plan from the team template, named after its title', async () => {
    const cwd = makeTempTree({ 'feature.md': TEMPLATE });
    const run = await runCli(['new', 'Dark Mode', '--template', 'feature.md', '--dir', 'features'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'features/dark-mode-rollout-plan.md\n');
    const written = fs.readFileSync(path.join(cwd, 'features/dark-mode-rollout-plan.md'), 'utf8');
    assert.equal(written, TEMPLATE.replace('{Feature}', 'Dark Mode'));
    const check = await runCli(['check', 'features', '--format', 'json', '--template', 'feature.md'], { cwd });
    assert.ok(filesOf(check.stdout)[0].findings.every((f) => f.ruleId !== 'missing-section'));
  });

  it('new --template without --dir writes where the config\'s "templates" glob names the plan, and check reads it as one', async () => {
    const config = JSON.stringify({ templates: [{ files: 'docs/features/**/*.md', template: 'templates/feature.md' }] });
    const cwd = makeTempTree({ '.connector-plan.json': config, 'templates/feature.md': TEMPLATE });
    const run = await runCli(['new', 'Dark Mode', '--template', 'templates/feature.md'], { cwd });
    assert.deepEqual(run, { code: 0, stdout: 'docs/features/dark-mode-rollout-plan.md\n', stderr: '' });
    // No --template: the config alone gives the plan its template, as after a reload in the editor.
    const check = await runCli(['check', 'docs', '--format', 'json'], { cwd });
    const [file] = filesOf(check.stdout);
    assert.equal(file.path, 'docs/features/dark-mode-rollout-plan.md');
    assert.ok(file.isPlan && file.findings.every((f) => f.ruleId !== 'missing-section'), check.stdout);
  });

  it('new --template keeps docs/connectors when the glob covers it, and refuses a glob that names no folder', async () => {
    const covering = makeTempTree({ '.connector-plan.json': JSON.stringify({ templates: [{ files: 'docs/**/*.md', template: 'feature.md' }] }), 'feature.md': TEMPLATE });
    assert.equal((await runCli(['new', 'Search', '--template', 'feature.md'], { cwd: covering })).stdout, 'docs/connectors/search-rollout-plan.md\n');
    const cwd = makeTempTree({ '.connector-plan.json': JSON.stringify({ templates: [{ files: '**/*-feature.md', template: 'feature.md' }] }), 'feature.md': TEMPLATE });
    const run = await runCli(['new', 'Search', '--template', 'feature.md'], { cwd });
    assert.deepEqual(run, { code: 2, stdout: '', stderr: 'connector-plan: a plan of the template feature.md must be a file its "files" glob (**/*-feature.md) names, and that glob starts with no folder to write it in; use --dir to choose a folder those plans are in\n' });
    assert.equal(fs.existsSync(path.join(cwd, 'docs')), false);
    assert.equal((await runCli(['new', 'Search', '--template', 'feature.md', '--dir', 'plans'], { cwd })).stdout, 'plans/search-rollout-plan.md\n');
  });

  it('new --template with the config\'s single "template" writes where its "files" glob names the plan, and check reads it as one', async () => {
    const config = JSON.stringify({ files: ['docs/features/**/*.md'], template: 'templates/feature.md' });
    const cwd = makeTempTree({ '.connector-plan.json': config, 'templates/feature.md': TEMPLATE });
    const run = await runCli(['new', 'Dark Mode', '--template', 'templates/feature.md'], { cwd });
    assert.deepEqual(run, { code: 0, stdout: 'docs/features/dark-mode-rollout-plan.md\n', stderr: '' });
    const [file] = filesOf((await runCli(['check', 'docs', '--format', 'json'], { cwd })).stdout);
    assert.ok(file.path === 'docs/features/dark-mode-rollout-plan.md' && file.isPlan && file.findings.every((f) => f.ruleId !== 'missing-section'), JSON.stringify(file));
    // A `templates` entry claims docs/: the single template's plan goes to the other folder its `files` name.
    const claimed = makeTempTree({ '.connector-plan.json': JSON.stringify({ files: ['docs/**/*.md', 'plans/*.md'], template: 'feature.md', templates: [{ files: 'docs/**/*.md', template: 'other.md' }] }), 'feature.md': TEMPLATE, 'other.md': TEMPLATE });
    assert.equal((await runCli(['new', 'Search', '--template', 'feature.md'], { cwd: claimed })).stdout, 'plans/search-rollout-plan.md\n');
  });

  describe('new_plan (MCP) without a folder, from the team template the plans folder gets', () => {
    const newPlan = async (tree: Record<string, string>, name: string): Promise<{ cwd: string; outcome: ToolOutcome }> => {
      const cwd = makeTempTree(tree);
      const root = await RootFolder.open(cwd, nodeFileSystem);
      if ('problem' in root) throw new Error(root.problem);
      const context = { cwd, stdout: { write: () => true }, stderr: { write: () => true }, fs: nodeFileSystem, tool: { version: TEST_VERSION }, env: {}, maxFileSize: DEFAULT_MAX_FILE_SIZE_MB };
      return { cwd, outcome: await callTool('new_plan', { name }, root, context) };
    };

    it('writes it where the single "template"\'s "files" glob names it, as new --template does', async () => {
      const { cwd, outcome } = await newPlan({ '.connector-plan.json': JSON.stringify({ files: ['docs/features/**/*.md'], template: 'templates/feature.md' }), 'templates/feature.md': TEMPLATE }, 'Dark Mode');
      assert.ok('document' in outcome, JSON.stringify(outcome));
      assert.equal(outcome.document.created, 'docs/features/dark-mode-rollout-plan.md');
      assert.match(outcome.summary, /^Created docs\/features\/dark-mode-rollout-plan\.md from the team template templates\/feature\.md\./);
      assert.equal(fs.existsSync(path.join(cwd, 'docs/connectors')), false);
    });

    it('keeps docs/connectors when the glob covers it, and refuses (writing nothing) a glob that names no folder', async () => {
      const covered = await newPlan({ '.connector-plan.json': JSON.stringify({ files: ['docs/**/*.md'], template: 'feature.md' }), 'feature.md': TEMPLATE }, 'Search');
      assert.ok('document' in covered.outcome && covered.outcome.document.created === 'docs/connectors/search-rollout-plan.md', JSON.stringify(covered.outcome));
      const { cwd, outcome } = await newPlan({ '.connector-plan.json': JSON.stringify({ files: ['**/*-feature.md'], template: 'feature.md' }), 'feature.md': TEMPLATE }, 'Search');
      assert.deepEqual(outcome, { problem: 'A plan of the team template feature.md must be a file its "files" glob (**/*-feature.md) names, and that glob starts with no folder to write it in: give the folder as "folder".' });
      assert.equal(fs.existsSync(path.join(cwd, 'docs')), false);
    });
  });

  it('warns about unknown keys in .connector-plan.json, naming the nearest known one', async () => {
    const cwd = makeTempTree({ '.connector-plan.json': '{ "templte": "t.md", "rules": { "secret-values": "error" } }', 'plan.md': CONNECTOR });
    const run = await runCli(['check', 'plan.md'], { cwd });
    assert.equal(run.code, 0);
    assert.match(run.stderr, /unknown setting "templte" \(did you mean "template"\?\)/);
    assert.match(run.stderr, /unknown rule "secret-values" \(did you mean "secret-value"\?\)/);
  });
});
