import * as vscode from 'vscode';
import { completionsAt, type PlanCompletion, type PlanCompletionKind } from '../core';
import { toRange } from './convert';
import type { PlanAnalyzer } from './plan-analysis';

/** `:` after a label, ` ` after a list marker or `##`, `|` between mapping cells, `#` at a heading start. */
export const COMPLETION_TRIGGERS = [':', ' ', '|', '#'];

const KIND: Record<PlanCompletionKind, vscode.CompletionItemKind> = {
  value: vscode.CompletionItemKind.EnumMember,
  field: vscode.CompletionItemKind.Property,
  section: vscode.CompletionItemKind.Module,
};

/** Allowed values, missing field labels and missing sections, as the core finds them at the cursor. */
export class PlanCompletions implements vscode.CompletionItemProvider {
  constructor(private readonly analyzer: PlanAnalyzer) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionItem[]> {
    const result = this.analyzer.get(document) ?? (await this.analyzer.analyzeDocument(document));
    if (!result.isPlan || token.isCancellationRequested) return [];
    return completionsAt(result.plan, position.line, position.character).map(toCompletionItem);
  }
}

function toCompletionItem(completion: PlanCompletion, index: number): vscode.CompletionItem {
  const item = new vscode.CompletionItem(completion.label, KIND[completion.kind]);
  item.insertText = completion.insertText;
  item.detail = completion.detail;
  if (completion.range) item.range = toRange(completion.range);
  if (completion.filterText) item.filterText = completion.filterText;
  // The template's order (A before B, incremental before snapshot), not the alphabet's.
  item.sortText = String(index).padStart(4, '0');
  if (completion.offersValues) item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest allowed values' };
  return item;
}

export function registerCompletions(analyzer: PlanAnalyzer): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, new PlanCompletions(analyzer), ...COMPLETION_TRIGGERS);
}
