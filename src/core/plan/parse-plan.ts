import { leadText, type Block } from '../markdown/blocks';
import { hasText, matchLabel, matchTask, plainText, splitTableRow } from '../markdown/inline';
import type { Range } from '../types';
import { collectFields, textColumn } from './fields';
import { readHeading, readWorkHeading } from './heading';
import { labelSimilarity, MATCH_THRESHOLD, similarity, words } from './match';
import type { Heading, LinkEntry, MappingTable, PlanModel, RiskEntry, Section, Subsection, TaskItem, TemplateSchema, TemplateSection } from './model';
import { endOfText, hasContent, readOutline, type Outline } from './outline';
import { forEachItem, splitAtHeadings, type Chunk } from './sections';

const PLAN_TITLE = /\brollout plan\b|\S\s+connector plan\b/i;
/** How many template sections a file without a plan title needs to count as a plan. */
const MIN_SECTIONS_WITHOUT_TITLE = 5;
const MITIGATION = /\bmitigat|\bfallback\b|\bcontingenc|\bworkaround/i;
/** `no mitigation yet`, `without a fallback`: the word is there, the mitigation is not. */
const NO_MITIGATION = /\b(?:no|without|lacks?|missing|tbd)\s+(?:\w+\s+)?(?:mitigat|fallback|contingenc|workaround)/i;

/**
 * A cheap test that never says no to a plan: a plan title somewhere, or enough headings to hold the template's
 * sections. Lets hosts that see every markdown file (the preview) skip the rest without parsing them.
 */
