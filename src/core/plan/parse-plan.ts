import * as l10n from '@vscode/l10n';
import { leadText, type Block } from '../markdown/blocks';
import { hasText, plainText, splitTableRow } from '../markdown/inline';
import { isSpace, replaceParenthesised, runStart } from '../markdown/scan';
import { readChecklist } from './checklist';
import { allFields, collectFields, matchTemplateField } from './fields';
import { contentScore, isWorkItemTitle, matchTitle, readCues, sectionByContent, titleOverlap, type ContentCues } from './find-sections';
import { headingFromText, readHeading, readWorkHeading } from './heading';
import { readLinks } from './links';
import { labelSimilarity, MATCH_THRESHOLD, similarity, words } from './match';
import type { Cell, Heading, MappingTable, PlanModel, Section, SectionMatch, Subsection, TemplateField, TemplateSchema, TemplateSection } from './model';
import { readOutline, type Outline } from './outline';
import { readRisks } from './risks';
import { splitAtHeadings, type Chunk } from './sections';
import { getDefaultSchema } from '../template/schema';
import { titleWords } from '../template/title';
import { readListedWork, readSubsection } from './work';
import { readDocumentKind } from '../document-kind';
import type { Range } from '../types';

/**
 * Lines that may make a section heading: ATX headings of any level (sections written inside others), setext
 * underlines, bold lines (read as headings when the `#` headings name no section), inside quotes or items too.
 */
const HEADING_LIKE = /^[ \t>]*(?:(?:[-*+]|\d+[.)])[ \t]+)?(?:#{1,6}(?:[ \t]|\r?$)|(?:\*\*|__)|(?:=+|-+)[ \t]*\r?$)/gm;
/** A heading that names two sections (`E+F)`), or a setext underline (its title is the line above): two sections. */
const TWO_SECTIONS = /[A-Z]\s*[+/&]\s*[A-Z]\s*[).:]|^[ \t>]*(?:=+|-+)[ \t]*\r?$/;

/** Anything that may be a section letter (`A)`, `(B)`, `C.`, `E+F)`): such a heading may name a section by it alone. */
const LETTER_LIKE = /(?:^|[^\p{L}\p{N}])\p{Lu}\s*[).:\]/+&—–-]/u;

const vocabularies = new WeakMap<TemplateSchema, Set<string>>();

/** Every word a section's title is matched by: a heading sharing none of them can name a section only by its letter or content. */
function sectionVocabulary(schema: TemplateSchema): Set<string> {
  let vocabulary = vocabularies.get(schema);
  if (!vocabulary) vocabularies.set(schema, (vocabulary = new Set(schema.sections.flatMap((s) => s.words))));
  return vocabulary;
}

/**
 * A cheap test that never says no to a plan: a plan title's words, or enough heading-like lines that may name
 * the template's sections (a section's word, a letter; and the few sections content alone can name, under any
 * heading). Lets hosts that see every markdown file (the preview, the Plans view's scan) skip the rest without
 * parsing them.
 */
export function mightBePlan(text: string, schema: TemplateSchema = getDefaultSchema()): boolean {
  const { nearby, minSections } = titleWords(schema);
  if (nearby.test(text)) return true;
  const vocabulary = sectionVocabulary(schema);
  const byContent = schema.sections.filter((s) => s.role === 'mapping' || s.role === 'risks').length;
  let named = 0;
  let others = 0;
  for (const match of text.matchAll(HEADING_LIKE)) {
    const end = text.indexOf('\n', match.index);
    let line = text.slice(match.index, end < 0 ? text.length : end);
    const count = TWO_SECTIONS.test(line) ? 2 : 1;
    // A setext underline's title is the line above it.
    if (/^[ \t>]*(?:=+|-+)[ \t]*\r?$/.test(line)) line = text.slice(text.lastIndexOf('\n', Math.max(0, match.index - 2)) + 1, match.index);
    if (LETTER_LIKE.test(line) || words(line).some((w) => vocabulary.has(w))) named += count;
    else others += count;
    if (named + Math.min(others, byContent) >= minSections) return true;
  }
  return false;
}

interface Candidate {
  chunk: Chunk;
  heading: Heading;
  template?: TemplateSection;
  match: SectionMatch;
  nestedIn?: number;
  secondary?: boolean;
  cues?: ContentCues;
  /** The plan's kind of work item read as the template's (`wave` for `phase`). */
  standsFor?: string;
}

