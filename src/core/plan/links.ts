import type { Block } from '../markdown/blocks';
import { leadText } from '../markdown/blocks';
import { hasText, matchLabel, plainText, splitTableRow } from '../markdown/inline';
import { withoutTrailingNumber } from '../markdown/scan';
import { allFields, textColumn } from './fields';
import { words } from './match';
import type { Field, LinkEntry, Section } from './model';
import { hasContent, type Outline } from './outline';

export const ARROW = /->|→|=>|⇒|⟶|➜|↔|⇔|⟷|\bmaps? to\b/;

/**
 * The links of section C. A link is an item named `Link N`, an item with an arrow, any item of a list the links
 * occupy, or a table row. A list under another label (`Matching order:`) is a strategy: only its arrows are links.
 * When none of that is there, each label of the section that owns a description stands for a link.
 */
export function readLinks(body: Block[], section: Section, outline: Outline): LinkEntry[] {
  const series = section.template!.fields.find((f) => f.series);
  const isLinkLabel = (label: string) => Boolean(series && words(withoutTrailingNumber(label)).some((w) => series.words.includes(w)));
  const fields = allFields(section.fields);
  const fieldsByLine = new Map(fields.map((f) => [f.line, f]));
  const links: LinkEntry[] = [];
  const lists: { items: Block[]; owned: boolean }[] = [];

  const visitList = (list: Block, owned: boolean) => {
    lists.push({ items: list.children, owned });
    for (const item of list.children) {
      const field = fieldsByLine.get(item.startLine);
      // A `Link 1:` item's link is the first line under it; another label's nested list is its description.
      if (field && isLinkLabel(field.label)) continue;
      for (const child of item.children) if (child.type === 'list') visitList(child, true);
    }
  };
  body.forEach((block, i) => {
    if (block.type === 'list') visitList(block, introducesOther(body[i - 1], isLinkLabel));
    else if (block.type === 'table') links.push(...tableLinks(block, outline));
  });

  const entry = (item: Block): LinkEntry | undefined => itemLink(item, outline, fieldsByLine.get(item.startLine));
  for (const { items, owned } of lists) {
    const entries = items.map((item) => ({ item, link: entry(item), field: fieldsByLine.get(item.startLine) }));
    const named = (e: (typeof entries)[number]) => Boolean(e.field && isLinkLabel(e.field.label));
    const occupied = !owned && entries.some((e) => named(e) || (e.link && ARROW.test(e.link.text)));
    for (const e of entries) {
      if (!e.link) continue;
      const leadIn = e.field && !named(e) && !hasText(e.field.value) && e.item.children.some((c) => c.type === 'list');
      if (ARROW.test(e.link.text) || (occupied && !leadIn)) links.push(e.link);
    }
  }
  for (const field of fields) {
    if (field.kind === 'item' || !isLinkLabel(field.label) || links.some((l) => l.line >= field.startLine && l.line < field.endLine)) continue;
    links.push(labelLink(field, outline));
  }
  if (!links.length) {
    for (const field of section.fields) if (field.kind !== 'item' && field.hasValue) links.push({ ...labelLink(field, outline), checkFormat: false });
  }
  if (!links.length) {
    for (const item of lists.find((l) => !l.owned)?.items ?? []) {
      const link = entry(item);
      if (link) links.push(link);
    }
  }
  return links.sort((a, b) => a.line - b.line);
}

/** A paragraph ending with a colon right before a list introduces it; unless it speaks of the links, that list is a strategy. */
function introducesOther(previous: Block | undefined, isLinkLabel: (label: string) => boolean): boolean {
  if (!previous || previous.type !== 'paragraph') return false;
  const text = (previous.inline ?? '').trimEnd();
  if (!/:(?:\*\*|__)?$/.test(text)) return false;
  const lastLine = text.split('\n').pop()!;
  const label = matchLabel(lastLine);
  return !isLinkLabel(label?.label ?? plainText(lastLine));
}

