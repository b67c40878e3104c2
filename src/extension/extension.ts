import * as vscode from 'vscode';
import { registerActivePlanContext } from './active-plan-context';
import { registerCodeActions } from './code-actions';
import { registerFixAllCommand } from './commands/fix-all';
import { registerDiagnostics } from './diagnostics';
import { PlanAnalyzer } from './plan-analysis';

/** What `activate` hands back: VS Code's markdown preview reads `extendMarkdownIt`; tests reach the services. */
export interface ConnectorPlanApi {
  analyzer: PlanAnalyzer;
}

/** Cheap on purpose: it runs for every markdown file. Work happens when a markdown document is analysed. */
export function activate(context: vscode.ExtensionContext): ConnectorPlanApi {
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
  return { analyzer };
}

export function deactivate(): void {}
