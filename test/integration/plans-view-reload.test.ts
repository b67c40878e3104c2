import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { inspectPlan } from '../../src/core';
import type { PlanAnalyzer } from '../../src/extension/plan-analysis';
import type { PlanTree } from '../../src/extension/plan-tree';
import type { CachedRow } from '../../src/extension/plan-tree-cache';
import type { PlanTreeNode } from '../../src/extension/plan-tree-items';
import type { PlanRowStore } from '../../src/extension/plan-tree-store';
import { extensionApi, planText } from './plan-documents';
import { closeEditorsReverting, deleteQuietly, fixtureUri, iconOf, until } from './plan-tree-nodes';

/** What a row shows: id, label, description, icon, what its menus offer, what a click runs. */
function shown(tree: PlanTree, node: PlanTreeNode): string {
  const item = tree.getTreeItem(node);
  return [item.id, item.label, item.description, iconOf(item), item.contextValue, item.collapsibleState, item.command?.command, String(item.command?.arguments?.[0])].join(' | ');
}

/** The id of the row a stored row stands for (a loop's row is its folder's). */
const storedId = (row: CachedRow) => (row.kind === 'loop' ? `loop:${row.uri}` : row.uri);

const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

const REVIEW = '# Review\n\n## Findings\n\n### P1.1 — No owner for the API key\n\nName the owner before any build starts.\n';

