import * as assert from 'node:assert/strict';
import { TEST_VERSION, runCli } from './run-cli';
import { makeTempTree, removeTempTrees } from './temp-tree';

describe('connector-plan command line', () => {
  let cwd: string;
  beforeEach(() => (cwd = makeTempTree({ 'plan.md': '# Notes\n' })));
  afterEach(removeTempTrees);

  it('prints the version', async () => {
    assert.deepEqual(await runCli(['--version'], { cwd }), { code: 0, stdout: `${TEST_VERSION}\n`, stderr: '' });
    assert.equal((await runCli(['-v'], { cwd })).stdout, `${TEST_VERSION}\n`);
  });

  it('prints general help on stdout', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const run = await runCli(argv, { cwd });
      assert.equal(run.code, 0);
      assert.equal(run.stderr, '');
      assert.match(run.stdout, /^Usage: connector-plan <check\|status\|explain\|loop\|new\|template\|mcp\|lsp>/);
      assert.match(run.stdout, /\n  check {4}check plans/);
      assert.match(run.stdout, /\n  status {3}show each plan/);
      assert.match(run.stdout, /\n  new {6}create a plan/);
      assert.match(run.stdout, /\n  explain {2}show how a plan was read/);
      assert.match(run.stdout, /\n  mcp {6}serve the tools to AI agents over MCP \(stdio\)/);
      assert.match(run.stdout, /\n  lsp {6}serve diagnostics and fixes to editors over LSP \(--stdio\)/);
    }
  });

  it('prints each command help on stdout', async () => {
    for (const [argv, usage] of [
      [['check', '--help'], 'Usage: connector-plan check'],
      [['help', 'check'], 'Usage: connector-plan check'],
      [['status', '-h'], 'Usage: connector-plan status'],
      [['new', '--help'], 'Usage: connector-plan new'],
      [['mcp', '--help'], 'Usage: connector-plan mcp [--root <folder>]\n\nServes the plans of a folder to AI agents over the Model Context Protocol'],
      [['lsp', '--help'], 'Usage: connector-plan lsp --stdio\n\nA Language Server Protocol server for any editor'],
    ] as const) {
      const run = await runCli([...argv], { cwd });
      assert.equal(run.code, 0, argv.join(' '));
      assert.ok(run.stdout.startsWith(usage), run.stdout);
      assert.equal(run.stderr, '');
    }
  });

  const usageErrors: [string[], RegExp][] = [
    [[], /^connector-plan: missing a command\nUsage: connector-plan <check\|status\|explain\|loop\|new\|template\|mcp\|lsp> \[options\]\nRun 'connector-plan --help' for more\.\n$/],
    [['lint'], /^connector-plan: unknown command "lint"\nUsage: connector-plan <check/],
    [['help', 'lint'], /^connector-plan: unknown command "lint"\n/],
    [['check', '--bogus'], /^connector-plan: Unknown option '--bogus'\nUsage: connector-plan check .*\nRun 'connector-plan check --help' for more\.\n$/],
    [['check', '--format', 'xml'], /^connector-plan: --format must be text, json, sarif or github \(got "xml"\)\n/],
    [['check', '--format'], /^connector-plan: Option '--format <value>' argument missing\n/],
    [['check', '--max-warnings', 'many'], /^connector-plan: --max-warnings needs a whole number, 0 or more \(got "many"\)\n/],
    [['check', '--max-warnings=-1'], /^connector-plan: --max-warnings needs a whole number, 0 or more \(got "-1"\)\n/],
    [['check', '--max-warnings', '1.5'], /--max-warnings needs a whole number/],
    [['status', '--format', 'sarif'], /^connector-plan: --format must be text, json or markdown \(got "sarif"\)\nUsage: connector-plan status/],
    [['status', '--quiet'], /^connector-plan: Unknown option '--quiet'\n/],
    [['new'], /^connector-plan: missing the connector name\nUsage: connector-plan new/],
    [['new', 'X', '--frce'], /^connector-plan: Unknown option '--frce'\n/],
    [['lsp'], /^connector-plan: lsp needs --stdio: the server speaks the protocol on stdin and stdout\nUsage: connector-plan lsp --stdio\nRun 'connector-plan lsp --help' for more\.\n$/],
    [['lsp', 'docs'], /^connector-plan: lsp takes no paths: the editor opens the files\nUsage: connector-plan lsp --stdio\n/],
    [['lsp', '--socket=8123'], /^connector-plan: Unknown option '--socket'\nUsage: connector-plan lsp --stdio\n/],
  ];
  for (const [argv, stderr] of usageErrors) {
    it(`exits 2 with a message and the usage for: ${argv.join(' ') || '(nothing)'}`, async () => {
      const run = await runCli(argv, { cwd });
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, stderr);
    });
  }
});
