import * as vscode from 'vscode';
import { registerActivePlanContext } from './active-plan-context';
import { registerCodeActions } from './code-actions';
import { registerCompletions } from './completion';
import { registerFixAllCommand } from './commands/fix-all';
import { registerScaffoldCommands } from './commands/scaffold';
import { registerDiagnostics } from './diagnostics';
import { registerHovers } from './hover';
import { PlanAnalyzer } from './plan-analysis';
import { extendMarkdownIt } from './preview';

/** What `activate` hands back: VS Code's markdown preview reads `extendMarkdownIt`; tests reach the services. */
export interface ConnectorPlanApi {
  analyzer: PlanAnalyzer;
  extendMarkdownIt: typeof extendMarkdownIt;
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
    registerScaffoldCommands(),
    registerActivePlanContext(analyzer),
    registerCompletions(analyzer),
    registerHovers(analyzer),
  );
  return { analyzer, extendMarkdownIt };
}

export function deactivate(): void {}
