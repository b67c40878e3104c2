import * as vscode from 'vscode';
import { fixAllEdits } from '../../core';
import { toWorkspaceEdit } from '../convert';
import type { PlanAnalyzer } from '../plan-analysis';

/**
 * `connectorPlan.fixAll`: applies every mechanical fix to the active plan (or the given URI) as one undoable edit.
 * From a row of the Plans view (a node with a `uri`), the plan is shown first, so the edit is seen and can be undone.
 */
export function registerFixAllCommand(analyzer: PlanAnalyzer): vscode.Disposable {
  return vscode.commands.registerCommand('connectorPlan.fixAll', async (target?: vscode.Uri | { uri: vscode.Uri }): Promise<number> => {
    const uri = target instanceof vscode.Uri || !target ? target : target.uri;
    if (target && !(target instanceof vscode.Uri)) await vscode.window.showTextDocument(uri!, { preview: false });
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document) {
      void vscode.window.showInformationMessage('Open a connector plan to fix its gaps.');
      return 0;
    }
    const result = analyzer.get(document) ?? (await analyzer.analyzeDocument(document));
    if (!result.isPlan) {
      void vscode.window.showInformationMessage(`${vscode.workspace.asRelativePath(document.uri)} is not a connector plan.`);
      return 0;
    }
    const edits = fixAllEdits(result.report.findings);
    if (!edits.length) {
      void vscode.window.showInformationMessage('No mechanical fixes to apply: the remaining gaps need your words.');
      return 0;
    }
    await vscode.workspace.applyEdit(toWorkspaceEdit(document.uri, edits));
    return edits.length;
  });
}
