import * as vscode from 'vscode';
import { sectionSummaries } from '../core';
import { FIX_SECTION } from './commands/fix-section';
import type { PlanAnalyzer } from './plan-analysis';
import { reviewFindingLenses } from './review-links';
import { readSettings, SECTION } from './settings';

/**
 * A lens above each template section heading of a plan (`3/5 filled · 1 gap`, `complete`) and above the go/no-go
 * checklist (`7/9 · NO-GO`), with `Fix N` beside it when the section has mechanical fixes. The summaries' words are the core's.
 * In a review of a review loop, a lens above each finding it raises says its status (`P1 · fixed in 04 (line 23)`).
 */
export class PlanCodeLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly analyzer: PlanAnalyzer) {
    const isOpen = (uri: vscode.Uri, version?: number) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && (version === undefined || d.version === version));
    this.disposables = [
      this.changed,
      // A closed file read by the workspace scan shows no lens: only a new result of an open document does.
      analyzer.onDidAnalyze((result) => isOpen(result.uri, result.version) && this.changed.fire()),
      analyzer.onDidForget((uri) => isOpen(uri) && this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration(`${SECTION}.codeLens.enable`) && this.changed.fire()),
    ];
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!readSettings(document).codeLens) return [];
    const result = await this.analyzer.current(document, token);
    if (!result || token.isCancellationRequested) return [];
    // A round of a review loop: each finding it raises with its status now.
    const findings = result.loop ? reviewFindingLenses(result.loop, document) : [];
    if (!result.isPlan) return findings;
    return [...findings, ...sectionSummaries(result.plan, result.report).flatMap((summary) => {
      const range = new vscode.Range(summary.line, 0, summary.line, 0);
      // No command id: the summary is words to read, not a button.
      const lenses = [new vscode.CodeLens(range, { title: summary.text, tooltip: summary.detail, command: '' })];
      if (summary.fixes) {
        const { count, titles } = summary.fixes;
        const tooltip = count === 1
          ? vscode.l10n.t('Apply the mechanical fix of this section (undo takes it back): {0}.', titles.join('; '))
          : vscode.l10n.t('Apply {0} mechanical fixes of this section (undo takes them back): {1}.', count, titles.join('; '));
        lenses.push(new vscode.CodeLens(range, { title: vscode.l10n.t('$(wrench) Fix {0}', count), tooltip, command: FIX_SECTION, arguments: [document.uri, summary.sectionId] }));
      }
      return lenses;
    })];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** Registers the provider for markdown (VS Code asks only with `editor.codeLens` on) and hands it back for tests. */
export function registerCodeLenses(analyzer: PlanAnalyzer): { provider: PlanCodeLenses; registration: vscode.Disposable } {
  const provider = new PlanCodeLenses(analyzer);
  return { provider, registration: vscode.Disposable.from(provider, vscode.languages.registerCodeLensProvider({ language: 'markdown' }, provider)) };
}
