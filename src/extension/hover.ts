import * as vscode from 'vscode';
import { hoverAt } from '../core';
import { toRange } from './convert';
import type { PlanAnalyzer } from './plan-analysis';

/** A heading's state and gaps, a field label's template guidance: markdown from the core. */
export class PlanHovers implements vscode.HoverProvider {
  constructor(private readonly analyzer: PlanAnalyzer) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const result = this.analyzer.get(document) ?? (await this.analyzer.analyzeDocument(document));
    if (!result.isPlan || token.isCancellationRequested) return undefined;
    const hover = hoverAt(result.plan, result.report, position.line, position.character);
    return hover && new vscode.Hover(new vscode.MarkdownString(hover.contents), toRange(hover.range));
  }
}

export function registerHovers(analyzer: PlanAnalyzer): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ language: 'markdown' }, new PlanHovers(analyzer));
}
