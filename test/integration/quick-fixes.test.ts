import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FixAllOutcome } from '../../src/extension/commands/fix-all';
import { diagnosticsWhen, extensionApi, hasRule, openPlan, ruleOf } from './plan-documents';

async function actionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
}

describe('quick fixes', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor'));

  it('add a Mitigation stub under a risk, marked preferred', async () => {
    const editor = await openPlan();
    const diagnostics = await diagnosticsWhen(editor.document.uri, hasRule('risk-without-mitigation'));
    const risk = diagnostics.find((d) => ruleOf(d) === 'risk-without-mitigation')!;
    const actions = await actionsAt(editor.document.uri, risk.range, vscode.CodeActionKind.QuickFix.value);
    const stub = actions.find((a) => a.title === 'Add a Mitigation: line');
    assert.ok(stub, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(stub.isPreferred, true);
    assert.ok(actions.some((a) => a.title === 'Disable risk-without-mitigation for this line'));
    await vscode.workspace.applyEdit(stub.edit!);
    assert.equal(editor.document.lineAt(37).text, '  - Mitigation: ');
  });

  it('offer one choice per allowed value for an unchosen option', async () => {
    const editor = await openPlan();
    const diagnostics = await diagnosticsWhen(editor.document.uri, hasRule('unchosen-option'));
    const option = diagnostics.find((d) => ruleOf(d) === 'unchosen-option')!;
    const actions = await actionsAt(editor.document.uri, option.range, vscode.CodeActionKind.QuickFix.value);
    const choices = actions.filter((a) => a.title.startsWith('Choose'));
    assert.deepEqual(choices.map((a) => a.title), ['Choose "incremental"', 'Choose "snapshot"', 'Choose "hybrid"']);
    assert.ok(choices.every((a) => !a.isPreferred));
    await vscode.workspace.applyEdit(choices[2].edit!);
    assert.equal(editor.document.lineAt(11).text, '- Data pull mode: hybrid');
    await diagnosticsWhen(editor.document.uri, (d) => d.length > 0 && !hasRule('unchosen-option')(d));
  });

  it('disable a rule for one line with an inline comment', async () => {
    const editor = await openPlan();
    const diagnostics = await diagnosticsWhen(editor.document.uri, hasRule('empty-field'));
    const empty = diagnostics.find((d) => ruleOf(d) === 'empty-field')!;
    const actions = await actionsAt(editor.document.uri, empty.range, vscode.CodeActionKind.QuickFix.value);
    const disable = actions.find((a) => a.title === 'Disable empty-field for this line')!;
    await vscode.workspace.applyEdit(disable.edit!);
    assert.equal(editor.document.lineAt(4).text, '<!-- connector-plan-disable-next-line empty-field -->');
    await diagnosticsWhen(editor.document.uri, (d) => d.length > 0 && !hasRule('empty-field')(d));
  });

  it('fix all mechanical gaps as source.fixAll.connectorPlan and as a command', async () => {
    const editor = await openPlan();
    const uri = editor.document.uri;
    await diagnosticsWhen(uri, hasRule('risk-without-mitigation'));
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const [fixAll] = await actionsAt(uri, whole, 'source.fixAll.connectorPlan');
    assert.ok(fixAll, 'no fix-all action');
    assert.equal(fixAll.kind?.value, 'source.fixAll.connectorPlan');
    await vscode.workspace.applyEdit(fixAll.edit!);
    assert.match(editor.document.getText(), /- Risk 1: rate limits\n {2}- Mitigation: \n/);
    // The stub is still empty: the risk stays flagged, now for its empty line, with no second stub offered.
    const after = await diagnosticsWhen(uri, (d) => d.some((x) => ruleOf(x) === 'risk-without-mitigation' && /empty Mitigation line/.test(x.message)));
    assert.match(after.find((d) => ruleOf(d) === 'risk-without-mitigation')!.message, /^Risk 1 "rate limits" has an empty Mitigation line \(38\)/);
    const outcome = await vscode.commands.executeCommand<FixAllOutcome>('connectorPlan.fixAll');
    assert.equal(outcome.applied, 0);
  });

  it('Fix All is honest: stubs raise no progress, the cursor lands in the first one, the counts say what is left', async () => {
    const api = await extensionApi();
    const editor = await openPlan();
    const before = await api.analyzer.analyzeDocument(editor.document);
    const outcome = await vscode.commands.executeCommand<FixAllOutcome>('connectorPlan.fixAll');
    assert.deepEqual({ ...outcome, remaining: outcome.remaining > 0 }, { applied: 1, inserted: 1, chosen: 0, remaining: true });
    const after = await api.analyzer.analyzeDocument(editor.document);
    assert.ok(after.report.progress!.percent <= before.report.progress!.percent, `${before.report.progress!.percent}% -> ${after.report.progress!.percent}%`);
    assert.equal(outcome.remaining, after.report.findings.filter((f) => f.severity !== 'info').length);
    const cursor = vscode.window.activeTextEditor!.selection.active;
    assert.equal(editor.document.lineAt(cursor.line).text, '  - Mitigation: ');
    assert.equal(cursor.character, '  - Mitigation: '.length);
  });
});
