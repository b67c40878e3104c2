import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyzePlan } from '../../src/core';
import type { PlanStatusBar } from '../../src/extension/status-bar';
import { extensionApi, openPlan, planText } from './plan-documents';
import { closeEditorsReverting, fixtureUri, lineOf, planNode, tooltipOf, until } from './plan-tree-nodes';

const textWhen = (statusBar: PlanStatusBar, text: string) =>
  until(statusBar.onDidUpdate, () => statusBar.visible && statusBar.item.text === text, `the status bar says "${text}" (it says "${statusBar.item.text}")`);

/** The core's percent for the test plan: the status bar must show it, whatever refinements the core gets. */
const percentOf = (text: string) => analyzePlan(text).progress!.percent;

describe('status bar', () => {
  afterEach(closeEditorsReverting);

  it("shows the active plan's progress and verdict, with the sections in its tooltip", async () => {
    const { statusBar } = await extensionApi();
    await openPlan();
    await textWhen(statusBar, `$(checklist) ${percentOf(planText())}% · NO-GO 1/2`);
    const tooltip = tooltipOf(statusBar.item);
    assert.match(tooltip, /\*\*NO-GO\*\*, 1 of 2 go\/no-go items checked\n/);
    assert.doesNotMatch(tooltip, /unchecked/, "the checked count is said once");
    assert.match(tooltip, /\| \$\(circle-large-outline\) \| G\) Risks \+ Mitigations \| 0\/1 \|/);
  });

  it('follows edits', async () => {
    const { statusBar } = await extensionApi();
    const editor = await openPlan();
    await textWhen(statusBar, `$(checklist) ${percentOf(planText())}% · NO-GO 1/2`);
    const line = lineOf(editor.document, '- [ ] Mappings validated');
    await editor.edit((b) => b.replace(new vscode.Range(line, 2, line, 5), '[x]'));
    await textWhen(statusBar, `$(checklist) ${percentOf(editor.document.getText())}% · GO 2/2`);
  });

  it('hides when the active editor shows markdown that is no plan', async () => {
    const { statusBar } = await extensionApi();
    await openPlan();
    await until(statusBar.onDidUpdate, () => statusBar.visible, 'the status bar shows');
    const notes = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Notes\n\n- nothing to plan\n' });
    await vscode.window.showTextDocument(notes);
    await until(statusBar.onDidUpdate, () => !statusBar.visible, 'the status bar hides');
  });

  it('reveals the plan in the Plans view when clicked', async () => {
    const { statusBar, planTree } = await extensionApi();
    const uri = fixtureUri('globex-plan.md');
    await vscode.window.showTextDocument(uri);
    await until(statusBar.onDidUpdate, () => statusBar.visible && statusBar.item.text.endsWith('NO-GO 2/3'), 'the status bar shows Globex');
    const { command, arguments: args = [] } = statusBar.item.command as vscode.Command;
    assert.equal(await vscode.commands.executeCommand(command, ...args), true);
    assert.equal(planTree.view.visible, true);
    assert.deepEqual(planTree.view.selection, [await planNode(planTree, uri)]);
  });

  it('tells a plan outside the workspace is not in the Plans view', async () => {
    await openPlan();
    assert.equal(await vscode.commands.executeCommand('connectorPlan.revealPlan'), false);
  });
});
