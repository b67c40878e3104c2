import * as l10n from '@vscode/l10n';
import { leadText, type Block } from '../markdown/blocks';
import { matchLabel, matchTask, plainText, splitTableRow } from '../markdown/inline';
import { replaceParenthesised } from '../markdown/scan';
import { matchTemplateField } from './fields';
import { countShared, labelSimilarity, MATCH_THRESHOLD, similarity, words } from './match';
import type { Heading, SectionMatch, TemplateSchema, TemplateSection } from './model';
import type { Outline } from './outline';
import { ARROW } from './links';
import { MITIGATION, mitigationColumn, RISK_COLUMN } from './risks';
import { statusTableItems } from './checklist';
import { readWorkHeading } from './heading';

export interface TitleMatch {
  section: TemplateSection;
  score: number;
  /** Strong: the title alone says it (two shared words, a one-word title, the letter). Weak: one shared word of several. */
  strong: boolean;
  match: SectionMatch;
}

/**
 * Words shared by the heading's title (with or without its parenthetical remarks) and the section's. The words of
 * the template's own title (`plan`, `rollout`) say nothing about which section a heading is: they are not counted.
 */
function shared(title: string, target: readonly string[], generic: readonly string[] = []): { sim: number; common: number; size: number } {
  let best = { sim: 0, common: 0, size: 0 };
  for (const w of titleVariants(title)) {
    const common = countShared(w, target, generic);
    const sim = similarity(w, target);
    if (sim > best.sim || (sim === best.sim && common > best.common)) best = { sim, common, size: w.length - countShared(w, generic) };
  }
  return best;
}

let lastTitle: string | undefined;
let lastVariants: string[][] = [];

/**
 * The words of a title, of the title without its parenthetical remarks, and of what comes before its colon
 * (`Agent Team Plan: Billing Sync` is named by `Agent Team Plan`), each text once. Read once for the sections a
 * title is compared with in turn.
 */
function titleVariants(title: string): string[][] {
  if (title !== lastTitle) {
    lastTitle = title;
    lastVariants = [...new Set([title, replaceParenthesised(title, ' '), title.split(/:\s/, 1)[0]])].map(words);
  }
  return lastVariants;
}

const titleWordsOf = new WeakMap<TemplateSchema, string[]>();

/** `connector`, `rollout`, `plan`: the words of the template's title, which every section shares with the plan. */
function titleWords(schema: TemplateSchema): string[] {
  let found = titleWordsOf.get(schema);
  if (!found) titleWordsOf.set(schema, (found = words(schema.titleSuffix)));
  return found;
}

/** `Phase 2: Sync`, `Wave 3`: a work item's heading, never a section's. */
export function isWorkItemTitle(title: string, schema: TemplateSchema): boolean {
  const work = readWorkHeading(title);
  return work.number !== undefined && schema.sections.some((s) => s.subsectionKind === work.kind);
}

/** The template section a heading's title names, if any, and how strongly. */
export function matchTitle(heading: Heading, schema: TemplateSchema): TitleMatch | undefined {
  if (isWorkItemTitle(heading.title, schema)) return undefined;
  let best: TitleMatch | undefined;
  const generic = titleWords(schema);
  for (const section of schema.sections) {
    const { sim, common, size } = shared(heading.title, section.words, generic);
    const letter = heading.letter === section.id;
    if (sim < MATCH_THRESHOLD && !letter) continue;
    const strong = letter || common >= 2 || (size === 1 && common === 1) || common === section.words.length;
    const score = sim + (letter ? 0.3 : 0) + (strong ? 0 : -0.2);
    if (!best || score > best.score) {
      const says = sim >= 0.99 ? l10n.t('title is "{0}"', section.title) : common === 1 ? l10n.t('title shares 1 word with "{0}"', section.title) : l10n.t('title shares {0} words with "{1}"', common, section.title);
      best = { section, score, strong, match: letter ? { by: 'letter', detail: l10n.t('letter {0})', section.id) } : { by: 'title', detail: says } };
    }
  }
  // A heading written for two sections names both in its title (`G/J) Risks and Open Questions`): its letters decide.
  if (best && heading.letter === best.section.id && !heading.letters && similarity(words(heading.title), best.section.words) < MATCH_THRESHOLD) {
    // A lettered heading with a new title stands for its letter's section unless its title clearly names another.
    const other = schema.sections.find((s) => s !== best!.section && shared(heading.title, s.words).common >= 2 && similarity(words(heading.title), s.words) >= MATCH_THRESHOLD);
    if (other) return { section: other, score: 1, strong: true, match: { by: 'title', detail: l10n.t('title names "{0}" (not letter {1})', other.title, heading.letter ?? '') } };
  }
  return best;
}

/** What a section's blocks hold that only one kind of section holds. */
export interface ContentCues {
  /** Header cells of the best table that name mapping columns. */
  mappingColumns: number;
  riskTable: boolean;
  /** List items and paragraphs that speak of a mitigation (`Mitigation:`, `fallback`). */
  mitigations: number;
  checklist: boolean;
  arrows: number;
  /** Sub-heading kinds (`phase`, `wave`) with a number. */
  workKinds: Set<string>;
  /** How many of each section's template fields are written with a label, by section id. */
  labels: Map<string, number>;
  /** List items and table rows that ask a question (`Q1: …`, `- Should we…?`). */
  questions: number;
}


