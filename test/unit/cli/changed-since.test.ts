import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runGit } from '../../../src/cli/git-changes';
import { runCli } from './run-cli';
import { makeTempTree, removeTempTrees } from './temp-tree';

const ROOT = path.resolve(__dirname, '../../../..');
const GAPS = readFileSync(path.join(ROOT, 'test/fixtures/cli/gaps/globex-rollout-plan.md'), 'utf8');
const HUBSPOT = readFileSync(path.join(ROOT, 'examples/hubspot-rollout-plan.md'), 'utf8');

function git(cwd: string, ...args: string[]): string {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.test', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.test' };
  const result = spawnSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 });
  if (result.error || result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.error?.message ?? result.stderr}`);
  return result.stdout;
}

/** A repository with two plans committed: HubSpot's (warnings only) and Globex's (a missing section). */
function repository(): string {
  const root = makeTempTree({ 'docs/hubspot-rollout-plan.md': HUBSPOT, 'docs/globex rollout plan.md': GAPS, 'README.md': '# Readme\n' });
  git(root, 'init', '--quiet');
  git(root, 'add', '-A');
  git(root, 'commit', '--quiet', '-m', 'plans');
  return root;
}

describe('check --changed-since <git-rev> (findings on lines changed since a revision)', function () {
  this.timeout(30_000);
  before(() => {
    const found = spawnSync('git', ['--version'], { stdio: 'ignore' });
    if (found.error) throw new Error('These tests run git, which is missing: sudo apt-get install -y --no-install-recommends git');
  });
  afterEach(removeTempTrees);

  it('reports only findings on changed lines, in every format, and the summary and exit code count only them', async () => {
    const root = repository();
    const all = await runCli(['check', 'docs'], { cwd: root });
    assert.match(all.stdout, /^2 plans checked: 1 error, 12 warnings, 5 info$/m);
    assert.equal((await runCli(['check', 'docs', '--changed-since', 'HEAD'], { cwd: root })).stdout, '2 plans checked: 0 errors, 0 warnings, 0 info\n');

    const plan = path.join(root, 'docs/hubspot-rollout-plan.md');
    writeFileSync(plan, HUBSPOT.replace('- Deliverables:', '- Deliverables: {deliverable}'));
    const text = await runCli(['check', 'docs', '--changed-since', 'HEAD', '--max-warnings', '0'], { cwd: root });
    assert.deepEqual(text, {
      code: 1,
      stdout: 'docs/hubspot-rollout-plan.md:34:17 warning unfilled-placeholder Placeholder {deliverable} is still here: replace it with the real deliverable.\n2 plans checked: 0 errors, 1 warning, 0 info\n',
      stderr: 'connector-plan: 1 warning, more than --max-warnings 0 allows\n',
    });
    const json = JSON.parse((await runCli(['check', 'docs', '--changed-since', 'HEAD', '--format', 'json'], { cwd: root })).stdout);
    assert.deepEqual(json.files.map((file: { findings: { line: number }[] }) => file.findings.map((finding) => finding.line)), [[], [34]]);
    const sarif = JSON.parse((await runCli(['check', 'docs', '--changed-since', 'HEAD', '--format', 'sarif'], { cwd: root })).stdout);
    assert.deepEqual(sarif.runs[0].results.map((result: { ruleId: string }) => result.ruleId), ['unfilled-placeholder']);
    const github = await runCli(['check', 'docs', '--changed-since', 'HEAD', '--format', 'github'], { cwd: root });
    assert.equal(github.stdout.split('\n').filter((line) => line.startsWith('::')).length, 1);
    assert.equal(github.code, 0);
  });

  it('keeps a missing section (about the whole file) of a file that changed, and all findings of a file git does not track', async () => {
    const root = repository();
    appendFileSync(path.join(root, 'docs/globex rollout plan.md'), 'A line at the end.\n');
    writeFileSync(path.join(root, 'docs/new-rollout-plan.md'), GAPS);
    const run = await runCli(['check', '--changed-since', 'HEAD'], { cwd: path.join(root, 'docs') });
    assert.equal(run.code, 1);
    assert.deepEqual(run.stdout.split('\n').filter((line) => /:\d+:\d+ /.test(line)).map((line) => /^.*?:\d+:\d+ \S+ \S+/.exec(line)?.[0]), [
      'globex rollout plan.md:1:3 error missing-section',
      'new-rollout-plan.md:1:3 error missing-section',
      'new-rollout-plan.md:6:3 warning empty-field',
      'new-rollout-plan.md:85:3 info go-no-go-open',
    ]);
  });

  it('exits 2 with a clear message for a revision git does not know, outside a repository, and without git', async () => {
    const root = repository();
    const unknown = await runCli(['check', 'docs', '--changed-since', 'no-such-branch'], { cwd: root });
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^connector-plan: --changed-since no-such-branch: git could not compare with it: fatal: .*no-such-branch/m);
    assert.equal(unknown.stdout, '');

    const outside = makeTempTree({ 'plan.md': GAPS });
    const notRepo = await runCli(['check', '.', '--changed-since', 'HEAD'], { cwd: outside, git: (args, cwd) => ({ code: 128, stdout: '', stderr: `fatal: not a git repository: ${cwd} (${args[0]})\n` }) });
    assert.equal(notRepo.code, 2);
    assert.match(notRepo.stderr, /git could not compare with it: fatal: not a git repository/);

    const noGit = await runCli(['check', 'docs', '--changed-since', 'HEAD'], { cwd: root, git: () => ({ stdout: '', stderr: '', problem: 'git is not installed (or not on PATH)' }) });
    assert.deepEqual(noGit, { code: 2, stdout: '', stderr: 'connector-plan: --changed-since HEAD: git is not installed (or not on PATH)\n' });
  });

  it('refuses a revision that git would read as an option, and a file outside the repository', async () => {
    const root = repository();
    const option = await runCli(['check', 'docs', '--changed-since=--output=/tmp/x'], { cwd: root });
    assert.equal(option.code, 2);
    assert.match(option.stderr, /--changed-since needs a git revision, such as origin\/main \(got "--output=\/tmp\/x"\)/);
    const outside = makeTempTree({ 'elsewhere-rollout-plan.md': GAPS });
    const run = await runCli(['check', path.relative(root, path.join(outside, 'elsewhere-rollout-plan.md')), '--changed-since', 'HEAD'], { cwd: root });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /is outside the git repository of the current folder/);
  });

  it('hands git file names as they are (no pathspec magic)', async () => {
    const root = repository();
    const calls: string[][] = [];
    const git = (args: string[]) => {
      calls.push(args);
      return { code: 0, stdout: args[0] === 'rev-parse' ? '\n' : '', stderr: '' };
    };
    writeFileSync(path.join(root, ':(glob)*-rollout-plan.md'), GAPS);
    await runCli(['check', ':(glob)*-rollout-plan.md', '--changed-since', 'HEAD'], { cwd: root, git });
    assert.deepEqual(calls.map((args) => args.slice(0, 4)), [['rev-parse', '--show-prefix'], ['--literal-pathspecs', '-c', 'core.quotePath=false', 'diff'], ['--literal-pathspecs', '-c', 'core.quotePath=false', 'ls-files']]);
    assert.deepEqual(calls[1].slice(-3), ['HEAD', '--', ':(glob)*-rollout-plan.md']);
  });

  it('runs git with no stdin: a git command that would wait for input ends at once', () => {
    const root = repository();
    const started = Date.now();
    const result = runGit(['credential', 'fill'], root);
    assert.ok(Date.now() - started < 10_000);
    assert.equal(result.problem, undefined);
    assert.equal(runGit(['rev-parse', '--show-prefix'], path.join(root, 'docs')).stdout, 'docs/\n');
  });
});
