import * as vscode from 'vscode';
import { completionsAt, getDefaultSchema, snippetParts, type PlanCompletion, type PlanCompletionKind, type TemplateSchema } from '../core';
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
    const items = completionsAt(result.plan, position.line, position.character).map(toCompletionItem);
    // The snippets file holds the built-in template's parts; a team template's come from here.
    if (result.plan.schema !== getDefaultSchema()) items.push(...partItems(result.plan.schema, document, position));
    return items;
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
  if (completion.offersValues) item.command = { command: 'editor.action.triggerSuggest', title: vscode.l10n.t('Suggest allowed values') };
  return item;
}

/** A team template's parts (`cp-section-b`, `cp-stage`…) where a line starts with their prefix. */
function partItems(schema: TemplateSchema, document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
  const typed = /^(\s*)((?:cp|connector)[\w-]*)$/.exec(document.lineAt(position.line).text.slice(0, position.character));
  if (!typed) return [];
  const range = new vscode.Range(position.line, typed[1].length, position.line, position.character);
  return Object.entries(snippetParts(schema)).map(([name, part]) => {
    const item = new vscode.CompletionItem({ label: part.prefix, description: name }, vscode.CompletionItemKind.Snippet);
    item.insertText = new vscode.SnippetString(part.body.join('\n'));
    item.detail = part.description;
    item.range = range;
    return item;
  });
}

export function registerCompletions(analyzer: PlanAnalyzer): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, new PlanCompletions(analyzer), ...COMPLETION_TRIGGERS);
}
