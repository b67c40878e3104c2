import * as l10n from '@vscode/l10n';
import type { PlanReport } from './analyze';
import { maskCode, plainText } from './markdown/inline';
import { trailingNumber, withoutTrailingNumber } from './markdown/scan';
import { acceptedValues, isOptionList, isPlaceholderOnly } from './plan/choices';
import { isFieldFilled } from './plan/field-state';
import { indentOf } from './plan/fields';
import { MATCH_THRESHOLD, similarity, words } from './plan/match';
import type { Field, PlanModel, Section, Subsection, TemplateField, TemplateSection } from './plan/model';
import type { Finding, GoNoGoReasonKind, GoNoGoStatus, Range } from './types';
import { isSetAside, templateFields, type FieldPlace } from './rules/rule';

export type PlanCompletionKind = 'value' | 'field' | 'section';

/** One completion, as plain data: the editor adapter turns it into its own item. */
export interface PlanCompletion {
  label: string;
  insertText: string;
  detail?: string;
  kind: PlanCompletionKind;
  /** The text the completion replaces (it holds the cursor); the editor's word at the cursor when absent. */
  range?: Range;
  /** What the text typed in `range` is matched against, when that is not the label (a template option list being replaced). */
  filterText?: string;
  /** The inserted label has allowed values: the editor may offer them right away. */
  offersValues?: boolean;
}

export interface PlanHover {
  /** Markdown. */
  contents: string;
  range: Range;
}

const MAX_GAPS_SHOWN = 8;

/**
 * What can be written at a 0-based position: allowed values in a choice field or mapping cell, the missing
 * field labels at the start of a list item, the missing sections at a heading. Everything comes from the template.
 */
export function completionsAt(plan: PlanModel, line: number, character: number): PlanCompletion[] {
  const text = plan.lines[line];
  if (text === undefined || plan.nonProse[line]) return [];
  const at = Math.max(0, Math.min(character, text.length));
  return sectionCompletions(plan, line, at) ?? mappingCompletions(plan, line, at) ?? valueCompletions(plan, line, at) ?? labelCompletions(plan, line, at) ?? [];
}

function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** When the text being replaced is the template's own (a placeholder, an option list), every choice stays visible. */
function choiceItems(choices: string[], detail: string, range: Range, typed: string, current: string, pad: { before: boolean; after: boolean }): PlanCompletion[] {
  const templateText = isPlaceholderOnly(current) || isOptionList(current, choices);
  return acceptedValues(choices).map((choice) => ({
    label: choice,
    insertText: `${pad.before ? ' ' : ''}${choice}${pad.after ? ' ' : ''}`,
    detail,
    kind: 'value' as const,
    range,
    filterText: templateText ? `${typed}${choice}` : undefined,
  }));
}

