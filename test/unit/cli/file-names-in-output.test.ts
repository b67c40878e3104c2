import * as assert from 'node:assert/strict';
import { GOOD_PLAN } from '../core/plan-text';
import { runCli, type CliRun } from './run-cli';
import { makeTempTree, removeTempTrees } from './temp-tree';

// GitHub Actions reads any line of a step's output that starts (after spaces) with `::` (or the older `##[`) as a
// workflow command. A file name is the start of a text line, and may hold a newline.
const WORKFLOW_COMMAND = /^\s*(::|##\[)/;
const INJECTED = 'x\n::error file=app.ts,line=1::pwned\r\n##[warning]more-rollout-plan.md';
const SHOWN = 'x\\n::error file=app.ts,line=1::pwned\\r\\n##[warning]more-rollout-plan.md';
/** A plan (five sections and more) whose title names no plan: status shows its file name as its name. */
const UNTITLED_PLAN = GOOD_PLAN.replace('# Linear Connector Rollout Plan', '# Linear sync').replace('- Plan/tier constraints: 1,500 requests per hour', '- Plan/tier constraints:');

function assertNoWorkflowCommand(run: CliRun, what: string): void {
  for (const [stream, text] of [['stdout', run.stdout], ['stderr', run.stderr]] as const) {
    for (const line of text.split(/\r?\n|\r/)) assert.doesNotMatch(line, WORKFLOW_COMMAND, `${what}, ${stream}:\n${text}`);
  }
}

describe('file names in text output never read as GitHub workflow commands', function () {
  before(function () {
    if (process.platform === 'win32') this.skip();
  });
  afterEach(removeTempTrees);

  it('check and status show control characters in a file name escaped', async () => {
    const cwd = makeTempTree({ [INJECTED]: UNTITLED_PLAN });
    const check = await runCli(['check'], { cwd });
    assertNoWorkflowCommand(check, 'check');
    assert.ok(check.stdout.startsWith(`${SHOWN}:`), check.stdout);
    const status = await runCli(['status'], { cwd });
    assertNoWorkflowCommand(status, 'status');
    // The row's name is the file name without the template's words (`…-rollout-plan.md`).
    assert.ok(status.stdout.split('\n')[1].startsWith(SHOWN.replace(/-rollout-plan\.md$/, '')), status.stdout);
    const explain = await runCli(['explain', INJECTED], { cwd });
    assertNoWorkflowCommand(explain, 'explain');
    assert.ok(explain.stdout.startsWith(`${SHOWN}: a connector plan`), explain.stdout);
  });

  it('a name that starts with :: is shown as ./::…, and a name from a title in quotes', async () => {
    const cwd = makeTempTree({ '::error::pwned-rollout-plan.md': UNTITLED_PLAN, ' ::warning::spaced-rollout-plan.md': UNTITLED_PLAN, 'titled.md': GOOD_PLAN.replace('# Linear Connector Rollout Plan', '# ::error::Linear Connector Rollout Plan') });
    const check = await runCli(['check'], { cwd });
    assertNoWorkflowCommand(check, 'check');
    assert.match(check.stdout, /^\.\/::error::pwned-rollout-plan\.md:\d+:\d+ warning empty-field /m);
    assert.match(check.stdout, /^\.\/ ::warning::spaced-rollout-plan\.md:\d+:\d+ warning empty-field /m);
    const status = await runCli(['status'], { cwd });
    assertNoWorkflowCommand(status, 'status');
    assert.match(status.stdout, /^"::error::Linear" +100% .* titled\.md$/m);
    const explain = await runCli(['explain', '::error::pwned-rollout-plan.md'], { cwd });
    assertNoWorkflowCommand(explain, 'explain');
  });

  it('messages on stderr name such a file escaped, on one line', async () => {
    const cwd = makeTempTree({ [INJECTED]: new Uint8Array([0x23, 0, 0xff]) });
    const run = await runCli(['check'], { cwd });
    assertNoWorkflowCommand(run, 'check of a binary file');
    assert.equal(run.stderr, `connector-plan: cannot check ${SHOWN}: binary file (it contains NUL bytes); save it as UTF-8 text\n`);
    const missing = await runCli(['check', 'no\n::error::such.md'], { cwd });
    assert.equal(missing.stderr, 'connector-plan: cannot read no\\n::error::such.md: no such file or directory (ENOENT)\n');
  });

  it('new and template print a path with control characters escaped', async () => {
    const cwd = makeTempTree({ [`t\n::error::x.md`]: '# {Feature} Feature Rollout Plan\n\n## A) Goal\n- Problem this solves:\n' });
    const created = await runCli(['new', 'Acme', '--dir', 'plans\n::error::x'], { cwd });
    assertNoWorkflowCommand(created, 'new');
    assert.equal(created.stdout, 'plans\\n::error::x/acme-rollout-plan.md\n');
    const template = await runCli(['template', 't\n::error::x.md'], { cwd });
    assertNoWorkflowCommand(template, 'template');
    assert.ok(template.stdout.startsWith('t\\n::error::x.md: template'), template.stdout);
  });

  it('--format github escapes them as workflow command properties, as before', async () => {
    const cwd = makeTempTree({ [INJECTED]: UNTITLED_PLAN });
    const run = await runCli(['check', '--format', 'github'], { cwd });
    assert.match(run.stdout, /^::warning file=x%0A%3A%3Aerror file=app\.ts%2Cline=1%3A%3Apwned%0D%0A##\[warning\]more-rollout-plan\.md,line=/);
    assert.equal(run.stdout.split('\n').filter((line) => line.startsWith('::')).length, run.stdout.split('\n').length - 2, 'one command per finding, then the summary');
  });
});
