import { plainText } from './markdown/inline';
import { isOneLine, isSpace, trailingNumber } from './markdown/scan';
import { acceptedValues } from './plan/choices';
import type { TemplateField, TemplateSchema, TemplateSection } from './plan/model';
import { getDefaultSchema } from './template/schema';

/** One entry of a VS Code `.code-snippets` file. */
export interface SnippetPart {
  prefix: string;
  description: string;
  body: string[];
}

const PLACEHOLDER = /(?<!\$)\{([^{}\n]+)\}/g;
const HEADING = /^\s{0,3}(#{1,6})\s/;
/** `- [ ] text`: the rest is read as one line below, as `(.*)$` would, without retrying the spaces before it. */
const TASK_HEAD = /^(\s*[-*+]\s+\[)[ xX](\]\s+)/;
const ITEM_HEAD = /^\s*[-*+]\s+/;
const TABLE_ROW = /^\s*\|/;

/** `/^(\s*[-*+]\s+\[)[ xX](\]\s+)(.*)$/.exec(line)`, in one pass. */
function taskLine(line: string): string[] | null {
  const head = TASK_HEAD.exec(line);
  const rest = head ? line.slice(head[0].length) : '';
  return head && isOneLine(rest) ? [line, head[1], head[2], rest] : null;
}

/** `/^(\s*[-*+]\s+)([^:]+?):(\s*)(.*)$/.exec(line)`, in one pass: bullet, label, spaces after the colon, value. */
function labelledItem(line: string): string[] | null {
  const head = ITEM_HEAD.exec(line);
  if (!head) return null;
  let labelStart = head[0].length;
  const colon = line.indexOf(':', labelStart);
  if (colon < 0) return null;
  // An empty label borrows the bullet's last space, when the bullet has two.
  if (colon === labelStart && (labelStart < 2 || !/\s/.test(line[labelStart - 2]))) return null;
  if (colon === labelStart) labelStart--;
  let valueStart = colon + 1;
  while (valueStart < line.length && isSpace(line.charCodeAt(valueStart))) valueStart++;
  const value = line.slice(valueStart);
  return isOneLine(value) ? [line, line.slice(0, labelStart), line.slice(labelStart, colon), line.slice(colon + 1, valueStart), value] : null;
}

/** `/^\s*\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*$/.test(line)`, cell by cell: `|---|:--:|`. */
function isDelimiterRow(line: string): boolean {
  const text = line.trim();
  const cells = (text.startsWith('|') ? text.slice(1) : text).split('|');
  const last = cells.pop()!;
  return cells.length > 0 && cells.every((cell) => /^:?-+:?$/.test(cell.trim())) && /^:?-*:?$/.test(last.trim());
}

/** Names for the repeatable-field snippets; a field the template adds later still gets `cp-<key>`. */
const SERIES_NAMES: Record<string, { prefix: string; name: string }> = {
  link: { prefix: 'cp-link', name: 'linking point' },
  risk: { prefix: 'cp-risk', name: 'risk with mitigation' },
  q: { prefix: 'cp-question', name: 'open question' },
};

/** Literal text in a snippet: `$`, `}` and `\` would otherwise be snippet syntax. */
function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** Hands out tab stop numbers in the order they are written, so Tab walks the text top to bottom. */
class TabStops {
  private next = 1;

  empty(): string {
    return `$${this.next++}`;
  }

  /** Text the user can type over; as it stays when tabbed past, it keeps its braces (`{external field}`): still a blank. */
  placeholder(text: string): string {
    return `\${${this.next++}:${escapeSnippetText(`{${text}}`)}}`;
  }

  /** A literal default (a number the template counts on), not a blank. */
  value(text: string): string {
    return `\${${this.next++}:${escapeSnippetText(text)}}`;
  }

  /**
   * The template's own unchosen text first (`incremental / snapshot / hybrid`, `{1:1/1:N}`), so tabbing past
   * leaves the gap flagged; then every value the checker accepts.
   */
  choice(unchosen: string, choices: readonly string[]): string {
    return `\${${this.next++}|${[unchosen, ...acceptedValues(choices)].map((o) => o.replace(/[\\,|]/g, '\\$&')).join(',')}|}`;
  }
}

/** Prose with every `{placeholder}` outside code spans turned into a tab stop. */
function proseSnippet(text: string, stops: TabStops): string {
  return text
    .split(/(`+[^`]*`+)/)
    .map((part, i) => {
      if (i % 2 === 1) return escapeSnippetText(part);
      let out = '';
      let last = 0;
      for (const m of part.matchAll(PLACEHOLDER)) {
        out += escapeSnippetText(part.slice(last, m.index)) + stops.placeholder(m[1].trim());
        last = m.index + m[0].length;
      }
      return out + escapeSnippetText(part.slice(last));
    })
    .join('');
}

function findField(section: TemplateSection | undefined, rawLabel: string): TemplateField | undefined {
  if (!section) return undefined;
  const label = plainText(rawLabel);
  return [...section.fields, ...section.subsectionFields].find((f) => f.label === label || (f.series && seriesNumber(f, label) !== undefined));
}

/** `Link 2` -> `2` for the series field `Link`. */
function seriesNumber(field: TemplateField, label: string): string | undefined {
  if (!field.series || !label.startsWith(field.label)) return undefined;
  return /^\s*#?(\d+)$/.exec(label.slice(field.label.length))?.[1];
}

/** A table row: placeholder cells become tab stops (choice lists where the column has choices). */
function rowSnippet(line: string, section: TemplateSection | undefined, stops: TabStops, literalCells: 'keep' | 'stop'): string {
  const cells = line.split(/(?<!\\)\|/);
  return cells
    .map((cell, i) => {
      if (i === 0 || i === cells.length - 1) return escapeSnippetText(cell);
      const column = section?.columns[i - 1];
      const before = cell.slice(0, cell.length - cell.trimStart().length);
      const text = cell.trim();
      const after = cell.slice(before.length + text.length);
      const placeholder = /^\{([^{}]+)\}$/.exec(text);
      let value: string;
      if (placeholder && column?.choices) value = stops.choice(text, column.choices);
      else if (placeholder) value = stops.placeholder(placeholder[1]);
      else if (literalCells === 'stop') value = stops.placeholder(column?.title ?? text);
      else value = proseSnippet(text, stops);
      return before + value + after;
    })
    .join('|');
}

/** A labelled item: an empty value gets a tab stop, a choice list a choice tab stop, placeholders theirs. */
function fieldSnippet(m: readonly string[], field: TemplateField | undefined, stops: TabStops, numberStop?: string): string {
  const [, bullet, rawLabel, space, value] = m;
  let label = escapeSnippetText(rawLabel);
  const number = numberStop && field ? trailingNumber(label, true) : undefined;
  if (number) label = label.slice(0, number.digitsStart) + stops.value(numberStop!) + label.slice(number.digitsStart + number.digits.length);
  if (!value.trim()) return `${bullet}${label}: ${stops.empty()}`;
  if (field?.choices) return `${bullet}${label}:${space || ' '}${stops.choice(value.trim(), field.choices)}`;
  return `${bullet}${label}:${space}${proseSnippet(value, stops)}`;
}

/** Template lines to snippet lines, tab stops numbered from where `stops` stands. */
function linesSnippet(lines: string[], section: TemplateSection | undefined, stops: TabStops): string[] {
  let tableLine = 0;
  return lines.map((line) => {
    tableLine = TABLE_ROW.test(line) ? tableLine + 1 : 0;
    if (HEADING.test(line) || taskLine(line)) return escapeSnippetText(line);
    if (tableLine > 0) return tableLine === 1 || isDelimiterRow(line) ? escapeSnippetText(line) : rowSnippet(line, section, stops, 'keep');
    const item = labelledItem(line);
    if (item) return fieldSnippet(item, findField(section, item[2]), stops);
    return proseSnippet(line, stops);
  });
}

/** The title's placeholder (`{ConnectorName}`) becomes the name, or a tab stop that keeps it as a blank. */
function titleSnippet(line: string, connectorName: string | undefined, stops: TabStops): string {
  const m = /(?<!\$)\{([^{}]+)\}/.exec(line);
  if (!m) return escapeSnippetText(line);
  const name = connectorName?.replace(/\s+/g, ' ').trim();
  return escapeSnippetText(line.slice(0, m.index)) + (name ? escapeSnippetText(name) : stops.placeholder(m[1])) + escapeSnippetText(line.slice(m.index + m[0].length));
}

/**
 * The whole template as one snippet: the connector name filled in (or a tab stop), a tab stop on every blank
 * and placeholder, choice lists as choice tab stops, `$0` after the last line.
 */
export function planSnippet(connectorName?: string, schema: TemplateSchema = getDefaultSchema()): string {
  const lines = schema.text.split(/\r?\n/);
  const stops = new TabStops();
  const starts = sectionStarts(lines, schema);
  const out: string[] = [];
  let titleDone = false;
  let section: TemplateSection | undefined;
  let from = 0;
  // Lines are grouped by section so each knows its fields and columns.
  const flush = (to: number) => {
    out.push(...linesSnippet(lines.slice(from, to), section, stops));
    from = to;
  };
  for (let i = 0; i < lines.length; i++) {
    const next = starts.get(i);
    if (next) {
      flush(i);
      section = next;
    } else if (!titleDone && /^\s{0,3}#\s/.test(lines[i])) {
      flush(i);
      titleDone = true;
      out.push(titleSnippet(lines[i], connectorName, stops));
      from = i + 1;
    }
  }
  flush(lines.length);
  if (out[out.length - 1] === '') out[out.length - 1] = '$0';
  else out.push('$0');
  return out.join('\n');
}

/** Line index of each section's heading in the template text. */
function sectionStarts(lines: string[], schema: TemplateSchema): Map<number, TemplateSection> {
  const starts = new Map<number, TemplateSection>();
  let at = 0;
  for (const section of schema.sections) {
    const heading = section.skeleton.split(/\r?\n/)[0];
    const index = lines.indexOf(heading, at);
    if (index < 0) continue;
    starts.set(index, section);
    at = index + 1;
  }
  return starts;
}

function skeletonLines(section: TemplateSection): string[] {
  return section.skeleton.split(/\r?\n/);
}

function sectionPart(section: TemplateSection): SnippetPart {
  return {
    prefix: `cp-section-${section.id.toLowerCase()}`,
    description: `Section ${section.headingText}, as in the template.`,
    body: [...linesSnippet(skeletonLines(section), section, new TabStops()), '$0'],
  };
}

/** One more `Link 4:` / `Risk 4:` / `Q4:`: the template's first line of the series, numbered after the template's last. */
function seriesPart(section: TemplateSection, field: TemplateField): [string, SnippetPart] | undefined {
  const lines = skeletonLines(section);
  const items = lines.map((line) => labelledItem(line)).filter((m): m is string[] => Boolean(m && seriesNumber(field, plainText(m[2])) !== undefined));
  if (!items.length) return undefined;
  const stops = new TabStops();
  const body = [fieldSnippet(items[0], field, stops, String(items.length + 1))];
  // The same nested line the risk-without-mitigation quick fix adds.
  if (section.role === 'risks') body.push(`${/^\s*/.exec(items[0][1])![0]}  - Mitigation: ${stops.empty()}`);
  body.push('$0');
  const named = SERIES_NAMES[field.key] ?? { prefix: `cp-${field.key}`, name: `${field.label} item` };
  return [named.name, { prefix: named.prefix, description: `One more ${named.name} for ${section.headingText}.`, body }];
}

/** A mapping table row: every column a tab stop, choice columns as choice lists. */
function mappingRowPart(section: TemplateSection): SnippetPart | undefined {
  const lines = skeletonLines(section);
  const header = lines.findIndex((line) => TABLE_ROW.test(line));
  const sample = lines[header + 2];
  if (header < 0 || !sample || !TABLE_ROW.test(sample)) return undefined;
  return {
    prefix: 'cp-mapping-row',
    description: `A mapping row for ${section.headingText}: ${section.columns.map((c) => c.title).join(' | ')}.`,
    body: [rowSnippet(sample, section, new TabStops(), 'stop'), '$0'],
  };
}

/** One more phase or wave: the template's first one, with its number and name as tab stops. */
function workPart(section: TemplateSection): [string, SnippetPart] | undefined {
  const kind = section.subsectionKind;
  const first = section.subsections[0];
  if (!kind || !first) return undefined;
  const lines = skeletonLines(section);
  const start = lines.findIndex((line, i) => i > 0 && HEADING.test(line));
  if (start < 0) return undefined;
  let end = lines.findIndex((line, i) => i > start && HEADING.test(line));
  if (end < 0) end = lines.length;
  while (end > start + 1 && !lines[end - 1].trim()) end--;

  const stops = new TabStops();
  const nextNumber = String(section.subsections.length + 1);
  const heading = escapeSnippetText(lines[start]).replace(/^(\s*#+\s+\S+\s+)\d+/, (_, lead: string) => lead + stops.value(nextNumber));
  const titled = first.title !== plainText(lines[start].replace(HEADING, '')) ? escapeSnippetText(first.title) : undefined;
  const body = [
    titled && heading.endsWith(titled) ? heading.slice(0, -titled.length) + stops.placeholder('Name') : heading,
    ...linesSnippet(lines.slice(start + 1, end), section, stops),
    '$0',
  ];
  const fields = section.subsectionFields.map((f) => f.label).join(', ');
  return [kind, { prefix: `cp-${kind}`, description: `One more ${kind} for ${section.headingText}: ${fields}.`, body }];
}

function checklistPart(section: TemplateSection): SnippetPart | undefined {
  const task = skeletonLines(section).map((line) => taskLine(line)).find(Boolean);
  if (!task) return undefined;
  return {
    prefix: 'cp-go-no-go',
    description: `A go/no-go item for ${section.headingText}, not checked yet.`,
    body: [`${escapeSnippetText(task[1])} ${task[2]}${new TabStops().placeholder('What must hold before go-live')}`, '$0'],
  };
}

/**
 * Everything the snippets file offers, keyed by snippet name: the whole plan, each section, and each part a
 * plan grows by (linking point, mapping row, phase, wave, risk with mitigation, go/no-go item, open question).
 */
export function snippetParts(schema: TemplateSchema = getDefaultSchema()): Record<string, SnippetPart> {
  const first = schema.sections[0]?.id ?? '';
  const last = schema.sections[schema.sections.length - 1]?.id ?? '';
  const plan = schema.titleSuffix;
  const parts: Record<string, SnippetPart> = {
    [plan]: {
      prefix: 'connector-plan',
      description: `A whole ${plan} (sections ${first}–${last}) with the blanks as tab stops.`,
      body: planSnippet(undefined, schema).split('\n'),
    },
  };
  for (const section of schema.sections) parts[`${plan}: ${section.headingText}`] = sectionPart(section);
  for (const section of schema.sections) {
    const items: [string, SnippetPart | undefined][] = [];
    for (const field of section.fields) if (field.series) items.push(seriesPart(section, field) ?? [field.key, undefined]);
    if (section.role === 'mapping') items.push(['mapping row', mappingRowPart(section)]);
    if (section.role === 'work') items.push(workPart(section) ?? ['', undefined]);
    if (section.role === 'checklist') items.push(['go/no-go item', checklistPart(section)]);
    for (const [name, part] of items) if (part) parts[`${plan}: ${name}`] = part;
  }
  return parts;
}

/** The text of `snippets/connector-plan.code-snippets`. */
export function snippetsFileText(schema: TemplateSchema = getDefaultSchema()): string {
  return `${JSON.stringify(snippetParts(schema), null, 2)}\n`;
}
