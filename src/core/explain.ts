import * as l10n from '@vscode/l10n';
import { inspectPlan, type AnalyzeOptions, type PlanReport } from './analyze';
import { plainText } from './markdown/inline';
import { isFieldFilled } from './plan/field-state';
import { ARROW } from './plan/links';
import { isPlaceholderOnly } from './plan/choices';
import { sectionAt, type Field, type PlanModel, type Section, type TaskItem } from './plan/model';
import { namesAnotherRepository, planReferences } from './references/findings';
import { redactorFor, redactStrings } from './redaction';
import { loopRecordPath } from './loop/read-loop';
import { isSetAside } from './rules/rule';
import type { GoNoGoStatus, SectionProgress } from './types';
import type { DocumentKind } from './document-kind';

// How a plan was read, as plain data: `connector-plan explain` prints it. Lines are 1-based; [first, last] inclusive.

export interface ExplainedField {
  label: string;
  kind: Field['kind'];
  line: number;
  /** The template field it stands for, by its template label; null for a label of the plan's own. */
  template: string | null;
  filled: boolean;
  /** `empty`: owns nothing; `placeholder`: only the template's `{…}`; `unchosen`: the template's option list, no pick. */
  state: 'filled' | 'empty' | 'placeholder' | 'unchosen';
  lines: [number, number];
  children: ExplainedField[];
}

export interface ExplainedWorkItem {
  line: number;
  heading: string;
  /** A sub-heading, a labelled list item or a table row. */
  form: 'heading' | 'item' | 'toggle' | 'row';
  kind: string | null;
  number: number | null;
  status: string | null;
  /** Done, deferred or optional: it owes nothing. */
  owesNothing: boolean;
  slots: { field: string; present: boolean; filled: boolean; line: number | null; done?: number; total?: number }[];
  items: ExplainedItem[];
}

export interface ExplainedItem {
  line: number;
  text: string;
  checked: boolean;
  form: TaskItem['form'];
}

export interface ExplainedSection {
  id: string | null;
  title: string | null;
  heading: { line: number; level: number; text: string };
  lines: [number, number];
  /** Line of the heading of the section it is written inside. */
  nestedIn: number | null;
  /** How the heading was taken for its template section, or why it was not (then nothing in it is checked but secrets). */
  how: string;
  progress: SectionProgress | null;
  /** Warnings and errors reported in it (`connector-plan check` lists them). */
  gaps: number;
  fields: ExplainedField[];
  links: { line: number; text: string; arrow: boolean; formatChecked: boolean }[];
  /** Every mapping table of the section (one per entity is fine). */
  mappings: { headerLine: number; rows: number[]; kind: 'mapping' | 'rows' }[];
  risks: { line: number; mitigation: boolean }[];
  work: ExplainedWorkItem[];
  goNoGo: ExplainedItem[];
}

export interface PlanExplanation {
  isPlan: boolean;
  /** A plan, a copy of a template (not checked) or something else (not checked). */
  kind: DocumentKind;
  /** Why it is, or is not, a plan. */
  why: string;
  /** The team template it was read with, as the host names it; null for the built-in template. */
  template: string | null;
  /** What was weighed: the sections found by their titles or what they hold. */
  evidence: string[];
  title: { line: number; text: string } | null;
  sectionLevel: number;
  sections: ExplainedSection[];
  goNoGo: Omit<GoNoGoStatus, 'reasonKinds'> | null;
  /**
   * What the plan names in its repository and how each resolved (with AnalyzeOptions.repository; absent without):
   * `how` is root, plan-folder, tail, pattern, folder, mentioned (an env var a file names), outside (a module, an
   * API's endpoint or a dotenv file of real values: not kept in a repository, never a finding) or missing.
   */
  references?: ExplainedReference[];
  /**
   * True when the plan names nothing of its repository (at least two things, one a file or pattern, none found or
   * near one found): it is read as a plan of another repository, kept apart from its code, and none of its
   * references is a finding.
   */
  otherRepository?: boolean;
  /**
   * The review loop the file is a round of (AnalyzeOptions.loop): its name and stage, the plan of record, and whether
   * this file is a final plan that only points to an earlier round (a stub: the plan of record is that round).
   */
  loop?: { name: string; stage: string; planOfRecord: string | null; finalStub: boolean };
}

export interface ExplainedReference {
  line: number;
  kind: 'path' | 'pattern' | 'env';
  text: string;
  /** The plan says it exists (only claims are findings). */
  claim: boolean;
  how: string;
  /** What it resolved to (at most five), or the suggestion for one that did not. */
  matches: string[];
}

/**
 * How the text was read: each heading to a template section (or why not), fields with what they own, links, rows,
 * work items, go/no-go items. Every string passes the plan's redactor last, as the report's do.
 */
