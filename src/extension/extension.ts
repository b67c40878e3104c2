import * as vscode from 'vscode';
import { useMessageBundle } from '../core';
import { registerActivePlanContext } from './active-plan-context';
import { registerAgentTools, type PrepareToolInvocation } from './agent-tools';
import { registerCodeActions } from './code-actions';
import { registerCodeLenses, type PlanCodeLenses } from './code-lens';
import { registerReviewLinks } from './review-links';
import { registerCompletions } from './completion';
import { registerFixAllCommand } from './commands/fix-all';
import { registerFixSectionCommand } from './commands/fix-section';
import { registerScaffoldCommands } from './commands/scaffold';
import { registerSetGoNoGoItemCommand } from './commands/set-go-no-go-item';
import { registerShowRuleDocsCommand } from './commands/show-rule-docs';
import { registerDiagnostics } from './diagnostics';
import { registerHovers } from './hover';
import { PlanAnalyzer } from './plan-analysis';
import { PlanTree } from './plan-tree';
import { PlanRowStore } from './plan-tree-store';
import { recentNotices } from './notices';
import { extendMarkdownIt } from './preview';
import { CheckedReports } from './preview/checked-reports';
import { PlanStatusBar } from './status-bar';

/** What `activate` hands back: VS Code's markdown preview reads `extendMarkdownIt`; tests reach the services. */
export interface ConnectorPlanApi {
  analyzer: PlanAnalyzer;
  planTree: PlanTree;
  statusBar: PlanStatusBar;
  codeLenses: PlanCodeLenses;
  extendMarkdownIt: typeof extendMarkdownIt;
  /** The messages shown last (a notification's text cannot be read back otherwise). */
  recentNotices: typeof recentNotices;
  /** What an agent tool shows before it runs (VS Code skips confirmations under a test runner). */
  prepareToolInvocation: PrepareToolInvocation;
}

/** Cheap on purpose: it runs for every markdown file. Work happens when a markdown document is analysed. */
export function activate(context: vscode.ExtensionContext): ConnectorPlanApi {
  // The core's messages (findings, progress, hovers) and the preview's words come from the extension's own bundle.
  useMessageBundle(vscode.l10n.bundle);
  const output = vscode.window.createOutputChannel(vscode.l10n.t('Connector Plan'));
  const analyzer = new PlanAnalyzer(output);
  const planTree = new PlanTree(analyzer, new PlanRowStore(context.workspaceState, String(context.extension.packageJSON.version)));
  const statusBar = new PlanStatusBar(analyzer);
  const previewReports = new CheckedReports(analyzer);
  const agentTools = registerAgentTools(analyzer, output);
  const codeLenses = registerCodeLenses(analyzer);
  context.subscriptions.push(
    output,
    analyzer,
    registerDiagnostics(analyzer),
    registerCodeActions(analyzer),
    registerFixAllCommand(analyzer),
    registerFixSectionCommand(analyzer),
    codeLenses.registration,
    registerReviewLinks(analyzer),
    registerScaffoldCommands(analyzer),
    registerActivePlanContext(analyzer),
    registerCompletions(analyzer),
    registerHovers(analyzer),
    planTree,
    statusBar,
    registerSetGoNoGoItemCommand(analyzer),
    previewReports,
    registerShowRuleDocsCommand(context.extensionUri),
    agentTools.disposable,
  );
  return { analyzer, planTree, statusBar, codeLenses: codeLenses.provider, extendMarkdownIt: (md) => extendMarkdownIt(md, previewReports), recentNotices, prepareToolInvocation: agentTools.prepare };
}

export function deactivate(): void {}
