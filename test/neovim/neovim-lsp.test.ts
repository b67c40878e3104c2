import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildCliBundle } from '../unit/cli/mcp-server';
import { runCli } from '../unit/cli/run-cli';
import { makeTempTree, removeTempTrees } from '../unit/cli/temp-tree';
import { REPO_ROOT } from '../unit/core/repo-paths';

// The language server through a client no one here wrote: Debian's Neovim (0.7) and its built-in LSP client, run
// headless with test/neovim/lsp-client.lua. `npm test` installs Neovim first (scripts/system-packages.mjs).

/** The gaps fixture with two more findings that have quick fixes: an option list, and an open item with a dash. */
const PLAN = readFileSync(path.join(REPO_ROOT, 'test/fixtures/cli/gaps/globex-rollout-plan.md'), 'utf8')
  .replace('- Data pull mode: incremental', '- Data pull mode: incremental / snapshot / hybrid')
  .replace('- [ ] Metrics spot-checked against raw source samples', '- [ ] Metrics spot-checked — against raw source samples');
const PLAN_FILE = 'docs/connectors/globex-rollout-plan.md';

interface SeenDiagnostic {
  code: string;
  severity: number;
  lnum: number;
  source: string;
  message: string;
  href: string | null;
}
interface Step {
  offered: string[];
  line: string;
}
interface NeovimResult {
  error?: string;
  diagnostics: SeenDiagnostic[];
  steps: { choose: Step; tick: Step; fix_all: Step };
  after_fixes: SeenDiagnostic[];
  symbols: { name: string; detail: string | null; children: string[] }[];
  final_lines: string[];
  final: SeenDiagnostic[];
}

describe('connector-plan lsp in Neovim (its built-in LSP client, headless)', function () {
  this.timeout(120000);
  let bundle: ReturnType<typeof buildCliBundle>;
  let root: string;
  let result: NeovimResult;
  let stderr: string;

  before(function () {
    const version = spawnSync('nvim', ['--version'], { encoding: 'utf8', timeout: 10000 });
    if (version.error || version.status !== 0) throw new Error('nvim is not installed: run `node scripts/system-packages.mjs` (as root), or `sudo apt-get install -y --no-install-recommends neovim`');
    bundle = buildCliBundle();
    root = makeTempTree({ '.connector-plan.json': JSON.stringify({ rules: { 'empty-field': 'error' } }), [PLAN_FILE]: PLAN, 'state/.keep': '' });
    const state = path.join(root, 'state');
    const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${path.join(REPO_ROOT, 'test/neovim/lsp-client.lua')}`], {
      cwd: root,
      encoding: 'utf8',
      // Neovim's LSP log and state stay in the temp folder; the server speaks English.
      env: { ...process.env, CP_NODE: process.execPath, CP_SERVER_JS: bundle.bin, CP_ROOT: root, CP_PLAN: path.join(root, PLAN_FILE), CP_RESULT: path.join(state, 'result.json'), XDG_CACHE_HOME: state, XDG_STATE_HOME: state, XDG_DATA_HOME: state, XDG_CONFIG_HOME: state, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' },
      timeout: 100000,
      killSignal: 'SIGKILL',
    });
    stderr = `${run.stderr ?? ''}${run.error ? String(run.error) : ''}`;
    assert.equal(run.status, 0, `nvim exited with ${run.status} (${run.signal ?? 'no signal'}): ${stderr}`);
    result = JSON.parse(readFileSync(path.join(state, 'result.json'), 'utf8')) as NeovimResult;
    assert.equal(result.error, undefined, `the Lua script failed: ${result.error}\n${stderr}`);
  });
  after(() => {
    removeTempTrees();
    bundle?.remove();
  });

  it('shows the findings check reports for the plan, with rule ids, severities from the config and rule pages', async () => {
    const checked = JSON.parse((await runCli(['check', PLAN_FILE, '--format', 'json'], { cwd: root })).stdout) as { files: { findings: { ruleId: string; severity: string; line: number; message: string }[] }[] };
    const findings = checked.files[0].findings;
    assert.equal(result.diagnostics.length, findings.length);
    assert.deepEqual(result.diagnostics.map((d) => d.code), findings.map((f) => f.ruleId));
    assert.deepEqual(result.diagnostics.map((d) => d.code), ['missing-section', 'empty-field', 'unchosen-option', 'go-no-go-open']);
    assert.deepEqual(result.diagnostics.map((d) => d.lnum + 1), findings.map((f) => f.line));
    assert.deepEqual(result.diagnostics.map((d) => d.message), findings.map((f) => f.message));
    // vim.diagnostic.severity: ERROR 1, WARN 2, INFO 3; the config raised empty-field to an error.
    const word: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info' };
    assert.deepEqual(result.diagnostics.map((d) => word[d.severity]), findings.map((f) => f.severity));
    assert.equal(result.diagnostics[1].severity, 1);
    for (const d of result.diagnostics) {
      assert.equal(d.source, 'connector-plan');
      assert.match(d.href ?? '', new RegExp(`/docs/rules/${d.code}\\.md$`));
    }
  });

  it('applies a quick fix picked from vim.lsp.buf.code_action(), and the finding goes', () => {
    const { choose } = result.steps;
    assert.deepEqual(choose.offered, ['Choose "incremental"', 'Choose "snapshot"', 'Choose "hybrid"', 'Disable unchosen-option for this line', 'Disable unchosen-option for this file']);
    assert.equal(choose.line, '- Data pull mode: snapshot');
  });

  it('matches the diagnostic Neovim 0.7 hands back with byte columns (a dash on the line) to its finding', () => {
    const { tick } = result.steps;
    assert.deepEqual(tick.offered, ['Check this go/no-go item', 'Disable go-no-go-open for this line', 'Disable go-no-go-open for this file']);
    assert.equal(tick.line, '- [x] Metrics spot-checked — against raw source samples');
    assert.deepEqual(result.after_fixes.map((d) => d.code), ['missing-section', 'empty-field']);
  });

  it('reads the outline: sections, with the phases, waves and go/no-go items under them', () => {
    assert.deepEqual(result.symbols.map((s) => s.name), ['A) Business Goal', 'B) Source Model', 'C) Linking Points (Identity Graph)', 'D) Mapping Rules + Cardinality', 'E) Delivery Phases', 'F) Agent-Team Plan', 'G) Risks + Mitigations', 'H) Manual Setup Handoff (Owner Actions)', 'I) Operational Go/No-Go']);
    const byName = new Map(result.symbols.map((s) => [s.name, s]));
    assert.deepEqual(byName.get('E) Delivery Phases')!.children, ['Phase 1: Connection + Mapping', 'Phase 2: Sync Engine', 'Phase 3: Analytics', 'Phase 4: Operational Readiness']);
    assert.deepEqual(byName.get('F) Agent-Team Plan')!.children, ['Wave 1', 'Wave 2', 'Wave 3']);
    assert.equal(byName.get('I) Operational Go/No-Go')!.children.length, 5);
    assert.equal(byName.get('I) Operational Go/No-Go')!.detail, '5/5 · NO-GO');
  });

  it('fixes all mechanical gaps as source.fixAll.connectorPlan', () => {
    assert.deepEqual(result.steps.fix_all.offered, ['Fix all mechanical connector plan gaps']);
    assert.ok(result.final_lines.includes('## J) Open Questions and Assumptions'), result.final_lines.join('\n'));
    assert.ok(!result.final.some((d) => d.code === 'missing-section'));
    // Nothing was saved: the file on disk is the plan as written.
    assert.equal(readFileSync(path.join(root, PLAN_FILE), 'utf8'), PLAN);
  });
});
