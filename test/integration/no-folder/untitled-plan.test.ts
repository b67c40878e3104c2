import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, planText } from '../plan-documents';
import { closeEditorsReverting, planGone, planNodeWhen } from '../plan-tree-nodes';

describe('Plans view with no folder open', () => {
  afterEach(closeEditorsReverting);

  it('lists the untitled plan being written, follows its edits, and drops it once closed', async () => {
    const { planTree } = await extensionApi();
    assert.deepEqual(await planTree.getChildren(), []);
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: planText('Soylent') });
    const editor = await vscode.window.showTextDocument(document);
    const item = planTree.getTreeItem(await planNodeWhen(planTree, document.uri, (i) => i.label === 'Soylent', 'the untitled plan shows'));
    assert.match(String(item.description), /NO-GO 1\/2$/);
    assert.equal(item.contextValue, 'plan', 'an untitled plan has no file to reveal in the Explorer');
    await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, 0, document.lineAt(0).text.length), '# Soylent Green Connector Rollout Plan'));
    await planNodeWhen(planTree, document.uri, (i) => i.label === 'Soylent Green', 'the view follows the edit');
    await closeEditorsReverting();
    await planGone(planTree, document.uri, 'the closed plan leaves the view');
  });

  it('does not list an untitled markdown document that is no plan', async () => {
    const { planTree, analyzer } = await extensionApi();
    // A named untitled document: `Untitled-1` may be handed out again while the last test's plan of that name is
    // still being closed, with its text.
    const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: '/shopping-list.md' }));
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '# Shopping list\n\n- milk\n'));
    const analysis = await analyzer.analyzeDocument(document);
    assert.equal(analysis.isPlan, false, `${document.uri.toString()} read as a plan (${analysis.report.reading?.why}): ${JSON.stringify(document.getText().slice(0, 80))}`);
    assert.ok(!(await planTree.getChildren()).some((n) => n.kind === 'plan' && n.uri.toString() === document.uri.toString()));
  });
});
