import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FixAllOutcome } from '../../src/extension/commands/fix-all';
import type { SectionNode } from '../../src/extension/plan-tree-items';
import { diagnosticsWhen, extensionApi, hasRule, openPlan, planText, ruleOf } from './plan-documents';
import { closeEditorsReverting, fixtureUri, iconOf, planNodeWhen, withoutAutoSave } from './plan-tree-nodes';

const GLOBEX = fixtureUri('globex-plan.md');
const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');

/** The document's lenses as `line title` (1-based), in order; VS Code resolves them as the editor would. */
async function lensesOf(uri: vscode.Uri): Promise<string[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return lenses.sort((a, b) => a.range.start.line - b.range.start.line).map((l) => `${l.range.start.line + 1} ${l.command?.title ?? '(no command)'}`);
}

async function fixLens(uri: vscode.Uri, line: number): Promise<vscode.CodeLens> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  const lens = lenses.find((l) => l.range.start.line === line - 1 && l.command?.command === 'connectorPlan.fixSection');
  assert.ok(lens, `no Fix lens on line ${line}: ${JSON.stringify(lenses.map((l) => `${l.range.start.line + 1} ${l.command?.title}`))}`);
  return lens;
}

const config = () => vscode.workspace.getConfiguration('connectorPlan');

describe('CodeLens above section headings', () => {
  withoutAutoSave();
  // The provider is registered on activation: a lens asked for before it would find none.
  before(() => extensionApi());
  afterEach(closeEditorsReverting);

  it('say each section\'s progress, a Fix where one exists, and the verdict above the checklist', async () => {
    const editor = await openPlan();
    // Read off planText(): A misses one field, B keeps the option list, F's wave has no Blocks/unblocks (no rule
    // flags it), G's risk has no mitigation (a stub can be inserted), one of the two go/no-go items is checked.
    assert.deepEqual(await lensesOf(editor.document.uri), [
      '3 2/3 filled · 1 gap',
      '8 3/4 filled · 1 gap',
      '14 complete',
      '17 complete',
      '25 complete',
      '31 2/3 filled',
      '36 0/1 filled · 1 gap',
      '36 $(wrench) Fix 1',
      '39 complete',
      '46 1/2 · NO-GO',
      '50 complete',
    ]);
    const { analyzer } = await extensionApi();
    const progress = analyzer.get(editor.document)!.report.progress!;
    assert.deepEqual(progress.sections.filter((s) => s.status !== 'complete' && s.id !== 'I').map((s) => `${s.id} ${s.filled}/${s.total}`), ['A 2/3', 'B 3/4', 'F 2/3', 'G 0/1']);
    assert.deepEqual([progress.goNoGo.checked, progress.goNoGo.total, progress.goNoGo.verdict], [1, 2, 'NO-GO']);
  });

  it('agree with the Plans view\'s section rows, and a missing section (J) has none', async () => {
    const { planTree } = await extensionApi();
    await vscode.window.showTextDocument(GLOBEX);
    const lenses = await lensesOf(GLOBEX);
    const node = await planNodeWhen(planTree, GLOBEX, () => true, 'globex is listed');
    const rows = (await planTree.getChildren(node)).filter((c): c is SectionNode => c.kind === 'section');
    const document = await vscode.workspace.openTextDocument(GLOBEX);
    const checked = (await extensionApi()).analyzer.get(document)!.report.progress!.goNoGo;
    for (const row of rows) {
      const item = planTree.getTreeItem(row);
      const { section } = row;
      const here = lenses.filter((l) => section.heading && l.startsWith(`${section.heading.line + 1} `)).map((l) => l.replace(/^\d+ /, ''));
      if (!section.heading) {
        assert.equal(section.id, 'J');
        continue;
      }
      if (section.id === 'I') assert.equal(here[0], `${checked.checked}/${checked.total} · ${checked.verdict}`);
      else if (iconOf(item) === 'pass') assert.equal(here[0], 'complete', `${section.id}`);
      else assert.ok(here[0].startsWith(`${item.description as string} filled`), `${section.id}: row ${String(item.description)}, lens ${here[0]}`);
    }
    assert.ok(!lenses.some((l) => /^\d+ J\)/.test(l)));
    assert.deepEqual(lenses.filter((l) => l.includes('Fix')), ['25 $(wrench) Fix 1']);
  });

  it('are calm on a finished plan: "complete" and GO, nothing else', async () => {
    const text = fs.readFileSync(path.join(EXAMPLES, 'stripe-billing-rollout-plan.md'), 'utf8');
    const editor = await openPlan(text);
    const titles = (await lensesOf(editor.document.uri)).map((l) => l.replace(/^\d+ /, ''));
    assert.deepEqual(titles, [...Array(8).fill('complete'), '5/5 · GO', 'complete']);
  });

  it('Fix applies the section\'s fixes as one edit that undo takes back', async () => {
    const editor = await openPlan();
    const before = editor.document.getText();
    const lens = await fixLens(editor.document.uri, 36);
    const outcome = await vscode.commands.executeCommand<FixAllOutcome>(lens.command!.command, ...lens.command!.arguments!);
    assert.equal(outcome.applied, 1);
    assert.equal(editor.document.getText(), before.replace('- Risk 1: rate limits\n', '- Risk 1: rate limits\n  - Mitigation: \n'));
    // The stub is a blank: the section stays at 0/1 with its one gap (the empty Mitigation), and has nothing left to fix.
    const after = await lensesOf(editor.document.uri);
    assert.ok(after.includes('36 0/1 filled · 1 gap'), JSON.stringify(after));
    assert.ok(!after.some((l) => l.includes('Fix')), JSON.stringify(after));
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before);
  });

  it('Fix uses the text as it is when clicked, not as it was when the lens was made', async () => {
    const editor = await openPlan();
    const lens = await fixLens(editor.document.uri, 36);
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), 'Two lines typed\nabove the sections.\n'));
    await vscode.commands.executeCommand(lens.command!.command, ...lens.command!.arguments!);
    const rows = editor.document.getText().split('\n');
    const risk = rows.indexOf('- Risk 1: rate limits');
    assert.equal(rows[risk + 1], '  - Mitigation: ');
    assert.equal(rows.filter((r) => /^\s*- Mitigation:/.test(r)).length, 1, editor.document.getText());
  });

  it('follow the plan as it changes: the provider announces the new analysis, and ticking the last item turns the verdict GO', async () => {
    const { codeLenses } = await extensionApi();
    const editor = await openPlan();
    assert.ok((await lensesOf(editor.document.uri)).includes('46 1/2 · NO-GO'));
    const line = editor.document.getText().split('\n').indexOf('- [ ] Mappings validated');
    const announced = new Promise<void>((resolve) => {
      const listener = codeLenses.onDidChangeCodeLenses(() => {
        listener.dispose();
        resolve();
      });
    });
    await editor.edit((b) => b.replace(new vscode.Range(line, 3, line, 4), 'x'));
    await announced;
    assert.ok((await lensesOf(editor.document.uri)).includes('46 2/2 · GO'));
  });

  it('are off with connectorPlan.codeLens.enable, and back with it', async () => {
    const editor = await openPlan();
    const uri = editor.document.uri;
    assert.notDeepEqual(await lensesOf(uri), []);
    try {
      const { codeLenses } = await extensionApi();
      let listener: vscode.Disposable | undefined;
      const announced = new Promise((resolve) => (listener = codeLenses.onDidChangeCodeLenses(resolve)));
      await config().update('codeLens.enable', false, vscode.ConfigurationTarget.Global);
      await announced;
      listener?.dispose();
      assert.deepEqual(await lensesOf(uri), []);
    } finally {
      await config().update('codeLens.enable', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.equal((await lensesOf(uri)).length, 11);
  });

  it('are only on plans', async () => {
    // A name of its own: an `Untitled-N` just closed can come back with the old document's text (seen in code-server).
    const notes = await vscode.workspace.openTextDocument(vscode.Uri.parse(`untitled:notes-${Date.now()}.md`));
    const editor = await vscode.window.showTextDocument(notes);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '# Notes\n\n## A) Business Goal\n\n- Scope:\n'));
    assert.equal(notes.languageId, 'markdown');
    assert.deepEqual(await lensesOf(notes.uri), []);
  });
});

