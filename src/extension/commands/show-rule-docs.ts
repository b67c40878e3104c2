import * as vscode from 'vscode';
import { RULES } from '../../core';
import { ruleDocsFile, SHOW_RULE_DOCS } from '../convert';

/**
 * `connectorPlan.showRuleDocs [ruleId]`: opens a rule's page (shipped in docs/rules/) in the markdown preview,
 * rendered and read-only; without a rule id, asks which rule. A diagnostic's code links here.
 */
export function registerShowRuleDocsCommand(extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.commands.registerCommand(SHOW_RULE_DOCS, async (ruleId?: unknown): Promise<boolean> => {
    const id = typeof ruleId === 'string' ? ruleId : await pickRule();
    if (id === undefined) return false;
    if (!RULES.some((rule) => rule.id === id)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Connector Plan has no rule "{0}". Known rules: {1}.', id, RULES.map((r) => r.id).join(', ')));
      return false;
    }
    const page = ruleDocsFile(extensionUri, id);
    try {
      await vscode.commands.executeCommand('markdown.showPreview', page);
    } catch {
      // The built-in markdown extension is disabled: the page's source is still worth reading.
      await vscode.window.showTextDocument(page, { preview: true });
    }
    return true;
  });
}

async function pickRule(): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    RULES.map((rule) => ({ label: rule.id, description: rule.defaultSeverity, detail: rule.description })),
    { title: vscode.l10n.t('Connector Plan: Show Rule Documentation'), placeHolder: vscode.l10n.t('Which rule?'), matchOnDetail: true },
  );
  return picked?.label;
}