export function explainPlan(text: string, options: AnalyzeOptions = {}): PlanExplanation {
  const { report, plan } = inspectPlan(text, options);
  const explained = explanation(plan, report);
  if (options.repository && report.isPlan) {
    const references = planReferences(plan, options.repository);
    // As the findings weigh it: env vars count only when env-var-unknown looks them up.
    if (namesAnotherRepository(references, (options.rules?.['env-var-unknown'] ?? 'warning') !== 'off')) explained.otherRepository = true;
    explained.references = references.map((r) => ({
      line: r.range.start.line + 1,
      kind: r.kind,
      text: r.text,
      claim: r.claim,
      how: r.resolution.found ? r.resolution.how : r.resolution.outside ? 'outside' : 'missing',
      matches: r.resolution.found ? r.resolution.matches : r.resolution.suggestion ? [r.resolution.suggestion] : [],
    }));
  }
  const reading = options.loop?.reading;
  if (reading?.isLoop) {
    const here = options.loop!.path;
    const round = reading.rounds.find((r) => r.path === here);
    const planOfRecord = loopRecordPath(reading) ?? null;
    explained.loop = { name: reading.name, stage: reading.stage, planOfRecord, finalStub: round?.kind === 'final' && planOfRecord !== null && planOfRecord !== here };
  }
  return redactStrings(explained, redactorFor(plan));
}

function explanation(plan: PlanModel, report: PlanReport): PlanExplanation {
  const why = report.reading!.why;
  return {
    isPlan: report.isPlan,
    kind: report.kind ?? (report.isPlan ? 'plan' : 'other'),
    why,
    template: report.template ?? null,
    evidence: report.reading!.evidence,
    title: plan.title ? { line: plan.title.line + 1, text: plainText(plan.title.text) } : null,
    sectionLevel: plan.sectionLevel,
    sections: plan.sections.map((section) => {
      const first = plan.sections.find((s) => s.id && s.id === section.id) === section;
      const gaps = report.findings.filter((f) => f.severity !== 'info' && sectionAt(plan, f.range.start.line) === section).length;
      return explainSection(plan, section, (first && report.progress?.sections.find((p) => p.id === section.id)) || null, gaps);
    }),
    goNoGo: report.progress ? { checked: report.progress.goNoGo.checked, total: report.progress.goNoGo.total, verdict: report.progress.goNoGo.verdict, reasons: report.progress.goNoGo.reasons } : null,
  };
}

/** The level of the heading as the file writes it (`##`), not as the section is read. */
function writtenLevel(plan: PlanModel, section: Section): number {
  const line = plan.lines[section.heading.line] ?? '';
  const hashes = /^ {0,3}(#{1,6})(?:\s|$)/.exec(line);
  return hashes ? hashes[1].length : section.heading.level;
}

function explainSection(plan: PlanModel, section: Section, progress: SectionProgress | null, gaps: number): ExplainedSection {
  const field = (f: Field): ExplainedField => ({
    label: f.label,
    kind: f.kind,
    line: f.line + 1,
    template: f.template ? f.template.label : null,
    filled: isFieldFilled(plan, f),
    state: isFieldFilled(plan, f) ? 'filled' : !f.hasValue ? 'empty' : isPlaceholderOnly(f.value) ? 'placeholder' : 'unchosen',
    lines: [f.startLine + 1, Math.max(f.startLine + 1, f.endLine)],
    children: f.children.map(field),
  });
  const item = (t: { line: number; text: string; checked: boolean; form: TaskItem['form'] }): ExplainedItem => ({ line: t.line + 1, text: t.text, checked: t.checked, form: t.form });
  const how = section.template ? section.match.detail : l10n.t({ message: 'extra section, not checked (except for secrets): {0}', args: [section.match.detail], comment: ['{0} says why no template section was taken: no template section has these words.'] });
  return {
    id: section.id ?? null,
    title: section.template?.title ?? null,
    // Phases gathered from the top level read as one section a level up; the heading shown is the first phase's, as written.
    heading: { line: section.heading.line + 1, level: writtenLevel(plan, section), text: plainText(section.heading.text) },
    lines: [section.startLine + 1, section.endLine],
    nestedIn: section.nestedIn === undefined ? null : section.nestedIn + 1,
    how,
    progress,
    gaps,
    fields: section.fields.map(field),
    links: section.links.map((l) => ({ line: l.line + 1, text: plainText(l.text), arrow: ARROW.test(l.text), formatChecked: l.checkFormat })),
    mappings: section.mappings.map((table) => ({ headerLine: table.headerLine + 1, rows: table.rows.map((r) => r.line + 1), kind: section.template?.isMapping === false ? ('rows' as const) : ('mapping' as const) })),
    risks: section.risks.map((r) => ({ line: r.line + 1, mitigation: r.hasMitigation })),
    work: section.subsections.map((sub) => ({
      line: sub.heading.line + 1,
      heading: plainText(sub.heading.text),
      form: sub.form,
      kind: sub.kind ?? null,
      number: sub.heading.number ?? null,
      status: sub.heading.status ?? null,
      owesNothing: Boolean(sub.kind) && isSetAside(sub),
      slots: sub.slots.map((s) => ({ field: s.field.label, present: s.present, filled: s.filled, line: s.line === undefined ? null : s.line + 1, ...(s.total !== undefined ? { done: s.done, total: s.total } : {}) })),
      items: sub.tasks.map(item),
    })),
    goNoGo: section.tasks.map(item),
  };
}
