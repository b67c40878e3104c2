import { leadText, type Block, type TableRow } from '../markdown/blocks';
import type { Outline } from '../plan/outline';
import { findIds, severityToken, skipSeparators, wholeId, withoutEmphasis, type IdMatch, type Severity } from './words';

// The findings a review raises: headings (`### Finding 3 [P2] — title`, `### P1.2 — title`), list items (a bold id, or
// a bold title under a `### P1` heading), table rows with a severity and a finding cell. Ids a review does not write
// are numbered within their severity in the order the findings appear.

export interface RaisedFinding {
  id: string;
  severity: Severity;
  title: string;
  /** 0-based line of the heading, list item or table row. */
  line: number;
}

const TITLE_HEADERS = new Set(['finding', 'findings', 'title', 'issue', 'problem', 'summary', 'description', 'what']);
const SEVERITY_HEADERS = new Set(['severity', 'sev', 'priority', 'prio', 'level']);
const ID_HEADERS = new Set(['id', '#', 'ref', 'key']);

export function raisedFindings(outline: Outline): RaisedFinding[] {
  const found: RaisedFinding[] = [];
  const counts: Record<Severity, number> = { P1: 0, P2: 0, P3: 0 };
  const add = (id: IdMatch | undefined, severity: Severity, title: string, line: number) => {
    counts[severity]++;
    found.push({ id: id?.id ?? `${severity}-${counts[severity]}`, severity, title: withoutEmphasis(title).trim(), line });
  };
  // A `### P1` heading: the list items under it are P1 findings numbered by position.
  let section: { severity: Severity; level: number } | undefined;

  for (const block of outline.blocks) {
    if (block.type === 'heading') {
      const level = block.level ?? 1;
      if (section && level <= section.level) section = undefined;
      const text = withoutEmphasis(block.inline ?? '').trim();
      const alone = severityHeading(text);
      if (alone) {
        section = { severity: alone, level };
        continue;
      }
      const lead = leadingFinding(text);
      const severity = lead?.severity ?? (lead?.id ? section?.severity : undefined);
      if (lead && severity && (lead.id || lead.severity)) add(lead.id, severity, lead.title, block.startLine);
    } else if (block.type === 'list') {
      for (const item of block.children) {
        const raised = itemFinding(item, outline.lines[item.startLine] ?? '', section?.severity);
        if (raised) add(raised.id, raised.severity, raised.title, item.startLine);
      }
    } else if (block.type === 'table' && block.rows) {
      for (const row of findingRows(block.rows)) add(row.id, row.severity, row.title, row.line);
    }
  }
  return found;
}

/** `P1`, `P2 — must fix`: a heading that names a severity and no finding. */
function severityHeading(text: string): Severity | undefined {
  const m = /^[[(]?P([1-3])\b/.exec(text);
  if (!m || /^[.-]\d/.test(text.slice(m[0].length))) return undefined;
  return `P${m[1]}` as Severity;
}

/** An id (with an optional `[P2]` after it) or a `[P2]` alone at the start of a text, and the title after them. */
function leadingFinding(text: string): { id?: IdMatch; severity?: Severity; title: string } | undefined {
  let rest = text.trim();
  let severity: Severity | undefined;
  const leading = /^[[(]P([1-3])[\])]/.exec(rest);
  if (leading) {
    severity = `P${leading[1]}` as Severity;
    rest = rest.slice(leading[0].length).trim();
  }
  const [first] = findIds(rest);
  const id = first && first.start === 0 ? first : undefined;
  if (id) {
    rest = rest.slice(id.end).trim();
    const bracket = /^[[(]P([1-3])[\])]/.exec(rest);
    if (bracket) rest = rest.slice(bracket[0].length);
    severity = id.severity ?? (bracket ? (`P${bracket[1]}` as Severity) : severity);
  }
  if (!id && !severity) return undefined;
  return { id, severity, title: skipSeparators(rest).trim() };
}

/** A list item that raises a finding: `**P1-1** title`, `P1-1 — title`, `[P2] title`, or any item under a severity heading. */
function itemFinding(item: Block, firstLine: string, sectionSeverity: Severity | undefined): { id?: IdMatch; severity: Severity; title: string } | undefined {
  const lead = leadText(item)?.split('\n')[0] ?? firstLine.replace(/^\s*(?:[-*+]|\d+[.)])\s/, '');
  const bold = /^\*\*([^*]+)\*\*/.exec(lead.trim());
  if (bold) {
    const after = lead.trim().slice(bold[0].length);
    const id = wholeId(bold[1]);
    const boldSeverity = severityToken(bold[1]);
    if (id || boldSeverity) {
      const rest = leadingFinding(`${bold[1]} ${after}`);
      const severity = rest?.severity ?? sectionSeverity;
      return severity && rest ? { id: rest.id, severity, title: rest.title } : undefined;
    }
    return sectionSeverity ? { severity: sectionSeverity, title: bold[1] } : undefined;
  }
  const plain = leadingFinding(withoutEmphasis(lead));
  if (plain) {
    const severity = plain.severity ?? sectionSeverity;
    return severity ? { id: plain.id, severity, title: plain.title } : undefined;
  }
  return sectionSeverity && lead.trim() ? { severity: sectionSeverity, title: lead.trim() } : undefined;
}

/** The rows of a findings table: a severity column and a finding (title) column, and no count column. */
function findingRows(rows: TableRow[]): { id?: IdMatch; severity: Severity; title: string; line: number }[] {
  const [header, ...body] = rows;
  if (!header?.header || !body.length) return [];
  const names = header.cells.map((cell) => withoutEmphasis(cell).trim().toLowerCase());
  if (names.some((name) => name.indexOf('count') >= 0)) return [];
  let severityColumn = names.findIndex((name) => SEVERITY_HEADERS.has(name));
  if (severityColumn < 0) severityColumn = names.findIndex((_, column) => body.every((row) => severityToken(row.cells[column] ?? '')));
  const titleColumn = names.findIndex((name, column) => TITLE_HEADERS.has(name) && column !== severityColumn);
  if (severityColumn < 0 || titleColumn < 0) return [];
  // A column of ids under "Finding" is a status table's, not a list of new findings.
  if (body.every((row) => wholeId(row.cells[titleColumn] ?? ''))) return [];
  let idColumn = names.findIndex((name, column) => ID_HEADERS.has(name) && column !== titleColumn);
  if (idColumn < 0) idColumn = names.findIndex((_, column) => column !== titleColumn && body.every((row) => wholeId(row.cells[column] ?? '')));
  const found: { id?: IdMatch; severity: Severity; title: string; line: number }[] = [];
  for (const row of body) {
    const severity = severityToken(row.cells[severityColumn] ?? '');
    const title = (row.cells[titleColumn] ?? '').trim();
    if (!severity || !title) continue;
    found.push({ id: idColumn >= 0 ? wholeId(row.cells[idColumn] ?? '') : undefined, severity, title, line: row.line });
  }
  return found;
}
