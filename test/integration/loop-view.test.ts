import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loopRecord, type LoopNode, type PlanTreeNode } from '../../src/extension/plan-tree-items';
import { extensionApi } from './plan-documents';
import { closeEditorsReverting, deleteQuietly, fixtureUri, until } from './plan-tree-nodes';

// A review loop in the editor (issue 18, point 4): the Mixpanel loop of test/fixtures/loops (a plan, a review, a
// revision, a re-review that re-opens P1-2, a final plan held NO-GO by it) is one row of the Plans view, its rounds
// and its open finding below it; its review shows each finding's status as a lens; its answers link to the review.

const LOOPS = path.resolve(__dirname, '../../../test/fixtures/loops');
const NAMES = fs.readdirSync(path.join(LOOPS, 'mixpanel')).filter((f) => f.endsWith('.md')).sort();

describe('a review loop in the Plans view and in its files', function () {
  this.timeout(120_000);
  const root = fixtureUri('tmp-loop-view');
  const folder = vscode.Uri.joinPath(root, 'mixpanel');

  before(async () => {
    for (const name of NAMES) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), fs.readFileSync(path.join(LOOPS, 'mixpanel', name)));
  });

  after(async () => {
    await closeEditorsReverting();
    await deleteQuietly(root);
  });

  /**
   * The loop's row once it shows the whole loop: every round there, the re-review having re-opened P1-2, and the plan
   * of record read (the row may come from another round's reading first, while the final plan is still being read).
   */
  async function loopRow(): Promise<LoopNode> {
    const { planTree } = await extensionApi();
    return until(planTree.onDidChangeTreeData, async () => {
      await planTree.whenScanned();
      const row = (await planTree.getChildren()).find((n): n is LoopNode => n.kind === 'loop' && n.folder.toString() === folder.toString());
      return row && row.loop.rounds.length === NAMES.length && row.loop.open.P1 === 1 && row.loop.final !== null && loopRecord(row)?.uri.path.endsWith('/FINAL-APPROVED-PLAN.md') && row;
    }, 'the Mixpanel loop row with its six rounds and its plan of record', 60_000);
  }

  it('is one row, named after the loop, with its stage, the plan of record\'s progress and verdict and the open P1/P2', async () => {
    const { planTree } = await extensionApi();
    const row = await loopRow();
    const item = planTree.getTreeItem(row);
    assert.equal(item.label, 'Mixpanel');
    assert.match(String(item.description), /^final · \d+% · NO-GO( \d+\/\d+)? · 1 open P1\/P2$/);
    const progress = loopRecord(row)!.analysis.report.progress!;
    assert.ok(String(item.description).startsWith(`final · ${progress.percent}% · `), `the plan of record's progress (${progress.percent}%): ${String(item.description)}`);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'error');
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    // A click opens the plan of record.
    assert.equal(String((item.command?.arguments?.[0] as vscode.Uri).path), vscode.Uri.joinPath(folder, 'FINAL-APPROVED-PLAN.md').path);
    // No round of the loop is a row of its own, the plans among them included.
    const roots = await planTree.getChildren();
    const inFolder = roots.filter((n) => n.kind === 'plan' && n.uri.toString().startsWith(`${folder.toString()}/`));
    assert.deepEqual(inFolder.map((n) => n.kind === 'plan' && n.uri.path), []);
    assert.equal(roots.filter((n) => n.kind === 'loop' && n.folder.toString() === folder.toString()).length, 1);
  });

  it('unfolds into its rounds in order, each opening its file, then the open findings, each opening the review at its line', async () => {
    const { planTree } = await extensionApi();
    const row = await loopRow();
    const children = await planTree.getChildren(row);
    const items = children.map((c) => planTree.getTreeItem(c));
    assert.deepEqual(NAMES, ['00-context.md', '01-gemini-plan.md', '02-codex-review.md', '03-gemini-revision.md', '04-codex-re-review.md', 'FINAL-APPROVED-PLAN.md']);
    assert.deepEqual(items.map((i) => i.label), [...NAMES, 'P1-2 ' + (children[NAMES.length] as Extract<PlanTreeNode, { kind: 'reviewFinding' }>).finding.title]);
    assert.deepEqual(items.slice(0, NAMES.length).map((i) => String(i.description).split(' · ')[0]), ['context', 'plan', 'review', 'revision', 'review', 'final']);
    for (const [i, name] of NAMES.entries()) {
      assert.equal((items[i].command?.arguments?.[0] as vscode.Uri).path, vscode.Uri.joinPath(folder, name).path, `round ${name} opens its file`);
    }
    const finding = items[NAMES.length];
    assert.equal(finding.description, 'P1 · open again in 04 (line 12)');
    const [uri, options] = finding.command!.arguments as [vscode.Uri, vscode.TextDocumentShowOptions];
    assert.equal(uri.path, vscode.Uri.joinPath(folder, '02-codex-review.md').path);
    assert.equal((options.selection as vscode.Range).start.line, 17);
    // Each child knows its parent: the view can reveal a round.
    for (const child of children) assert.equal(planTree.getParent(child), row);
  });

  it('counts the loop once in the badge: a NO-GO loop is one', async () => {
    const { planTree } = await extensionApi();
    await loopRow();
    const withLoop = planTree.view.badge?.value ?? 0;
    assert.ok(withLoop >= 1, 'the badge shows the NO-GO loop');
    await deleteQuietly(folder);
    const badge = await until(planTree.onDidChangeTreeData, async () => {
      await planTree.whenScanned();
      const gone = !(await planTree.getChildren()).some((n) => n.kind === 'loop' && n.folder.toString() === folder.toString());
      return gone && { value: planTree.view.badge?.value ?? 0 };
    }, 'the loop row gone with its folder', 30_000);
    assert.equal(badge.value, withLoop - 1);
    for (const name of NAMES) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), fs.readFileSync(path.join(LOOPS, 'mixpanel', name)));
    await loopRow();
  });

  it('shows each finding of a review with its status above it; a click opens where the status was given', async () => {
    const review = vscode.Uri.joinPath(folder, '02-codex-review.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(review));
    const lenses = await until(vscode.languages.onDidChangeDiagnostics, async () => {
      const found = ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', review)) ?? []).filter((l) => /^P[1-3] · /.test(l.command?.title ?? ''));
      return found.length === 6 && found;
    }, 'six finding lenses in the review', 30_000);
    const shown = lenses.sort((a, b) => a.range.start.line - b.range.start.line).map((l) => `${l.range.start.line + 1} ${l.command!.title}`);
    assert.deepEqual(shown, [
      '10 P1 · fixed in 04 (line 11)',
      '18 P1 · open again in 04 (line 12)',
      '28 P2 · fixed in 04 (line 13)',
      '33 P2 · deferred in 03 (line 30)',
      '40 P2 · accepted in 04 (line 14)',
      '49 P3 · fixed in 03 (line 41)',
    ]);
    const deferred = lenses.find((l) => l.range.start.line === 32)!;
    // Run as the editor runs it (VS Code hands the lens back with its internal open command).
    await vscode.commands.executeCommand(deferred.command!.command, ...(deferred.command!.arguments ?? []));
    const editor = await until(vscode.window.onDidChangeActiveTextEditor, () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/03-gemini-revision.md') && vscode.window.activeTextEditor, 'the revision opens');
    assert.equal(editor.selection.active.line, 29);
  });

  it('links an id a revision answers to the line of the review that raised it', async () => {
    const revision = vscode.Uri.joinPath(folder, '03-gemini-revision.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(revision));
    const links = await until(vscode.languages.onDidChangeDiagnostics, async () => {
      const found = ((await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', revision)) ?? []).filter((l) => l.target?.path.endsWith('/02-codex-review.md'));
      return found.length > 0 && found;
    }, 'links from the revision to the review', 30_000);
    const shown = links.map((l) => `${l.range.start.line + 1}:${l.range.start.character} ${l.target!.fragment}`);
    assert.ok(shown.includes('12:12 L10'), `This closes P1-1 links to the review's line 10: ${JSON.stringify(shown)}`);
    assert.ok(shown.includes('30:11 L33'), `P2-2 is deferred links to the review's line 33: ${JSON.stringify(shown)}`);
  });
});

describe('a review loop none of whose rounds is a plan', function () {
  this.timeout(120_000);
  const folder = vscode.Uri.joinPath(fixtureUri('tmp-loop-no-plan'), 'orbit');
  const write = (name: string, text: string) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), new TextEncoder().encode(text));

  after(async () => {
    await closeEditorsReverting();
    await deleteQuietly(vscode.Uri.joinPath(folder, '..'));
  });

  it('still has its row, as connector-plan status lists it: the proposal under review, NO-GO, its open P1', async () => {
    const { planTree } = await extensionApi();
    await planTree.whenScanned();
    // A proposal in prose (no plan yet) and the review of it: a loop in the proposal stage.
    await write('01-ana-proposal.md', '# Orbit sync: a proposal\n\nWe want to pull Orbit members nightly and link them to accounts by email.\n\nOpen question: who owns the API key?\n');
    await write('02-ben-review.md', '# Review of the Orbit proposal\n\n## Findings\n\n### P1.1 — No owner for the API key\n\nName the owner before any build starts.\n');
    const row = await until(planTree.onDidChangeTreeData, async () => {
      const found = (await planTree.getChildren()).find((n): n is LoopNode => n.kind === 'loop' && n.folder.toString() === folder.toString());
      return found && found.loop.rounds.length === 2 && found;
    }, 'the Orbit loop row', 60_000);
    const item = planTree.getTreeItem(row);
    assert.equal(item.label, 'Orbit');
    assert.match(String(item.description), /^in review · 0% · NO-GO( \d+\/\d+)? · 1 open P1\/P2$/);
    const children = await planTree.getChildren(row);
    assert.deepEqual(children.map((c) => c.kind), ['round', 'round', 'reviewFinding']);
    // No round is a plan: a click opens the proposal, the draft under review.
    assert.equal((item.command?.arguments?.[0] as vscode.Uri | undefined)?.path, vscode.Uri.joinPath(folder, '01-ana-proposal.md').path);
  });
});