function sectionCompletions(plan: PlanModel, line: number, at: number): PlanCompletion[] | undefined {
  const text = plan.lines[line];
  const m = /^(#+)(\s*)/.exec(text.slice(0, at));
  if (!m) return undefined;
  const level = plan.sectionLevel;
  // `##` mid-typing, or a heading of the sections' level; deeper headings are phases and waves.
  if (m[1].length > level || (m[2] && m[1].length !== level)) return undefined;
  const present = new Set(plan.sections.filter((s) => s.id && s.heading.line !== line).map((s) => s.id));
  return plan.schema.sections
    .filter((t) => !present.has(t.id))
    .map((t) => {
      const heading = `${'#'.repeat(level)} ${t.headingText}`;
      return { label: t.headingText, insertText: heading, filterText: heading, detail: l10n.t('Missing template section'), kind: 'section' as const, range: lineRange(line, 0, text.length) };
    });
}

function mappingCompletions(plan: PlanModel, line: number, at: number): PlanCompletion[] | undefined {
  const inTable = (t: { headerLine: number; endLine: number }) => line > t.headerLine + 1 && line < t.endLine;
  const section = plan.sections.find((s) => s.mappings.some(inTable));
  const table = section?.mappings.find(inTable);
  if (!section?.template || !table) return undefined;
  const text = plan.lines[line];
  const pipes = unescapedPipes(text);
  const leading = text.trimStart().startsWith('|') ? 1 : 0;
  const before = pipes.filter((p) => p < at);
  const index = before.length - leading;
  const columnIndex = index >= 0 ? table.columnMap[index] : undefined;
  const column = columnIndex === undefined ? undefined : section.template.columns[columnIndex];
  if (!column?.choices) return [];

  const cellStart = before.length ? before[before.length - 1] + 1 : 0;
  const cellEnd = pipes.find((p) => p >= at) ?? text.length;
  let start = cellStart;
  while (start < at && /\s/.test(text[start])) start++;
  let end = cellEnd;
  while (end > Math.max(start, at) && /\s/.test(text[end - 1])) end--;
  const pad = { before: start === cellStart && cellStart > 0, after: end === cellEnd && cellEnd < text.length };
  return choiceItems(column.choices, column.title, lineRange(line, start, end), text.slice(start, at), text.slice(start, end), pad);
}

function unescapedPipes(text: string): number[] {
  const masked = maskCode(text);
  const out: number[] = [];
  for (let i = 0; i < masked.length; i++) {
    if (masked[i] === '\\') i++;
    else if (masked[i] === '|') out.push(i);
  }
  return out;
}

function valueCompletions(plan: PlanModel, line: number, at: number): PlanCompletion[] | undefined {
  const place = templateFields(plan, { includeSetAside: true }).find((p) => p.field.line === line && p.field.kind !== 'table-row');
  const field = place?.field;
  const choices = field?.template?.choices;
  if (!field || !choices) return undefined;
  const text = plan.lines[line];
  const start = field.valueRange.start.character;
  const afterLabel = at > field.labelRange.end.character && !text.slice(at, start).trim();
  if (at < start && !afterLabel) return undefined;
  const end = Math.max(at, start + field.value.length);
  const typed = text.slice(start, Math.max(start, at));
  const pad = { before: start > 0 && !/\s/.test(text[start - 1]), after: false };
  return choiceItems(choices, field.template!.label, lineRange(line, start, end), typed, text.slice(start, end), pad);
}

function labelCompletions(plan: PlanModel, line: number, at: number): PlanCompletion[] | undefined {
  const text = plan.lines[line];
  // `/^(\s*)((?:[-*+]|\d+[.)])\s+)((?:\*\*|__)?)([^:*_]*)$/`: the bullet, then a label with no colon or emphasis yet.
  const typed = text.slice(0, at);
  const m = /^(\s*)((?:[-*+]|\d+[.)])\s+)((?:\*\*|__)?)/.exec(typed);
  if (!m || /[:*_]/.test(typed.slice(m[0].length))) return undefined;
  const section = plan.sections.find((s) => s.template && line > s.heading.line && line < s.endLine);
  const template = section?.template;
  if (!section || !template) return undefined;
  const subsection = section.subsections.find((sub) => line > sub.heading.line && line < sub.endLine);
  const others = (subsection?.fields ?? section.fields).filter((f) => f.line !== line);
  // Labels start the section's own list items, not lines nested under a field, and never replace a label being edited.
  const indents = others.filter((f) => f.kind === 'item').map((f) => indentOf(plan.lines[f.line]));
  if (m[1].length > (indents.length ? Math.min(...indents) : 0) || text.slice(at).includes(':')) return undefined;

  const range = lineRange(line, m[1].length + m[2].length, text.length);
  const typedEmphasis = m[3];
  const bold = Boolean(typedEmphasis) || others.some((f) => /\*\*|__/.test(plan.lines[f.line].slice(0, f.labelRange.start.character)));
  const where = subsection ? `${sectionName(template)} · ${plainText(subsection.heading.text)}` : sectionName(template);

  if (template.role === 'checklist') {
    return template.checklist
      .filter((item) => !section.tasks.some((t) => t.line !== line && similarity(words(t.text), words(item)) >= MATCH_THRESHOLD))
      .map((item) => ({ label: item, insertText: `[ ] ${item}`, filterText: `${typedEmphasis}${item}`, detail: l10n.t({ message: '{0} · go/no-go item', args: [where], comment: ['{0} is where the item goes: a section, or a section and a phase.'] }), kind: 'field' as const, range }));
  }
  const candidates = subsection?.kind ? template.subsectionFields : subsection ? [] : template.fields;
  const items: PlanCompletion[] = [];
  for (const tf of candidates) {
    const written = others.filter((f) => f.template === tf);
    if (written.length && !tf.series) continue;
    const label = tf.series ? `${tf.label}${seriesSeparator(template, tf)}${nextNumber(written)}` : tf.label;
    items.push({
      label,
      insertText: bold ? `**${label}:** ` : `${label}: `,
      filterText: `${typedEmphasis}${label}`,
      detail: tf.guidance ? `${where} — ${plainText(tf.guidance)}` : where,
      kind: 'field',
      range,
      offersValues: tf.choices ? true : undefined,
    });
  }
  return items;
}

