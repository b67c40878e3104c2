import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver';
import { sectionSummaries, type PlanModel, type PlanReport, type Section, type Subsection, type TaskItem } from '../core';

/**
 * A plan's outline, for any editor's symbol list: each section heading as written (a section written inside another
 * under it), with its summary (`3/5 filled · 1 gap`, `7/9 · NO-GO`) beside it; under a section of work its phases or
 * waves and their checkbox items; under the go/no-go section its items.
 */
export function planSymbols(plan: PlanModel, report: PlanReport): DocumentSymbol[] {
  if (!report.isPlan) return [];
  const summaries = new Map(sectionSummaries(plan, report).map((s) => [`${s.sectionId}:${s.line}`, s.text]));
  const top: DocumentSymbol[] = [];
  const open: { symbol: DocumentSymbol; endLine: number }[] = [];
  // A heading written for two sections is read twice: the outline shows it once, as written.
  const sections = plan.sections.filter((s) => !s.secondary).sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  for (const section of sections) {
    const symbol = sectionSymbol(plan, section, section.id === undefined ? undefined : summaries.get(`${section.id}:${section.heading.line}`));
    while (open.length && section.startLine >= open[open.length - 1].endLine) open.pop();
    const parent = open[open.length - 1];
    if (parent && section.endLine <= parent.endLine) parent.symbol.children!.push(symbol);
    else top.push(symbol);
    open.push({ symbol, endLine: section.endLine });
  }
  for (const symbol of allSymbols(top)) symbol.children?.sort((a, b) => a.range.start.line - b.range.start.line);
  return top;
}

function sectionSymbol(plan: PlanModel, section: Section, summary: string | undefined): DocumentSymbol {
  const children: DocumentSymbol[] = [
    ...section.subsections.filter((sub) => sub.kind).map((sub) => subsectionSymbol(plan, sub)),
    ...(section.template?.role === 'checklist' ? section.tasks.map((item) => itemSymbol(plan, item)) : []),
  ];
  return {
    name: nameOf(section.heading.text, section.id ? `${section.id})` : '#'),
    ...(summary ? { detail: summary } : {}),
    kind: SymbolKind.Module,
    range: linesRange(plan, section.startLine, section.endLine),
    selectionRange: section.heading.range,
    children,
  };
}

function subsectionSymbol(plan: PlanModel, subsection: Subsection): DocumentSymbol {
  const range = linesRange(plan, subsection.startLine, subsection.endLine);
  return {
    name: nameOf(subsection.heading.text, subsection.kind ?? '-'),
    kind: SymbolKind.Event,
    range,
    selectionRange: within(subsection.heading.range, range),
    children: subsection.tasks.map((item) => itemSymbol(plan, item)),
  };
}

function itemSymbol(plan: PlanModel, item: TaskItem): DocumentSymbol {
  const range = linesRange(plan, item.line, item.line + 1);
  return { name: `${item.checked ? '[x]' : '[ ]'} ${nameOf(item.text, '-')}`, kind: SymbolKind.Boolean, range, selectionRange: within(item.boxRange, range) };
}

/** Lines [start, end) as a range, to the end of the last one. */
function linesRange(plan: PlanModel, startLine: number, endLine: number): Range {
  const last = Math.max(startLine, endLine - 1);
  return { start: { line: startLine, character: 0 }, end: { line: last, character: plan.lines[last]?.length ?? 0 } };
}

/** `inner` when `outer` holds it (a client may insist), else `outer`'s start. */
function within(inner: Range, outer: Range): Range {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end) ? inner : { start: outer.start, end: outer.start };
}

/** A symbol's name must not be empty (some clients refuse one that is). */
function nameOf(text: string, fallback: string): string {
  const name = text.trim();
  return name || fallback;
}

function* allSymbols(symbols: DocumentSymbol[]): Generator<DocumentSymbol> {
  for (const symbol of symbols) {
    yield symbol;
    if (symbol.children) yield* allSymbols(symbol.children);
  }
}
