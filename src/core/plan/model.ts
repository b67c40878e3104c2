import type { Range } from '../types';

/** A phase's or wave's state, read from its heading (`— COMPLETE`, `— DEFERRED`, `(Optional)`). */
export type WorkStatus = 'complete' | 'partial' | 'in-progress' | 'not-started' | 'blocked' | 'deferred' | 'optional';

export interface TemplateField {
  /** Stable key inside its section, e.g. `data-pull-mode`, or the series stem (`link`, `risk`, `q`). */
  key: string;
  label: string;
  words: string[];
  /** The label's words without its parenthetical remarks, when it has any. */
  bareWords?: string[];
  /** `Link 1`, `Link 2`… stand for one repeatable field. */
  series: boolean;
  /** Allowed values when the template offers a choice (`incremental / snapshot / hybrid`). */
  choices?: string[];
  /** The template's own text after the label: guidance shown on hover. */
  guidance: string;
}

export interface TemplateColumn {
  title: string;
  words: string[];
  choices?: string[];
}

export interface TemplateSubsection {
  title: string;
  /** First word of the heading, lower-cased: `phase`, `wave`. */
  kind: string;
  number?: number;
}

export type SectionRole = 'fields' | 'links' | 'mapping' | 'work' | 'risks' | 'checklist';

export interface TemplateSection {
  id: string;
  title: string;
  headingText: string;
  words: string[];
  role: SectionRole;
  fields: TemplateField[];
  /** For `work` sections: the kind of sub-heading (`phase`, `wave`) and the fields each one carries. */
  subsectionKind?: string;
  subsections: TemplateSubsection[];
  subsectionFields: TemplateField[];
  /** The mapping table's columns, for a `mapping` section. */
  columns: TemplateColumn[];
  checklist: string[];
  /** For a risks section written as severity slots (`- [P1]`, `- [P2]`): the tags, in order; a plan's risk may carry one or not. */
  severities?: string[];
  /** For a risks section: the template asks for a mitigation (its title, a label or a column says so). */
  asksMitigation?: boolean;
  /** For a table section: whether its table is a connector mapping (source, external ID, cardinality), or rows of its own kind. */
  isMapping?: boolean;
  /** For a table section whose template rows are named in the first column (`| Performance | | |`): those rows, each required. */
  fixedRows?: string[];
  /** The section's template markdown, heading included: what a quick fix inserts. */
  skeleton: string;
}

export interface TemplateSchema {
  title: string;
  /** Title words after the connector name (`Connector Rollout Plan`). */
  titleSuffix: string;
  sections: TemplateSection[];
  text: string;
}

export interface Heading {
  line: number;
  level: number;
  /** Heading text as written (inline markdown). */
  text: string;
  /** Text without letter/number prefix and status suffix: what is matched. */
  title: string;
  letter?: string;
  /** Both letters of a heading written for two sections (`E+F)`). */
  letters?: string[];
  number?: number;
  status?: WorkStatus;
  /** Range of the heading text (after the `#`s). */
  range: Range;
}

export type FieldKind = 'item' | 'paragraph' | 'heading' | 'table-row';

export interface Field {
  label: string;
  kind: FieldKind;
  line: number;
  labelRange: Range;
  /** Text after the label on the same line (raw markdown). */
  value: string;
  valueRange: Range;
  /** Lines [startLine, endLine) that belong to the field: its label line and everything under it. */
  startLine: number;
  endLine: number;
  /** Anything written under the label: same line, nested lines, code, tables. */
  hasValue: boolean;
  template?: TemplateField;
  /** Labelled items nested under this one (`- Mitigation:` under `- Risk 1:`). */
  children: Field[];
  /** Under a heading written for two sections, a field of the other one: that reading checks it. */
  foreign?: boolean;
  /** Column where a nested line under this field starts (for inserted stubs). */
  childIndent: string;
}

/** One template field of a phase or wave, as the plan writes it. */
export interface WorkSlot {
  field: TemplateField;
  /** Written at all (a label, or an agent/task form): what phase-incomplete and wave-incomplete look for. */
  present: boolean;
  /** Has a value; for checkbox tasks, every box ticked. */
  filled: boolean;
  /** Where it is written, when it is. */
  line?: number;
  /** For tasks written as checkboxes: how many are ticked, of how many (each counts toward progress). */
  done?: number;
  total?: number;
}

