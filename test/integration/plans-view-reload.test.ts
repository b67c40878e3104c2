import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { inspectPlan } from '../../src/core';
import type { PlanAnalyzer } from '../../src/extension/plan-analysis';
import type { PlanTree } from '../../src/extension/plan-tree';
import type { PlanTreeNode } from '../../src/extension/plan-tree-items';
import type { PlanRowStore } from '../../src/extension/plan-tree-store';
import { extensionApi, planText } from './plan-documents';
import { closeEditorsReverting, deleteQuietly, fixtureUri, iconOf } from './plan-tree-nodes';

/** What a row shows: id, label, description, icon, what its menus offer, what a click runs. */
function shown(tree: PlanTree, node: PlanTreeNode): string {
  const item = tree.getTreeItem(node);
  return [item.id, item.label, item.description, iconOf(item), item.contextValue, item.collapsibleState, item.command?.command, String(item.command?.arguments?.[0])].join(' | ');
}

const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

describe('Plans view after a reload', () => {
  afterEach(closeEditorsReverting);

  it('shows the rows the last session kept before reading any file; the scan then puts each file as it is now in its place', async function () {
    this.timeout(60_000);
    const api = await extensionApi();
    const tree = api.planTree;
    const folder = fixtureUri('reload-rows');
    const changed = vscode.Uri.joinPath(folder, 'initech-plan.md');
    const gone = vscode.Uri.joinPath(folder, 'umbrella-plan.md');
    const same = vscode.Uri.joinPath(folder, 'soylent-plan.md');
    try {
      await write(changed, planText('Initech'));
      await write(gone, planText('Umbrella'));
      await write(same, planText('Soylent'));
      await tree.store!.clear();
      await tree.refresh();
      await tree.whenStored();

      // Stored: each row as shown, with its file's stamp; no text of a plan, no finding's message.
      const stored = tree.store!.read();
      assert.ok(stored, 'the rows are in workspace state');
      const initech = stored.rows.find((r) => r.uri === changed.toString());
      assert.ok(initech?.kind === 'plan', JSON.stringify(stored.rows.map((r) => r.uri)));
      assert.deepEqual([initech.name, initech.verdict, initech.checked, initech.total], ['Initech', 'NO-GO', 1, 2]);
      assert.ok(initech.stamp && initech.stamp.size === new TextEncoder().encode(planText('Initech')).length, JSON.stringify(initech.stamp));
      const json = JSON.stringify(stored);
      const messages = api.analyzer.latest(changed)?.report.findings.map((f) => f.message) ?? [];
      assert.ok(messages.length > 0, 'the plan has findings');
      for (const text of ['partner health', 'Acme API', 'Mappings validated', ...messages]) assert.ok(!json.includes(text), `"${text}" is stored`);
      const before = (await tree.getChildren()).map((n) => shown(tree, n));
      assert.equal(stored.rows.length, before.length, 'every row is stored');

      // A new session: the view is made again over the same workspace state; meanwhile one plan changed, one went.
      tree.dispose();
      await write(changed, planText('Initech').replace('- [ ] Mappings validated', '- [x] Mappings validated\n- [x] Rollback rehearsed'));
      await vscode.workspace.fs.delete(gone);
      const next = new (tree.constructor as new (analyzer: PlanAnalyzer, store?: PlanRowStore) => PlanTree)(api.analyzer, tree.store);
      // The tests after this one use the view of the new session.
      api.planTree = next;

      const first = await next.getChildren();
      assert.deepEqual(first.map((n) => n.kind).filter((kind) => kind !== 'cached'), [], 'the first rows are the kept ones: no file was read');
      assert.deepEqual(first.map((n) => shown(next, n)), before, 'each kept row shows what the row it stands for showed, the changed and the deleted plan as they were');
      // Expanding a kept row reads its file: its sections come from the analysis.
      const keptSoylent = first.find((n) => n.kind === 'cached' && n.uri.toString() === same.toString())!;
      const sections = (await next.getChildren(keptSoylent)).map((n) => next.getTreeItem(n).label);
      assert.equal(sections[0], 'A) Business Goal');

      await next.whenScanned();
      const rows = await next.getChildren();
      assert.deepEqual(rows.filter((n) => n.kind === 'cached').map((n) => shown(next, n)), [], 'no kept row is left once the scan ended');
      const initechRow = rows.find((n) => n.kind === 'plan' && n.uri.toString() === changed.toString());
      assert.ok(initechRow);
      const progress = inspectPlan(new TextDecoder().decode(await vscode.workspace.fs.readFile(changed))).report.progress!;
      assert.equal(next.getTreeItem(initechRow).description, `${progress.percent}% · ${progress.goNoGo.verdict} 3/3`);
      assert.ok(!rows.some((n) => n.kind === 'plan' && n.uri.toString() === gone.toString()), 'the deleted plan has no row');
      assert.ok(rows.some((n) => n.kind === 'plan' && n.uri.toString() === same.toString()));
      assert.equal(rows.length, before.length - 1);
    } finally {
      await deleteQuietly(folder);
    }
  });

  it('uses no kept row when settings changed since they were stored', async () => {
    const { planTree } = await extensionApi();
    await planTree.whenScanned();
    await planTree.whenStored();
    assert.ok(planTree.store?.read()?.rows.length, 'rows are stored');
    const config = () => vscode.workspace.getConfiguration('connectorPlan');
    await config().update('rules', { 'empty-field': 'off' }, vscode.ConfigurationTarget.Global);
    try {
      assert.equal(planTree.store?.read(), undefined);
    } finally {
      await config().update('rules', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
