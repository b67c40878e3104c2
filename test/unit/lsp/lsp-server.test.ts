import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Hover, InitializeResult, TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import { LogMessageNotification } from 'vscode-languageserver/node';
import { analyzePlan, fixAllEdits, RULES } from '../../../src/core';
import { buildCliBundle } from '../cli/mcp-server';
import { runCli } from '../cli/run-cli';
import { fixtureTree, makeTempRepository, makeTempTree, removeTempTrees } from '../cli/temp-tree';
import { REPO_ROOT } from '../core/repo-paths';
import { fileUri, startLspServer, type LspSession } from './lsp-session';

const fixture = (relative: string) => readFileSync(path.join(REPO_ROOT, relative), 'utf8');
const teamFixture = (name: string) => fixture(`test/fixtures/team-templates/feature-rollout/${name}`);
/** The gaps fixture with one more gap that has several fixes: an option list left as the template wrote it. */
const GLOBEX = fixture('test/fixtures/cli/gaps/globex-rollout-plan.md').replace('- Data pull mode: incremental', '- Data pull mode: incremental / snapshot / hybrid');
const NOT_A_PLAN = '# Team notes\n\n## Goals\n- ship\n';

/** A workspace folder with a config (a rule raised, a team template for features/), a plan, a feature plan and a non-plan. */
const ROOT_TREE = {
  '.connector-plan.json': JSON.stringify({ rules: { 'empty-field': 'error' }, templates: [{ files: 'features/**/*.md', template: 'templates/feature.md' }] }),
  'templates/feature.md': teamFixture('template.md'),
  'features/dark-mode.md': teamFixture('draft-one-gap-per-line-dark-mode.md'),
  'docs/connectors/globex-rollout-plan.md': GLOBEX,
  'docs/notes.md': NOT_A_PLAN,
  // Two review loops: one whose final plan has open findings (the gate), one whose revision answers an id no review raised.
  ...loopTree('docusign'),
  ...loopTree('asana'),
};

function loopTree(name: string): Record<string, string> {
  const folder = path.join(REPO_ROOT, 'test/fixtures/loops', name);
  return Object.fromEntries(readdirSync(folder).filter((f) => f.endsWith('.md')).map((f) => [`loops/${name}/${f}`, readFileSync(path.join(folder, f), 'utf8')]));
}

const SEVERITY_WORD: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info' };

/** A diagnostic as `check --format json` writes a finding: 1-based, the severity as a word. */
function asJsonFinding(diagnostic: Diagnostic) {
  return {
    ruleId: String(diagnostic.code),
    severity: SEVERITY_WORD[diagnostic.severity!],
    message: diagnostic.message,
    line: diagnostic.range.start.line + 1,
    column: diagnostic.range.start.character + 1,
    endLine: diagnostic.range.end.line + 1,
    endColumn: diagnostic.range.end.character + 1,
  };
}

function applyEdits(text: string, edits: LspTextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), edits);
}