/** Reads a markdown document into the plan model. Never throws on any input. */
export function readPlan(text: string, schema: TemplateSchema): PlanModel {
  const outline = readOutline(text);
  const { lines } = outline;
  promoteBoldHeadings(outline, schema);
  const headings = new Map<Block, Heading>();
  for (const block of outline.blocks) if (block.type === 'heading') headings.set(block, readHeading(block, lines));

  const level = pickSectionLevel(headings, schema);
  const { isPlanTitle } = titleWords(schema);
  const titleBlock = [...headings.keys()].find((b) => b.level === 1 && (level > 1 || isPlanTitle(plainText(b.inline ?? '')) || !matchTitle(headings.get(b)!, schema)?.strong));
  const title = titleBlock ? headings.get(titleBlock) : undefined;
  const { chunks } = splitAtHeadings(outline.blocks.filter((b) => b !== titleBlock), level, lines.length);

  const candidates: Candidate[] = chunks.map((chunk) => ({ chunk, heading: headings.get(chunk.heading)!, match: { by: 'none', detail: '' } }));
  assignSections(candidates, schema, outline);
  gatherTopLevelWork(candidates, schema);
  candidates.push(...secondReadings(candidates, schema));
  const nested = findNestedSections(candidates, schema, outline, headings);

  const all = [...candidates, ...nested].sort((a, b) => a.chunk.startLine - b.chunk.startLine);
  const sections = all.map((c) => readSection(c, all, outline, schema));
  for (const standIn of workStandIns(all, sections, schema)) {
    const at = all.indexOf(standIn.of) + 1;
    all.splice(at, 0, standIn.candidate);
    sections.splice(at, 0, readSection(standIn.candidate, all, outline, schema));
  }

  const titleText = title ? plainText(title.text) : undefined;
  const plan: PlanModel = {
    isPlan: false,
    lines,
    title,
    connectorName: titleText && isPlanTitle(titleText) ? connectorName(titleText, schema) : undefined,
    sections,
    nonProse: outline.nonProse,
    directives: outline.directives,
    sectionLevel: level,
    schema,
  };
  plan.isPlan = readDocumentKind(plan).kind === 'plan';
  return plan;
}

const BOLD_LINE = /^(\*\*|__)([^*_\n]+)\1:?$/;

/**
 * `**A) Business Goal**` alone on a line, in a plan whose `#` headings name almost no section: the bold lines are
 * its headings (sections, and `**Phase 1: …**` / `**Wave 1**` under them one level down).
 */
function promoteBoldHeadings(outline: Outline, schema: TemplateSchema): void {
  // Bold lines one under the other make one paragraph in markdown: each line is a block of its own here.
  const lineBlocks = (b: Block): Block[] => {
    if (!/^(?:\*\*|__)/.test(b.inline ?? '')) return [b];
    const parts = (b.inline ?? '').split('\n');
    return parts.length > 1 && parts.every((p) => BOLD_LINE.test(p)) ? parts.map((inline, i) => ({ ...b, inline, startLine: b.startLine + i, endLine: b.startLine + i + 1 })) : [b];
  };
  if (!outline.blocks.some((b) => b.type === 'paragraph' && /^(?:\*\*|__)/.test(b.inline ?? ''))) return;
  const blocks = outline.blocks.flatMap((b) => (b.type === 'paragraph' ? lineBlocks(b) : [b]));
  const bold = blocks.filter((b) => b.type === 'paragraph' && BOLD_LINE.test(b.inline ?? ''));
  if (bold.length < 3) return;
  const named = (b: Block) => matchTitle(headingFromText(plainText(b.inline ?? ''), b.startLine, 2, 0), schema);
  const real = outline.blocks.filter((b) => b.type === 'heading' && (b.level ?? 1) > 1 && named(b)?.strong).length;
  const sections = bold.filter((b) => named(b)?.strong);
  if (real >= 3 || sections.length < 5) return;
  // A new block for each heading: the parser's blocks are shared with the next parse of the same text, never changed.
  const headings = new Map<Block, Block>();
  for (const block of bold) {
    const title = plainText(block.inline ?? '').replace(/:$/, '');
    const level = named(block)?.strong ? 2 : isWorkItemTitle(headingFromText(title, block.startLine, 3, 0).title, schema) ? 3 : 0;
    if (level) headings.set(block, { ...block, type: 'heading', level, inline: BOLD_LINE.exec(block.inline ?? '')![2].replace(/:$/, '') });
  }
  outline.blocks.splice(0, outline.blocks.length, ...blocks.map((b) => headings.get(b) ?? b));
}

/**
 * Which template section each heading of the section level stands for, chosen for the whole document at once:
 * every heading is weighed against every section by its title (words, stems, synonyms; its letter when the title
 * names no other section) and by what it holds, and the strongest pairs are taken first, each section once.
 */
