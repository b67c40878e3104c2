import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionApi, planText } from './plan-documents';
import { closeEditorsReverting, deleteQuietly, fixtureUri, planGone, planNode, planNodeWhen, tooltipOf, until, withoutAutoSave } from './plan-tree-nodes';
import type { FixAllOutcome } from '../../src/extension/commands/fix-all';

const GLOBEX = fixtureUri('globex-plan.md');
const OTHER = fixtureUri('rollout-plan.md');

interface Contribution {
  command: string;
  when?: string;
  group?: string;
  contents?: string;
  view?: string;
  icon?: string;
  title?: string;
}
const manifest = () => vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes as { menus: Record<string, Contribution[]>; viewsWelcome: Contribution[]; commands: Contribution[] };

/** Enough of VS Code's when-clause language for this manifest: `||`, `&&`, `!key`, `key == value`, `key != value`, `key =~ /re/`. */
function holds(when: string | undefined, context: Record<string, unknown>): boolean {
  if (!when) return true;
  return when.split('||').some((all) =>
    all.split('&&').every((term) => {
      const t = term.trim();
      const regex = /^(\S+) =~ \/(.*)\/$/.exec(t);
      if (regex) return new RegExp(regex[2]).test(String(context[regex[1]] ?? ''));
      const compare = /^(\S+) (==|!=) (\S+)$/.exec(t);
      if (compare) return (String(context[compare[1]]) === compare[3]) === (compare[2] === '==');
      return t.startsWith('!') ? !context[t.slice(1)] : Boolean(context[t]);
    }),
  );
}

