import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, openPlan, planText } from './plan-documents';
import { child, closeEditorsReverting, deleteQuietly, fixtureUri, lineOf, planNodeWhen, withoutAutoSave } from './plan-tree-nodes';

const GLOBEX = fixtureUri('globex-plan.md');
const setItem = (args: { uri: vscode.Uri; line: number; checked: boolean; text?: string }) => vscode.commands.executeCommand<boolean>('connectorPlan.setGoNoGoItem', args);
const replaceLine = (text: string, line: number, row: string) => text.split('\n').map((r, i) => (i === line ? row : r)).join('\n');

describe('go/no-go items', () => {
  withoutAutoSave();
  afterEach(closeEditorsReverting);

  it('are ticked on the right line of an unsaved plan, as an edit that undo takes back', async () => {
    const disk = new TextDecoder().decode(await vscode.workspace.fs.readFile(GLOBEX));
    const editor = await vscode.window.showTextDocument(GLOBEX);
    const document = editor.document;
    const constraints = lineOf(document, '- Plan/tier constraints:');
    await editor.edit((b) => b.insert(document.lineAt(constraints).range.end, ' 100 requests per minute'));
    assert.ok(document.isDirty);
    const before = document.getText();
    const line = lineOf(document, '- [ ] Sync completes');

    assert.equal(await setItem({ uri: GLOBEX, line, checked: true, text: 'Sync completes with safe resume behavior' }), true);
    assert.equal(document.getText(), replaceLine(before, line, '- [x] Sync completes with safe resume behavior'));
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(GLOBEX)), disk, 'nothing is saved');

    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), before);
    await closeEditorsReverting();
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(GLOBEX)), disk, 'the plan on disk is left as it was');
  });

  it('are unticked too', async () => {
    const editor = await openPlan();
    const line = lineOf(editor.document, '- [x] Auth and connection test pass');
    const before = editor.document.getText();
    assert.equal(await setItem({ uri: editor.document.uri, line, checked: false, text: 'Auth and connection test pass' }), true);
    assert.equal(editor.document.getText(), replaceLine(before, line, '- [ ] Auth and connection test pass'));
  });

  it('are left alone when the line no longer holds the item the caller saw', async () => {
    const editor = await openPlan();
    const document = editor.document;
    const line = lineOf(document, '- [ ] Mappings validated');
    await editor.edit((b) => b.replace(document.lineAt(line).range, '- [ ] Mappings validated by the partner team'));
    const before = document.getText();
    assert.equal(await setItem({ uri: document.uri, line, checked: true, text: 'Mappings validated' }), false);
    assert.equal(await setItem({ uri: document.uri, line: lineOf(document, '## I)'), checked: true }), false);
    assert.equal(document.getText(), before);
  });

  it('are ticked from a checkbox in the Plans view, in a plan that was not open, which then shows', async () => {
    const { planTree } = await extensionApi();
    const uri = fixtureUri('pied-piper-plan.md');
    const text = planText('Pied Piper');
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      const plan = await planNodeWhen(planTree, uri, (item) => item.label === 'Pied Piper', 'the new plan is listed');
      const checklist = await child(planTree, plan, 'I) Operational Go/No-Go');
      const item = await child(planTree, checklist, 'Mappings validated');

      assert.deepEqual(await planTree.toggleItems([[item, vscode.TreeItemCheckboxState.Checked]]), [true]);
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      assert.ok(document?.isDirty, 'the plan is open with the unsaved tick');
      assert.ok(vscode.window.visibleTextEditors.some((e) => e.document === document), 'the plan is shown');
      assert.equal(document.lineAt(lineOf(document, '- [x] Mappings validated')).text, '- [x] Mappings validated');
      await planNodeWhen(planTree, uri, (i) => String(i.description).endsWith('GO 2/2'), 'the tree shows the tick');
    } finally {
      await closeEditorsReverting();
      await deleteQuietly(uri);
    }
  });
});
