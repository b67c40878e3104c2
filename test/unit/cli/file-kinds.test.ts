import * as assert from 'node:assert/strict';
import { existsSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_TEMPLATE_TEXT } from '../../../src/core';
import { GOOD_PLAN } from '../core/plan-text';
import { runCli } from './run-cli';
import { makeFifo, makeSparseFile, stopFifoWriters } from './special-files';
import { makeTempTree, removeTempTrees } from './temp-tree';

const NOT_A_PLAN = '# Team notes\n\nNothing to roll out here.\n';
const MB = 1024 * 1024;

// Each FIFO that should be refused has a writer waiting to feed it a plan (see makeFifo): code that opened it would
// read that plan and report it, so these tests fail by what they print, never by waiting.
describe('only regular files within the size limit are read: pipes, devices and huge files are named and skipped', function () {
  before(function () {
    if (process.platform === 'win32') this.skip();
  });
  afterEach(() => {
    stopFifoWriters();
    removeTempTrees();
  });

  it('check, status and explain name a FIFO given as a plan, skip it unopened and exit 2', async () => {
    const cwd = makeTempTree({ 'a.md': NOT_A_PLAN });
    makeFifo(path.join(cwd, 'pipe-rollout-plan.md'), GOOD_PLAN);
    const refused = 'connector-plan: cannot check pipe-rollout-plan.md: a named pipe (FIFO), not a regular file\n';
    const check = await runCli(['check', 'pipe-rollout-plan.md', 'a.md'], { cwd });
    assert.deepEqual(check, { code: 2, stderr: refused, stdout: '0 plans checked (1 other markdown file skipped, 1 could not be read): 0 errors, 0 warnings, 0 info\n' });
    const status = await runCli(['status', 'pipe-rollout-plan.md'], { cwd });
    assert.deepEqual([status.code, status.stderr], [2, refused]);
    const explain = await runCli(['explain', 'pipe-rollout-plan.md'], { cwd });
    assert.deepEqual(explain, { code: 2, stderr: refused, stdout: '' });
  });

  it('a FIFO in a folder or matched by a glob is not a markdown file to check, as a folder there is not', async () => {
    const cwd = makeTempTree({ 'docs/a.md': NOT_A_PLAN });
    makeFifo(path.join(cwd, 'docs', 'pipe-rollout-plan.md'), GOOD_PLAN);
    const skipped = { code: 0, stderr: '', stdout: '0 plans checked (1 other markdown file skipped): 0 errors, 0 warnings, 0 info\n' };
    assert.deepEqual(await runCli(['check', 'docs'], { cwd }), skipped);
    assert.deepEqual(await runCli(['check', 'docs/*.md'], { cwd }), skipped);
  });

  it('a FIFO as --template, as the template of `template` and `new`, is named and not used (exit 2)', async () => {
    const cwd = makeTempTree({ 'plan.md': GOOD_PLAN });
    makeFifo(path.join(cwd, 'team.md'), DEFAULT_TEMPLATE_TEXT);
    const check = await runCli(['check', 'plan.md', '--template', 'team.md'], { cwd });
    assert.equal(check.code, 2);
    assert.equal(check.stderr, 'connector-plan: cannot use the template team.md: a named pipe (FIFO), not a regular file; checking its plans with the built-in template\n');
    const template = await runCli(['template', 'team.md'], { cwd });
    assert.deepEqual(template, { code: 2, stdout: '', stderr: 'connector-plan: cannot use the template team.md: a named pipe (FIFO), not a regular file\n' });
    const created = await runCli(['new', 'Acme', '--template', 'team.md'], { cwd });
    assert.deepEqual(created, { code: 2, stdout: '', stderr: 'connector-plan: cannot use the template team.md: a named pipe (FIFO), not a regular file\n' });
    assert.ok(!existsSync(path.join(cwd, 'docs')), 'no plan was written');
  });

  it('a FIFO as .connector-plan.json is named, and the default rule severities are used', async () => {
    const cwd = makeTempTree({ 'plan.md': GOOD_PLAN.replace('- Plan/tier constraints: 1,500 requests per hour', '- Plan/tier constraints:') });
    makeFifo(path.join(cwd, '.connector-plan.json'), '{ "rules": { "empty-field": "off" } }');
    const run = await runCli(['check', 'plan.md'], { cwd });
    assert.equal(run.stderr, 'connector-plan: warning: cannot read .connector-plan.json: a named pipe (FIFO), not a regular file; using the default rule severities\n');
    assert.match(run.stdout, /^plan\.md:\d+:\d+ warning empty-field /, 'the FIFO\'s rules were not read');
  });

  // /dev/null, not /dev/zero: read, /dev/zero never ends, and this test must end before and after the fix.
  it('a device is named and skipped', async () => {
    const run = await runCli(['check', '/dev/null'], { cwd: makeTempTree() });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^connector-plan: cannot check (\.\.\/)*dev\/null: a character device, not a regular file\n$/);
  });

  it(`a file over the limit (default 10 MB, --max-file-size in MB) is named and skipped unread, exit 2`, async () => {
    const cwd = makeTempTree({ 'plan.md': GOOD_PLAN });
    makeSparseFile(path.join(cwd, 'big.md'), 10 * MB + 1);
    const big = await runCli(['check', 'big.md', 'plan.md'], { cwd });
    assert.equal(big.code, 2);
    assert.equal(big.stderr, 'connector-plan: cannot check big.md: 10.1 MB, over the 10 MB limit; raise it with --max-file-size\n');
    assert.match(big.stdout, /^1 plan checked \(1 could not be read\)/);

    const small = await runCli(['check', 'plan.md', '--max-file-size', '0.001'], { cwd });
    assert.equal(small.code, 2);
    assert.match(small.stderr, /^connector-plan: cannot check plan\.md: \d+(\.\d)? KB, over the 0\.001 MB limit; raise it with --max-file-size\n$/);
    assert.deepEqual(await runCli(['check', 'plan.md', '--max-file-size', '1'], { cwd }), await runCli(['check', 'plan.md'], { cwd }));
    for (const command of ['status', 'explain']) {
      const run = await runCli([command, 'plan.md', '--max-file-size', '0.001'], { cwd });
      assert.deepEqual([run.code, run.stderr], [2, small.stderr], command);
    }
  });

  it('reads at most the limit of a file whose size the file system does not tell (/proc)', async function () {
    if (!existsSync('/proc/self/status')) this.skip();
    const run = await runCli(['check', '/proc/self/status', '--max-file-size', '0.0001'], { cwd: makeTempTree() });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /cannot check (\.\.\/)*proc\/self\/status: more than the 0\.0001 MB limit; raise it with --max-file-size\n$/);
  });

  it('refuses a --max-file-size that is not a size in MB', async () => {
    const cwd = makeTempTree({ 'plan.md': GOOD_PLAN });
    for (const value of ['abc', '0', '-1', '10MB', '']) {
      const run = await runCli(['check', 'plan.md', `--max-file-size=${value}`], { cwd });
      assert.equal(run.code, 2, value);
      assert.match(run.stderr, new RegExp(`^connector-plan: --max-file-size needs a size in MB greater than 0, such as 10 or 0\\.5 \\(got "${value}"\\)\\n`));
    }
  });

  it('a regular file is still read through a symbolic link', async () => {
    const cwd = makeTempTree({ 'real/plan.md': GOOD_PLAN });
    writeFileSync(path.join(cwd, 'other.md'), NOT_A_PLAN);
    symlinkSync(path.join(cwd, 'real/plan.md'), path.join(cwd, 'linked-rollout-plan.md'));
    const run = await runCli(['check', 'linked-rollout-plan.md'], { cwd });
    assert.deepEqual([run.code, run.stderr], [0, '']);
    assert.match(run.stdout, /^1 plan checked/);
  });
});