function assignSections(candidates: Candidate[], schema: TemplateSchema, outline: Outline): void {
  // Letters from another template (a connector plan checked with a team's): when two or more lettered headings'
  // titles plainly name other sections than their letters, the plan's letters say nothing here.
  const withoutLetter = (h: Heading): Heading => ({ ...h, letter: undefined, letters: undefined });
  const byTitle = candidates.map((c) => matchTitle(withoutLetter(c.heading), schema));
  const disagree = candidates.filter((c, i) => c.heading.letter && byTitle[i]?.strong && byTitle[i]!.section.id !== c.heading.letter).length;
  const cuesOf = (c: Candidate) => (c.cues ??= readCues(c.chunk.body, outline, schema));

  interface Pair { candidate: Candidate; index: number; section: TemplateSection; tier: number; score: number; match: SectionMatch }
  const pairs: Pair[] = [];
  // A heading its title or letter plainly names is weighed for that section alone, and what it holds is read only
  // where it decides (two headings naming one section, a go/no-go with no item): reading every section's content
  // costs a pass over the document.
  const claims = new Map<string, number>();
  const plainly = candidates.map((candidate, index) => {
    if (isWorkItemTitle(candidate.heading.title, schema)) return undefined;
    const title = byTitle[index];
    // A letter stands for its section unless the title plainly names another (the title wins).
    // A heading written for two sections (`G/J) Risks and Open Questions`) names both: its letters decide.
    const letter = disagree < 2 && candidate.heading.letter && (candidate.heading.letters || !(title?.strong && title.section.id !== candidate.heading.letter)) ? candidate.heading.letter : undefined;
    const section = (letter && schema.sections.find((s) => s.id === letter)) || (title?.strong ? title.section : undefined);
    if (section) claims.set(section.id, (claims.get(section.id) ?? 0) + 1);
    return section ? { section, letter, title } : undefined;
  });
  candidates.forEach((candidate, index) => {
    if (isWorkItemTitle(candidate.heading.title, schema)) return;
    const named = plainly[index];
    if (named) {
      const { section, letter, title } = named;
      const overlap = titleOverlap(candidate.heading.title, section, schema);
      const weigh = (claims.get(section.id) ?? 0) > 1 || section.role === 'checklist';
      const content = weigh ? contentScore(section, cuesOf(candidate)) : 0;
      // A go/no-go a heading's title names but that holds no item loses to one that holds them.
      const contradicts = section.role === 'checklist' && !cuesOf(candidate).checklist;
      const match = letter === section.id ? { by: 'letter' as const, detail: l10n.t('letter {0})', section.id) } : title!.match;
      const score = overlap.sim + (letter === section.id ? 0.3 : 0) + content - (contradicts ? 0.6 : 0);
      pairs.push({ candidate, index, section, tier: contradicts ? 2 : 3, score, match });
      if (!contradicts) return;
    }
    for (const section of schema.sections) {
      if (named?.section === section) continue;
      const overlap = titleOverlap(candidate.heading.title, section, schema);
      const content = contentScore(section, cuesOf(candidate));
      let tier = 0;
      let match: SectionMatch | undefined;
      if (overlap.common > 0 && content > 0) {
        tier = 2;
        const says = overlap.common === 1 ? l10n.t('title shares 1 word with "{0}"', section.title) : l10n.t('title shares {0} words with "{1}"', overlap.common, section.title);
        match = { by: 'title', detail: l10n.t({ message: '{0}, and holds what that section holds', args: [says], comment: ['{0} says how the title matched: title shares 1 word with "Risks".'] }) };
      } else if (section.role === 'fields' ? labelsNameIt(section, cuesOf(candidate)) : section.role !== 'checklist' && content >= 0.6) {
        // Checklists are everywhere (a phase's gate, a note's to-do list): content alone never names the go/no-go.
        tier = 1;
        match = { by: 'content', detail: contentDetail(section, cuesOf(candidate)) };
      }
      if (!tier || !match) continue;
      pairs.push({ candidate, index, section, tier, score: overlap.sim + content, match });
    }
  });
  pairs.sort((a, b) => b.tier - a.tier || b.score - a.score || a.index - b.index);

  const taken = new Map<string, Candidate>();
  for (const pair of pairs) {
    if (pair.candidate.template || taken.has(pair.section.id)) continue;
    taken.set(pair.section.id, pair.candidate);
    pair.candidate.template = pair.section;
    pair.candidate.match = pair.match;
  }

  candidates.forEach((candidate, index) => {
    if (candidate.template) return;
    if (isWorkItemTitle(candidate.heading.title, schema)) {
      candidate.match = { by: 'none', detail: l10n.t('it reads as a phase or wave, but is not under a phases or waves section') };
      return;
    }
    const title = byTitle[index] ?? matchTitle(candidate.heading, schema);
    const first = title && taken.get(title.section.id);
    if (title?.strong && first && first !== candidate) {
      // The same section again is a duplicate when the title says so plainly; a letter alone, or another title, is a section of the plan's own.
      const same = (h: Heading) => replaceParenthesised(plainText(h.title), ' ').toLowerCase().replace(/\s+/g, ' ').trim();
      if (same(candidate.heading) === same(first.heading) || similarity(words(candidate.heading.title), title.section.words) >= 0.99) {
        candidate.template = title.section;
        candidate.match = title.match;
        return;
      }
      candidate.match = { by: 'none', detail: l10n.t('its title names "{0}", already at line {1}', title.section.title, first.heading.line + 1) };
    } else if (title && first) {
      candidate.match = { by: 'none', detail: l10n.t('shares one word with "{0}", which is at line {1}', title.section.title, first.heading.line + 1) };
    } else if (title) {
      candidate.match = { by: 'none', detail: l10n.t('shares only one word with "{0}" and holds nothing of it', title.section.title) };
    } else {
      candidate.match = { by: 'none', detail: l10n.t('no template section has these words') };
    }
  });
}

