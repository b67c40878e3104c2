import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildCliBundle } from '../unit/cli/mcp-server';

// action.yml is read with a real YAML parser, as GitHub reads it: js-yaml (a dev dependency; mocha reads .mocharc.yml with it too).
const yaml = require('js-yaml') as { load(text: string): unknown };

/** The repository root, from the compiled test's folder (out/test/action). */
const ROOT = path.resolve(__dirname, '../../..');
const ACTION_FILE = path.join(ROOT, 'action.yml');
const HUBSPOT = readFileSync(path.join(ROOT, 'examples/hubspot-rollout-plan.md'), 'utf8');
const GAPS = readFileSync(path.join(ROOT, 'test/fixtures/cli/gaps/globex-rollout-plan.md'), 'utf8');
const PLAN = 'docs/connectors/hubspot-rollout-plan.md';
const REPOSITORY = 'team/plans';

interface ActionStep {
  name?: string;
  shell?: string;
  run?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}

interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description?: string; required?: boolean; default?: string }>;
  runs: { using: string; steps: ActionStep[] };
}

function readAction(): Action {
  return yaml.load(readFileSync(ACTION_FILE, 'utf8')) as Action;
}

interface Contexts {
  inputs: Record<string, string>;
  github: Record<string, unknown>;
}

/**
 * A `${{ }}` expression as the runner evaluates it, for what action.yml uses: property paths of `inputs` and `github`,
 * joined by `||` (the first truthy one, else the last). Anything else throws, so a new kind of expression is noticed.
 */
function evaluate(expression: string, contexts: Contexts): string {
  const operands = expression.split('||').map((operand) => operand.trim());
  let value: unknown;
  for (const operand of operands) {
    if (!/^(inputs|github)(\.[A-Za-z_][\w-]*)+$/.test(operand)) throw new Error(`This test's runner does not evaluate \${{ ${expression} }} (only inputs.* and github.*, joined by ||)`);
    const [context, ...keys] = operand.split('.');
    value = keys.reduce<unknown>((object, key) => (object !== null && typeof object === 'object' ? (object as Record<string, unknown>)[key] : undefined), contexts[context as keyof Contexts]);
    if (value) break;
  }
  return value === undefined || value === null ? '' : String(value);
}

function substitute(text: string, contexts: Contexts): string {
  return text.replace(/\$\{\{([^}]*)\}\}/g, (_, expression: string) => evaluate(expression.trim(), contexts));
}

function git(cwd: string, ...args: string[]): string {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.test', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.test' };
  const result = spawnSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 });
  if (result.error || result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.error?.message ?? result.stderr}`);
  return result.stdout;
}

const temps: string[] = [];

function tempFolder(name: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), `connector-plan-action-${name}-`));
  temps.push(folder);
  return folder;
}

function writeFiles(root: string, files: Record<string, string>): void {
  for (const [relative, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), content);
  }
}

interface PullRequest {
  /** Where actions/checkout put the pull request's commit: a clone of depth 1 (its default), without the base. */
  workspace: string;
  base: string;
  head: string;
}

/**
 * The repository on "GitHub" (a local one that, as GitHub does, serves any commit by its id) with the HubSpot plan at
 * the base (its old gaps: 11 warnings) and a pull request that writes `change`; checked out as actions/checkout does.
 */
function pullRequest(change: Record<string, string>): PullRequest {
  const origin = tempFolder('origin');
  git(origin, 'init', '--quiet', '--initial-branch=main');
  git(origin, 'config', 'uploadpack.allowReachableSHA1InWant', 'true');
  writeFiles(origin, { [PLAN]: HUBSPOT, 'README.md': '# Plans\n' });
  git(origin, 'add', '-A');
  git(origin, 'commit', '--quiet', '-m', 'The HubSpot plan');
  const base = git(origin, 'rev-parse', 'HEAD').trim();
  git(origin, 'checkout', '--quiet', '-b', 'feature');
  writeFiles(origin, change);
  git(origin, 'add', '-A');
  git(origin, 'commit', '--quiet', '-m', 'The pull request');
  const head = git(origin, 'rev-parse', 'HEAD').trim();
  const workspace = path.join(tempFolder('runner'), 'plans');
  git(tmpdir(), 'clone', '--quiet', '--depth=1', '--branch', 'feature', `file://${origin}`, workspace);
  return { workspace, base, head };
}