function itemLink(item: Block, outline: Outline, field: Field | undefined): LinkEntry | undefined {
  const lead = leadText(item);
  if (lead === undefined) return undefined;
  const first = lead.split('\n', 1)[0];
  const col = textColumn(outline.lines[item.startLine], first);
  let text = field ? field.value : first;
  let range = lineRange(item.startLine, field ? field.valueRange.start.character : col, col + first.length);
  // A labelled item whose own line says nothing: its link is the first line it owns (`- Link 1:` / `  - a -> b`).
  const end = Math.max(item.endLine, field?.endLine ?? 0);
  for (let next = item.startLine + 1; !hasText(text) && next < end; next++) {
    if (!hasContent(outline, next, next + 1)) continue;
    const nextLine = outline.lines[next];
    text = nextLine.trim().replace(/^(?:[-*+]|\d+[.)])\s+/, '');
    range = lineRange(next, nextLine.length - nextLine.trimStart().length, nextLine.length);
  }
  return { line: range.start.line, text, range, field, checkFormat: true };
}

/**
 * A table row is a link: its cell with an arrow, else its first and last cells (`External field | Internal entity`).
 * A column that only names the links (`Link`, `#`, `Name`, or `Link 2` in the cells) is not one of its ends.
 */
function tableLinks(table: Block, outline: Outline): LinkEntry[] {
  const links: LinkEntry[] = [];
  const rows = (table.rows ?? []).filter((r) => !r.header).map((row) => ({ row, cells: splitTableRow(outline.lines[row.line]) }));
  const header = table.rows?.[0]?.header ? splitTableRow(outline.lines[table.rows[0].line]).map((c) => plainText(c.text)) : [];
  const cellsOf = (i: number) => rows.map((r) => plainText(r.cells[i]?.text ?? ''));
  const names = (i: number) =>
    rows.length > 0 && ((/^(?:#|no\.?|name|links?|linking points?)$/i.test(header[i] ?? '') && !cellsOf(i).some((c) => ARROW.test(c))) || cellsOf(i).every((c) => /^(?:link\s*#?\d+|\d+)$/i.test(c)));
  const nameColumn = header.length > 2 || rows.some((r) => r.cells.length > 2) || names(0) ? [0, 1].find(names) : undefined;
  const ends = Math.max(header.length, ...rows.map((r) => r.cells.length)) - (nameColumn === undefined ? 0 : 1);
  // `| # | External field | Internal entity + key | Status |`: the columns that name the two ends are the ends.
  const external = header.findIndex((h) => /\b(?:external|source|provider|vendor|their)\b/i.test(h));
  const internal = header.findIndex((h, i) => i !== external && /\b(?:internal|entity|our|target)\b/i.test(h));
  for (const { row, cells } of rows) {
    const own = external >= 0 && internal >= 0 ? [cells[external], cells[internal]].filter(Boolean) : cells.filter((_, i) => i !== nameColumn);
    const filled = own.filter((c) => plainText(c.text));
    const withArrow = cells.find((c) => ARROW.test(c.text));
    // Two ends written: the columns give the shape. One end missing: the row shows what it has, without an arrow.
    const text = withArrow ? withArrow.text : filled.length >= 2 && ends >= 2 && plainText(own[0]?.text ?? '') && plainText(own[own.length - 1]?.text ?? '') ? `${filled[0].text} -> ${filled[filled.length - 1].text}` : filled.map((c) => c.text).join(' ');
    if (!plainText(text)) continue;
    links.push({ line: row.line, text, range: lineRange(row.line, 0, outline.lines[row.line].length), checkFormat: true });
  }
  return links;
}

/** A `Link 1` sub-heading or paragraph: its link is its value, else the first line it owns. */
function labelLink(field: Field, outline: Outline): LinkEntry {
  let text = field.value;
  let range = field.valueRange;
  if (!hasText(text)) {
    for (let line = field.line + 1; line < field.endLine; line++) {
      if (!hasContent(outline, line, line + 1)) continue;
      const source = outline.lines[line];
      text = source.trim().replace(/^(?:[-*+]|\d+[.)])\s+/, '');
      range = lineRange(line, source.length - source.trimStart().length, source.length);
      break;
    }
  }
  // A sub-heading that describes its link in prose is read as written; a `**Link 2:**` label must show the arrow.
  return { line: range.start.line, text, range, field, checkFormat: field.kind !== 'heading' || ARROW.test(text) };
}

function lineRange(line: number, start: number, end: number) {
  return { start: { line, character: start }, end: { line, character: end } };
}