export function readCues(blocks: Block[], outline: Outline, schema: TemplateSchema): ContentCues {
  const cues: ContentCues = { mappingColumns: 0, riskTable: false, mitigations: 0, checklist: false, arrows: 0, workKinds: new Set(), labels: new Map(), questions: 0 };
  const mapping = schema.sections.find((s) => s.role === 'mapping');
  const labelled = schema.sections.filter((s) => s.role === 'fields' && s.fields.length);
  const visit = (list: Block[]) => {
    for (const block of list) {
      if (block.type === 'heading') {
        const work = readWorkHeading(plainText(block.inline ?? ''));
        if (work.kind && work.number !== undefined) cues.workKinds.add(work.kind);
      } else if (block.type === 'table' && block.rows?.length) {
        const header = splitTableRow(outline.lines[block.rows[0].line]).map((c) => plainText(c.text));
        if (mapping) {
          const hits = mapping.columns.filter((col) => header.some((h) => labelSimilarity(h, col.words) >= MATCH_THRESHOLD)).length;
          cues.mappingColumns = Math.max(cues.mappingColumns, hits);
        }
        if (header.some((h) => RISK_COLUMN.test(h)) && mitigationColumn(header) >= 0) cues.riskTable = true;
        if (statusTableItems(block, outline).length) cues.checklist = true;
      } else if (block.type === 'item') {
        const lead = leadText(block) ?? '';
        if (matchTask(lead)) cues.checklist = true;
        const first = lead.split('\n', 1)[0];
        if (ARROW.test(first)) cues.arrows++;
        if (MITIGATION.test(lead)) cues.mitigations++;
        if (first.indexOf('?') >= 0) cues.questions++;
        noteLabel(first);
      } else if (block.type === 'paragraph') {
        if (MITIGATION.test(block.inline ?? '')) cues.mitigations++;
        noteLabel((block.inline ?? '').split('\n', 1)[0]);
      }
      if (block.children.length) visit(block.children);
    }
  };
  const labelFields: Record<string, Set<string>> = {};
  const noteLabel = (line: string) => {
    const label = line.indexOf(':') >= 0 ? matchLabel(line) : undefined;
    if (!label) return;
    for (const section of labelled) {
      const field = matchTemplateField(label.label, section.fields);
      if (!field) continue;
      const seen = (labelFields[section.id] ??= new Set());
      if (!seen.has(field.key)) cues.labels.set(section.id, seen.add(field.key).size);
    }
  };
  visit(blocks);
  return cues;
}

/** Whether what a section holds bears out a weak title match. */
export function confirms(section: TemplateSection, cues: ContentCues): boolean {
  switch (section.role) {
    case 'mapping':
      return cues.mappingColumns >= 3;
    case 'risks':
      return cues.riskTable || cues.mitigations > 0;
    case 'checklist':
      return cues.checklist;
    case 'links':
      return cues.arrows >= 1;
    case 'work':
      return Boolean(section.subsectionKind && cues.workKinds.has(section.subsectionKind));
    default:
      return cues.labels.has(section.id);
  }
}

/**
 * How much what a heading's blocks hold speaks for a section, 0 when nothing does: a table with the mapping's
 * columns, risks with mitigations, checkboxes, arrows, phases or waves, the section's own field labels.
 */
export function contentScore(section: TemplateSection, cues: ContentCues): number {
  switch (section.role) {
    case 'mapping':
      return cues.mappingColumns >= 3 ? 0.8 : 0;
    case 'risks':
      return cues.riskTable ? 0.8 : cues.mitigations > 0 ? 0.5 : 0;
    case 'checklist':
      return cues.checklist ? 0.6 : 0;
    case 'links':
      return cues.arrows >= 2 ? 0.6 : cues.arrows === 1 ? 0.4 : 0;
    case 'work':
      return section.subsectionKind && cues.workKinds.has(section.subsectionKind) ? 0.7 : 0;
    default: {
      const labels = cues.labels.get(section.id) ?? 0;
      const series = section.fields.some((f) => f.series && f.key === 'q') && cues.questions > 0;
      return labels ? Math.min(0.8, 0.3 + 0.15 * labels) : series ? 0.3 : 0;
    }
  }
}

/** What a heading's title shares with a section's: the Dice similarity and the shared words, template title words aside. */
export function titleOverlap(title: string, section: TemplateSection, schema: TemplateSchema): { sim: number; common: number; size: number } {
  return shared(title, section.words, titleWords(schema));
}

/** A section its content alone names: a mapping table's header, a risk table with a mitigation column. */
export function sectionByContent(cues: ContentCues, schema: TemplateSchema): { section: TemplateSection; match: SectionMatch } | undefined {
  const mapping = schema.sections.find((s) => s.role === 'mapping');
  if (mapping && cues.mappingColumns >= 3) {
    const detail = mapping.isMapping === false ? l10n.t('a table with {0} of the columns of "{1}"', cues.mappingColumns, mapping.title) : l10n.t("a table with {0} of the mapping table's columns", cues.mappingColumns);
    return { section: mapping, match: { by: 'content', detail } };
  }
  const risks = schema.sections.find((s) => s.role === 'risks');
  if (risks && cues.riskTable) return { section: risks, match: { by: 'content', detail: l10n.t('a table of risks with a mitigation column') } };
  return undefined;
}