/** Two or more of a fields section's labels, and at least half of them, name it whatever the heading says. */
function labelsNameIt(section: TemplateSection, cues: ContentCues): boolean {
  const labels = cues.labels.get(section.id) ?? 0;
  return labels >= 2 && labels * 2 >= section.fields.length;
}

/** In words, what in a heading's blocks named its section. */
function contentDetail(section: TemplateSection, cues: ContentCues): string {
  switch (section.role) {
    case 'mapping':
      return l10n.t("a table with {0} of the mapping table's columns", cues.mappingColumns);
    case 'risks':
      return cues.riskTable ? l10n.t('a table of risks with a mitigation column') : l10n.t('risks with their mitigations');
    case 'checklist':
      return l10n.t('a checklist');
    case 'links':
      return l10n.t('links written external -> internal');
    case 'work':
      return l10n.t('numbered {0}s', section.subsectionKind ?? '');
    default:
      return l10n.t('the labels of "{0}"', section.title);
  }
}

/**
 * A plan organised by phase at the top (`## Phase 2: Sync`, `## Phase 3: …`) with no phases section: the run of
 * phase headings is that section, each heading one of its phases, their sub-headings the phases' parts.
 */
function gatherTopLevelWork(candidates: Candidate[], schema: TemplateSchema): void {
  for (const section of schema.sections) {
    if (section.role !== 'work' || !section.subsectionKind || candidates.some((c) => c.template === section)) continue;
    const isItem = (c: Candidate) => {
      const work = readWorkHeading(c.heading.title);
      return work.kind === section.subsectionKind && work.number !== undefined;
    };
    const start = candidates.findIndex(isItem);
    if (start < 0) continue;
    let end = start;
    while (end + 1 < candidates.length && isItem(candidates[end + 1])) end++;
    if (end === start) continue;
    const run = candidates.slice(start, end + 1);
    const first = run[0];
    const merged: Candidate = {
      chunk: { heading: first.chunk.heading, body: run.flatMap((c) => [c.chunk.heading, ...c.chunk.body]), startLine: first.chunk.startLine, endLine: run[run.length - 1].chunk.endLine },
      heading: { ...first.heading, level: first.heading.level - 1 },
      template: section,
      match: { by: 'content', detail: l10n.t('its {0}s are headings of their own, from line {1}', section.subsectionKind, first.heading.line + 1) },
    };
    candidates.splice(start, run.length, merged);
  }
}

/**
 * A template's phases written as the agent team's waves (`### Wave 1` with `Goal:`, `Deliverables:`, `Exit
 * criteria:`), with no phases section: the waves are read for the phases' section too, each wave as the phase of its
 * number. Only when two or more waves, and two in three of them at least, carry most of the phases' fields.
 */
function workStandIns(all: Candidate[], sections: Section[], schema: TemplateSchema): { of: Candidate; candidate: Candidate }[] {
  const found: { of: Candidate; candidate: Candidate }[] = [];
  for (const missing of schema.sections) {
    if (missing.role !== 'work' || !missing.subsectionKind || !missing.subsectionFields.length || all.some((c) => c.template === missing)) continue;
    const needed = Math.ceil(missing.subsectionFields.length / 2);
    const index = sections.findIndex((section) => {
      const items = section.template?.role === 'work' && section.template !== missing ? section.subsections.filter((sub) => sub.kind) : [];
      const carrying = items.filter((sub) => new Set(allFields(sub.fields).map((f) => matchTemplateField(f.label, missing.subsectionFields)).filter(Boolean)).size >= needed);
      return carrying.length >= 2 && carrying.length * 3 >= items.length * 2;
    });
    if (index < 0) continue;
    const of = all[index];
    const kind = of.template!.subsectionKind!;
    found.push({ of, candidate: { ...of, template: missing, secondary: true, standsFor: kind, match: { by: 'content', detail: l10n.t({ message: 'its {0}s carry the fields of a {1}: read as the {1}s', args: [kind, missing.subsectionKind], comment: ['{0} is the plan\'s kind of work item (wave), {1} the template\'s (phase).'] }) } } });
  }
  return found;
}

