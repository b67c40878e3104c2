import * as vscode from 'vscode';
import type { PlanReport } from '../../core';
import type { PreviewReports } from '../preview';
import type { PlanAnalysis, PlanAnalyzer } from '../plan-analysis';
import { readSettings } from '../settings';

const REFRESH_PREVIEWS = 'markdown.preview.refresh';

/**
 * Hands the preview plugin the analyzer's result for the document it renders (so the preview shows what the
 * Problems panel shows, with `.connector-plan.json` and settings applied, analysed once), and refreshes the
 * previews when a result arrives that a preview has not shown yet (after typing, a settings or rules file change).
 */
export class CheckedReports implements PreviewReports, vscode.Disposable {
  /** What the preview last showed per document: the analyzer's report, the plugin's own analysis, or no marks. */
  private readonly shown = new Map<string, PlanReport | 'own' | 'none'>();
  private readonly disposables: vscode.Disposable[];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly analyzer: PlanAnalyzer) {
    this.disposables = [
      analyzer.onDidAnalyze((result) => {
        const key = result.uri.toString();
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
        if (!document || document.version !== result.version || !this.shown.has(key)) return;
        if (this.shown.get(key) !== (this.marks(document, result) ?? 'none')) this.refreshSoon();
      }),
      analyzer.onDidForget((uri) => this.shown.delete(uri.toString())),
      vscode.workspace.onDidCloseTextDocument((document) => this.shown.delete(document.uri.toString())),
    ];
  }

  reportFor(uri: unknown, text: string): PlanReport | null | undefined {
    if (!isUri(uri)) return undefined;
    const key = uri.toString();
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (!document) return undefined;
    const result = this.analyzer.get(document);
    const current = result && document.getText() === text ? result : undefined;
    // Exclusion goes by path and the switch by settings: both hold for an older result too.
    const marks = this.marks(document, current ?? this.analyzer.latest(document.uri));
    const report = marks === null || current ? marks : undefined;
    this.shown.set(key, report === undefined ? 'own' : (report ?? 'none'));
    return report;
  }

  /** The report the Problems panel shows for this result; null when it shows nothing for the document. */
  private marks(document: vscode.TextDocument, result: PlanAnalysis | undefined): PlanReport | null | undefined {
    if (!readSettings(document).enable || (result && !result.isPlan)) return null;
    return result?.report;
  }

  /** One refresh for a burst of results (every open plan is analysed again after a settings change). */
  private refreshSoon(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void vscode.commands.executeCommand(REFRESH_PREVIEWS).then(undefined, () => undefined);
    }, 0);
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const d of this.disposables) d.dispose();
    this.shown.clear();
  }
}

const isUri = (value: unknown): value is vscode.Uri => typeof value === 'object' && value !== null && 'scheme' in value && 'path' in value;
