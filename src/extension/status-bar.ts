import * as vscode from 'vscode';
import type { PlanAnalyzer } from './plan-analysis';
import { checkedItemsText, planName, planTooltip, summaryText } from './plan-summary';

/** `$(checklist) 72% · NO-GO 3/5` for the active editor's plan; hidden when the active editor shows no plan. */
export class PlanStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('connectorPlan.status', vscode.StatusBarAlignment.Left, 50);
  private shown = false;
  private readonly updated = new vscode.EventEmitter<void>();
  /** Fires after the item changed (or was hidden). */
  readonly onDidUpdate = this.updated.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly analyzer: PlanAnalyzer) {
    this.item.name = vscode.l10n.t('Connector Plan');
    const isActive = (uri: vscode.Uri) => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString();
    this.disposables = [
      this.item,
      this.updated,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      analyzer.onDidAnalyze((result) => isActive(result.uri) && this.update()),
      analyzer.onDidForget((uri) => isActive(uri) && this.update()),
    ];
    this.update();
  }

  /** Whether the item is in the status bar now. */
  get visible(): boolean {
    return this.shown;
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const result = document && (this.analyzer.get(document) ?? this.analyzer.latest(document.uri));
    const progress = result?.isPlan ? result.report.progress : undefined;
    if (!result || !progress) {
      this.item.hide();
      this.shown = false;
    } else {
      const { goNoGo } = progress;
      this.item.text = `$(checklist) ${summaryText(progress)}`;
      this.item.tooltip = planTooltip(result);
      this.item.accessibilityInformation = { label: vscode.l10n.t('{0}: {1}% filled, {2}, {3}', planName(result), progress.percent, goNoGo.verdict, checkedItemsText(goNoGo)) };
      this.item.command = { command: 'connectorPlan.revealPlan', title: vscode.l10n.t('Reveal Plan in the Plans View'), arguments: [result.uri] };
      this.item.show();
      this.shown = true;
    }
    this.updated.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