/** A heading written for two sections (`E+F) Delivery and Agent Waves`) is read once for each. */
function secondReadings(candidates: Candidate[], schema: TemplateSchema): Candidate[] {
  const taken = new Set(candidates.map((c) => c.template?.id));
  const more: Candidate[] = [];
  for (const candidate of candidates) {
    const second = candidate.template && candidate.heading.letters?.[1];
    const template = second ? schema.sections.find((s) => s.id === second) : undefined;
    if (!template || taken.has(template.id)) continue;
    taken.add(template.id);
    more.push({ ...candidate, template, secondary: true, match: { by: 'letter', detail: l10n.t('letters {0}: the same lines, read for {1}) too', candidate.heading.letters!.join('+'), template.id) } });
  }
  return more;
}

/**
 * Template sections the plan writes as sub-headings inside another section (`### 4.3 Operational Go/No-Go
 * Checklist` under a phase heading): only sections not found at the section level, by a clear title or content.
 */
function findNestedSections(candidates: Candidate[], schema: TemplateSchema, outline: Outline, headings: Map<Block, Heading>): Candidate[] {
  const taken = new Set(candidates.map((c) => c.template?.id).filter(Boolean));
  if (taken.size === schema.sections.length) return [];
  const found: Candidate[] = [];
  let lastGate: Candidate | undefined;
  for (const parent of candidates) {
    const body = parent.chunk.body;
    const work = parent.template?.role === 'work' ? parent.template : undefined;
    // The heading a sub-heading is written under, by name: in phases gathered from the top level, its own phase.
    let under = plainText(parent.heading.text);
    const ends = headingEnds(body);
    for (let i = 0; i < body.length; i++) {
      const block = body[i];
      if (block.type !== 'heading') continue;
      const heading = headings.get(block) ?? readHeading(block, outline.lines);
      if (parent.heading.level < (parent.chunk.heading.level ?? 9) && block.level === parent.chunk.heading.level) under = plainText(heading.text);
      // Inside a phase or wave, sub-headings are that work item's parts (its own gate, its `Goal`), unless two or
      // more words of the title name a section the plan has nowhere else (`Manual setup (owner: Priya)`).
      const insideWork = Boolean(work && (block.level ?? 9) > parent.heading.level + 1);
      if (isWorkItemTitle(heading.title, schema) || namesWorkItem(heading.title, schema)) continue;
      const end = ends[i];
      const chunk: Chunk = { heading: block, body: body.slice(i + 1, end < 0 ? body.length : end), startLine: block.startLine, endLine: end < 0 ? parent.chunk.endLine : body[end].startLine };
      const title = matchTitle(heading, schema);
      let template = title?.strong && (!insideWork || titleOverlap(heading.title, title.section, schema).common >= 2) ? title.section : undefined;
      let match = title?.match;
      if (insideWork && !template) {
        // The last phase's go/no-go (`4.5 Go/No-Go` under `Phase 4: Operational Readiness`) is the plan's, when it has no other.
        if (title?.strong && title.section.role === 'checklist' && !taken.has(title.section.id)) {
          const end = ends[i];
          lastGate = { chunk: { heading: block, body: body.slice(i + 1, end < 0 ? body.length : end), startLine: block.startLine, endLine: end < 0 ? parent.chunk.endLine : body[end].startLine }, heading, template: title.section, match: { by: 'title', detail: l10n.t({ message: '{0}; the last phase\'s gate, written inside "{1}"', args: [title.match.detail, under], comment: ['{0} says how the heading matched its section, {1} is the heading it is written under.'] }) }, nestedIn: parent.heading.line };
        }
        continue;
      }
      if (!template) {
        const byContent = sectionByContent(readCues(chunk.body, outline, schema), schema);
        template = byContent?.section;
        match = byContent?.match;
      }
      if (!template || taken.has(template.id) || template === parent.template) continue;
      taken.add(template.id);
      found.push({ chunk, heading, template, match: { by: match!.by, detail: l10n.t({ message: '{0}; written inside "{1}"', args: [match!.detail, under], comment: ['{0} says how the heading matched its section, {1} is the heading it is written under.'] }) }, nestedIn: parent.heading.line });
      i += chunk.body.length;
    }
  }
  if (lastGate?.template && !taken.has(lastGate.template.id)) found.push(lastGate);
  return found;
}

