import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsWhen, extensionApi, hasRule, openPlan, planText, ruleOf } from './plan-documents';
import { until } from './plan-tree-nodes';

describe('diagnostics', () => {
  // Closed for good before the next test: a new untitled document opened while the old one is still closing can
  // be handed the old one's name and text (seen in code-server), and the test would check the wrong document.
  afterEach(async () => {
    const document = vscode.window.activeTextEditor?.document;
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    if (document) await until(vscode.workspace.onDidCloseTextDocument, () => document.isClosed, `${document.uri.toString()} is closed`);
  });

  it('appear for an unsaved plan, with source, rule code and a link to the rule documentation', async () => {
    const editor = await openPlan();
    const diagnostics = await diagnosticsWhen(editor.document.uri, hasRule('risk-without-mitigation'));
    const byRule = new Map(diagnostics.map((d) => [ruleOf(d), d]));
    assert.deepEqual([...byRule.keys()].sort(), ['empty-field', 'go-no-go-open', 'risk-without-mitigation', 'unchosen-option']);
    const risk = byRule.get('risk-without-mitigation')!;
    assert.equal(risk.source, 'connector-plan');
    assert.equal(risk.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(risk.range.start.line, 36);
    assert.equal(byRule.get('go-no-go-open')!.severity, vscode.DiagnosticSeverity.Information);
    const target = (risk.code as { target: vscode.Uri }).target;
    assert.equal(target.toString(true), 'command:connectorPlan.showRuleDocs?["risk-without-mitigation"]');
  });

  it('update after an edit', async () => {
    const editor = await openPlan();
    const uri = editor.document.uri;
    await diagnosticsWhen(uri, hasRule('empty-field'));
    const line = editor.document.lineAt(4);
    await editor.edit((b) => b.insert(line.range.end, ' churn per partner'));
    const after = await diagnosticsWhen(uri, (d) => d.length > 0 && !hasRule('empty-field')(d));
    assert.ok(hasRule('risk-without-mitigation')(after));
  });

  it('are cleared when the document closes as markdown', async () => {
    const editor = await openPlan();
    const uri = editor.document.uri;
    await diagnosticsWhen(uri, (d) => d.length > 0);
    await vscode.languages.setTextDocumentLanguage(editor.document, 'plaintext');
    await diagnosticsWhen(uri, (d) => d.length === 0);
  });

  it('leave markdown that is not a plan alone', async () => {
    // A name of its own: an `Untitled-N` just closed can come back with the old document's text (seen in code-server).
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(`untitled:notes-${Date.now()}.md`));
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '# Notes\n\n- Scope:\n- {placeholder}\n'));
    assert.equal(document.languageId, 'markdown');
    const { analyzer } = await extensionApi();
    const result = await analyzer.analyzeDocument(document);
    assert.equal(result.isPlan, false, `${document.uri.toString()} was taken for a plan: ${JSON.stringify({ assumed: result.plan.assumedPlan, title: result.report.title, text: document.getText(), findings: result.report.findings.map((f) => f.ruleId) })}`);
    assert.deepEqual(vscode.languages.getDiagnostics(document.uri), []);
  });

  it('follow rule severities from settings, live', async () => {
    const config = vscode.workspace.getConfiguration('connectorPlan');
    const editor = await openPlan(planText('Settings'));
    const uri = editor.document.uri;
    await diagnosticsWhen(uri, hasRule('empty-field'));
    try {
      await config.update('rules', { 'empty-field': 'error', 'go-no-go-open': 'off' }, vscode.ConfigurationTarget.Global);
      const updated = await diagnosticsWhen(uri, (d) => d.some((x) => ruleOf(x) === 'empty-field' && x.severity === vscode.DiagnosticSeverity.Error));
      assert.ok(!hasRule('go-no-go-open')(updated));
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
    }
    await diagnosticsWhen(uri, hasRule('go-no-go-open'));
  });
});
