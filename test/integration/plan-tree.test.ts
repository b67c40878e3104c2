import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { inspectPlan, type PlanProgress } from '../../src/core';
import { extensionApi, planText } from './plan-documents';
import { child, closeEditorsReverting, deleteQuietly, fixtureUri, iconOf, lineOf, planGone, planNode, planNodeWhen, tooltipOf, until, withoutAutoSave } from './plan-tree-nodes';

const GLOBEX = fixtureUri('globex-plan.md');

/** The core's numbers for the fixture: the tree must show them, whatever refinements the core gets. */
async function globexProgress(): Promise<PlanProgress> {
  return inspectPlan(new TextDecoder().decode(await vscode.workspace.fs.readFile(GLOBEX))).report.progress!;
}

describe('Plans view', () => {
  withoutAutoSave();
  afterEach(closeEditorsReverting);

  it('lists the workspace plans with progress, verdict and icon, and no other markdown', async () => {
    const { planTree } = await extensionApi();
    await planTree.whenScanned();
    const roots = await planTree.getChildren();
    const globex = await planNode(planTree, GLOBEX);
    assert.ok(globex, `no Globex plan among ${roots.map((n) => planTree.getTreeItem(n).label).join(', ')}`);
    const item = planTree.getTreeItem(globex);
    assert.equal(item.label, 'Globex');
    assert.equal(item.description, `${(await globexProgress()).percent}% · NO-GO 2/3`);
    assert.equal(iconOf(item), 'error');
    assert.equal(item.command?.command, 'connectorPlan.openPlan', 'a click opens the plan; the twistie expands it');
    assert.match(tooltipOf(item), /NO-GO\*\*, 2 of 3 go\/no-go items checked/);
    assert.ok(await planNode(planTree, fixtureUri('rollout-plan.md')), 'the other fixture plan is listed too');
    assert.ok(!(await planNode(planTree, fixtureUri('README.md'))), 'README.md is no plan');
  });

  it('shows sections A–J with filled/total and status; a gap under its section reveals its range', async () => {
    const { planTree } = await extensionApi();
    const sections = await planTree.getChildren(await planNode(planTree, GLOBEX));
    const items = sections.map((s) => planTree.getTreeItem(s));
    assert.deepEqual(items.map((i) => `${String(i.label)} ${String(i.description)}`), (await globexProgress()).sections.map((s) => `${s.id}) ${s.title} ${s.filled}/${s.total}`));
    assert.deepEqual(items.map((i) => String(i.label).slice(0, 1)), ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
    assert.deepEqual(items.map(iconOf), ['pass', 'pie-chart', 'pass', 'pass', 'pie-chart', 'pass', 'pass', 'pass', 'pie-chart', 'error']);
    assert.match(tooltipOf(items[1]), /· partial\n\nStill to write: Plan\/tier constraints\.\n\n1 gap:\n\n- line 11: "Plan\/tier constraints" is empty/);

    const [gap] = await planTree.getChildren(sections[1]);
    const gapItem = planTree.getTreeItem(gap);
    assert.match(String(gapItem.label), /^"Plan\/tier constraints" is empty/);
    assert.equal(gapItem.description, 'line 11');
    const { command, arguments: args = [] } = gapItem.command!;
    await vscode.commands.executeCommand(command, ...args);
    const editor = await until(vscode.window.onDidChangeActiveTextEditor, () => vscode.window.activeTextEditor?.document.uri.toString() === GLOBEX.toString() && vscode.window.activeTextEditor, 'the gap opens the plan');
    assert.equal(editor.selection.start.line, 10);
    assert.equal(editor.document.getText(editor.selection), 'Plan/tier constraints');
  });

  it('shows phases with their status, and the gaps of a phase under it', async () => {
    const { planTree } = await extensionApi();
    const delivery = await child(planTree, (await planNode(planTree, GLOBEX))!, 'E) Delivery Phases');
    const phases = await planTree.getChildren(delivery);
    assert.deepEqual(phases.map((p) => planTree.getTreeItem(p)).map((i) => `${String(i.label)} · ${String(i.description)} · ${iconOf(i)}`), [
      'Phase 1: Connection + Mapping · complete · pass',
      'Phase 2: Sync Engine · partial · pie-chart',
      'Phase 3: Analytics · deferred · debug-step-over',
    ]);
    const gaps = (await planTree.getChildren(phases[1])).map((g) => planTree.getTreeItem(g).label);
    assert.deepEqual(gaps, ['Phase 2 has no Validation tests: add "- Validation tests:" with its value.']);
  });

  it('shows the go/no-go items as checkboxes, expanded', async () => {
    const { planTree } = await extensionApi();
    const checklist = await child(planTree, (await planNode(planTree, GLOBEX))!, 'I) Operational Go/No-Go');
    assert.equal(planTree.getTreeItem(checklist).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    const items = (await planTree.getChildren(checklist)).map((n) => planTree.getTreeItem(n));
    const state = (item: vscode.TreeItem) => (item.checkboxState as { state: vscode.TreeItemCheckboxState }).state;
    assert.deepEqual(items.map((i) => `${state(i) === vscode.TreeItemCheckboxState.Checked ? 'x' : ' '} ${String(i.label)}`), [
      'x Auth and connection test pass',
      'x Mappings validated (manual + auto-match)',
      '  Sync completes with safe resume behavior',
    ]);
    assert.equal(items[2].accessibilityInformation?.label, 'Sync completes with safe resume behavior, not checked yet, line 57');
  });

  it('follows unsaved edits of an open plan, and the file again once they are reverted', async () => {
    const { planTree } = await extensionApi();
    const editor = await vscode.window.showTextDocument(GLOBEX);
    const line = lineOf(editor.document, '- [ ] Sync completes');
    await editor.edit((b) => b.replace(new vscode.Range(line, 2, line, 5), '[x]'));
    await planNodeWhen(planTree, GLOBEX, (item) => String(item.description).endsWith('NO-GO 3/3'), 'the tree shows the unsaved tick');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await planNodeWhen(planTree, GLOBEX, (item) => String(item.description).endsWith('NO-GO 2/3'), 'the tree shows the file again');
  });

  it('adds a plan written to disk and drops it once deleted', async () => {
    const { planTree } = await extensionApi();
    const uri = fixtureUri('initech-plan.md');
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(planText('Initech')));
      await planNodeWhen(planTree, uri, (item) => item.label === 'Initech', 'the new plan appears');
      await vscode.workspace.fs.delete(uri);
      await planGone(planTree, uri, 'the deleted plan disappears');
    } finally {
      await deleteQuietly(uri);
    }
  });

  it('leaves out files matched by connectorPlan.exclude and by folder globs in files.exclude; drops a deleted folder', async () => {
    const { planTree, analyzer } = await extensionApi();
    const folder = fixtureUri('tmp-archive');
    const archived = vscode.Uri.joinPath(folder, 'hooli-plan.md');
    const connectorPlan = vscode.workspace.getConfiguration('connectorPlan');
    const files = vscode.workspace.getConfiguration('files');
    try {
      await vscode.workspace.fs.writeFile(archived, new TextEncoder().encode(planText('Hooli')));
      await planNodeWhen(planTree, archived, (item) => item.label === 'Hooli', 'the archived plan appears');
      try {
        await connectorPlan.update('exclude', ['**/globex-*.md'], vscode.ConfigurationTarget.Global);
        await files.update('exclude', { '**/tmp-archive': true }, vscode.ConfigurationTarget.Global);
        await planGone(planTree, GLOBEX, 'connectorPlan.exclude hides Globex');
        await planGone(planTree, archived, 'files.exclude hides the archived folder');
        const opened = await analyzer.analyzeDocument(await vscode.workspace.openTextDocument(archived));
        assert.equal(opened.isPlan, false, 'a file inside a folder that files.exclude names is not checked either');
      } finally {
        await connectorPlan.update('exclude', undefined, vscode.ConfigurationTarget.Global);
        await files.update('exclude', undefined, vscode.ConfigurationTarget.Global);
      }
      await planNodeWhen(planTree, GLOBEX, () => true, 'Globex is back');
      await planNodeWhen(planTree, archived, () => true, 'the archived plan is back');
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
      await planGone(planTree, archived, 'the plan goes with its folder');
    } finally {
      await deleteQuietly(folder);
    }
  });

  it('counts the NO-GO plans in the view badge', async () => {
    const { planTree } = await extensionApi();
    await planTree.whenScanned();
    const roots = await planTree.getChildren();
    const noGo = roots.filter((n) => /· NO-GO |· no go\/no-go checklist$/.test(String(planTree.getTreeItem(n).description)));
    assert.ok(noGo.length >= 2);
    assert.equal(planTree.view.badge?.value, noGo.length);
    assert.match(planTree.view.badge?.tooltip ?? '', new RegExp(`^${noGo.length} connector plans are NO-GO$`));
  });
});