/**
 * For each heading among `blocks`, the index of the next heading at its level or above (-1 when none): one pass with
 * a stack of open headings, where a search from each heading would read the rest of a long section again.
 */
function headingEnds(blocks: Block[]): number[] {
  const ends = new Array<number>(blocks.length).fill(-1);
  const open: number[] = [];
  blocks.forEach((block, j) => {
    if (block.type !== 'heading') return;
    const level = block.level ?? 9;
    while (open.length && (blocks[open[open.length - 1]].level ?? 9) >= level) ends[open.pop()!] = j;
    open.push(j);
  });
  return ends;
}

/** `Go/No-Go Criteria (Phase 2)`: a part of a phase, not a section. */
function namesWorkItem(title: string, schema: TemplateSchema): boolean {
  let pattern = workItemNames.get(schema);
  if (pattern === undefined) {
    const kinds = schema.sections.map((s) => s.subsectionKind).filter((k): k is string => Boolean(k)).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    workItemNames.set(schema, (pattern = kinds.length ? new RegExp(`\\b(?:${kinds.join('|')})s?\\s*#?\\d+`, 'i') : null));
  }
  return pattern !== null && pattern.test(title);
}

/** One pattern per template for namesWorkItem: every heading of a long plan asks. */
const workItemNames = new WeakMap<TemplateSchema, RegExp | null>();

function connectorName(title: string, schema: TemplateSchema): string | undefined {
  const { suffixes } = titleWords(schema);
  // `Connector Rollout Plan: HubSpot` names the connector after the colon.
  for (const suffix of suffixes) {
    const lead = new RegExp(`^${suffix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[:—–-]`, 'i').exec(title);
    // What `\s*(.+)$` took after the separator, without retrying it from every space: one line, after any spaces.
    const rest = lead ? title.slice(lead[0].length) : '';
    const lineBreak = Math.max(rest.lastIndexOf('\n'), rest.lastIndexOf('\r'), rest.lastIndexOf('\u2028'), rest.lastIndexOf('\u2029'));
    if (suffix && lead && rest.length > lineBreak + 1 && !rest.slice(0, lineBreak + 1).trim()) return /\{[^{}]*\}/.test(rest) ? undefined : rest.trim();
  }
  const lower = title.toLowerCase();
  for (const suffix of suffixes) {
    const at = lower.lastIndexOf(suffix.toLowerCase());
    if (suffix && at > 0) {
      const head = title.slice(0, at);
      const name = head.slice(0, runStart(head, head.length, (c) => isSpace(c) || c === 58 || c === 0x2014 || c === 0x2013 || c === 45)).trim();
      // `{Feature} Feature` still holds the template's placeholder: no name yet.
      return name && !/\{[^{}]*\}/.test(name) ? name : undefined;
    }
  }
  return undefined;
}

/**
 * The heading level whose headings name the most distinct template sections. Headings nested under a heading
 * that already names a section (phases under E) are not candidates, so they cannot outvote the sections.
 */
function pickSectionLevel(headings: Map<Block, Heading>, schema: TemplateSchema): number {
  const ids = [new Set<string>(), new Set<string>(), new Set<string>(), new Set<string>()];
  let matchedLevel = 0;
  for (const [block, heading] of headings) {
    const level = block.level ?? 9;
    if (matchedLevel && level > matchedLevel) continue;
    matchedLevel = 0;
    if (level > 3 || (level === 1 && titleWords(schema).isPlanTitle(plainText(heading.text)))) continue;
    // A phase at the top (`## Phase 2: …`) votes for the phases' section; what is under it is the phase's own.
    const work = readWorkHeading(heading.title);
    const workSection = work.number !== undefined && level > 1 ? schema.sections.find((s) => s.subsectionKind === work.kind) : undefined;
    if (workSection) {
      ids[level].add(workSection.id);
      matchedLevel = level;
      continue;
    }
    // Only titles that say it plainly vote: `Rollout plan — Amplitude` shares a word with `Agent-Team Plan`, no more.
    const match = matchTitle(heading, schema);
    if (!match?.strong) continue;
    ids[level].add(match.section.id);
    matchedLevel = level;
  }
  let best = 2;
  for (const level of [1, 3]) if (ids[level].size > ids[best].size) best = level;
  return best;
}

/** The blocks of a candidate that belong to it: those of sections written inside it are theirs. */
function ownBlocks(candidate: Candidate, all: Candidate[]): Block[] {
  const inner = all.filter((c) => c.nestedIn === candidate.heading.line);
  if (!inner.length) return candidate.chunk.body;
  return candidate.chunk.body.filter((b) => !inner.some((c) => b.startLine >= c.chunk.startLine && b.startLine < c.chunk.endLine));
}

