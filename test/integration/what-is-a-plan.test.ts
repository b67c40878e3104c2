import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { main } from '../../src/cli/main';
import { extensionApi, planText } from './plan-documents';
import { planNode, until } from './plan-tree-nodes';

const NOTE = '# Setting up the sandbox\n\n1. Ask for an account.\n2. Paste the key in the vault.\n';
const DRAFT = '# Draft\n\nStarted, nothing written yet.\n';

/** The paths (relative to the workspace folder) the CLI's `check --format json` takes for plans, run in-process there. */
async function cliPlans(root: vscode.Uri, folder: string): Promise<string[]> {
  let stdout = '';
  await main({
    argv: ['check', '--format', 'json', folder],
    cwd: root.fsPath,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: () => undefined },
    tool: { version: 'test', informationUri: 'https://example.test' },
  });
  return (JSON.parse(stdout) as { files: { path: string; isPlan: boolean }[] }).files.filter((f) => f.isPlan).map((f) => f.path).sort();
}

describe('what is a plan: one answer in the editor and the CLI', () => {
  let root: vscode.Uri;
  let base: vscode.Uri;
  const config = () => vscode.workspace.getConfiguration('connectorPlan');
  const write = (path: string, text: string) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(base, path), new TextEncoder().encode(text));

  before(async () => {
    await extensionApi();
    root = vscode.workspace.workspaceFolders![0].uri;
    base = vscode.Uri.joinPath(root, 'plan-kinds-test');
  });

  afterEach(async () => {
    for (let i = 0; i < 10 && vscode.window.activeTextEditor; i++) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await config().update('plansFolder', undefined, vscode.ConfigurationTarget.Global);
    await Promise.resolve(vscode.workspace.fs.delete(base, { recursive: true, useTrash: false })).catch(() => undefined);
  });

  it('a note in plansFolder is no plan; a file named by .connector-plan.json "files" is one, in both', async () => {
    const api = await extensionApi();
    await config().update('plansFolder', 'plan-kinds-test/plans', vscode.ConfigurationTarget.Global);
    await write('.connector-plan.json', '{ "files": ["drafts/*.md"] }');
    await write('plans/setup-guide.md', NOTE);
    await write('plans/acme-rollout-plan.md', planText('Acme'));
    await write('drafts/globex.md', DRAFT);
    const uri = (path: string) => vscode.Uri.joinPath(base, path);

    const shown = await until(api.planTree.onDidChangeTreeData, async () => {
      await api.planTree.refresh();
      const nodes = await Promise.all(['plans/setup-guide.md', 'plans/acme-rollout-plan.md', 'drafts/globex.md'].map(async (p) => [p, Boolean(await planNode(api.planTree, uri(p)))] as const));
      return nodes.filter(([p, there]) => there && p !== 'plans/setup-guide.md').length === 2 && nodes;
    }, 'the Plans view lists the plan and the draft');
    assert.deepEqual(shown.filter(([, there]) => there).map(([p]) => `plan-kinds-test/${p}`).sort(), await cliPlans(root, 'plan-kinds-test'));

    // Opened, the note gets no diagnostics; the draft gets the same findings as the CLI gives it.
    const note = await vscode.workspace.openTextDocument(uri('plans/setup-guide.md'));
    assert.equal((await api.analyzer.analyzeDocument(note)).isPlan, false);
    const draft = await vscode.workspace.openTextDocument(uri('drafts/globex.md'));
    const analysis = await api.analyzer.analyzeDocument(draft);
    assert.equal(analysis.isPlan, true);
    assert.ok(analysis.report.findings.some((f) => f.ruleId === 'missing-section'));
  });

  it('a plan New Connector Plan just made stays a plan while its text does not look like one yet', async () => {
    const api = await extensionApi();
    const made = await vscode.commands.executeCommand<vscode.Uri>('connectorPlan.newPlan', { name: 'Kinds Test', folder: base });
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), made.toString());
    await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), 'notes\n'));
    assert.equal((await api.analyzer.analyzeDocument(editor.document)).isPlan, true);

    // The same text in a file no one made as a plan is a note.
    await write('other.md', 'notes\n');
    const other = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(base, 'other.md'));
    assert.equal((await api.analyzer.analyzeDocument(other)).isPlan, false);
  });
});