describe('connector-plan lsp --stdio (the built bin as a language server, over JSON-RPC)', function () {
  this.timeout(30000);
  let bundle: ReturnType<typeof buildCliBundle>;
  let root: string;
  let session: LspSession;
  const file = (relative: string) => path.join(root, ...relative.split('/'));
  const uri = (relative: string) => fileUri(file(relative));
  let version = 1;

  /** Opens a file of the tree as the editor would, with its text on disk (or `text`), and waits for its diagnostics. */
  async function open(relative: string, text = readFileSync(file(relative), 'utf8')) {
    const documentVersion = version++;
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(relative), languageId: 'markdown', version: documentVersion, text } });
    return (await session.diagnostics(uri(relative), (p) => p.version === documentVersion)).diagnostics;
  }
  async function change(relative: string, text: string) {
    const documentVersion = version++;
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(relative), version: documentVersion }, contentChanges: [{ text }] });
    return (await session.diagnostics(uri(relative), (p) => p.version === documentVersion)).diagnostics;
  }
  const close = (relative: string) => session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(relative) } });
  /** What `connector-plan check <file> --format json`, run in the workspace folder, reports. */
  async function checkJson(relative: string) {
    const run = await runCli(['check', relative, '--format', 'json'], { cwd: root });
    return (JSON.parse(run.stdout) as { files: { findings: unknown[]; isPlan: boolean }[] }).files[0];
  }

  before(async function () {
    this.timeout(120000);
    bundle = buildCliBundle();
    root = makeTempTree(ROOT_TREE);
    session = await startLspServer(bundle.bin, root);
  });
  after(async () => {
    await session?.close();
    removeTempTrees();
    bundle?.remove();
  });
  afterEach(() => assert.deepEqual(session.readErrors, [], 'the server wrote something that is not the protocol on stdout'));

  it('announces its features: incremental sync, quick fixes and fix-all, hover, completion, symbols, lenses', () => {
    const { capabilities, serverInfo } = session.initialized as InitializeResult;
    assert.equal(serverInfo?.name, 'connector-plan');
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.connectorPlan'] });
    assert.equal(capabilities.hoverProvider, true);
    assert.deepEqual(capabilities.completionProvider?.triggerCharacters, [':', ' ', '|', '#']);
    assert.ok(capabilities.documentSymbolProvider);
    assert.ok(capabilities.codeLensProvider);
  });

  it('publishes the findings check --format json reports for the same file and config', async () => {
    const diagnostics = await open('docs/connectors/globex-rollout-plan.md');
    const checked = await checkJson('docs/connectors/globex-rollout-plan.md');
    assert.equal(checked.isPlan, true);
    assert.ok(checked.findings.length >= 4, 'the fixture has gaps');
    assert.deepEqual(diagnostics.map(asJsonFinding), checked.findings);
    // The config raised empty-field to an error.
    assert.equal(diagnostics.find((d) => d.code === 'empty-field')?.severity, 1);
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.source, 'connector-plan');
      assert.ok(RULES.some((rule) => rule.id === diagnostic.code), String(diagnostic.code));
      assert.match(diagnostic.codeDescription?.href ?? '', new RegExp(`^file:///.*/docs/rules/${String(diagnostic.code)}\\.md$`));
    }
    // An option list still as the template wrote it is shown faded.
    assert.deepEqual(diagnostics.find((d) => d.code === 'unchosen-option')?.tags, [1]);
  });

  it("checks a team template's plan against that template, as check does", async () => {
    const diagnostics = await open('features/dark-mode.md');
    const checked = await checkJson('features/dark-mode.md');
    assert.ok(checked.findings.length > 0);
    assert.deepEqual(diagnostics.map(asJsonFinding), checked.findings);
    await close('features/dark-mode.md');
  });

  it("gives a review loop's rounds the loop's findings, as check does: the gate on the final plan, unknown answers on a revision", async () => {
    for (const [relative, rule] of [['loops/docusign/FINAL-APPROVED-PLAN.md', 'open-review-finding'], ['loops/asana/03-claude-revision.md', 'unknown-review-finding']]) {
      const diagnostics = await open(relative);
      const checked = await checkJson(relative);
      assert.ok(diagnostics.some((d) => d.code === rule), `${relative}: no ${rule}`);
      assert.deepEqual(diagnostics.map(asJsonFinding), checked.findings, relative);
      await close(relative);
    }
  });

  it('publishes no diagnostics for a markdown file that is not a plan, nor for the team template itself', async () => {
    assert.deepEqual(await open('docs/notes.md'), []);
    assert.deepEqual((await checkJson('docs/notes.md')).findings, []);
    assert.deepEqual(await open('templates/feature.md'), []);
    await close('docs/notes.md');
    await close('templates/feature.md');
  });

  it('checks again after typing, and clears a closed document', async () => {
    const relative = 'docs/connectors/globex-rollout-plan.md';
    const before = await change(relative, GLOBEX);
    const after = await change(relative, GLOBEX.replace('- Success in the next 2-4 weeks:', '- Success in the next 2-4 weeks: churn flagged a week early'));
    assert.equal(after.length, before.length - 1);
    assert.ok(!after.some((d) => d.code === 'empty-field'));
    await change(relative, GLOBEX);
  });

  it("offers the finding's quick fixes and the disable comments; applying a fix clears the finding", async () => {
    const relative = 'docs/connectors/globex-rollout-plan.md';
    const diagnostics = await change(relative, GLOBEX);
    const unchosen = diagnostics.find((d) => d.code === 'unchosen-option')!;
    const actions = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri(relative) }, range: unchosen.range, context: { diagnostics: [unchosen] } });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.length >= 5, titles.join(' | '));
    assert.deepEqual(titles.slice(-2), ['Disable unchosen-option for this line', 'Disable unchosen-option for this file']);
    for (const action of actions) {
      assert.equal(action.kind, 'quickfix');
      assert.deepEqual(action.diagnostics, [unchosen]);
    }
    const choose = actions.find((a) => /snapshot/.test(a.title))!;
    const fixed = applyEdits(GLOBEX, choose.edit!.changes![uri(relative)]);
    assert.match(fixed, /^- Data pull mode: snapshot$/m);
    const after = await change(relative, fixed);
    assert.ok(!after.some((d) => d.code === 'unchosen-option'));
    assert.equal(after.length, diagnostics.length - 1);

    const disabled = applyEdits(GLOBEX, actions.at(-2)!.edit!.changes![uri(relative)]);
    assert.match(disabled, /connector-plan-disable/);
    assert.ok(!(await change(relative, disabled)).some((d) => d.code === 'unchosen-option'));
    await change(relative, GLOBEX);
  });

  it('knows its diagnostic handed back with other columns on the same line (Neovim 0.7 sends byte columns)', async () => {
    const relative = 'docs/connectors/globex-rollout-plan.md';
    const withDash = GLOBEX.replace('- [ ] Metrics spot-checked', '- [ ] Metrics — spot-checked');
    const open = (await change(relative, withDash)).find((d) => d.code === 'go-no-go-open')!;
    const asBytes = { ...open, range: { start: open.range.start, end: { line: open.range.end.line, character: open.range.end.character + 2 } } };
    const actions = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri(relative) }, range: asBytes.range, context: { diagnostics: [asBytes] } });
    assert.deepEqual(actions.map((a) => a.title), ['Check this go/no-go item', 'Disable go-no-go-open for this line', 'Disable go-no-go-open for this file']);
    await change(relative, GLOBEX);
  });

  it('gives no quick fix for a diagnostic that is not its own, nor for a non-plan', async () => {
    const relative = 'docs/connectors/globex-rollout-plan.md';
    const foreign: Diagnostic = { range: { start: { line: 5, character: 2 }, end: { line: 5, character: 10 } }, message: 'spelling', source: 'cspell', code: 'empty-field' };
    assert.deepEqual(await session.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uri(relative) }, range: foreign.range, context: { diagnostics: [foreign] } }), []);
    await open('docs/notes.md');
    assert.deepEqual(await session.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uri('docs/notes.md') }, range: foreign.range, context: { diagnostics: [] } }), []);
    await close('docs/notes.md');
  });

  it('fixes all mechanical gaps as source.fixAll.connectorPlan, with the edits of the core', async () => {
    const relative = 'docs/connectors/globex-rollout-plan.md';
    const diagnostics = await change(relative, GLOBEX);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri(relative) }, range, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.connectorPlan');
    const expected = fixAllEdits(analyzePlan(GLOBEX, { path: file(relative), rules: { 'empty-field': 'error' } }).findings);
    assert.ok(expected.length > 0);
    assert.deepEqual(actions[0].edit!.changes![uri(relative)], expected);
    const after = await change(relative, applyEdits(GLOBEX, actions[0].edit!.changes![uri(relative)]));
    assert.ok(diagnostics.some((d) => d.code === 'missing-section'));
    assert.ok(!after.some((d) => d.code === 'missing-section'));
    // Quick fixes alone ask for no fix-all.
    const quick = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri(relative) }, range, context: { diagnostics: [], only: ['quickfix'] } });
    assert.deepEqual(quick, []);
    await change(relative, GLOBEX);
  });

  it('outlines the sections, phases, waves and go/no-go items', async () => {
    const symbols = await session.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri('docs/connectors/globex-rollout-plan.md') } });
    assert.deepEqual(symbols.map((s) => s.name), ['A) Business Goal', 'B) Source Model', 'C) Linking Points (Identity Graph)', 'D) Mapping Rules + Cardinality', 'E) Delivery Phases', 'F) Agent-Team Plan', 'G) Risks + Mitigations', 'H) Manual Setup Handoff (Owner Actions)', 'I) Operational Go/No-Go']);
    const byName = new Map(symbols.map((s) => [s.name, s]));
    assert.deepEqual(byName.get('E) Delivery Phases')!.children!.map((c) => c.name), ['Phase 1: Connection + Mapping', 'Phase 2: Sync Engine', 'Phase 3: Analytics', 'Phase 4: Operational Readiness']);
    assert.deepEqual(byName.get('F) Agent-Team Plan')!.children!.map((c) => c.name), ['Wave 1', 'Wave 2', 'Wave 3']);
    const goNoGo = byName.get('I) Operational Go/No-Go')!;
    assert.equal(goNoGo.children!.length, 5);
    assert.equal(goNoGo.children![3].name, '[ ] Metrics spot-checked against raw source samples');
    assert.match(goNoGo.detail ?? '', /4\/5/);
    assert.equal(goNoGo.range.start.line, 80);
    assert.equal(goNoGo.selectionRange.start.line, 80);
  });

  it('hovers a section heading with its state, and completes an option list with the values the checker accepts', async () => {
    const relative = 'docs/connectors/globex-rollout-plan.md';
    const lines = GLOBEX.split('\n');
    const heading = lines.indexOf('## E) Delivery Phases');
    const hover = await session.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: uri(relative) }, position: { line: heading, character: 5 } });
    assert.equal((hover?.contents as { kind: string }).kind, 'markdown');
    assert.match((hover?.contents as { value: string }).value, /Delivery Phases/);
    const pullMode = lines.findIndex((line) => line.startsWith('- Data pull mode:'));
    const items = await session.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri: uri(relative) }, position: { line: pullMode, character: lines[pullMode].length } });
    const labels = items.map((i) => i.label);
    for (const value of ['incremental', 'snapshot', 'hybrid']) assert.ok(labels.includes(value), labels.join(', '));
    // A line starting with the prefix of the template's parts offers them as snippets (other editors have no snippets file).
    const end = lines.length - 1;
    await change(relative, `${GLOBEX}cp-`);
    const parts = await session.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri: uri(relative) }, position: { line: end, character: 3 } });
    assert.ok(parts.some((p) => p.label === 'connector-plan' && p.insertTextFormat === 2), parts.map((p) => p.label).join(', '));
    await change(relative, GLOBEX);
  });

  it('shows a lens above each section, and a Fix lens that applies its fixes through the editor', async () => {
    const relative = 'docs/connectors/globex-rollout-plan.md';
    // A risk without its mitigation: the risks section gets a Fix lens (the stub it inserts).
    const noMitigation = GLOBEX.replace('  - Mitigation: backfill at night with backoff\n', '');
    await change(relative, noMitigation);
    const lenses = await session.connection.sendRequest<{ range: { start: { line: number } }; command: { title: string; command: string; arguments?: unknown[] } }[]>('textDocument/codeLens', { textDocument: { uri: uri(relative) } });
    assert.ok(lenses.some((l) => l.command.title === 'complete'));
    const goNoGo = lenses.find((l) => l.range.start.line === noMitigation.split('\n').indexOf('## I) Operational Go/No-Go'))!;
    assert.equal(goNoGo.command.title, '4/5 · NO-GO');
    const fix = lenses.find((l) => l.command.command === 'connectorPlan.lsp.fixSection')!;
    assert.match(fix.command.title, /^Fix \d+$/);
    const applied = new Promise<{ edit: { changes: Record<string, LspTextEdit[]> } }>((resolve) => session.connection.onRequest('workspace/applyEdit', (params: { edit: { changes: Record<string, LspTextEdit[]> } }) => (resolve(params), { applied: true })));
    await session.connection.sendRequest('workspace/executeCommand', { command: fix.command.command, arguments: fix.command.arguments });
    const { edit } = await applied;
    assert.equal(fix.range.start.line, GLOBEX.split('\n').indexOf('## G) Risks + Mitigations'));
    assert.match(applyEdits(noMitigation, edit.changes[uri(relative)]), /^- Risk 1: rate limits during backfill\n {2}- Mitigation:/m);
    await change(relative, GLOBEX);
  });

  it('reads .connector-plan.json again when the editor says it changed, and checks open documents with it', async () => {
    const relative = 'docs/connectors/globex-rollout-plan.md';
    const config = file('.connector-plan.json');
    const before = readFileSync(config, 'utf8');
    const diagnostics = await change(relative, GLOBEX);
    assert.equal(diagnostics.find((d) => d.code === 'empty-field')?.severity, 1);
    writeFileSync(config, JSON.stringify({ rules: { 'empty-field': 'info', 'go-no-go-open': 'off' } }));
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(config), type: 2 }] });
    const after = (await session.diagnostics(uri(relative), (p) => p.diagnostics.some((d) => d.code === 'empty-field' && d.severity === 3))).diagnostics;
    assert.ok(!after.some((d) => d.code === 'go-no-go-open'));
    assert.deepEqual(after.map(asJsonFinding), (await checkJson(relative)).findings);
    writeFileSync(config, before);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(config), type: 2 }] });
    assert.equal((await session.diagnostics(uri(relative), (p) => p.diagnostics.some((d) => d.code === 'empty-field' && d.severity === 1))).diagnostics.length, diagnostics.length);
  });

  it('reads a team template again when the editor says it changed, and checks its plans with it', async () => {
    const relative = 'features/dark-mode.md';
    const template = file('templates/feature.md');
    const before = readFileSync(template, 'utf8');
    const withTemplate = await open(relative);
    // A template that cannot be used: its plans are checked with the built-in template meanwhile, as check does.
    writeFileSync(template, 'no sections here\n');
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(template), type: 2 }] });
    // (The diagnostics of a check, which name the version checked; not those a close clears.)
    const changed = (await session.diagnostics(uri(relative), (p) => p.version !== undefined && JSON.stringify(p.diagnostics) !== JSON.stringify(withTemplate))).diagnostics;
    assert.ok(changed.length > withTemplate.length);
    assert.deepEqual(changed.map(asJsonFinding), (await checkJson(relative)).findings);
    writeFileSync(template, before);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(template), type: 2 }] });
    assert.deepEqual((await session.diagnostics(uri(relative), (p) => p.version !== undefined && JSON.stringify(p.diagnostics) === JSON.stringify(withTemplate))).diagnostics, withTemplate);
    await close(relative);
  });

  it('wrote nothing on stderr and exits 0 after shutdown and exit', async () => {
    assert.equal(session.stderr(), '');
    assert.equal(await session.close(), 0);
  });
});