function readSection(candidate: Candidate, all: Candidate[], outline: Outline, schema: TemplateSchema): Section {
  const { chunk, heading, template } = candidate;
  const section: Section = {
    id: template?.id,
    template,
    heading,
    match: candidate.match,
    nestedIn: candidate.nestedIn,
    secondary: candidate.secondary,
    startLine: chunk.startLine,
    endLine: chunk.endLine,
    fields: [],
    subsections: [],
    tasks: [],
    mappings: [],
    links: [],
    risks: [],
    mentioned: [],
    unlabelledEntries: 0,
  };
  if (!template) return section;
  const body = ownBlocks(candidate, all);
  const stops = all.filter((c) => c.nestedIn === heading.line).map((c) => c.chunk.startLine);
  const scope = { outline, templateFields: template.fields, tableRows: template.role === 'fields' || template.role === 'mapping', stops };

  if (template.role === 'work') {
    const { preamble, chunks } = splitAtHeadings(body, heading.level + 1, chunk.endLine);
    section.fields = collectFields(preamble, { ...scope, endLine: chunks[0]?.startLine ?? chunk.endLine });
    section.subsections = chunks.map((sub) => readSubsection(sub, template, outline, stops, candidate.standsFor));
    if (!section.subsections.some((sub) => sub.kind)) {
      // `#### Phase 1` under `### Decision`: work items one level deeper stand in for the sub-headings that hold them.
      const deeper = splitAtHeadings(body, heading.level + 2, chunk.endLine).chunks.filter((c) => (c.heading.level ?? 9) === heading.level + 2).map((sub) => readSubsection(sub, template, outline, stops)).filter((sub) => sub.kind);
      if (deeper.length) section.subsections = [...section.subsections.filter((s) => !deeper.some((d) => d.startLine >= s.startLine && d.startLine < s.endLine)), ...deeper].sort((a, b) => a.startLine - b.startLine);
    }
    if (!section.subsections.some((sub) => sub.kind)) section.subsections.push(...readListedWork(preamble, section.fields, template, outline, heading.level + 1));
    unblockedByThoseBefore(section.subsections, outline.lines);
  } else {
    section.fields = collectFields(body, { ...scope, endLine: chunk.endLine });
  }
  // In a heading shared with another section, the other section's labels (`Q1:` under `G/J)`) are not risks.
  const partner = candidate.heading.letters ? template.id === candidate.heading.letters[0] ? candidate.heading.letters[1] : candidate.heading.letters[0] : undefined;
  const others = partner ? (all.find((c) => c.chunk === chunk && c.template?.id === partner)?.template?.fields ?? []) : [];
  if (template.role === 'checklist') section.tasks = readChecklist(body, outline);
  if (template.role === 'mapping') {
    section.mappings = readMappingTables(body, template, outline);
    section.mapping = section.mappings[0];
  }
  if (template.role === 'links') section.links = readLinks(body, section, outline);
  if (template.role === 'risks') section.risks = readRisks({ ...chunk, body }, outline, others);
  if (others.length) for (const field of allFields([...section.fields, ...section.subsections.flatMap((s) => s.fields)])) if (!field.template && matchTemplateField(field.label, others)) field.foreign = true;
  if (template.role === 'fields') readMentions(section, body, template.fields, outline, schema);
  return section;
}

/**
 * The last wave unblocks nothing: when the waves before it say what they unblock (`- Unblocks: wave 3`), what
 * blocks the last one is written, on their side.
 */
function unblockedByThoseBefore(items: Subsection[], lines: string[]): void {
  const work = items.filter((s) => s.kind && s.heading.number !== undefined);
  const slotOf = (s: Subsection) => s.slots.find((slot) => slot.field.words.includes('block'));
  const lastItem = work[work.length - 1];
  const last = work.length > 1 ? slotOf(lastItem) : undefined;
  if (!last || last.present) return;
  // `- Unblocks: waves 2 and 3` names the last wave by its kind and number.
  const names = (line: number | undefined) => {
    const text = line === undefined ? '' : (lines[line] ?? '').toLowerCase();
    return text.includes(lastItem.kind!) && (text.match(/\d+/g) ?? []).some((n) => Number(n) === lastItem.heading.number);
  };
  const said = work.slice(0, -1).map(slotOf).find((slot) => slot?.filled && names(slot.line));
  if (said) Object.assign(last, { present: true, filled: true, line: said.line });
}

/**
 * Template fields written without their label: numbered steps, prose or sub-headings that use most of the
 * field's words; and the entries of a series written as bare questions. They count as written for progress.
 */
