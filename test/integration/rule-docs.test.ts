import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsWhen, hasRule, openPlan, ruleOf } from './plan-documents';

/** The tabs showing a markdown preview of `fileName`. */
const previewTabs = (fileName: string) =>
  vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('markdown.preview') && t.label.includes(fileName));

/** Resolves with the preview tab of `fileName` once one is open. */
function previewOpened(fileName: string): Promise<vscode.Tab> {
  return new Promise((resolve) => {
    const found = () => previewTabs(fileName)[0];
    if (found()) return resolve(found());
    const listener = vscode.window.tabGroups.onDidChangeTabs(() => {
      if (!found()) return;
      listener.dispose();
      resolve(found());
    });
  });
}

/** What VS Code's opener does with a `command:` link when commands are allowed (the Problems panel and the hover allow them). */
function followCommandLink(link: vscode.Uri): Thenable<unknown> {
  assert.equal(link.scheme, 'command');
  const args: unknown = JSON.parse(decodeURIComponent(link.query));
  return vscode.commands.executeCommand(link.path, ...(Array.isArray(args) ? args : [args]));
}

describe('rule links', () => {
  afterEach(async () => {
    await vscode.window.tabGroups.close(vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview));
    if (vscode.window.activeTextEditor?.document.isUntitled) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it("a diagnostic's code opens the rule's page rendered in the markdown preview, not its source in an editor", async () => {
    const editor = await openPlan();
    const diagnostics = await diagnosticsWhen(editor.document.uri, hasRule('risk-without-mitigation'));
    const risk = diagnostics.find((d) => ruleOf(d) === 'risk-without-mitigation')!;
    const { value, target } = risk.code as { value: string; target: vscode.Uri };
    assert.equal(value, 'risk-without-mitigation');
    assert.equal(target.toString(true), 'command:connectorPlan.showRuleDocs?["risk-without-mitigation"]');

    const opened = previewOpened('risk-without-mitigation.md');
    await followCommandLink(target);
    const tab = await opened;
    assert.equal(tab.label, 'Preview risk-without-mitigation.md');
    const sourceEditors = vscode.window.visibleTextEditors.filter((e) => e.document.uri.path.endsWith('/docs/rules/risk-without-mitigation.md'));
    assert.deepEqual(sourceEditors, [], 'the rule page opened as an editable text editor');
  });

  it('the command opens the page of the rule it is given', async () => {
    for (const ruleId of ['empty-field', 'unchosen-option', 'go-no-go-open']) {
      const opened = previewOpened(`${ruleId}.md`);
      assert.equal(await vscode.commands.executeCommand('connectorPlan.showRuleDocs', ruleId), true);
      await opened;
    }
  });

  it('an unknown rule id opens nothing', async () => {
    assert.equal(await vscode.commands.executeCommand('connectorPlan.showRuleDocs', 'no-such-rule'), false);
    assert.deepEqual(previewTabs('no-such-rule.md'), []);
  });
});