describe('connector-plan lsp, run in-process', () => {
  afterEach(removeTempTrees);

  it('exits 2 without the standard input and output of a process to speak on', async () => {
    const run = await runCli(['lsp', '--stdio'], { cwd: makeTempTree() });
    assert.deepEqual(run, { code: 2, stdout: '', stderr: 'connector-plan: lsp serves over the standard input and output of a process; run it as connector-plan lsp --stdio\n' });
  });
});

describe('connector-plan lsp --stdio --max-file-size, and credentials', function () {
  this.timeout(30000);
  let bundle: ReturnType<typeof buildCliBundle>;
  let root: string;
  let session: LspSession;
  const SECRET = `sk_live_${'4eC39HqLyjWDarjtT1zdp7dc'}`;

  before(async function () {
    this.timeout(120000);
    bundle = buildCliBundle();
    root = makeTempTree({ 'docs/connectors/globex-rollout-plan.md': GLOBEX });
    session = await startLspServer(bundle.bin, root, { args: ['--max-file-size', '0.01'] });
  });
  after(async () => {
    await session?.close();
    removeTempTrees();
    bundle?.remove();
  });

  it('checks no document over the limit, as check reads no file over it: one information diagnostic names it', async () => {
    const uri = fileUri(path.join(root, 'docs/connectors/globex-rollout-plan.md'));
    const large = `${GLOBEX}\n${'<!-- padding -->\n'.repeat(700)}`;
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: large } });
    const { diagnostics } = await session.diagnostics(uri, (p) => p.version === 1);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].severity, 3);
    assert.match(diagnostics[0].message as string, /^Skipped docs\/connectors\/globex-rollout-plan\.md: \d+(\.\d+)? KB, over the 0\.01 MB limit; raise it with --max-file-size$/);
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  it("never echoes a credential written in a plan: the core's messages are redacted", async () => {
    const uri = fileUri(path.join(root, 'docs/connectors/globex-rollout-plan.md'));
    const leaky = GLOBEX.replace('- Secrets/env vars (`.env.local` + deployment): ACME_CLIENT_ID, ACME_CLIENT_SECRET', `- Secrets/env vars (\`.env.local\` + deployment): ACME_CLIENT_SECRET=${SECRET}`);
    assert.notEqual(leaky, GLOBEX);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 2, text: leaky } });
    const published = await session.diagnostics(uri, (p) => p.version === 2);
    assert.ok(published.diagnostics.some((d) => d.code === 'secret-value'), published.diagnostics.map((d) => d.code).join(', '));
    const symbols = await session.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    const lenses = await session.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
    const line = leaky.split('\n').findIndex((l) => l.includes(SECRET));
    const hover = await session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 4 } });
    const actions = await session.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: published.diagnostics[0].range, context: { diagnostics: published.diagnostics } });
    assert.doesNotMatch(JSON.stringify([published, symbols, lenses, hover, actions]), /4eC39HqLyjWDarjtT1zdp7dc/);
    assert.doesNotMatch(session.stderr(), /4eC39HqLyjWDarjtT1zdp7dc/);
  });
});