/** `Link 1` or `Q1`: as the template writes its series. */
function seriesSeparator(template: TemplateSection, field: TemplateField): string {
  const escaped = field.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${escaped}(\\s*#?)1\\b`).exec(template.skeleton)?.[1] ?? ' ';
}

function nextNumber(written: Field[]): number {
  const numbers = written.map((f) => Number(trailingNumber(f.label, true)?.digits ?? 0));
  return Math.max(written.length, ...numbers) + 1;
}


function sectionName(template: { id: string; title: string }): string {
  return `${template.id}) ${template.title}`;
}

/**
 * What a heading or field label means: on a section (or phase/wave) heading its state and gaps, on a field label
 * the template's guidance and whether it is filled. Markdown, or undefined elsewhere.
 */
export function hoverAt(plan: PlanModel, report: PlanReport, line: number, character: number): PlanHover | undefined {
  const text = plan.lines[line];
  if (text === undefined || plan.nonProse[line] || !report.progress) return undefined;
  const headingRange = lineRange(line, 0, text.length);
  if (plan.title?.line === line) return { contents: planHover(report), range: headingRange };
  for (const section of plan.sections) {
    if (!section.template) continue;
    if (section.heading.line === line) return { contents: sectionHover(section, section.template, report), range: headingRange };
    const sub = section.subsections.find((s) => s.heading.line === line);
    if (sub) return { contents: subsectionHover(sub, section.template, report), range: headingRange };
  }
  const place = templateFields(plan, { includeSetAside: true }).find(({ field }) => field.line === line && field.template && character >= field.labelRange.start.character && character <= field.labelRange.end.character);
  return place && { contents: fieldHover(plan, place, report), range: place.field.labelRange };
}

/** The reasons to show, leaving out those of the given kinds (`unchecked` where the checked count is said already). */
export function reasonsOtherThan(goNoGo: GoNoGoStatus, ...kinds: GoNoGoReasonKind[]): string[] {
  return goNoGo.reasons.filter((_, i) => !kinds.includes(goNoGo.reasonKinds[i]));
}

function planHover(report: PlanReport): string {
  const { percent, goNoGo } = report.progress!;
  const title = escapeMarkdown(plainText(report.title ?? l10n.t('Connector plan')));
  const head = l10n.t({ message: '**{0}** — {1}% complete · {2} {3}/{4}', args: [title, percent, goNoGo.verdict, goNoGo.checked, goNoGo.total], comment: ['Markdown: the plan title in bold, the percent filled, the verdict GO or NO-GO (not translated) and checked/total go/no-go items.'] });
  // `NO-GO 1/2` already says how many items are checked: the reasons list the rest.
  const reasons = reasonsOtherThan(goNoGo, 'unchecked').map((r) => `- ${escapeMarkdown(r)}`).join('\n');
  return reasons ? `${head}\n\n${reasons}` : head;
}

function sectionHover(section: Section, template: TemplateSection, report: PlanReport): string {
  const state = report.progress!.sections.find((s) => s.id === template.id);
  const name = escapeMarkdown(sectionName(template));
  const head = state
    ? l10n.t({ message: '**{0}** — {1}/{2} filled · {3}', args: [name, state.filled, state.total, statusWord(state.status)], comment: ['Markdown: the section in bold, filled/total, and its state (complete, partial, empty, missing).'] })
    : `**${name}**`;
  const missing = state?.missing.length ? [stillToWrite(state.missing.map(escapeMarkdown))] : [];
  const gaps = report.findings.filter((f) => f.sectionId === section.id);
  return [head, ...missing, ...(gaps.length || !missing.length ? [gapList(gaps)] : [])].join('\n\n');
}

function subsectionHover(sub: Subsection, template: TemplateSection, report: PlanReport): string {
  const fields = template.subsectionFields;
  const filled = sub.slots.filter((slot) => slot.filled).length;
  const open = isSetAside(sub)
    ? []
    : sub.slots.filter((slot) => !slot.filled).map((slot) => (slot.total !== undefined ? l10n.t({ message: '{0} ({1}/{2} done)', args: [slot.field.label, slot.done ?? 0, slot.total], comment: ['A field listing tasks, and how many of them are done.'] }) : slot.field.label));
  const title = escapeMarkdown(plainText(sub.heading.text));
  const where = escapeMarkdown(sectionName(template));
  // The status word (`complete`, `deferred`) is the plan's own, as written in its heading.
  const status = sub.heading.status ? ` · ${sub.heading.status}` : '';
  const head = sub.kind
    ? l10n.t({ message: '**{0}** — {1}/{2} filled{3} · {4}', args: [title, filled, fields.length, status, where], comment: ['Markdown: a phase or wave in bold, filled/total fields, its status as the plan writes it (" · deferred", or nothing), and its section.'] })
    : `**${title}**${status} · ${where}`;
  const gaps = report.findings.filter((f) => f.range.start.line >= sub.startLine && f.range.start.line < sub.endLine);
  const setAside = isSetAside(sub) ? [sub.heading.status === 'complete' ? l10n.t('Done: it owes nothing.') : l10n.t('Set aside ({0}): it owes nothing yet.', sub.heading.status ?? '')] : [];
  const missing = open.length ? [stillToWrite(open.map(escapeMarkdown))] : [];
  return [head, ...setAside, ...missing, ...(gaps.length || !missing.length ? [gapList(gaps)] : [])].join('\n\n');
}

function fieldHover(plan: PlanModel, { field, section, subsection }: FieldPlace, report: PlanReport): string {
  const tf = field.template!;
  const where = subsection ? `${sectionName(section.template!)} · ${plainText(subsection.heading.text)}` : sectionName(section.template!);
  const parts = [l10n.t({ message: '**{0}** — template field of {1}', args: [escapeMarkdown(tf.series ? field.label : tf.label), escapeMarkdown(where)], comment: ['Markdown: a field label in bold, then its section.'] })];
  if (withoutTrailingNumber(plainText(field.label).toLowerCase(), false) !== tf.label.toLowerCase()) parts.push(l10n.t('Written here as "{0}".', escapeMarkdown(field.label)));
  if (tf.choices) parts.push(l10n.t('Allowed values: {0}', acceptedValues(tf.choices).map((c) => `\`${c}\``).join(' · ')));
  if (tf.guidance) parts.push(`${l10n.t({ message: 'Template:', comment: ["Above a quote of the template's own guidance for the field."] })}\n\n> ${tf.guidance}`);
  parts.push(fieldState(plan, field));
  const own = report.findings.filter((f) => f.range.start.line >= field.startLine && f.range.start.line < Math.max(field.endLine, field.line + 1));
  if (own.length) parts.push(gapList(own));
  return parts.join('\n\n');
}

function fieldState(plan: PlanModel, field: Field): string {
  if (!field.hasValue) return l10n.t('Empty: write its value after the label or on the lines under it.');
  if (isPlaceholderOnly(field.value)) return l10n.t('Still the template placeholder: replace it with the real value.');
  if (!isFieldFilled(plan, field)) return l10n.t('Not chosen yet: keep the one option that applies.');
  return l10n.t('Filled.');
}

function gapList(findings: Finding[]): string {
  if (!findings.length) return l10n.t('No gaps.');
  const shown = findings.slice(0, MAX_GAPS_SHOWN).map((f) => `- ${l10n.t({ message: '{0}: {1} (line {2})', args: [severityWord(f.severity), escapeMarkdown(f.message), f.range.start.line + 1], comment: ['A gap in a hover: its severity (error, warning, info), its message and its line.'] })}`);
  const more = findings.length - MAX_GAPS_SHOWN;
  if (more > 0) shown.push(`- ${more === 1 ? l10n.t('…and 1 more') : l10n.t('…and {0} more', more)}`);
  return `${l10n.t({ message: 'Gaps:', comment: ['Above the list of findings in a hover.'] })}\n\n${shown.join('\n')}`;
}

function stillToWrite(open: string[]): string {
  return l10n.t({ message: 'Still to write: {0}.', args: [open.join('; ')], comment: ['{0} lists what is still open, separated by semicolons.'] });
}

/** A severity as a person reads it. */
export function severityWord(severity: Finding['severity']): string {
  return severity === 'error' ? l10n.t('error') : severity === 'warning' ? l10n.t('warning') : l10n.t('info');
}

/** A section's state as a person reads it. */
export function statusWord(status: 'complete' | 'partial' | 'empty' | 'missing'): string {
  switch (status) {
    case 'complete':
      return l10n.t({ message: 'complete', comment: ['The state of a section: every field written, no gaps.'] });
    case 'partial':
      return l10n.t({ message: 'partial', comment: ['The state of a section: some fields written.'] });
    case 'empty':
      return l10n.t({ message: 'empty', comment: ['The state of a section: nothing written yet.'] });
    default:
      return l10n.t({ message: 'missing', comment: ['The state of a section: its heading is not in the plan.'] });
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, '\\$&');
}
