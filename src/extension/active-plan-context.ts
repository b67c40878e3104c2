import * as vscode from 'vscode';
import type { PlanAnalyzer } from './plan-analysis';

const KEY = 'connectorPlan.activeEditorIsPlan';

/** Keeps the `connectorPlan.activeEditorIsPlan` context key (menus' `when` clauses) in step with the active editor. */
export function registerActivePlanContext(analyzer: PlanAnalyzer): vscode.Disposable {
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    const result = document && analyzer.latest(document.uri);
    void vscode.commands.executeCommand('setContext', KEY, Boolean(result?.isPlan));
  };
  update();
  // Only the active editor's results matter: a scan of the workspace sends no context update per file.
  const isActive = (uri: vscode.Uri) => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(update),
    analyzer.onDidAnalyze((result) => isActive(result.uri) && update()),
    analyzer.onDidForget((uri) => isActive(uri) && update()),
  );
}
