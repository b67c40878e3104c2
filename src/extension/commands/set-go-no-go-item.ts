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
  const outcome = await writeGoNoGoItem(analyzer, document, args.line, args.checked, args.text);
  if (outcome.kind === 'refused') {
    const where = vscode.workspace.asRelativePath(document.uri);
    void vscode.window.showWarningMessage(
      outcome.stale
        ? vscode.l10n.t('In {0}, {1}, so nothing was changed. The Plans view now shows the plan as it is.', where, outcome.message)
        : vscode.l10n.t('Nothing was changed in {0}: {1}.', where, outcome.message),
    );
  }
  return outcome.kind === 'written';
}

export type GoNoGoWrite = { kind: 'written' | 'unchanged' | 'failed' } | { kind: 'refused'; stale: boolean; message: string };

/**
 * Ticks or unticks the go/no-go item on `line` (0-based) of an open document as one undoable edit, unless the
 * line no longer holds `text`: what the Plans view's checkboxes and the setGoNoGoItem agent tool both do.
 */
export async function writeGoNoGoItem(analyzer: PlanAnalyzer, document: vscode.TextDocument, line: number, checked: boolean, text?: string): Promise<GoNoGoWrite> {
  const result = analyzer.get(document) ?? (await analyzer.analyzeDocument(document));
  const change = goNoGoChange(result.plan, line, checked, text);
  if (!('edit' in change)) {
    // A fresh analysis puts the item back as it really is in the Plans view and the status bar.
    await analyzer.analyzeDocument(document);
    return { kind: 'refused', stale: change.problem === 'stale', message: change.message };
  }
  const { edit } = change;
  const range = toRange(edit.range);
  if (document.getText(range).toLowerCase() === edit.newText.toLowerCase()) return { kind: 'unchanged' };
  if (!(await vscode.workspace.applyEdit(toWorkspaceEdit(document.uri, [edit])))) return { kind: 'failed' };
  // Where the change can be seen, saved or undone; the tree keeps the focus.
  if (!vscode.window.visibleTextEditors.some((editor) => editor.document === document)) {
    await vscode.window.showTextDocument(document, { preview: true, preserveFocus: true, selection: range });
  }
  await analyzer.analyzeDocument(document);
  return { kind: 'written' };
}