export interface Subsection {
  /** A sub-heading, or for a phase written as a list item or a table row, its label or first cell. */
  heading: Heading;
  /** How the work item is written: its own sub-heading, a labelled list item (`- **Phase 2 — Sync:** …`) or a table row. */
  form: 'heading' | 'item' | 'toggle' | 'row';
  kind?: string;
  template?: TemplateSubsection;
  startLine: number;
  endLine: number;
  fields: Field[];
  /** One per template field of the kind (`Scope`, `Agent`…), for phases and waves. */
  slots: WorkSlot[];
  /** Checkbox items and status-table rows inside it: a wave's tasks, a phase's own go/no-go gate. */
  tasks: TaskItem[];
}

export interface TaskItem {
  line: number;
  checked: boolean;
  text: string;
  /** Range of the `[ ]` box, or of the status word in a table's status cell. */
  boxRange: Range;
  /** A checkbox list item, a list item opened by a status mark (`✅`, `⏳`), or a row of a table with a status column. */
  form: 'checkbox' | 'mark' | 'table';
  /** For a table row: the status cells of its column, in row order; for a mark item: the marks of its list (what ticking writes follows them). */
  column?: string[];
}

export interface Cell {
  text: string;
  range: Range;
}

export interface MappingRow {
  line: number;
  cells: Cell[];
}

export interface MappingTable {
  headerLine: number;
  /** Template column index for each of the table's columns (undefined for extra columns). */
  columnMap: (number | undefined)[];
  columnCount: number;
  rows: MappingRow[];
  endLine: number;
}

export interface LinkEntry {
  line: number;
  /** The link's text: same-line value, else the first line under it. */
  text: string;
  range: Range;
  field?: Field;
  /** False for links read from a label that owns a description rather than an arrow: never format-checked. */
  checkFormat: boolean;
}

export interface RiskEntry {
  line: number;
  hasText: boolean;
  hasMitigation: boolean;
  /** Where a `Mitigation:` stub goes, and how it is indented; absent when no stub can be inserted (tables). */
  stubAt?: { line: number; indent: string };
  /** The line of a `Mitigation:` label with nothing written after or under it (a stub left to fill). */
  emptyMitigationLine?: number;
  /** The risk's own words, for messages: the label (`Risk 2`) and the start of its text. */
  name: string;
  range: Range;
}

/** How a heading was taken for a template section, or why it was not. */
export interface SectionMatch {
  by: 'letter' | 'title' | 'content' | 'none';
  /** In words, for `connector-plan explain`. */
  detail: string;
}

export interface Section {
  id?: string;
  template?: TemplateSection;
  heading: Heading;
  match: SectionMatch;
  /** Line of the heading of the section this one is written inside (a sub-heading taken for a template section). */
  nestedIn?: number;
  /** The second section of a heading written for two (`E+F)`): the same lines, read for the other section. */
  secondary?: boolean;
  /** Template fields that no label names but unlabelled content mentions (numbered steps, prose): they count as written. */
  mentioned: TemplateField[];
  /** Questions and other entries of a series written without labels (`- Should we…?`). */
  unlabelledEntries: number;
  startLine: number;
  endLine: number;
  fields: Field[];
  subsections: Subsection[];
  tasks: TaskItem[];
  /** The first mapping table of the section. */
  mapping?: MappingTable;
  /** Every mapping table of the section (one per entity, under `### Accounts`, `### Contacts`…), in order. */
  mappings: MappingTable[];
  links: LinkEntry[];
  risks: RiskEntry[];
}

export interface Directive {
  line: number;
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  /** Rule ids; empty for every rule. */
  rules: string[];
}

export interface PlanModel {
  isPlan: boolean;
  /** A plan only because it was asked to be (`assumePlan`): it does not look like one yet. */
  assumedPlan?: boolean;
  lines: string[];
  title?: Heading;
  connectorName?: string;
  sections: Section[];
  /** Lines inside fenced or indented code, front matter and HTML blocks: not prose. */
  nonProse: Uint8Array;
  directives: Directive[];
  sectionLevel: number;
  schema: TemplateSchema;
}

/** The innermost section holding a line (a section written as a sub-heading wins over the one around it). */
export function sectionAt(plan: PlanModel, line: number): Section | undefined {
  let found: Section | undefined;
  for (const section of plan.sections) {
    if (line >= section.startLine && line < section.endLine && (!found || section.startLine >= found.startLine)) found = section;
  }
  return found;
}