/** The pull request's placeholder: one new warning on line 34 of the plan. */
const NEW_PLACEHOLDER = { [PLAN]: HUBSPOT.replace('- Deliverables:', '- Deliverables: {deliverable}') };

interface Job {
  workspace: string;
  actionPath: string;
  /** `pull_request` (its payload is built from base and head) or `push`. */
  event: { name: 'pull_request'; base: string; head: string } | { name: 'push'; head: string };
  with?: Record<string, string>;
  /** Folders put first on PATH (stand-ins for npm or node). */
  pathFirst?: string[];
  /** PATH instead of this process's. */
  path?: string;
}

interface ActionRun {
  code: number;
  /** The steps' stdout and stderr, as the job's log shows them. */
  log: string;
  /** The job summary: what each step appended to its GITHUB_STEP_SUMMARY file. */
  summary: string;
  /** The names of the steps that ran. */
  steps: string[];
}

/**
 * Runs action.yml's steps as a GitHub runner runs a composite action: inputs from `with`, else their defaults
 * (expressions evaluated); each step's `${{ }}` substituted, its script run by `bash --noprofile --norc -eo pipefail`
 * in the workspace with the GITHUB_* variables a runner sets and a summary file of its own; the first step that
 * fails ends the action with its exit code.
 */
function runAction(job: Job): ActionRun {
  const action = readAction();
  assert.equal(action.runs.using, 'composite');
  const runner = tempFolder('temp');
  const event =
    job.event.name === 'pull_request'
      ? { action: 'synchronize', number: 7, pull_request: { number: 7, base: { ref: 'main', sha: job.event.base }, head: { ref: 'feature', sha: job.event.head } }, repository: { full_name: REPOSITORY } }
      : { ref: 'refs/heads/main', after: job.event.head, repository: { full_name: REPOSITORY } };
  const eventPath = path.join(runner, 'event.json');
  writeFileSync(eventPath, JSON.stringify(event));
  const github = {
    action_path: job.actionPath,
    workspace: job.workspace,
    event_name: job.event.name,
    event,
    sha: job.event.head,
    repository: REPOSITORY,
    server_url: 'https://github.com',
    base_ref: job.event.name === 'pull_request' ? 'main' : '',
    head_ref: job.event.name === 'pull_request' ? 'feature' : '',
  };
  for (const name of Object.keys(job.with ?? {})) assert.ok(name in action.inputs, `action.yml has no input ${name}`);
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) inputs[name] = job.with?.[name] ?? substitute(String(input.default ?? ''), { inputs: {}, github });
  const contexts = { inputs, github };

  const inherited: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^(npm_|GITHUB_|RUNNER_)/i.test(key)) inherited[key] = value;
  let log = '';
  let summary = '';
  const steps: string[] = [];
  for (const [index, step] of action.runs.steps.entries()) {
    assert.ok(step.run !== undefined && step.uses === undefined && step.if === undefined, `This test's runner runs only unconditional run: steps (step ${index + 1})`);
    assert.equal(step.shell, 'bash', `step ${index + 1} needs shell: bash`);
    const script = path.join(runner, `step-${index + 1}.sh`);
    writeFileSync(script, substitute(step.run, contexts));
    const summaryFile = path.join(runner, `summary-${index + 1}.md`);
    writeFileSync(summaryFile, '');
    const env: NodeJS.ProcessEnv = {
      ...inherited,
      PATH: [...(job.pathFirst ?? []), job.path ?? process.env.PATH].join(path.delimiter),
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: job.workspace,
      GITHUB_ACTION_PATH: job.actionPath,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_OUTPUT: path.join(runner, `output-${index + 1}`),
      GITHUB_ENV: path.join(runner, `env-${index + 1}`),
      GITHUB_EVENT_NAME: job.event.name,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_BASE_REF: github.base_ref,
      GITHUB_HEAD_REF: github.head_ref,
      GITHUB_SHA: job.event.head,
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_SERVER_URL: 'https://github.com',
      RUNNER_TEMP: runner,
      RUNNER_OS: 'Linux',
    };
    for (const [key, value] of Object.entries(step.env ?? {})) env[key] = substitute(String(value), contexts);
    const cwd = step['working-directory'] ? substitute(step['working-directory'], contexts) : job.workspace;
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    if (result.error) throw result.error;
    steps.push(step.name ?? `step ${index + 1}`);
    log += result.stdout + result.stderr;
    summary += readFileSync(summaryFile, 'utf8');
    if (result.status !== 0) return { code: result.status ?? -1, log, summary, steps };
  }
  return { code: 0, log, summary, steps };
}