export function mightBePlan(text: string): boolean {
  if (PLAN_TITLE.test(text)) return true;
  let headings = 0;
  for (const _ of text.matchAll(/^ {0,3}#{1,3}[ \t]/gm)) if (++headings >= MIN_SECTIONS_WITHOUT_TITLE) return true;
  return false;
}

/** Reads a markdown document into the plan model. Never throws on any input. */
export function readPlan(text: string, schema: TemplateSchema): PlanModel {
  const outline = readOutline(text);
  const { lines } = outline;
  const headings = new Map<Block, Heading>();
  for (const block of outline.blocks) if (block.type === 'heading') headings.set(block, readHeading(block, lines));

  const level = pickSectionLevel(headings, schema);
  const titleBlock = [...headings.keys()].find((b) => b.level === 1 && (level > 1 || !matchSection(headings.get(b)!, schema)));
  const title = titleBlock ? headings.get(titleBlock) : undefined;
  const { chunks } = splitAtHeadings(outline.blocks.filter((b) => b !== titleBlock), level, lines.length);

  const sections: Section[] = [];
  const seen = new Set<string>();
  for (const chunk of chunks) {
    const heading = headings.get(chunk.heading)!;
    let template = heading.level === level ? matchSection(heading, schema) : undefined;
    if (template && seen.has(template.id) && !heading.letter && similarity(words(heading.title), template.words) < 0.99) template = undefined;
    if (template) seen.add(template.id);
    sections.push(readSection(chunk, heading, template, outline, level));
  }

  const titleText = title ? plainText(title.text) : undefined;
  const isPlan = Boolean(titleText && PLAN_TITLE.test(titleText)) || seen.size >= MIN_SECTIONS_WITHOUT_TITLE;
  return {
    isPlan,
    lines,
    title,
    connectorName: titleText ? connectorName(titleText, schema) : undefined,
    sections,
    nonProse: outline.nonProse,
    directives: outline.directives,
    sectionLevel: level,
    schema,
  };
}

function connectorName(title: string, schema: TemplateSchema): string | undefined {
  const suffixes = [schema.titleSuffix, 'Connector Rollout Plan', 'Rollout Plan', 'Connector Plan'];
  // `Connector Rollout Plan: HubSpot` names the connector after the colon.
  for (const suffix of suffixes) {
    const lead = new RegExp(`^${suffix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[:—–-]\\s*(.+)$`, 'i').exec(title);
    if (suffix && lead) return /^\{[^{}]*\}$/.test(lead[1].trim()) ? undefined : lead[1].trim();
  }
  for (const suffix of suffixes) {
    const at = title.toLowerCase().lastIndexOf(suffix.toLowerCase());
    if (suffix && at > 0) {
      const name = title.slice(0, at).replace(/[\s:—–-]+$/, '').trim();
      return name && !/^\{[^{}]*\}$/.test(name) ? name : undefined;
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
    if (level > 3) continue;
    const section = matchSection(heading, schema);
    if (!section) continue;
    ids[level].add(section.id);
    matchedLevel = level;
  }
  let best = 2;
  for (const level of [1, 3]) if (ids[level].size > ids[best].size) best = level;
  return best;
}

function matchSection(heading: Heading, schema: TemplateSchema): TemplateSection | undefined {
  const title = words(heading.title);
  let best: TemplateSection | undefined;
  let bestScore = 0;
  for (const section of schema.sections) {
    const sim = Math.max(similarity(title, section.words), labelSimilarity(heading.title, section.words));
    const letterMatch = heading.letter === section.id;
    if (sim < MATCH_THRESHOLD && !letterMatch) continue;
    const score = sim + (letterMatch ? 0.3 : 0);
    if (score > bestScore) {
      best = section;
      bestScore = score;
    }
  }
  if (best && heading.letter === best.id && similarity(title, best.words) < MATCH_THRESHOLD) {
    // A lettered heading with a new title stands for its letter's section unless its title clearly names another.
    const other = schema.sections.find((s) => s !== best && similarity(title, s.words) >= MATCH_THRESHOLD);
    if (other) return other;
  }
  return best;
}

function readSection(chunk: Chunk, heading: Heading, template: TemplateSection | undefined, outline: Outline, level: number): Section {
  const section: Section = {
    id: template?.id,
    template,
    heading,
    startLine: chunk.startLine,
    endLine: chunk.endLine,
    fields: [],
    subsections: [],
    tasks: [],
    links: [],
    risks: [],
  };
  if (!template) return section;
  const scope = { outline, templateFields: template.fields, tableRows: template.role === 'fields' };

  if (template.role === 'work') {
    const { preamble, chunks } = splitAtHeadings(chunk.body, level + 1, chunk.endLine);
    section.fields = collectFields(preamble, { ...scope, endLine: chunks[0]?.startLine ?? chunk.endLine });
    section.subsections = chunks.map((sub) => readSubsection(sub, template, outline));
  } else {
    section.fields = collectFields(chunk.body, { ...scope, endLine: chunk.endLine });
  }
  if (template.role === 'checklist') section.tasks = readTasks(chunk.body, outline);
  if (template.role === 'mapping') section.mapping = readMappingTable(chunk.body, template, outline);
  if (template.role === 'links') section.links = readLinks(chunk.body, section, outline);
  if (template.role === 'risks') section.risks = readRisks(chunk, outline);
  return section;
}

function readSubsection(chunk: Chunk, template: TemplateSection, outline: Outline): Subsection {
  const heading = readHeading(chunk.heading, outline.lines);
  const work = readWorkHeading(heading.title);
  let kind = work.kind === template.subsectionKind ? work.kind : undefined;
  let sub = kind ? template.subsections.find((s) => s.number !== undefined && s.number === work.number) : undefined;
  if (!kind) {
    sub = template.subsections.find((s) => labelSimilarity(heading.title, words(s.title)) >= 0.8);
    if (sub) kind = sub.kind;
  }
  if (heading.number === undefined && work.number !== undefined) heading.number = work.number;
  return {
    heading,
    kind,
    template: sub,
    startLine: chunk.startLine,
    endLine: chunk.endLine,
    fields: collectFields(chunk.body, { outline, templateFields: template.subsectionFields, tableRows: true, endLine: chunk.endLine }),
  };
}

function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

function readTasks(body: Block[], outline: Outline): TaskItem[] {
  const tasks: TaskItem[] = [];
  forEachItem(body, (item) => {
    const lead = leadText(item);
    const task = lead === undefined ? undefined : matchTask(lead);
    if (!task) return;
    const source = outline.lines[item.startLine];
    const col = source.indexOf('[', textColumn(source, lead!) - 1);
    tasks.push({ line: item.startLine, checked: task.checked, text: plainText(task.text), boxRange: lineRange(item.startLine, col, col + 3) });
  });
  return tasks;
}

function readMappingTable(body: Block[], template: TemplateSection, outline: Outline): MappingTable | undefined {
  const tables = body.filter((b) => b.type === 'table' && b.rows?.length);
  let best: { table: Block; map: (number | undefined)[]; hits: number } | undefined;
  for (const table of tables) {
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
    const hits = map.filter((i) => i !== undefined).length;
    if (!best || hits > best.hits) best = { table, map, hits };
  }
  if (!best || (best.hits < 2 && tables.length > 1)) return undefined;
  const { table, map } = best;
  return {
    headerLine: table.rows![0].line,
    columnMap: map,
    columnCount: map.length,
    endLine: table.endLine,
    rows: table.rows!.filter((r) => !r.header).map((row) => ({
      line: row.line,
      cells: splitTableRow(outline.lines[row.line]).map((cell) => ({ text: cell.text, range: lineRange(row.line, cell.start, cell.end) })),
    })),
  };
}

function readLinks(body: Block[], section: Section, outline: Outline): LinkEntry[] {
  const links: LinkEntry[] = [];
  const linkSeries = section.template!.fields.find((f) => f.series);
  const fieldsByLine = new Map(section.fields.map((f) => [f.line, f]));
  for (const block of body) {
    if (block.type === 'list') {
      for (const item of block.children) {
        const lead = leadText(item);
        if (lead === undefined) continue;
        const first = lead.split('\n', 1)[0];
        const col = textColumn(outline.lines[item.startLine], first);
        const field = fieldsByLine.get(item.startLine);
        const label = field ? { label: field.label, value: field.value, valueStart: field.valueRange.start.character - col } : undefined;
        if (label && linkSeries && field!.template !== linkSeries && label.value) continue;
        let text = label ? label.value : first;
        let range = lineRange(item.startLine, col + (label ? label.valueStart : 0), col + first.length);
        if (!hasText(text) && item.endLine > item.startLine + 1) {
          const next = item.startLine + 1;
          const nextLine = outline.lines[next];
          text = nextLine.trim().replace(/^(?:[-*+]|\d+[.)])\s+/, '');
          range = lineRange(next, nextLine.length - nextLine.trimStart().length, nextLine.length);
        }
        links.push({ line: range.start.line, text, range, field });
      }
    } else if (block.type === 'table') {
      for (const row of block.rows ?? []) {
        if (row.header) continue;
        const cells = splitTableRow(outline.lines[row.line]).filter((c) => plainText(c.text));
        const text = cells.length >= 2 ? `${cells[0].text} -> ${cells[cells.length - 1].text}` : cells[0]?.text ?? '';
        links.push({ line: row.line, text, range: lineRange(row.line, 0, outline.lines[row.line].length) });
      }
    }
  }
  return links;
}

function readRisks(chunk: Chunk, outline: Outline): RiskEntry[] {
  const risks: RiskEntry[] = [];
  const { lines } = outline;
  const mitigatedIn = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (!outline.nonProse[i] && MITIGATION.test(lines[i]) && !NO_MITIGATION.test(lines[i])) return true;
    return false;
  };
  const subHeadings = chunk.body.filter((b) => b.type === 'heading');
  if (subHeadings.length) {
    // One sub-heading per risk: the risk is everything up to the next sub-heading.
    return subHeadings.map((heading, i) => ({
      line: heading.startLine,
      hasText: true,
      hasMitigation: mitigatedIn(heading.startLine, subHeadings[i + 1]?.startLine ?? chunk.endLine),
      range: lineRange(heading.startLine, 0, lines[heading.startLine].length),
    }));
  }
  for (const block of chunk.body) {
    if (block.type === 'list') {
      for (const item of block.children) {
        const lead = leadText(item) ?? '';
        const first = lead.split('\n', 1)[0];
        const label = matchLabel(first);
        const col = textColumn(lines[item.startLine], first);
        if (label && /^mitigat/i.test(label.label)) {
          const previous = risks[risks.length - 1];
          if (previous) previous.hasMitigation ||= hasText(label.value) || hasContent(outline, item.startLine + 1, item.endLine);
          continue;
        }
        const labelHasMitigation = Boolean(label && MITIGATION.test(label.label));
        const ownText = label ? plainText(label.value) : plainText(first);
        let hasMitigation = labelHasMitigation ? ownText.length > 0 : mitigatedIn(item.startLine, item.endLine);
        const nestedText = hasContent(outline, item.startLine + 1, item.endLine);
        if (labelHasMitigation && !hasMitigation) hasMitigation = nestedText;
        const nested = item.children.find((b) => b.type === 'list' && b.startLine > item.startLine);
        risks.push({
          line: item.startLine,
          hasText: ownText.length > 0 || nestedText,
          hasMitigation,
          stubAt: {
            line: endOfText(lines, item.startLine, item.endLine),
            indent: nested ? ' '.repeat(lines[nested.startLine].length - lines[nested.startLine].trimStart().length) : ' '.repeat(col),
          },
          range: lineRange(item.startLine, col, lines[item.startLine].length),
        });
      }
    } else if (block.type === 'paragraph') {
      const label = matchLabel((block.inline ?? '').split('\n', 1)[0]);
      if (!label) continue;
      if (/^mitigat/i.test(label.label)) {
        const previous = risks[risks.length - 1];
        if (previous) previous.hasMitigation ||= hasText(label.value);
        continue;
      }
      risks.push({
        line: block.startLine,
        hasText: hasText(label.value),
        hasMitigation: mitigatedIn(block.startLine, block.endLine),
        range: lineRange(block.startLine, 0, lines[block.startLine].length),
      });
    } else if (block.type === 'table') {
      const header = splitTableRow(lines[block.rows![0].line]);
      const column = header.findIndex((c) => MITIGATION.test(c.text));
      if (column < 0) continue;
      for (const row of block.rows!.filter((r) => !r.header)) {
        const cells = splitTableRow(lines[row.line]);
        risks.push({
          line: row.line,
          hasText: cells.some((c, i) => i !== column && hasText(c.text)),
          hasMitigation: hasText(cells[column]?.text ?? ''),
          range: lineRange(row.line, 0, lines[row.line].length),
        });
      }
    }
  }
  return risks;
}
