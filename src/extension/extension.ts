import * as vscode from 'vscode';
import { registerActivePlanContext } from './active-plan-context';
import { registerCodeActions } from './code-actions';
import { registerFixAllCommand } from './commands/fix-all';
import { registerDiagnostics } from './diagnostics';
import { PlanAnalyzer } from './plan-analysis';

/** Cheap on purpose: it runs for every markdown file. Work happens when a markdown document is analysed. */
export function activate(context: vscode.ExtensionContext) {
  const output = vscode.window.createOutputChannel('Connector Plan');
  const analyzer = new PlanAnalyzer(output);
  context.subscriptions.push(
    output,
    analyzer,
    registerDiagnostics(analyzer, context.extensionUri),
    registerCodeActions(analyzer),
    registerFixAllCommand(analyzer),
    registerActivePlanContext(analyzer),
  );
}

export function deactivate(): void {}
