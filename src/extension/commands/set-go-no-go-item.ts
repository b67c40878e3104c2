import * as vscode from 'vscode';
import { goNoGoChange } from '../../core';
import { toRange, toWorkspaceEdit } from '../convert';
import type { PlanAnalyzer } from '../plan-analysis';

export interface SetGoNoGoItemArgs {
  uri: vscode.Uri | string;
  /** 0-based line of the item. */
  line: number;
  checked: boolean;
  /** The item's text as the caller saw it: when the line no longer holds it, nothing is written. */
  text?: string;
}

/**
 * `connectorPlan.setGoNoGoItem`: ticks or unticks one go/no-go item of a plan, saved or not, as one undoable
 * edit. Resolves to true when it wrote.
 */
export function registerSetGoNoGoItemCommand(analyzer: PlanAnalyzer): vscode.Disposable {
  return vscode.commands.registerCommand('connectorPlan.setGoNoGoItem', (args?: SetGoNoGoItemArgs) => setGoNoGoItem(analyzer, args));
}

async function setGoNoGoItem(analyzer: PlanAnalyzer, args?: SetGoNoGoItemArgs): Promise<boolean> {
  if (!args?.uri || typeof args.line !== 'number' || typeof args.checked !== 'boolean') return false;
  const document = await vscode.workspace.openTextDocument(typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : args.uri);
  const result = analyzer.get(document) ?? (await analyzer.analyzeDocument(document));
  const change = goNoGoChange(result.plan, args.line, args.checked, args.text);
  if (!('edit' in change)) {
    // A fresh analysis puts the item back as it really is in the Plans view and the status bar.
    await analyzer.analyzeDocument(document);
    const where = vscode.workspace.asRelativePath(document.uri);
    void vscode.window.showWarningMessage(
      change.problem === 'stale'
        ? `In ${where}, ${change.message}, so nothing was changed. The Plans view now shows the plan as it is.`
        : `Nothing was changed in ${where}: ${change.message}.`,
    );
    return false;
  }
  const { edit } = change;
  const range = toRange(edit.range);
  if (document.getText(range).toLowerCase() === edit.newText.toLowerCase()) return false;
  if (!(await vscode.workspace.applyEdit(toWorkspaceEdit(document.uri, [edit])))) return false;
  // Where the change can be seen, saved or undone; the tree keeps the focus.
  if (!vscode.window.visibleTextEditors.some((editor) => editor.document === document)) {
    await vscode.window.showTextDocument(document, { preview: true, preserveFocus: true, selection: range });
  }
  await analyzer.analyzeDocument(document);
  return true;
}