describe('connector-plan lsp --stdio in a repository: the references rules', function () {
  this.timeout(30000);
  let bundle: ReturnType<typeof buildCliBundle>;
  let root: string;
  let session: LspSession;
  const relative = 'docs/connectors/slack-rollout-plan.md';
  const missing = 'src/lib/slack/presence.ts';

  before(async function () {
    this.timeout(120000);
    bundle = buildCliBundle();
    // The fixture repository (see references.expected.json) as a repository of its own, its oracles left out.
    root = makeTempRepository(fixtureTree(path.join(REPO_ROOT, 'test/fixtures/repos/references')));
    session = await startLspServer(bundle.bin, root);
  });
  after(async () => {
    await session?.close();
    removeTempTrees();
    bundle?.remove();
  });

  it("gives check's reference findings, and drops one when the editor says the missing file was created", async () => {
    const uri = fileUri(path.join(root, relative));
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(path.join(root, relative), 'utf8') } });
    const before = (await session.diagnostics(uri, (p) => p.version === 1)).diagnostics;
    const checked = async () => (JSON.parse((await runCli(['check', relative, '--format', 'json'], { cwd: root })).stdout) as { files: { findings: unknown[] }[] }).files[0].findings;
    assert.deepEqual(before.map(asJsonFinding), await checked());
    assert.ok(before.some((d) => d.code === 'reference-not-found' && String(d.message).includes(missing)), 'the fixture names a file that does not exist');
    assert.ok(before.some((d) => d.code === 'env-var-unknown'));

    writeFileSync(path.join(root, ...missing.split('/')), 'export const presence = 1;\n');
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(root, missing)), type: 1 }] });
    const after = (await session.diagnostics(uri, (p) => !p.diagnostics.some((d) => String(d.message).includes(missing)))).diagnostics;
    assert.equal(after.length, before.length - 1);
    assert.deepEqual(after.map(asJsonFinding), await checked());
  });

  it('says in the editor\'s log when a .gitignore has more patterns with wildcards than are read', async () => {
    const tree = fixtureTree(path.join(REPO_ROOT, 'test/fixtures/repos/references'));
    const long = makeTempRepository({ ...tree, '.gitignore': Array.from({ length: 1002 }, (_, i) => `build-${i}-*/`).join('\n') });
    const other = await startLspServer(bundle.bin, long);
    try {
      const logged: string[] = [];
      other.connection.onNotification(LogMessageNotification.type, (params) => void logged.push(params.message));
      const uri = fileUri(path.join(long, relative));
      await other.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(path.join(long, relative), 'utf8') } });
      await other.diagnostics(uri, (p) => p.version === 1);
      assert.deepEqual(logged.filter((m) => m.includes('.gitignore')), ['.gitignore: 2 patterns with wildcards past the first 1000 are not read (the files they ignore are listed)']);
    } finally {
      await other.close();
    }
  });
});