/** A plan with the given title line, the go/no-go section dropped when `checklist` is false. */
function planWith(title: string, checklist = true): string {
  const text = planText().replace(/^# .*$/m, title);
  return checklist ? text : text.replace(/## I\) Operational Go\/No-Go\n(?:- .*\n)+/, '');
}

describe('Plans view rows and actions', () => {
  withoutAutoSave();
  afterEach(closeEditorsReverting);

  it('says it is looking for plans while it scans, and that there are none only once the scan ended', async () => {
    const { planTree } = await extensionApi();
    await planTree.whenScanned();
    const states: boolean[] = [];
    const listener = planTree.onDidChangeScanning((scanning) => states.push(scanning));
    try {
      const refreshing = planTree.refresh();
      assert.equal(planTree.isScanning, true);
      await refreshing;
      assert.equal(planTree.isScanning, false);
      assert.deepEqual(states, [true, false]);
    } finally {
      listener.dispose();
    }
    const shown = (context: Record<string, unknown>) => manifest().viewsWelcome.filter((w) => w.view === 'connectorPlan.plans' && holds(w.when, { workbenchState: 'folder', ...context })).map((w) => w.contents!.split('\n')[0]);
    assert.deepEqual(shown({}), ['Looking for connector rollout plans in this workspace…'], 'before the first scan');
    assert.deepEqual(shown({ 'connectorPlan.scanning': true }), ['Looking for connector rollout plans in this workspace…'], 'during the first scan');
    assert.deepEqual(shown({ 'connectorPlan.scanning': true, 'connectorPlan.scanned': true }), ['Looking for connector rollout plans in this workspace…'], 'during a refresh');
    assert.deepEqual(shown({ 'connectorPlan.scanning': false, 'connectorPlan.scanned': true }), ['No connector rollout plans in this workspace yet.'], 'after a scan');
    assert.deepEqual(shown({ workbenchState: 'empty' }).map((line) => line.slice(0, 19)), ['No folder is open. ']);
  });

  it('answers for its rows during a scan with the rows it has, never waiting for the scan to end', async () => {
    const { planTree } = await extensionApi();
    await planTree.whenScanned();
    const before = (await planTree.getChildren()).length;
    const refreshing = planTree.refresh();
    try {
      const rows = await planTree.getChildren();
      assert.equal(planTree.isScanning, true, 'the rows came only after the scan');
      assert.equal(rows.length, before, 'the rows stay in place while the scan runs');
    } finally {
      await refreshing;
    }
  });

  it('opens a plan from its row (a click or Enter runs the row command), keeping the focus in the view', async () => {
    const { planTree } = await extensionApi();
    const item = planTree.getTreeItem((await planNode(planTree, GLOBEX))!);
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, 'the twistie still expands it');
    const { command, arguments: args = [] } = item.command!;
    assert.equal(command, 'connectorPlan.openPlan');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(command, ...args);
    assert.equal(editor.document.uri.toString(), GLOBEX.toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), GLOBEX.toString());
    assert.deepEqual(args[1], { preview: true, preserveFocus: true });
  });

  it('offers Open, Open Preview, Fix All, Reveal in Explorer and Copy Status on plan rows, two of them inline, none in the Command Palette', async () => {
    const { planTree } = await extensionApi();
    const item = planTree.getTreeItem((await planNode(planTree, GLOBEX))!);
    const { menus, commands } = manifest();
    const on = (contextValue: string) => menus['view/item/context'].filter((m) => holds(m.when, { view: 'connectorPlan.plans', viewItem: contextValue }));
    const title = (id: string) => commands.find((c) => c.command === id)!.title;
    assert.deepEqual(on(item.contextValue!).filter((m) => !m.group?.startsWith('inline')).map((m) => title(m.command)), ['Open', 'Open Preview', 'Fix All Mechanical Gaps in This Plan', 'Reveal in Explorer', 'Copy Status']);
    const inline = on(item.contextValue!).filter((m) => m.group?.startsWith('inline'));
    assert.deepEqual(inline.map((m) => m.command), ['connectorPlan.openPlanPreview', 'connectorPlan.fixAll']);
    for (const m of inline) assert.match(commands.find((c) => c.command === m.command)!.icon ?? '', /^\$\([a-z-]+\)$/);
    assert.deepEqual(on('section'), [], 'section rows have none of them');
    assert.ok(!on('plan').some((m) => m.command === 'connectorPlan.revealPlanInExplorer'), 'an untitled plan has no file to reveal');
    const hidden = menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command);
    for (const id of ['connectorPlan.openPlan', 'connectorPlan.openPlanPreview', 'connectorPlan.revealPlanInExplorer', 'connectorPlan.copyPlanStatus']) assert.ok(hidden.includes(id), `${id} shows in the Command Palette`);
  });

  it('runs the row actions on the row’s plan: Open, Open Preview, Copy Status, Fix All, Reveal in Explorer', async () => {
    const { planTree } = await extensionApi();
    const node = (await planNode(planTree, GLOBEX))!;
    const opened = await vscode.commands.executeCommand<vscode.TextEditor>('connectorPlan.openPlan', node, [node]);
    assert.equal(opened.document.uri.toString(), GLOBEX.toString());

    await vscode.commands.executeCommand('connectorPlan.openPlanPreview', node, [node]);
    await until(vscode.window.tabGroups.onDidChangeTabs, () => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType))), 'a markdown preview opens');

    const line = await vscode.commands.executeCommand<string>('connectorPlan.copyPlanStatus', node, [node]);
    assert.match(line, /^Globex: \d+% filled · NO-GO 2\/3 \(.*\) · globex-plan\.md$/);
    assert.equal(await vscode.env.clipboard.readText(), line);

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const fixed = (await vscode.commands.executeCommand<FixAllOutcome>('connectorPlan.fixAll', node, [node])).applied;
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), GLOBEX.toString(), 'Fix All from a row shows the plan it edits');
    assert.equal(editor.document.isDirty, fixed > 0);

    await vscode.commands.executeCommand('connectorPlan.revealPlanInExplorer', node, [node]);
  });

  it('follows the active editor while the view is visible, without taking the focus', async () => {
    const { planTree } = await extensionApi();
    await vscode.commands.executeCommand('connectorPlan.plans.focus');
    await until(planTree.view.onDidChangeVisibility, () => planTree.view.visible, 'the view shows');
    const selected = (uri: vscode.Uri) => () => planTree.view.selection.length === 1 && planTree.view.selection[0].kind === 'plan' && planTree.view.selection[0].uri.toString() === uri.toString();
    for (const uri of [GLOBEX, OTHER]) {
      await vscode.window.showTextDocument(uri);
      await until(planTree.view.onDidChangeSelection, selected(uri), `the view selects ${uri.path}`);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the editor keeps the focus');
    }
  });

  it('names a plan whose title has no connector name after its file, or its folder for a generic file name, progress first', async () => {
    const { planTree } = await extensionApi();
    const folder = fixtureUri('tmp-names');
    const cases: [string, string][] = [
      ['initech-rollout-plan.md', 'initech'],
      ['hooli/plan.md', 'Hooli'],
      ['vandelay/README.md', 'Vandelay'],
      ['pied-piper/connector-rollout-plan.md', 'Pied Piper'],
      ['globex/01-codex-proposal.md', 'Globex · 01 proposal'],
    ];
    try {
      for (const [file, name] of cases) {
        const uri = vscode.Uri.joinPath(folder, file);
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(planWith('# Rollout Plan')));
        const item = planTree.getTreeItem(await planNodeWhen(planTree, uri, () => true, `${file} appears`));
        assert.equal(item.label, name);
        assert.match(String(item.description), /^\d+% · NO-GO 1\/2$/);
      }
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
      for (const [file] of cases) await planGone(planTree, vscode.Uri.joinPath(folder, file), `${file} goes with its folder`);
    } finally {
      await deleteQuietly(folder);
    }
  });

  it('says a plan has no go/no-go checklist instead of NO-GO 0/0', async () => {
    const { planTree } = await extensionApi();
    const uri = fixtureUri('tmp-no-checklist-rollout-plan.md');
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(planWith('# Massive Dynamic Connector Rollout Plan', false)));
      const item = planTree.getTreeItem(await planNodeWhen(planTree, uri, () => true, 'the plan appears'));
      assert.equal(item.label, 'Massive Dynamic');
      assert.match(String(item.description), /^\d+% · no go\/no-go checklist$/);
      assert.doesNotMatch(tooltipOf(item), /0\/0|0 of 0/);
      assert.match(tooltipOf(item), /\*\*NO-GO\*\*, no go\/no-go checklist/);
      await vscode.workspace.fs.delete(uri);
      await planGone(planTree, uri, 'the plan goes once deleted');
    } finally {
      await deleteQuietly(uri);
    }
  });

  it('counts NO-GO plans on the view badge unless connectorPlan.plansView.badge is off', async () => {
    const { planTree } = await extensionApi();
    await planTree.whenScanned();
    assert.ok(planTree.view.badge?.value);
    const config = vscode.workspace.getConfiguration('connectorPlan');
    try {
      await config.update('plansView.badge', false, vscode.ConfigurationTarget.Global);
      await until(vscode.workspace.onDidChangeConfiguration, () => planTree.view.badge === undefined, 'the badge goes');
    } finally {
      await config.update('plansView.badge', undefined, vscode.ConfigurationTarget.Global);
    }
    await until(vscode.workspace.onDidChangeConfiguration, () => Boolean(planTree.view.badge?.value), 'the badge is back');
  });
});
