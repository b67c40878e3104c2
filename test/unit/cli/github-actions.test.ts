import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from './run-cli';
import { makeTempTree, removeTempTrees } from './temp-tree';

const fixtures = path.resolve(__dirname, '../../../../test/fixtures/cli');
const readyPlan = readFileSync(path.join(fixtures, 'ready/acme-crm-rollout-plan.md'), 'utf8');
const STRIPE_KEY = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';

/** The clean fixture plan with one line replaced. */
function readyPlanWith(from: RegExp, to: string): string {
  assert.match(readyPlan, from);
  return readyPlan.replace(from, to);
}

describe('check --format github and status --format markdown in a GitHub Actions job', () => {
  afterEach(removeTempTrees);

  it('annotates every finding of a real plan where JSON puts it, errors as ::error, info as ::notice; exit code as text', async () => {
    const run = await runCli(['check', 'gaps', '--format', 'github'], { cwd: fixtures });
    assert.equal(run.code, 1);
    assert.equal(run.code, (await runCli(['check', 'gaps'], { cwd: fixtures })).code);
    assert.equal(run.stderr, '');
    const [plan] = JSON.parse((await runCli(['check', 'gaps', '--format', 'json'], { cwd: fixtures })).stdout).files.filter((file: { isPlan: boolean }) => file.isPlan);
    const command = { error: 'error', warning: 'warning', info: 'notice' } as Record<string, string>;
    const expected = plan.findings.map(
      (f: { ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }) =>
        `::${command[f.severity]} file=gaps/globex-rollout-plan.md,line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${f.ruleId}::${f.message}`,
    );
    assert.deepEqual(run.stdout.split('\n'), [...expected, '1 plan checked (1 other markdown file skipped): 1 error, 1 warning, 1 info', '']);
    assert.deepEqual(run.stdout.split('\n').map((line) => line.split(' ')[0]), ['::error', '::warning', '::notice', '1', '']);
    assert.match(run.stdout, /^::warning file=gaps\/globex-rollout-plan\.md,line=6,col=3,endLine=6,endColumn=32,title=empty-field::"Success in the next 2-4 weeks" is empty: /m);
  });

  it('escapes a path with , : % and a message with % , as GitHub reads them', async () => {
    const cwd = makeTempTree({ 'plans/a,b:c%d-rollout-plan.md': readyPlanWith(/^- Q1: .*$/m, '- Q1 at 100%, p95:') });
    const run = await runCli(['check', '--format', 'github'], { cwd });
    assert.equal(run.code, 0);
    assert.equal(
      run.stdout.split('\n')[0],
      '::warning file=plans/a%2Cb%3Ac%25d-rollout-plan.md,line=89,col=3,endLine=89,endColumn=18,title=empty-field::"Q1 at 100%25, p95" is empty: write its value after the label or on the lines under it.',
    );
  });

  it('keeps --max-warnings, --quiet and --require-go working, with the same messages on stderr', async () => {
    const cwd = makeTempTree({ 'initech-rollout-plan.md': readyPlanWith(/^- Q1: .*$/m, '- Q1:') });
    assert.equal((await runCli(['check', '--format', 'github', '--max-warnings', '1'], { cwd })).code, 0);
    const over = await runCli(['check', '--format', 'github', '--max-warnings', '0'], { cwd });
    assert.equal(over.code, 1);
    assert.equal(over.stderr, 'connector-plan: 1 warning, more than --max-warnings 0 allows\n');
    const quiet = await runCli(['check', '--format', 'github', '--quiet', '--max-warnings', '0'], { cwd });
    assert.deepEqual(quiet, { code: 1, stdout: '1 plan checked: 0 errors\n', stderr: over.stderr });
    assert.equal((await runCli(['check', '--format', 'github', '--require-go'], { cwd })).code, 0);
  });

  it('exits as text does for files that are not plans (0) and for a path that is not there (2)', async () => {
    const cwd = makeTempTree({ 'notes.md': '# Notes\n\nNothing to see.\n' });
    for (const args of [['notes.md'], ['notes.md', 'missing.md']]) {
      const text = await runCli(['check', ...args], { cwd });
      const github = await runCli(['check', ...args, '--format', 'github'], { cwd });
      assert.deepEqual([github.code, github.stderr], [text.code, text.stderr]);
      assert.equal(github.stdout, text.stdout, 'no findings: only the same summary line');
    }
    assert.equal((await runCli(['check', 'notes.md', 'missing.md', '--format', 'github'], { cwd })).code, 2);
  });

  it('never writes a secret value, in any format', async () => {
    const cwd = makeTempTree({ 'acme-rollout-plan.md': readyPlanWith(/^- Authentication model: .*$/m, `- Authentication model: API key ${STRIPE_KEY}`) });
    const github = await runCli(['check', '--format', 'github'], { cwd });
    assert.equal(github.code, 1);
    assert.match(github.stdout, /^::error file=acme-rollout-plan\.md,line=10,col=\d+,endLine=10,endColumn=\d+,title=secret-value::/m);
    const runs = [github, await runCli(['status', '--format', 'markdown'], { cwd }), await runCli(['check'], { cwd }), await runCli(['check', '--format', 'sarif'], { cwd })];
    for (const run of runs) {
      assert.ok(!run.stdout.includes(STRIPE_KEY) && !run.stderr.includes(STRIPE_KEY), run.stdout);
      assert.ok(!run.stdout.includes(STRIPE_KEY.slice(8)), 'not even the key without its prefix');
    }
  });

  it('status --format markdown: the fixtures as a job summary table, each plan linked by its relative path', async () => {
    const run = await runCli(['status', 'ready', 'gaps', '--format', 'markdown'], { cwd: fixtures });
    assert.equal(run.code, 0);
    assert.equal(run.stderr, '');
    assert.equal(
      run.stdout,
      [
        '### Connector plans: 2 plans · 1 GO · 1 NO-GO',
        '',
        '| Plan | Progress | Go/No-Go | Verdict | File |',
        '| --- | ---: | ---: | --- | --- |',
        '| Acme CRM | 100% | 5/5 | GO | [ready/acme-crm-rollout-plan.md](ready/acme-crm-rollout-plan.md) |',
        `| Globex | ${run.stdout.match(/\| Globex \| (\d+%)/)?.[1]} | 4/5 | **NO-GO** | [gaps/globex-rollout-plan.md](gaps/globex-rollout-plan.md) |`,
        '',
      ].join('\n'),
    );
  });

  it('status --format markdown: in GitHub Actions, links to the file at the run commit, relative to the checkout', async () => {
    const cwd = makeTempTree({ 'docs/connectors/acme-rollout-plan.md': readyPlan, 'docs/notes.md': '# Notes\n' });
    const env = { GITHUB_SERVER_URL: 'https://github.example', GITHUB_REPOSITORY: 'team/repo', GITHUB_SHA: 'abc123', GITHUB_WORKSPACE: cwd };
    const fromRoot = await runCli(['status', 'docs', '--format', 'markdown'], { cwd, env });
    assert.match(fromRoot.stdout, /\| \[docs\/connectors\/acme-rollout-plan\.md\]\(https:\/\/github\.example\/team\/repo\/blob\/abc123\/docs\/connectors\/acme-rollout-plan\.md\) \|\n/);
    const fromDocs = await runCli(['status', '--format', 'markdown'], { cwd: path.join(cwd, 'docs'), env });
    assert.match(fromDocs.stdout, /\| \[connectors\/acme-rollout-plan\.md\]\(https:\/\/github\.example\/team\/repo\/blob\/abc123\/docs\/connectors\/acme-rollout-plan\.md\) \|\n/);
    const outside = await runCli(['status', '--format', 'markdown'], { cwd, env: { ...env, GITHUB_WORKSPACE: path.join(cwd, 'elsewhere') } });
    assert.match(outside.stdout, /\| \[docs\/connectors\/acme-rollout-plan\.md\]\(docs\/connectors\/acme-rollout-plan\.md\) \|\n/);
  });

  it('status --format markdown: a name with | and markdown is escaped; no plans is a clear line', async () => {
    const cwd = makeTempTree({ 'x-rollout-plan.md': readyPlan.replace(/^# Acme CRM /, '# Acme | CRM_v2 <beta> ') });
    assert.match((await runCli(['status', '--format', 'markdown'], { cwd })).stdout, /^\| Acme \\\| CRM\\_v2 \\<beta\\> \| /m);
    const empty = await runCli(['status', '--format', 'markdown'], { cwd: makeTempTree({ 'notes.md': '# Notes\n' }) });
    assert.deepEqual(empty, { code: 0, stdout: '### Connector plans: none found\n\nNo connector plans found (1 markdown file looked at).\n', stderr: '' });
  });

  it('lists the new formats in --help', async () => {
    const cwd = makeTempTree();
    assert.match((await runCli(['check', '--help'], { cwd })).stdout, /^Usage: connector-plan check \[paths\.\.\.\] \[--format text\|json\|sarif\|github\][\s\S]*\n {2}--format <format> {3}text \(default\), json, sarif \(for GitHub code scanning\)\n {22}or github \(workflow commands/);
    assert.match((await runCli(['status', '--help'], { cwd })).stdout, /^Usage: connector-plan status \[paths\.\.\.\] \[--format text\|json\|markdown\][\s\S]*--format <format> {2}text \(default\), json or markdown \(a table for a GitHub\n {21}job summary: >> "\$GITHUB_STEP_SUMMARY"/);
  });
});