describe('placeholder text left from the template', () => {
  before(() => extensionApi());
  afterEach(closeEditorsReverting);

  it('is faded (Unnecessary) exactly over the placeholder or option list, and no other diagnostic is', async () => {
    const text = planText().replace('- Link 1: `account.id` -> `partners.acme_id`', '- Link 1: `account.id` -> `partners.acme_id`\n- Link 2: {external field} -> `partners.owner`');
    const editor = await openPlan(text);
    const diagnostics = await diagnosticsWhen(editor.document.uri, (d) => hasRule('unfilled-placeholder')(d) && hasRule('unchosen-option')(d));
    const faded = diagnostics.filter((d) => d.tags?.includes(vscode.DiagnosticTag.Unnecessary));
    assert.deepEqual(faded.map((d) => `${ruleOf(d)} ${editor.document.getText(d.range)}`).sort(), ['unchosen-option incremental / snapshot / hybrid', 'unfilled-placeholder {external field}']);
    const others = diagnostics.filter((d) => !faded.includes(d));
    assert.ok(others.length >= 3, JSON.stringify(others.map(ruleOf)));
    assert.ok(others.every((d) => !d.tags?.length), JSON.stringify(others.map((d) => `${ruleOf(d)} ${String(d.tags)}`)));
  });
});
