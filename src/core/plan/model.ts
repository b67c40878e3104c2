import type { Range } from '../types';

/** A phase's or wave's state, read from its heading (`— COMPLETE`, `— DEFERRED`, `(Optional)`). */
export type WorkStatus = 'complete' | 'partial' | 'in-progress' | 'not-started' | 'blocked' | 'deferred' | 'optional';

export interface TemplateField {
  /** Stable key inside its section, e.g. `data-pull-mode`, or the series stem (`link`, `risk`, `q`). */
  key: string;
  label: string;
  words: string[];
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
  /** Column where a nested line under this field starts (for inserted stubs). */
  childIndent: string;
}

export interface Subsection {
  heading: Heading;
  kind?: string;
  template?: TemplateSubsection;
  startLine: number;
  endLine: number;
  fields: Field[];
}

export interface TaskItem {
  line: number;
  checked: boolean;
  text: string;
  /** Range of the `[ ]` box. */
  boxRange: Range;
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
}

export interface RiskEntry {
  line: number;
  hasText: boolean;
  hasMitigation: boolean;
  /** Where a `Mitigation:` stub goes, and how it is indented; absent when no stub can be inserted (tables). */
  stubAt?: { line: number; indent: string };
  range: Range;
}

export interface Section {
  id?: string;
  template?: TemplateSection;
  heading: Heading;
  startLine: number;
  endLine: number;
  fields: Field[];
  subsections: Subsection[];
  tasks: TaskItem[];
  mapping?: MappingTable;
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
