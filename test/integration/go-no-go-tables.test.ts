import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PlanTree } from '../../src/extension/plan-tree';
import type { PlanTreeNode } from '../../src/extension/plan-tree-items';
import { extensionApi, planText } from './plan-documents';
import { child, closeEditorsReverting, deleteQuietly, fixtureUri, lineOf, planNode, planNodeWhen, until, withoutAutoSave } from './plan-tree-nodes';

const setItem = (args: { uri: vscode.Uri; line: number; checked: boolean; text?: string }) => vscode.commands.executeCommand<boolean>('connectorPlan.setGoNoGoItem', args);
const readDisk = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
const stateOf = (item: vscode.TreeItem) => (item.checkboxState as { state: vscode.TreeItemCheckboxState }).state;
/** `x Label · description` for a checkbox item, `  Label` when unticked. */
const shown = (item: vscode.TreeItem) => `${stateOf(item) === vscode.TreeItemCheckboxState.Checked ? 'x' : ' '} ${String(item.label)}${item.description ? ` · ${String(item.description)}` : ''}`;

/** `planText(name)` with the `##`/`###` part that starts with `heading` (up to the next heading of its level or higher) replaced by `lines`. */
function replacePart(text: string, heading: string, lines: string[]): string {
  const all = text.split('\n');
  const start = all.findIndex((l) => l.startsWith(heading));
  if (start < 0) throw new Error(`no line starts with "${heading}"`);
  const level = /^#+/.exec(heading)![0].length;
  const next = all.findIndex((l, i) => i > start && /^#+ /.test(l) && /^#+/.exec(l)![0].length <= level);
  return [...all.slice(0, start), ...lines, ...all.slice(next < 0 ? all.length : next)].join('\n');
}

/** A plan whose I) section is a status table with these rows (criterion, status). */
function tablePlan(name: string, rows: Array<[string, string]>): string {
  return replacePart(planText(name), '## I) Operational Go/No-Go', [
    '## I) Operational Go/No-Go',
    '| Criterion | Status |',
    '|---|---|',
    ...rows.map(([criterion, status]) => `| ${criterion} | ${status} |`),
    '',
  ]);
}

/** Writes `tablePlan(name, rows)` to `uri` and waits until the Plans view lists it with `checked/total`. */
async function listTablePlan(tree: PlanTree, uri: vscode.Uri, name: string, rows: Array<[string, string]>): Promise<string> {
  const text = tablePlan(name, rows);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const done = rows.filter(([, status]) => /^(done|yes|✅|\[x\])$/i.test(status)).length;
  await planNodeWhen(tree, uri, (item) => item.label === name && String(item.description).endsWith(`GO ${done}/${rows.length}`), `${name} is listed with ${done} of ${rows.length} done`);
  return text;
}

const replaceLine = (text: string, line: number, row: string) => text.split('\n').map((r, i) => (i === line ? row : r)).join('\n');
const lineIn = (text: string, start: string) => {
  const line = text.split('\n').findIndex((l) => l.startsWith(start));
  if (line < 0) throw new Error(`no line starts with "${start}"`);
  return line;
};

async function checklistItems(tree: PlanTree, uri: vscode.Uri): Promise<PlanTreeNode[]> {
  const plan = await planNode(tree, uri);
  if (!plan) throw new Error(`${uri.toString()} is not listed`);
  return tree.getChildren(await child(tree, plan, 'I) Operational Go/No-Go'));
}

const openDocument = (uri: vscode.Uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());

describe('go/no-go tables', () => {
  withoutAutoSave();
  afterEach(closeEditorsReverting);

  it('list their rows as checkboxes with their status; ticking writes Done into the row, as an edit that undo takes back; unticking writes Pending', async () => {
    const { planTree } = await extensionApi();
    const rows: Array<[string, string]> = [
      ['Auth and connection test pass', 'Done'],
      ['Mappings validated', 'Pending'],
    ];
    const uri = fixtureUri('initech-table-plan.md');
    try {
      const text = await listTablePlan(planTree, uri, 'Initech', rows);
      const items = await checklistItems(planTree, uri);
      assert.deepEqual(items.map((n) => shown(planTree.getTreeItem(n))), ['x Auth and connection test pass · Done', '  Mappings validated · Pending']);

      assert.deepEqual(await planTree.toggleItems([[items[1], vscode.TreeItemCheckboxState.Checked]]), [true]);
      const document = openDocument(uri);
      assert.ok(document?.isDirty, 'the plan is open with the unsaved tick');
      const row = lineIn(text, '| Mappings validated |');
      assert.equal(document.getText(), replaceLine(text, row, '| Mappings validated | Done |'));
      assert.equal(await readDisk(uri), text, 'nothing is saved');
      const ticked = await until(planTree.onDidChangeTreeData, async () => {
        const now = (await checklistItems(planTree, uri)).map((n) => planTree.getTreeItem(n));
        return now.every((i) => stateOf(i) === vscode.TreeItemCheckboxState.Checked) && now;
      }, 'the tree shows the row ticked');
      assert.deepEqual(ticked.map(shown), ['x Auth and connection test pass · Done', 'x Mappings validated · Done']);
      assert.ok(String(planTree.getTreeItem((await planNode(planTree, uri))!).description).endsWith(' GO 2/2'));

      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('undo');
      assert.equal(document.getText(), text, 'one undo takes the whole tick back');
      await planNodeWhen(planTree, uri, (item) => String(item.description).endsWith('NO-GO 1/2'), 'the tree shows the undo');

      const [done] = await checklistItems(planTree, uri);
      assert.deepEqual(await planTree.toggleItems([[done, vscode.TreeItemCheckboxState.Unchecked]]), [true]);
      assert.equal(document.getText(), replaceLine(text, lineIn(text, '| Auth and connection test pass |'), '| Auth and connection test pass | Pending |'));
      await planNodeWhen(planTree, uri, (item) => String(item.description).endsWith('NO-GO 0/2'), 'the tree shows the untick');
      assert.deepEqual((await checklistItems(planTree, uri)).map((n) => shown(planTree.getTreeItem(n))), ['  Auth and connection test pass · Pending', '  Mappings validated · Pending']);
      assert.equal(await readDisk(uri), text, 'the plan on disk is left as it was');
    } finally {
      await closeEditorsReverting();
      await deleteQuietly(uri);
    }
  });

  it('get the column\'s own done word when ticked: ✅ where the column says ✅ and ❌', async () => {
    const { planTree } = await extensionApi();
    const rows: Array<[string, string]> = [
      ['Auth and connection test pass', '✅'],
      ['Mappings validated', '❌'],
    ];
    const uri = fixtureUri('hooli-table-plan.md');
    try {
      const text = await listTablePlan(planTree, uri, 'Hooli', rows);
      const items = await checklistItems(planTree, uri);
      assert.deepEqual(items.map((n) => shown(planTree.getTreeItem(n))), ['x Auth and connection test pass · ✅', '  Mappings validated · ❌']);

      assert.deepEqual(await planTree.toggleItems([[items[1], vscode.TreeItemCheckboxState.Checked]]), [true]);
      const document = openDocument(uri);
      assert.ok(document?.isDirty);
      assert.equal(document.getText(), replaceLine(text, lineIn(text, '| Mappings validated |'), '| Mappings validated | ✅ |'));
      await planNodeWhen(planTree, uri, (item) => String(item.description).endsWith(' GO 2/2'), 'the tree shows the tick');
      assert.equal(await readDisk(uri), text, 'nothing is saved');
    } finally {
      await closeEditorsReverting();
      await deleteQuietly(uri);
    }
  });

  it('are left alone when the column\'s words leave the word to write unclear', async () => {
    const { planTree } = await extensionApi();
    const rows: Array<[string, string]> = [
      ['Auth and connection test pass', 'Yes'],
      ['Mappings validated', 'Done'],
      ['Sync completes with safe resume behavior', 'Pending'],
    ];
    const uri = fixtureUri('umbrella-table-plan.md');
    try {
      const text = await listTablePlan(planTree, uri, 'Umbrella', rows);
      assert.deepEqual((await checklistItems(planTree, uri)).map((n) => shown(planTree.getTreeItem(n))), [
        'x Auth and connection test pass · Yes',
        'x Mappings validated · Done',
        '  Sync completes with safe resume behavior · Pending',
      ]);

      const line = lineIn(text, '| Sync completes');
      assert.equal(await setItem({ uri, line, checked: true, text: 'Sync completes with safe resume behavior' }), false, 'Yes or Done: nothing is written');
      const document = openDocument(uri);
      assert.ok(document, 'the command opened the plan');
      assert.equal(document.getText(), text);
      assert.ok(!document.isDirty, 'the plan is unchanged');
      assert.equal(await readDisk(uri), text);
    } finally {
      await closeEditorsReverting();
      await deleteQuietly(uri);
    }
  });

  it('put a box ticked in the view back as the plan says when the tick is refused', async () => {
    const { planTree } = await extensionApi();
    const rows: Array<[string, string]> = [
      ['Auth and connection test pass', 'Yes'],
      ['Mappings validated', 'Done'],
      ['Sync completes with safe resume behavior', 'Pending'],
    ];
    const uri = fixtureUri('wonka-table-plan.md');
    try {
      const text = await listTablePlan(planTree, uri, 'Wonka', rows);
      const item = (await checklistItems(planTree, uri))[2];
      // The view ticks the box itself when clicked; only a redraw of the plan's rows puts it back.
      let redrawn = false;
      const listener = planTree.onDidChangeTreeData((node) => {
        if (!node || (node.kind === 'plan' && node.uri.toString() === uri.toString())) redrawn = true;
      });
      try {
        assert.deepEqual(await planTree.toggleItems([[item, vscode.TreeItemCheckboxState.Checked]]), [false], 'Yes or Done: the tick is refused');
        await until(planTree.onDidChangeTreeData, () => redrawn, 'the Plans view redraws the plan after the refused tick', 5_000);
      } finally {
        listener.dispose();
      }
      assert.equal(openDocument(uri)?.getText(), text, 'nothing was written');
      assert.deepEqual((await checklistItems(planTree, uri)).map((n) => shown(planTree.getTreeItem(n))), [
        'x Auth and connection test pass · Yes',
        'x Mappings validated · Done',
        '  Sync completes with safe resume behavior · Pending',
      ]);
      assert.match(String(planTree.getTreeItem((await planNode(planTree, uri))!).description), / NO-GO 2\/3$/);
    } finally {
      await closeEditorsReverting();
      await deleteQuietly(uri);
    }
  });

  it('are left alone when the row no longer holds the criterion the caller saw', async () => {
    const { planTree } = await extensionApi();
    const rows: Array<[string, string]> = [
      ['Auth and connection test pass', 'Done'],
      ['Mappings validated', 'Pending'],
    ];
    const uri = fixtureUri('vandelay-table-plan.md');
    try {
      await listTablePlan(planTree, uri, 'Vandelay', rows);
      const editor = await vscode.window.showTextDocument(uri);
      const document = editor.document;
      const line = lineOf(document, '| Mappings validated |');
      const cell = document.lineAt(line).text.indexOf('Mappings validated');
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(line, cell + 'Mappings validated'.length), ' by the partner team')));
      const edited = document.getText();
      assert.equal(document.lineAt(line).text, '| Mappings validated by the partner team | Pending |');

      assert.equal(await setItem({ uri, line, checked: true, text: 'Mappings validated' }), false);
      assert.equal(document.getText(), edited, 'nothing is written');
      assert.equal(await setItem({ uri, line, checked: true, text: 'Mappings validated by the partner team' }), true, 'the row as it is now can be ticked');
      assert.equal(document.getText(), replaceLine(edited, line, '| Mappings validated by the partner team | Done |'));
    } finally {
      await closeEditorsReverting();
      await deleteQuietly(uri);
    }
  });

  it('of a phase are listed under the phase, and not counted in the plan\'s go/no-go', async () => {
    const { planTree } = await extensionApi();
    const uri = fixtureUri('soylent-phase-gate-plan.md');
    const text = replacePart(planText('Soylent'), '## E) Delivery Phases', [
      '## E) Delivery Phases',
      '### Phase 1: Connection + Mapping',
      '- Scope: OAuth',
      '- Deliverables: client',
      '- Validation tests: 401 handled',
      '',
      '### Phase 2: Sync Engine',
      '- Scope: incremental sync',
      '- Deliverables: sync worker',
      '- Validation tests: resume after a failure',
      '',
      '#### Go/No-Go Criteria (Phase 2)',
      '- [x] Incremental sync resumes from its cursor',
      '- [ ] Backfill completes within an hour',
      '',
    ]);
    const gateItems = async () => {
      const plan = await planNode(planTree, uri);
      if (!plan) throw new Error(`${uri.toString()} is not listed`);
      const phase = await child(planTree, await child(planTree, plan, 'E) Delivery Phases'), 'Phase 2: Sync Engine');
      return planTree.getChildren(phase);
    };
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      const plan = await planNodeWhen(planTree, uri, (item) => item.label === 'Soylent', 'the plan is listed');
      assert.match(String(planTree.getTreeItem(plan).description), / NO-GO 1\/2$/, 'only the two items of I) count');
      assert.deepEqual((await checklistItems(planTree, uri)).map((n) => shown(planTree.getTreeItem(n))), ['x Auth and connection test pass', '  Mappings validated']);

      const gates = await gateItems();
      assert.deepEqual(gates.map((n) => n.kind), ['goNoGoItem', 'goNoGoItem']);
      assert.deepEqual(gates.map((n) => shown(planTree.getTreeItem(n))), ['x Incremental sync resumes from its cursor', '  Backfill completes within an hour']);
      assert.match(String(planTree.getTreeItem(gates[1]).tooltip), /a gate of this phase, not counted in the plan's go\/no-go/);

      assert.deepEqual(await planTree.toggleItems([[gates[1], vscode.TreeItemCheckboxState.Checked]]), [true]);
      const document = openDocument(uri);
      assert.equal(document?.getText(), replaceLine(text, lineIn(text, '- [ ] Backfill'), '- [x] Backfill completes within an hour'));
      await until(planTree.onDidChangeTreeData, async () => (await gateItems()).every((n) => stateOf(planTree.getTreeItem(n)) === vscode.TreeItemCheckboxState.Checked), 'the tree shows the gate ticked');
      assert.match(String(planTree.getTreeItem((await planNode(planTree, uri))!).description), / NO-GO 1\/2$/, 'a ticked gate leaves the plan\'s go/no-go as it was');
    } finally {
      await closeEditorsReverting();
      await deleteQuietly(uri);
    }
  });
});