/** The annotations of a log: its workflow commands for an error, a warning or a notice, up to the message. */
function annotations(log: string): string[] {
  return log.split('\n').filter((line) => /^::(error|warning|notice) /.test(line)).map((line) => line.slice(0, line.indexOf('::', 2)));
}

describe('action.yml: the GitHub Action, its steps run as a runner runs them', function () {
  this.timeout(120_000);
  let built: { bin: string; remove(): void };

  before(function () {
    if (spawnSync('git', ['--version'], { stdio: 'ignore' }).error) throw new Error('These tests run git, which is missing: sudo apt-get install -y --no-install-recommends git');
    // The CLI the action builds in its own folder, built once here (the build step itself is tested with a stand-in npm).
    built = buildCliBundle();
  });
  after(() => built?.remove());
  afterEach(() => {
    for (const folder of temps.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  /** The action's folder as the runner downloads it; `withCli`: with the CLI built there, as an earlier use leaves it. */
  function actionFolder(withCli = true): string {
    const folder = tempFolder('action');
    copyFileSync(ACTION_FILE, path.join(folder, 'action.yml'));
    if (withCli) {
      mkdirSync(path.join(folder, 'dist'));
      for (const file of readdirSync(path.dirname(built.bin))) copyFileSync(path.join(path.dirname(built.bin), file), path.join(folder, 'dist', file));
    }
    return folder;
  }

  it('on a pull request: fetches the base into the shallow checkout and annotates only the lines the pull request changed', () => {
    const pr = pullRequest(NEW_PLACEHOLDER);
    assert.throws(() => git(pr.workspace, 'cat-file', '-e', `${pr.base}^{commit}`), 'the checkout lacks the base, as actions/checkout leaves it');
    const run = runAction({ workspace: pr.workspace, actionPath: actionFolder(), event: { name: 'pull_request', base: pr.base, head: pr.head } });
    assert.equal(run.code, 0, run.log);
    assert.deepEqual(run.steps, ['Set up the connector-plan CLI', 'Plan status in the job summary', 'Check plans']);
    assert.match(run.log, new RegExp(`^connector-plan: fetching ${pr.base}, the commit to compare with$`, 'm'));
    assert.deepEqual(annotations(run.log), [`::warning file=${PLAN},line=34,col=17,endLine=34,endColumn=30,title=unfilled-placeholder`]);
    assert.match(run.log, /^1 plan checked \(1 other markdown file skipped\): 0 errors, 1 warning, 0 info$/m);
    assert.equal(
      run.summary,
      [
        '### Connector plans: 1 plan · 0 GO · 1 NO-GO',
        '',
        '| Plan | Progress | Go/No-Go | Verdict | File |',
        '| --- | ---: | ---: | --- | --- |',
        `| HubSpot | 67% | 1/5 | **NO-GO** | [${PLAN}](https://github.com/${REPOSITORY}/blob/${pr.head}/${PLAN}) |`,
        '',
        `**connector-plan check** (findings on lines changed since \`${pr.base.slice(0, 12)}\`): 1 plan checked (1 other markdown file skipped): 0 errors, 1 warning, 0 info`,
        '',
      ].join('\n'),
    );
  });

  it('when the base cannot be fetched: a warning that names fetch-depth: 0, and the check exits 2 with git\'s reason', () => {
    const pr = pullRequest(NEW_PLACEHOLDER);
    git(pr.workspace, 'remote', 'set-url', 'origin', `file://${path.join(tmpdir(), 'connector-plan-no-such-remote')}`);
    const run = runAction({ workspace: pr.workspace, actionPath: actionFolder(), event: { name: 'pull_request', base: pr.base, head: pr.head } });
    assert.equal(run.code, 2, run.log);
    assert.match(run.log, new RegExp(`^::warning title=connector-plan::Could not fetch ${pr.base} from origin\\. Check out with fetch-depth: 0 so that the base commit is there\\.$`, 'm'));
    assert.match(run.log, new RegExp(`^connector-plan: --changed-since ${pr.base}: git could not compare with it: `, 'm'));
    assert.equal(annotations(run.log).length, 1);
  });

  it('on a push, and with changed-since set to empty, annotates every line: the old gaps too', () => {
    const pr = pullRequest(NEW_PLACEHOLDER);
    const push = runAction({ workspace: pr.workspace, actionPath: actionFolder(), event: { name: 'push', head: pr.head } });
    assert.equal(push.code, 0, push.log);
    assert.doesNotMatch(push.log, /fetching/);
    assert.equal(annotations(push.log).length, 16);
    assert.ok(annotations(push.log).includes(`::warning file=${PLAN},line=13,col=3,endLine=13,endColumn=24,title=empty-field`));
    assert.match(push.log, /^1 plan checked \(1 other markdown file skipped\): 0 errors, 12 warnings, 4 info$/m);
    assert.match(push.summary, /^\*\*connector-plan check\*\*: 1 plan checked \(1 other markdown file skipped\): 0 errors, 12 warnings, 4 info$/m);

    const all = runAction({ workspace: pr.workspace, actionPath: actionFolder(), event: { name: 'pull_request', base: pr.base, head: pr.head }, with: { 'changed-since': '' } });
    assert.equal(all.code, 0, all.log);
    assert.deepEqual(annotations(all.log), annotations(push.log));
  });

  it('fails the step on an error the pull request adds, on a new warning with max-warnings 0, and on a NO-GO plan with require-go', () => {
    const added = pullRequest({ 'docs/connectors/globex-rollout-plan.md': GAPS });
    const event = { name: 'pull_request' as const, base: added.base, head: added.head };
    const run = runAction({ workspace: added.workspace, actionPath: actionFolder(), event });
    assert.equal(run.code, 1, run.log);
    assert.deepEqual(annotations(run.log).map((line) => line.replace(/,line=.*,title=/, ' ')), [
      '::error file=docs/connectors/globex-rollout-plan.md missing-section',
      '::warning file=docs/connectors/globex-rollout-plan.md empty-field',
      '::notice file=docs/connectors/globex-rollout-plan.md go-no-go-open',
    ]);
    // The old plan is checked (and in the table) but its old gaps are not counted.
    assert.match(run.summary, /^\| Globex \| \d+% \| 4\/5 \| \*\*NO-GO\*\* \|/m);
    assert.match(run.summary, /^\| HubSpot \| 67% \| 1\/5 \| \*\*NO-GO\*\* \|/m);
    assert.match(run.summary, /\): 2 plans checked \(1 other markdown file skipped\): 1 error, 1 warning, 1 info\n$/);

    const placeholder = pullRequest(NEW_PLACEHOLDER);
    const pr = { name: 'pull_request' as const, base: placeholder.base, head: placeholder.head };
    const gated = runAction({ workspace: placeholder.workspace, actionPath: actionFolder(), event: pr, with: { 'max-warnings': '0' } });
    assert.equal(gated.code, 1, gated.log);
    assert.match(gated.log, /^connector-plan: 1 warning, more than --max-warnings 0 allows$/m);
    assert.equal(runAction({ workspace: placeholder.workspace, actionPath: actionFolder(), event: pr, with: { 'max-warnings': '1' } }).code, 0);
    const release = runAction({ workspace: placeholder.workspace, actionPath: actionFolder(), event: pr, with: { 'require-go': 'true' } });
    assert.equal(release.code, 1, release.log);
  });

  it('passes paths (several, by spaces or lines) and template to the CLI, and writes no summary with summary false', () => {
    const pr = pullRequest({ 'plans/globex-rollout-plan.md': GAPS });
    const event = { name: 'push' as const, head: pr.head };
    for (const paths of [`${PLAN}  plans/*-plan.md`, 'docs\n  plans/*-plan.md\n']) {
      const run = runAction({ workspace: pr.workspace, actionPath: actionFolder(), event, with: { paths } });
      assert.equal(run.code, 1, run.log);
      assert.match(run.log, /^2 plans checked: 1 error, 12 warnings, 5 info$/m);
      assert.match(run.summary, /^### Connector plans: 2 plans · 0 GO · 2 NO-GO$/m);
    }
    const quiet = runAction({ workspace: pr.workspace, actionPath: actionFolder(), event, with: { paths: PLAN, summary: 'false' } });
    assert.equal(quiet.code, 0, quiet.log);
    assert.equal(quiet.summary, '');

    const template = runAction({ workspace: pr.workspace, actionPath: actionFolder(), event, with: { template: 'no-such-template.md' } });
    assert.equal(template.code, 2, template.log);
    assert.match(template.log, /no-such-template\.md/);
  });

  it('builds the CLI in its own folder with npm ci and the prepack script when it is not there, once per job', () => {
    const pr = pullRequest(NEW_PLACEHOLDER);
    const bin = tempFolder('bin');
    const calls = path.join(bin, 'calls.log');
    // npm as a stand-in that notes each call; `run prepack` leaves the CLI where the package's prepack script does.
    writeFileSync(
      path.join(bin, 'npm'),
      `#!/usr/bin/env bash\nprintf '%s: npm %s\\n' "$PWD" "$*" >> '${calls}'\nif [[ "$*" == *prepack* ]]; then mkdir -p dist && cp '${path.dirname(built.bin)}'/* dist/; fi\n`,
    );
    chmodSync(path.join(bin, 'npm'), 0o755);
    const actionPath = actionFolder(false);
    const job: Job = { workspace: pr.workspace, actionPath, event: { name: 'pull_request', base: pr.base, head: pr.head }, pathFirst: [bin] };
    const first = runAction(job);
    assert.equal(first.code, 0, first.log);
    assert.deepEqual(readFileSync(calls, 'utf8').split('\n'), [`${actionPath}: npm ci --ignore-scripts --no-audit --no-fund`, `${actionPath}: npm run --silent prepack`, '']);
    assert.match(first.log, /^::group::Build the connector-plan CLI/m);
    assert.equal(annotations(first.log).length, 1);
    const second = runAction(job);
    assert.equal(second.code, 0, second.log);
    assert.equal(readFileSync(calls, 'utf8').split('\n').length, 3, 'npm is not run again');
    assert.match(second.log, /^connector-plan: the CLI is built already/m);
  });

  it('stops with an error annotation when node is missing or older than 20.19, and on an input that is not true or false', () => {
    const pr = pullRequest(NEW_PLACEHOLDER);
    const event = { name: 'push' as const, head: pr.head };
    const old = tempFolder('old-node');
    writeFileSync(path.join(old, 'node'), '#!/usr/bin/env bash\necho v20.18.3\n');
    chmodSync(path.join(old, 'node'), 0o755);
    const tooOld = runAction({ workspace: pr.workspace, actionPath: actionFolder(), event, pathFirst: [old] });
    assert.deepEqual([tooOld.code, tooOld.steps.length], [1, 1]);
    assert.match(tooOld.log, /^::error title=connector-plan::connector-plan needs Node\.js 20\.19 or later, and the node on PATH is v20\.18\.3\. Run actions\/setup-node/m);
    // A PATH with bash and git but no node.
    const noNode = tempFolder('no-node');
    for (const tool of ['bash', 'git']) {
      const found = spawnSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
      writeFileSync(path.join(noNode, tool), `#!/bin/sh\nexec ${found} "$@"\n`);
      chmodSync(path.join(noNode, tool), 0o755);
    }
    const none = runAction({ workspace: pr.workspace, actionPath: actionFolder(), event, path: noNode });
    assert.equal(none.code, 1, none.log);
    assert.match(none.log, /^::error title=connector-plan::Node\.js is not on PATH\. Run actions\/setup-node/m);
    const typo = runAction({ workspace: pr.workspace, actionPath: actionFolder(), event, with: { 'require-go': 'yes' } });
    assert.equal(typo.code, 2);
    assert.match(typo.log, /^::error title=connector-plan::The input require-go must be true or false\.$/m);
  });

  it('reads inputs in its scripts only through env, and the README documents each input with its default', () => {
    const action = readAction();
    for (const step of action.runs.steps) assert.doesNotMatch(step.run ?? '', /\$\{\{/, `${step.name}: an input in a script would be read as shell code`);
    const used = new Set(action.runs.steps.flatMap((step) => Object.values(step.env ?? {}).flatMap((value) => [...String(value).matchAll(/inputs\.([\w-]+)/g)].map((match) => match[1]))));
    assert.deepEqual([...used].sort(), Object.keys(action.inputs).sort(), 'every input is used, and only those');
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### GitHub Action\n'));
    for (const [name, input] of Object.entries(action.inputs)) {
      assert.ok(input.description, `input ${name} has a description`);
      const row = section.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
      assert.ok(row, `README's GitHub Action section has a row for ${name}`);
      const shown = name === 'changed-since' ? 'the pull request\'s base' : input.default === '' ? 'empty' : `\`${input.default}\``;
      assert.ok(row.includes(shown), `README's row for ${name} gives its default ${shown}: ${row}`);
    }
  });
});
