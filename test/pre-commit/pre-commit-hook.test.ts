import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The repository root, from the compiled test's folder (out/test/pre-commit). */
const REPO_ROOT = path.resolve(__dirname, '../../..');
/** pre-commit's cache, kept for the commit it was built for: a new commit builds the hook's environment again. */
const PRE_COMMIT_HOME = path.join(REPO_ROOT, 'out', 'pre-commit-home');
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'cli');

interface Run {
  code: number | null;
  output: string;
}

/** Runs a command with no stdin and a time limit; stdout and stderr together, as a person reads them. */
function run(command: string, args: string[], cwd: string, timeoutMs = 30_000): Run {
  const result = spawnSync(command, args, { cwd, env: hookEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
  if (result.error) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}\n${result.stdout ?? ''}${result.stderr ?? ''}`);
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The environment without what `npm run` adds (npm_config_*, npm_lifecycle_*): pre-commit's own npm must not inherit it. */
function hookEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
  return {
    ...env,
    PRE_COMMIT_HOME,
    PRE_COMMIT_COLOR: 'never',
    GIT_AUTHOR_NAME: 'Plan Author',
    GIT_AUTHOR_EMAIL: 'author@example.test',
    GIT_COMMITTER_NAME: 'Plan Author',
    GIT_COMMITTER_EMAIL: 'author@example.test',
    // Packages npm has cached already are not fetched again (the hook's dependencies are those of this repository).
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
}

function hookConfig(rev: string, args?: string[]): string {
  return [
    'repos:',
    `  - repo: ${JSON.stringify(REPO_ROOT)}`,
    `    rev: ${rev}`,
    '    hooks:',
    '      - id: connector-plan',
    ...(args ? [`        args: ${JSON.stringify(args)}`] : []),
    '',
  ].join('\n');
}

describe('.pre-commit-hooks.yaml: the connector-plan hook, run by pre-commit from this repository as a user would', function () {
  // The first run at a commit installs the hook's environment (npm install of this repository, its CLI built by prepack).
  this.timeout(300_000);
  let rev: string;
  let user: string;

  before(async function () {
    const packages = await import(pathToFileURL(path.join(REPO_ROOT, 'scripts', 'system-packages.mjs')).href);
    const missing = (packages.missingSystemPackages() as string[]).filter((name) => name === 'git' || name === 'pre-commit');
    if (missing.length > 0) {
      throw new Error(`This test runs pre-commit in a git repository, and ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing. Install ${missing.length === 1 ? 'it' : 'them'} (npm test does, as root), then run it again:\n  sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`);
    }
    const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 10_000 });
    if (head.status !== 0) throw new Error(`The hook is installed from this repository's HEAD, but ${REPO_ROOT} is no git repository with a commit: ${head.stderr.trim()}`);
    rev = head.stdout.trim();
    const marker = path.join(PRE_COMMIT_HOME, 'built-for');
    if (!existsSync(marker) || readFileSync(marker, 'utf8') !== rev) {
      rmSync(PRE_COMMIT_HOME, { recursive: true, force: true });
      mkdirSync(PRE_COMMIT_HOME, { recursive: true });
      writeFileSync(marker, rev);
    }
    user = mkdtempSync(path.join(tmpdir(), 'connector-plan-pre-commit-'));
    assert.equal(run('git', ['init', '--quiet', '--initial-branch=main'], user).code, 0);
    writeFileSync(path.join(user, '.pre-commit-config.yaml'), hookConfig(rev));
    const install = run('pre-commit', ['install'], user);
    assert.equal(install.code, 0, install.output);
  });

  after(() => {
    if (user) rmSync(user, { recursive: true, force: true });
  });

  function place(fixture: string, target: string): void {
    mkdirSync(path.dirname(path.join(user, target)), { recursive: true });
    copyFileSync(fixture, path.join(user, target));
  }

  function commit(message: string): Run {
    return run('git', ['commit', '--quiet', '-m', message], user, 280_000);
  }

  it('checks the staged plans at git commit: a ready plan passes and is committed, other files are not passed to it', () => {
    place(path.join(FIXTURES, 'ready', 'acme-crm-rollout-plan.md'), 'docs/connectors/acme-crm-rollout-plan.md');
    writeFileSync(path.join(user, 'notes.txt'), 'not markdown\n');
    assert.equal(run('git', ['add', '-A'], user).code, 0);
    const result = commit('Acme CRM plan');
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /^connector-plan check\.+Passed$/m);
    assert.equal(run('git', ['rev-list', '--count', 'HEAD'], user).output.trim(), '1');
  });

  it('refuses a commit whose staged plan has an error, and names only the staged files', () => {
    place(path.join(FIXTURES, 'gaps', 'globex-rollout-plan.md'), 'docs/connectors/globex-rollout-plan.md');
    place(path.join(REPO_ROOT, 'examples', 'hubspot-rollout-plan.md'), 'docs/connectors/hubspot-rollout-plan.md');
    assert.equal(run('git', ['add', 'docs/connectors/globex-rollout-plan.md'], user).code, 0);
    const result = commit('Globex plan');
    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /^connector-plan check\.+Failed$/m);
    assert.match(result.output, /^- exit code: 1$/m);
    assert.match(result.output, /^docs\/connectors\/globex-rollout-plan\.md:1:3 error missing-section Section J\) Open Questions and Assumptions is missing/m);
    assert.match(result.output, /^1 plan checked: 1 error, 1 warning, 1 info$/m);
    assert.doesNotMatch(result.output, /hubspot|acme/);
    assert.equal(run('git', ['rev-list', '--count', 'HEAD'], user).output.trim(), '1');
  });

  it('lets warnings pass unless args set --max-warnings, counted over all the files of one run', () => {
    assert.equal(run('git', ['reset', '--quiet'], user).code, 0);
    assert.equal(run('git', ['add', 'docs/connectors/hubspot-rollout-plan.md'], user).code, 0);
    const warnings = run('pre-commit', ['run'], user);
    assert.equal(warnings.code, 0, warnings.output);
    assert.match(warnings.output, /^connector-plan check\.+Passed$/m);

    writeFileSync(path.join(user, '.pre-commit-config.yaml'), hookConfig(rev, ['--max-warnings', '0']));
    assert.equal(run('git', ['add', '.pre-commit-config.yaml'], user).code, 0);
    const gated = run('pre-commit', ['run', '--all-files'], user);
    assert.equal(gated.code, 1, gated.output);
    assert.match(gated.output, /^connector-plan check\.+Failed$/m);
    assert.match(gated.output, /^2 plans checked: 0 errors, 11 warnings, 4 info$/m);
    assert.match(gated.output, /^connector-plan: 11 warnings, more than --max-warnings 0 allows$/m);
  });
});
