import * as l10n from '@vscode/l10n';
import { CodeActionKind, CompletionItemKind, InsertTextFormat, type CodeAction, type CodeActionParams, type CodeLens, type CompletionItem, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completionsAt, disableEdits, fixAllEdits, hoverAt, sectionSummaries, snippetParts, type PlanCompletion, type PlanCompletionKind, type PlanModel } from '../core';
import type { PlanAnalysis } from './analysis';
import { findingFor, toWorkspaceEdit } from './convert';

/** The fix-all kind, as the extension names it: `source.fixAll.connectorPlan`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.connectorPlan`;

/** The command a section's `Fix N` lens runs: the server applies that section's mechanical fixes. */
export const FIX_SECTION_COMMAND = 'connectorPlan.lsp.fixSection';

/** Whether a client asking for `only` kinds wants `kind` (a kind holds the kinds under it: `source` holds `source.fixAll`). */
function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => o === kind || kind.startsWith(`${o}.`) || o.startsWith(`${kind}.`));
}

/**
 * The extension's code actions: each quick fix of the findings the client's diagnostics stand for (from the findings'
 * fix data, never by analysing again), "disable for this line/file", and fix-all when the client asks for that kind.
 */
export function codeActions(analysis: PlanAnalysis, params: CodeActionParams): CodeAction[] {
  if (!analysis.isPlan) return [];
  const { uri } = params.textDocument;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      const finding = findingFor(analysis.report.findings, diagnostic);
      if (!finding) continue;
      const preferred = (finding.fixes ?? []).filter((f) => f.isPreferred).length === 1;
      for (const fix of finding.fixes ?? []) {
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.isPreferred === true && preferred, edit: toWorkspaceEdit(uri, fix.edits) });
      }
      const disable = disableEdits(analysis.plan, finding);
      actions.push({ title: l10n.t('Disable {0} for this line', finding.ruleId), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: toWorkspaceEdit(uri, [disable.line]) });
      actions.push({ title: l10n.t('Disable {0} for this file', finding.ruleId), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: toWorkspaceEdit(uri, [disable.file]) });
    }
  }
  // Asked for by kind only (on save, or a "fix all" command), as the extension offers it.
  if (only && wants(only, FIX_ALL_KIND) && !wants(only, CodeActionKind.QuickFix)) {
    const edits = fixAllEdits(analysis.report.findings);
    if (edits.length) actions.push({ title: l10n.t('Fix all mechanical connector plan gaps'), kind: FIX_ALL_KIND, edit: toWorkspaceEdit(uri, edits) });
  }
  return actions;
}

/** A heading's state and gaps, a field label's template guidance: markdown from the core. */
export function hover(analysis: PlanAnalysis, line: number, character: number): Hover | null {
  if (!analysis.isPlan) return null;
  const found = hoverAt(analysis.plan, analysis.report, line, character);
  return found ? { contents: { kind: 'markdown', value: found.contents }, range: found.range } : null;
}

/** `:` after a label, ` ` after a list marker or `##`, `|` between mapping cells, `#` at a heading start: the extension's. */
export const COMPLETION_TRIGGERS = [':', ' ', '|', '#'];

const KIND: Record<PlanCompletionKind, CompletionItemKind> = {
  value: CompletionItemKind.EnumMember,
  field: CompletionItemKind.Property,
  section: CompletionItemKind.Module,
};

/**
 * Allowed values, missing field labels and missing sections as the core finds them at the cursor; with snippets, the
 * template's parts (`cp-section-b`, `cp-phase`…) where a line starts with their prefix, which VS Code takes from the
 * extension's snippets and other editors have only from here.
 */
export function completions(analysis: PlanAnalysis, document: TextDocument, line: number, character: number, snippets: boolean): CompletionItem[] {
  if (!analysis.isPlan) return [];
  const items = completionsAt(analysis.plan, line, character).map(toCompletionItem);
  if (snippets) items.push(...partItems(analysis.plan, document, line, character));
  return items;
}

function toCompletionItem(completion: PlanCompletion, index: number): CompletionItem {
  return {
    label: completion.label,
    kind: KIND[completion.kind],
    ...(completion.detail ? { detail: completion.detail } : {}),
    ...(completion.range ? { textEdit: { range: completion.range, newText: completion.insertText } } : { insertText: completion.insertText }),
    ...(completion.filterText ? { filterText: completion.filterText } : {}),
    // The template's order (A before B, incremental before snapshot), not the alphabet's.
    sortText: String(index).padStart(4, '0'),
  };
}

function partItems(plan: PlanModel, document: TextDocument, line: number, character: number): CompletionItem[] {
  const before = document.getText({ start: { line, character: 0 }, end: { line, character } });
  const typed = /^(\s*)((?:cp|connector)[\w-]*)$/.exec(before);
  if (!typed) return [];
  const range = { start: { line, character: typed[1].length }, end: { line, character } };
  return Object.entries(snippetParts(plan.schema)).map(([name, part]) => ({
    label: part.prefix,
    labelDetails: { description: name },
    kind: CompletionItemKind.Snippet,
    detail: part.description,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: part.body.join('\n') },
  }));
}

/**
 * A lens above each section heading (`3/5 filled · 1 gap`, `complete`; `7/9 · NO-GO` above the go/no-go checklist),
 * with `Fix N` beside it when the section has mechanical fixes: the extension's lenses, the core's words.
 */
export function codeLenses(analysis: PlanAnalysis, uri: string): CodeLens[] {
  if (!analysis.isPlan) return [];
  return sectionSummaries(analysis.plan, analysis.report).flatMap((summary) => {
    const range = { start: { line: summary.line, character: 0 }, end: { line: summary.line, character: 0 } };
    // No command: the summary is words to read, not a button.
    const lenses: CodeLens[] = [{ range, command: { title: summary.text, command: '' } }];
    if (summary.fixes) lenses.push({ range, command: { title: l10n.t({ message: 'Fix {0}', args: [summary.fixes.count], comment: ['A lens above a section heading: apply its {0} mechanical fixes.'] }), command: FIX_SECTION_COMMAND, arguments: [uri, summary.sectionId] } });
    return lenses;
  });
}
