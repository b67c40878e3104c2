import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyzePlan, getDefaultSchema, planSnippet, scaffoldPlan, snippetParts } from '../../src/core';
import { EXTENSION_ID, extensionApi } from './plan-documents';

const schema = getDefaultSchema();
const firstBlank = `- ${schema.sections[0].fields[0].label}: `;
const secondBlank = `- ${schema.sections[0].fields[1].label}: `;

/** A file system with nothing in it that refuses to make folders (no permission) or files (read-only). */
class RefusingFileSystem implements vscode.FileSystemProvider {
  refuseFolders = true;
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  stat(uri: vscode.Uri): vscode.FileStat {
    if (uri.path === '/' || (!this.refuseFolders && uri.path === '/plans')) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    throw vscode.FileSystemError.FileNotFound(uri);
  }
  readDirectory(): [string, vscode.FileType][] {
    return [];
  }
  createDirectory(uri: vscode.Uri): void {
    if (this.refuseFolders) throw vscode.FileSystemError.NoPermissions(uri);
  }
  readFile(uri: vscode.Uri): Uint8Array {
    throw vscode.FileSystemError.FileNotFound(uri);
  }
  writeFile(): void {
    throw vscode.FileSystemError.NoPermissions('EROFS: read-only file system');
  }
  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(() => true, () => false);
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

const lineAtCursor = (editor: vscode.TextEditor) => editor.document.lineAt(editor.selection.active.line).text;

/** The gaps a fresh plan must not have: the template's structure is all there. */
function assertWholeTemplate(text: string, name?: string): void {
  // Without a name and with nothing written yet, the text is a copy of the template (never checked on its own):
  // its structure is checked as a plan's.
  const report = analyzePlan(text, { assumePlan: !name });
  assert.equal(report.isPlan, true);
  if (!name) assert.equal(analyzePlan(text).kind, 'template');
  if (name) assert.equal(report.connectorName, name);
  const structural = report.findings.filter((f) => ['missing-section', 'duplicate-section', 'section-order', 'mapping-table'].includes(f.ruleId));
  assert.deepEqual(structural.map((f) => `${f.range.start.line + 1} ${f.ruleId}`), []);
}

describe('scaffolding: New Connector Plan and Insert Template', () => {
  let root: vscode.Uri;
  /** Files and folders a test made in the fixture workspace, removed after it so the workspace stays as committed. */
  let made: vscode.Uri[] = [];
  const madeIfNew = async (uri: vscode.Uri) => {
    if (!(await exists(uri))) made.push(uri);
  };

  before(async () => {
    await extensionApi();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the fixture workspace test/workspace/ is not open');
    root = folder.uri;
  });

  afterEach(async () => {
    for (let i = 0; i < 10 && vscode.window.activeTextEditor; i++) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    for (const uri of made.reverse()) if (await exists(uri)) await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
    made = [];
  });

  it('creates the plan in plansFolder with the name filled in, opens it and puts the cursor in the first blank', async () => {
    await madeIfNew(vscode.Uri.joinPath(root, 'docs'));
    const uri = await vscode.commands.executeCommand<vscode.Uri>('connectorPlan.newPlan', { name: 'Scaffold Test' });
    assert.equal(uri?.toString(), vscode.Uri.joinPath(root, 'docs', 'connectors', 'scaffold-test-rollout-plan.md').toString());

    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.equal(editor.document.uri.toString(), uri.toString());
    assert.equal(editor.document.lineAt(0).text, '# Scaffold Test Connector Rollout Plan');
    assertWholeTemplate(editor.document.getText(), 'Scaffold Test');
    assert.equal(lineAtCursor(editor), firstBlank);
    assert.equal(editor.selection.active.character, firstBlank.length);

    assert.equal(editor.document.isDirty, false, 'the new plan is saved');
    assert.equal(await readText(uri), editor.document.getText());

    // Still in snippet mode after the save: Tab goes on to the next blank.
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.equal(lineAtCursor(editor), secondBlank);
  });

  it('keeps its blanks: tabbed past to the end, the plan checks exactly like the one `connector-plan new` writes', async () => {
    await madeIfNew(vscode.Uri.joinPath(root, 'docs'));
    const api = await extensionApi();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('connectorPlan.newPlan', { name: 'Blank Test' });
    const editor = vscode.window.activeTextEditor;
    assert.ok(uri && editor);
    const stops = (planSnippet('Blank Test').match(/\$\{?\d+/g) ?? []).length;
    for (let i = 0; i < stops; i++) await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    await vscode.commands.executeCommand('leaveSnippet');

    const trimmed = (text: string) => text.split('\n').map((l) => l.trimEnd()).join('\n');
    assert.equal(trimmed(editor.document.getText()), trimmed(scaffoldPlan('Blank Test')));
    const made = await api.analyzer.analyzeDocument(editor.document);
    const written = analyzePlan(scaffoldPlan('Blank Test'));
    assert.equal(made.report.progress?.percent, 0);
    assert.deepEqual(made.report.progress, written.progress);
    assert.deepEqual(made.report.findings.map((f) => `${f.range.start.line} ${f.ruleId}`), written.findings.map((f) => `${f.range.start.line} ${f.ruleId}`));
    assert.ok(made.report.progress!.sections.every((s) => s.status !== 'complete'), 'a section of a blank plan shows complete');
  });

  it('never overwrites an existing plan: the file stays as it is and its URI comes back', async () => {
    await madeIfNew(vscode.Uri.joinPath(root, 'docs'));
    const first = await vscode.commands.executeCommand<vscode.Uri>('connectorPlan.newPlan', { name: 'Scaffold Test' });
    assert.ok(first);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    const mine = '# Scaffold Test Connector Rollout Plan\n\nWritten by hand: keep me.\n';
    await vscode.workspace.fs.writeFile(first, new TextEncoder().encode(mine));

    const again = await vscode.commands.executeCommand<vscode.Uri>('connectorPlan.newPlan', { name: 'scaffold test' });
    assert.equal(again?.toString(), first.toString());
    assert.equal(await readText(first), mine);
    assert.notEqual(vscode.window.activeTextEditor?.document.uri.toString(), first.toString(), 'the existing plan was opened without asking');
  });

  it('creates the plan directly in a given folder, as from the explorer context menu', async () => {
    const folder = vscode.Uri.joinPath(root, 'scaffold-explorer-test');
    await madeIfNew(folder);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('connectorPlan.newPlan', { name: 'Zendesk Support', folder });
    assert.equal(uri?.toString(), vscode.Uri.joinPath(folder, 'zendesk-support-rollout-plan.md').toString());
    assertWholeTemplate(await readText(uri), 'Zendesk Support');
  });

  it('follows the connectorPlan.plansFolder setting', async () => {
    const config = vscode.workspace.getConfiguration('connectorPlan');
    await madeIfNew(vscode.Uri.joinPath(root, 'scaffold-plans-test'));
    try {
      await config.update('plansFolder', './scaffold-plans-test/nested/', vscode.ConfigurationTarget.Global);
      const uri = await vscode.commands.executeCommand<vscode.Uri>('connectorPlan.newPlan', { name: 'Stripe' });
      assert.equal(uri?.toString(), vscode.Uri.joinPath(root, 'scaffold-plans-test', 'nested', 'stripe-rollout-plan.md').toString());
      assert.ok(await exists(uri));
    } finally {
      await config.update('plansFolder', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('refuses a name with a path separator and creates nothing', async () => {
    const plans = vscode.Uri.joinPath(root, 'docs');
    const before = await exists(plans);
    await madeIfNew(plans);
    assert.equal(await vscode.commands.executeCommand('connectorPlan.newPlan', { name: '../Escape' }), undefined);
    assert.equal(await vscode.commands.executeCommand('connectorPlan.newPlan', { name: '   ' }), undefined);
    assert.equal(await exists(plans), before);
  });

  it('refuses names that make no file name or too long a one, with the reason; keeps letters of any script', async () => {
    const api = await extensionApi();
    const folder = vscode.Uri.joinPath(root, 'scaffold-names-test');
    made.push(folder);
    assert.equal(await vscode.commands.executeCommand('connectorPlan.newPlan', { name: '...', folder }), undefined);
    assert.match(api.recentNotices().at(-1)!, /Cannot create a plan named "\.\.\.": The name needs a letter or a digit/);
    assert.equal(await vscode.commands.executeCommand('connectorPlan.newPlan', { name: 'x'.repeat(185), folder }), undefined);
    assert.match(api.recentNotices().at(-1)!, /would be 201 bytes long/);
    assert.equal(await exists(folder), false);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('connectorPlan.newPlan', { name: '日本語', folder });
    assert.equal(uri?.path.split('/').pop(), '日本語-rollout-plan.md');
  });

  it('tells the real reason when the file system refuses the plan, never "already exists"', async () => {
    const api = await extensionApi();
    const refusing = new RefusingFileSystem();
    const registration = vscode.workspace.registerFileSystemProvider('cp-refusing', refusing, { isCaseSensitive: true });
    try {
      refusing.refuseFolders = true;
      assert.equal(await vscode.commands.executeCommand('connectorPlan.newPlan', { name: 'Nope', folder: vscode.Uri.parse('cp-refusing:/plans') }), undefined);
      assert.match(api.recentNotices().at(-1)!, /^Could not create the folder .*plans: no permission to write there\.$/);
      refusing.refuseFolders = false;
      assert.equal(await vscode.commands.executeCommand('connectorPlan.newPlan', { name: 'Nope', folder: vscode.Uri.parse('cp-refusing:/plans') }), undefined);
      assert.match(api.recentNotices().at(-1)!, /^Could not create .*nope-rollout-plan\.md: the file system is read-only\.$/);
      assert.deepEqual(api.recentNotices().slice(-2).filter((n) => /already exists/.test(n)), []);
    } finally {
      registration.dispose();
    }
  });

  it('inserts the template at the cursor of a markdown editor, as one undoable snippet', async () => {
    const original = 'Intro\n\nOutro\n';
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: original }));
    editor.selection = new vscode.Selection(1, 0, 1, 0);

    assert.equal(await vscode.commands.executeCommand('connectorPlan.insertTemplate', { name: 'Acme' }), true);
    const lines = editor.document.getText().split('\n');
    assert.equal(lines[0], 'Intro');
    assert.equal(lines[1], '# Acme Connector Rollout Plan');
    assert.deepEqual(lines.slice(-3), ['', 'Outro', '']);
    assertWholeTemplate(lines.slice(1).join('\n'), 'Acme');
    assert.equal(lineAtCursor(editor), firstBlank);

    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });

  it('leaves a tab stop for the name when it is empty, and does nothing outside markdown', async () => {
    const markdown = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: '' }));
    assert.equal(await vscode.commands.executeCommand('connectorPlan.insertTemplate', { name: '' }), true);
    assert.equal(markdown.document.lineAt(0).text, '# {ConnectorName} Connector Rollout Plan');
    assert.equal(markdown.document.getText(markdown.selection), '{ConnectorName}');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

    const plain = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'notes' }));
    assert.equal(await vscode.commands.executeCommand('connectorPlan.insertTemplate', { name: 'Acme' }), false);
    assert.equal(plain.document.getText(), 'notes');
  });
});

