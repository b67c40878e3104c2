import * as l10n from '@vscode/l10n';
import type { SectionRole, TemplateSchema } from '../plan/model';
import { buildSchema } from './schema';
import { titleWords } from './title';

/** What a template says, as `connector-plan template` shows it (and its JSON). */
export interface TemplateDescription {
  title: string;
  /** The words a plan's title ends with (`Feature Rollout Plan`), and what else counts as such a title. */
  titleSuffix: string;
  planTitles: string[];
  /** How many sections a file without such a title needs to be a plan. */
  minSections: number;
  sections: {
    id: string;
    title: string;
    role: SectionRole;
    fields: { label: string; choices?: string[]; series?: boolean }[];
    subsections?: { kind: string; count: number; fields: string[] };
    columns?: { title: string; choices?: string[] }[];
    checklist?: string[];
    /** Risk slots by severity (`P1`, `P2`), when the template writes its risks so. */
    severities?: string[];
    /** For risks: whether each risk needs a mitigation (the template names one). */
    mitigation?: boolean;
    /** For a table: a connector mapping (`mapping`), or rows of its own kind (`rows`). */
    table?: 'mapping' | 'rows';
    /** Rows the template names in its table's first column, each required. */
    fixedRows?: string[];
  }[];
}

export interface TemplateProblem {
  severity: 'error' | 'warning';
  /** 1-based line of the template, when the problem has one. */
  line?: number;
  message: string;
}

export interface ReadTemplate {
  schema: TemplateSchema;
  description: TemplateDescription;
  problems: TemplateProblem[];
  /** False when the template cannot check anything (no sections): hosts fall back to the built-in template. */
  usable: boolean;
}

/** Reads a team's template: its schema, how it reads, and what is wrong with it. Never throws. */
export function readTemplate(text: string): ReadTemplate {
  const schema = buildSchema(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const problems: TemplateProblem[] = [];
  const lines = schema.text.split(/\r?\n/);
  const lineOf = (heading: string) => {
    const at = lines.indexOf(heading);
    return at >= 0 ? at + 1 : undefined;
  };
  const h1 = lines.findIndex((l) => /^\s{0,3}#\s/.test(l));
  if (h1 < 0) problems.push({ severity: 'warning', message: l10n.t('no title (a `# {Name} … Plan` line): plans are then found by their sections only, and their names cannot be read') });
  else if (!/\{[^{}\n]+\}/.test(schema.title)) problems.push({ severity: 'warning', line: h1 + 1, message: l10n.t('the title "{0}" has no {placeholder} for the plan\'s name (as in `# {Feature} Feature Rollout Plan`): every plan\'s title would have to be exactly that', schema.title) });
  if (!schema.sections.length) problems.push({ severity: 'error', message: l10n.t('no sections (`## A) …` headings under the title): there is nothing to check a plan against') });
  const byId = new Map<string, string[]>();
  for (const section of schema.sections) byId.set(section.id, [...(byId.get(section.id) ?? []), section.headingText]);
  for (const [id, headings] of byId) {
    if (headings.length > 1) problems.push({ severity: 'error', line: lineOf(schema.sections.filter((s) => s.id === id)[1].skeleton.split(/\r?\n/)[0]), message: l10n.t('two sections have the letter {0} ({1}): give each its own letter', id, headings.map((h) => `"${h}"`).join(', ')) });
  }
  for (const section of schema.sections) {
    // A risks section holds risks, whatever the template writes for them.
    const empty = section.role !== 'risks' && !section.fields.length && !section.subsections.length && !section.columns.length && !section.checklist.length;
    if (empty) problems.push({ severity: 'warning', line: lineOf(section.skeleton.split(/\r?\n/)[0]), message: l10n.t('section {0} has no fields (`- Label:`), sub-sections, table or checklist: a plan can only be missing it, never incomplete', section.headingText) });
  }
  return { schema, description: describeTemplate(schema), problems, usable: schema.sections.length > 0 };
}

export function describeTemplate(schema: TemplateSchema): TemplateDescription {
  const words = titleWords(schema);
  return {
    title: schema.title,
    titleSuffix: schema.titleSuffix,
    planTitles: words.suffixes,
    minSections: words.minSections,
    sections: schema.sections.map((s) => ({
      id: s.id,
      title: s.title,
      role: s.role,
      fields: s.fields.map((f) => ({ label: f.label, ...(f.choices ? { choices: f.choices } : {}), ...(f.series ? { series: true } : {}) })),
      ...(s.subsectionKind ? { subsections: { kind: s.subsectionKind, count: s.subsections.length, fields: s.subsectionFields.map((f) => f.label) } } : {}),
      ...(s.columns.length ? { columns: s.columns.map((c) => ({ title: c.title, ...(c.choices ? { choices: c.choices } : {}) })) } : {}),
      ...(s.checklist.length ? { checklist: s.checklist } : {}),
      ...(s.severities ? { severities: s.severities } : {}),
      ...(s.role === 'risks' ? { mitigation: s.asksMitigation !== false } : {}),
      ...(s.role === 'mapping' ? { table: s.isMapping === false ? ('rows' as const) : ('mapping' as const) } : {}),
      ...(s.fixedRows ? { fixedRows: s.fixedRows } : {}),
    })),
  };
}