// Other tests share the window: their rows are in the view too, and may still come and go (a file they deleted goes
// when its document is closed). So the rows are compared whole only at a moment the view holds still, and what this
// test's own files show is checked row by row.
describe('Plans view after a reload', () => {
  afterEach(closeEditorsReverting);

  it('shows the rows the last session kept before reading any file; the scan then puts each file as it is now in its place', async function () {
    this.timeout(90_000);
    const api = await extensionApi();
    const tree = api.planTree;
    const folder = fixtureUri('reload-rows');
    const changed = vscode.Uri.joinPath(folder, 'initech-plan.md');
    const gone = vscode.Uri.joinPath(folder, 'umbrella-plan.md');
    const same = vscode.Uri.joinPath(folder, 'soylent-plan.md');
    // A review loop whose plan of record is a plan, and one whose draft under review is a proposal in prose.
    const tyrell = vscode.Uri.joinPath(folder, 'tyrell');
    const wayne = vscode.Uri.joinPath(folder, 'wayne');
    const ownIds = [changed.toString(), gone.toString(), same.toString(), `loop:${tyrell.toString()}`, `loop:${wayne.toString()}`];
    const own = (lines: string[]) => lines.filter((line) => ownIds.includes(line.split(' | ')[0]));
    // The old view is disposed mid-test: whatever happens, the tests after this one get a live view.
    let disposed = false;
    let next: PlanTree | undefined;
    const reopen = (): PlanTree => {
      next = new (tree.constructor as new (analyzer: PlanAnalyzer, store?: PlanRowStore) => PlanTree)(api.analyzer, tree.store);
      // The tests after this one use the view of the new session (the old one's view and commands went with it).
      api.planTree = next;
      return next;
    };
    try {
      await write(changed, planText('Initech'));
      await write(gone, planText('Umbrella'));
      await write(same, planText('Soylent'));
      await write(vscode.Uri.joinPath(tyrell, '01-ana-plan.md'), planText('Tyrell'));
      await write(vscode.Uri.joinPath(tyrell, '02-ben-review.md'), REVIEW);
      await write(vscode.Uri.joinPath(wayne, '01-cy-proposal.md'), '# Wayne sync: a proposal\n\nWe want to pull Wayne members nightly and link them to accounts by email.\n');
      await write(vscode.Uri.joinPath(wayne, '02-dee-review.md'), REVIEW);
      await tree.store!.clear();
      await tree.refresh();

      // Every row the view shows is stored, in its order: checked when the view showed the same rows before and after
      // the store (so the store listed those) and this test's files are rows (a slow host, the web's above all, may hold
      // still before the scan has found them), again after each change until then.
      let mismatch = '';
      const { stored, before } = await until(tree.onDidChangeTreeData, async () => {
        const shownBefore = (await tree.getChildren()).map((n) => shown(tree, n));
        await tree.whenStored();
        const kept = tree.store!.read();
        const nodes = await tree.getChildren();
        const shownAfter = nodes.map((n) => shown(tree, n));
        const ids = nodes.map((n) => tree.getTreeItem(n).id);
        const storedIds = kept?.rows.map(storedId) ?? [];
        mismatch = `shown, not stored: ${JSON.stringify(ids.filter((id) => !storedIds.includes(id!)))}; stored, not shown: ${JSON.stringify(storedIds.filter((id) => !ids.includes(id)))}`;
        const missing = ownIds.filter((id) => !ids.includes(id));
        mismatch += `; not yet rows of this test: ${JSON.stringify(missing)}`;
        const still = JSON.stringify(shownBefore) === JSON.stringify(shownAfter);
        return still && missing.length === 0 && kept && JSON.stringify(storedIds) === JSON.stringify(ids) && { stored: kept, before: shownAfter };
      }, 'every row of the view stored', 30_000).catch((error: Error) => {
        throw new Error(`${error.message}; ${mismatch}`);
      });
      assert.deepEqual(own(before).map((line) => line.split(' | ')[0]).sort(), [...ownIds].sort(), 'the test\'s plans and loops are rows');

      // Stored: each row as shown, with its file's stamp; no text of a plan, no finding's message.
      const initech = stored.rows.find((r) => r.uri === changed.toString());
      assert.ok(initech?.kind === 'plan', JSON.stringify(stored.rows.map((r) => r.uri)));
      assert.deepEqual([initech.name, initech.verdict, initech.checked, initech.total], ['Initech', 'NO-GO', 1, 2]);
      assert.ok(initech.stamp && initech.stamp.size === new TextEncoder().encode(planText('Initech')).length, JSON.stringify(initech.stamp));
      const tyrellRow = stored.rows.find((r) => r.uri === tyrell.toString());
      assert.ok(tyrellRow?.kind === 'loop', 'the Tyrell loop is stored');
      assert.deepEqual([tyrellRow.name, tyrellRow.stage, tyrellRow.open.P1, tyrellRow.record, tyrellRow.recordIsPlan], ['Tyrell', 'in review', 1, vscode.Uri.joinPath(tyrell, '01-ana-plan.md').toString(), true]);
      const wayneRow = stored.rows.find((r) => r.uri === wayne.toString());
      assert.ok(wayneRow?.kind === 'loop', 'the Wayne loop is stored');
      assert.deepEqual([wayneRow.record, wayneRow.recordIsPlan], [vscode.Uri.joinPath(wayne, '01-cy-proposal.md').toString(), false]);
      const json = JSON.stringify(stored);
      const messages = api.analyzer.latest(changed)?.report.findings.map((f) => f.message) ?? [];
      assert.ok(messages.length > 0, 'the plan has findings');
      for (const text of ['partner health', 'Acme API', 'Mappings validated', 'No owner for the API key', 'members nightly', ...messages]) assert.ok(!json.includes(text), `"${text}" is stored`);

      // A new session: the view is made again over the same workspace state. Between the sessions no view is there:
      // one plan changes, one goes (awaiting the writes also lets the old view give its id up before the new one takes it).
      disposed = true;
      tree.dispose();
      await write(changed, planText('Initech').replace('- [ ] Mappings validated', '- [x] Mappings validated\n- [x] Rollback rehearsed'));
      await vscode.workspace.fs.delete(gone);
      const view = reopen();

      const first = await view.getChildren();
      assert.deepEqual(first.filter((n) => n.kind !== 'cached').map((n) => shown(view, n)), [], 'the first rows are the kept ones: no file was read');
      assert.deepEqual(first.map((n) => shown(view, n)), before, 'each kept row shows what the row it stands for showed, the changed and the deleted plan as they were');
      // Expanding a kept row reads its file: its sections come from the analysis, a loop's rounds from its reading.
      const keptSoylent = first.find((n) => n.kind === 'cached' && n.uri.toString() === same.toString())!;
      assert.equal(view.getTreeItem((await view.getChildren(keptSoylent))[0]).label, 'A) Business Goal');
      const keptTyrell = first.find((n) => n.kind === 'cached' && n.uri.toString() === tyrell.toString())!;
      assert.deepEqual((await view.getChildren(keptTyrell)).slice(0, 2).map((n) => view.getTreeItem(n).label), ['01-ana-plan.md', '02-ben-review.md']);

      await view.whenScanned();
      const rows = await view.getChildren();
      assert.deepEqual(rows.filter((n) => n.kind === 'cached').map((n) => shown(view, n)), [], 'no kept row is left once the scan ended');
      const after = rows.map((n) => shown(view, n));
      assert.deepEqual(own(after).map((line) => line.split(' | ')[0]).sort(), ownIds.filter((id) => id !== gone.toString()).sort(), 'the deleted plan has no row; the others have theirs');
      const initechRow = rows.find((n) => n.kind === 'plan' && n.uri.toString() === changed.toString())!;
      const progress = inspectPlan(new TextDecoder().decode(await vscode.workspace.fs.readFile(changed))).report.progress!;
      assert.equal(view.getTreeItem(initechRow).description, `${progress.percent}% · ${progress.goNoGo.verdict} 3/3`);
      // The rows of files unchanged show, read again, what their kept rows showed.
      const unchanged = (lines: string[]) => own(lines).filter((line) => !line.startsWith(`${changed.toString()} | `) && !line.startsWith(`${gone.toString()} | `));
      assert.deepEqual(unchanged(after), unchanged(before));
    } finally {
      if (disposed && !next) reopen();
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