function readMentions(section: Section, body: Block[], templateFields: TemplateField[], outline: Outline, schema: TemplateSchema): void {
  const labelled = new Set(allFields(section.fields).map((f) => f.template));
  const wanted = templateFields.filter((tf) => !labelled.has(tf) && !tf.series && tf.words.length);
  const series = templateFields.find((tf) => tf.series && !labelled.has(tf));
  if (!wanted.length && !series) return;
  const pieces: string[] = [];
  const visit = (blocks: Block[]) => {
    for (const block of blocks) {
      if (block.type === 'heading' || block.type === 'paragraph') pieces.push(block.inline ?? '');
      // Owner steps written as a commented script (`# 4. migrations`) say what they cover too.
      else if (block.type === 'code') {
        const comments = [...(block.content ?? '').matchAll(/(?:^|\s)(?:#|\/\/|--)\s+(.*)$/gm)].map((m) => m[1]);
        pieces.push(...comments, comments.join(' '));
      }
      else if (block.type === 'table') {
        for (const row of block.rows ?? []) {
          if (row.header) continue;
          const text = outline.lines[row.line];
          pieces.push(text);
          if (series && /\?/.test(text)) section.unlabelledEntries++;
        }
      } else if (block.type === 'item') {
        const lead = leadText(block);
        if (lead !== undefined) pieces.push(lead);
        if (series && lead && /\?/.test(lead.split('\n', 1)[0])) section.unlabelledEntries++;
      }
      if (block.children.length) visit(block.children);
    }
  };
  visit(body);
  // A step named like the field (`4. Migrations`, `Smoke test: …`) names it as a label would.
  const named = new Set(pieces.map((piece) => {
    const head = plainText(piece.split('\n', 1)[0]).replace(/^\s*(?:\d+[.)]|[-*])\s*/, '').split(/:\s|\s[—–]\s/, 1)[0];
    return head.split(/\s+/).length <= 6 ? matchTemplateField(head, templateFields) : undefined;
  }));
  for (const tf of wanted) {
    if (named.has(tf) || pieces.some((piece) => tf.words.filter((w) => words(piece).includes(w)).length * 2 >= tf.words.length)) section.mentioned.push(tf);
  }
  // A heading that asks the section's first question (`Why We're Building This` for `Why this connector exists`),
  // answered by the prose right under it, answers that field; the template's title words (`connector`) say nothing.
  const first = templateFields[0];
  if (first && wanted.includes(first) && !section.mentioned.includes(first) && body[0]?.type === 'paragraph' && hasText(body[0].inline ?? '')) {
    const generic = new Set(words(schema.titleSuffix));
    const asked = words(section.heading.title);
    if (first.words.some((w) => !generic.has(w) && asked.includes(w))) section.mentioned.push(first);
  }
}

/** The section's tables that have the mapping table's columns: the best one, and every other as good (one per entity). */
function readMappingTables(body: Block[], template: TemplateSection, outline: Outline): MappingTable[] {
  const tables: Block[] = [];
  forEachTable(body, (t) => tables.push(t));
  const read = tables.map((table) => {
    const header = splitTableRow(outline.lines[table.rows![0].line]);
    const used = new Set<number>();
    const map = header.map((cell) => {
      let index: number | undefined;
      let score = MATCH_THRESHOLD;
      template.columns.forEach((column, i) => {
        const s = labelSimilarity(plainText(cell.text), column.words);
        if (!used.has(i) && s >= score) {
          index = i;
          score = s;
        }
      });
      if (index !== undefined) used.add(index);
      return index;
    });
    return { table, map, hits: map.filter((i) => i !== undefined).length };
  });
  const best = Math.max(0, ...read.map((r) => r.hits));
  if (!read.length || (best < 2 && tables.length > 1)) return [];
  const chosen = best < 2 ? read.slice(0, 1) : read.filter((r) => r.hits >= Math.min(3, best));
  return chosen.map(({ table, map }) => ({
    headerLine: table.rows![0].line,
    columnMap: map,
    columnCount: map.length,
    endLine: table.endLine,
    rows: table.rows!.filter((r) => !r.header).map((row) => ({
      line: row.line,
      cells: splitTableRow(outline.lines[row.line]).map((cell) => new RowCell(cell.text, row.line, cell.start, cell.end)),
    })),
  }));
}

/** Tables directly in the section or under its sub-headings (not those nested in list items). */
function forEachTable(blocks: Block[], visit: (table: Block) => void): void {
  for (const block of blocks) if (block.type === 'table' && block.rows?.length) visit(block);
}

/** A table row's cell; its range is made only when a finding asks for it (a row of thousands of cells asks for two). */
class RowCell implements Cell {
  constructor(
    readonly text: string,
    private readonly line: number,
    private readonly start: number,
    private readonly end: number,
  ) {}

  get range(): Range {
    return { start: { line: this.line, character: this.start }, end: { line: this.line, character: this.end } };
  }
}