describe('snippets file', () => {
  let snippets: Record<string, { prefix: string; body: string[] }>;

  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed = (extension.packageJSON as { contributes: { snippets: { language: string; path: string }[] } }).contributes.snippets;
    assert.deepEqual(contributed.map((s) => s.language), ['markdown']);
    const file = vscode.Uri.joinPath(extension.extensionUri, contributed[0].path);
    snippets = JSON.parse(await readText(file));
  });

  afterEach(async () => {
    for (let i = 0; i < 10 && vscode.window.activeTextEditor; i++) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('has the whole plan, with every section heading of the template, as the core makes it', () => {
    const plan = Object.values(snippets).find((s) => s.prefix === 'connector-plan');
    assert.ok(plan, 'no snippet with the prefix connector-plan');
    for (const section of schema.sections) assert.ok(plan.body.includes(`## ${section.headingText}`), `no "## ${section.headingText}" in the plan snippet`);
    assert.equal(plan.body.join('\n'), planSnippet());
  });

  it('is the one VS Code loaded: the whole plan and a part insert by name', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: '' }));
    const [planName] = Object.entries(snippets).find(([, s]) => s.prefix === 'connector-plan')!;
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: planName });
    assert.equal(editor.document.lineAt(0).text, '# {ConnectorName} Connector Rollout Plan');
    assertWholeTemplate(editor.document.getText());

    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    const [riskName] = Object.entries(snippets).find(([, s]) => s.prefix === 'cp-risk')!;
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: riskName });
    assert.match(editor.document.getText(), /\n- Risk 4: \n {2}- Mitigation: \n$/);
  });
});

describe('Insert Plan Part…', () => {
  afterEach(async () => {
    for (let i = 0; i < 10 && vscode.window.activeTextEditor; i++) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('inserts any part the snippets offer at the cursor, by its prefix; an unknown prefix inserts nothing', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: '' }));
    for (const part of Object.values(snippetParts())) {
      await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), ''));
      assert.equal(await vscode.commands.executeCommand('connectorPlan.insertPart', { prefix: part.prefix }), part.prefix);
      await vscode.commands.executeCommand('leaveSnippet');
      assert.ok(editor.document.getText().length > 0, `${part.prefix} inserted nothing`);
    }
    assert.match(editor.document.getText(), /^- Q4: $/m);
    const before = editor.document.getText();
    assert.equal(await vscode.commands.executeCommand('connectorPlan.insertPart', { prefix: 'cp-nothing' }), undefined);
    assert.equal(editor.document.getText(), before);
  });
});
