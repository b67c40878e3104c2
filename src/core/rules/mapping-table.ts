import * as l10n from '@vscode/l10n';
import { hasText, plainText } from '../markdown/inline';
import type { MappingTable, PlanModel, Section } from '../plan/model';
import { missingFixedRows } from '../plan/fixed-rows';
import { hasPlaceholder } from '../plan/placeholders';
import { insertLines } from './insert-lines';
import { sectionName, type FindingInput, type Rule } from './rule';

export const mappingTable: Rule = {
  id: 'mapping-table',
  description: 'The mapping table has malformed or empty rows, no rows, or the same source + external ID twice.',
  defaultSeverity: 'error',
  check(plan, report) {
    for (const section of plan.sections) {
      if (section.template?.role !== 'mapping') continue;
      const table = section.mapping;
      const columns = section.template.columns;
      const mapping = section.template.isMapping !== false;
      if (!table || !section.mappings.some((t) => t.rows.length)) {
        const header = `| ${columns.map((c) => c.title).join(' | ')} |`;
        // A table of rows the template names gets those rows, blank after their name.
        const named = !table ? (section.template.fixedRows ?? []).map((row) => `| ${row} |${columns.slice(1).map(() => ' |').join('')}\n`).join('') : '';
        // A header kept from its `|---|` row by a blank line: joining them is the writer's fix; a second header would make it a row.
        const apart = table ? undefined : headerApart(plan, section);
        const next = plan.lines[section.heading.line + 1];
        const edit = table || apart ? undefined : insertLines(plan, section.heading.line + 1, `\n${header}\n|${columns.map(() => '---|').join('')}\n${named}${next?.trim() ? '\n' : ''}`);
        const columnList = columns.map((c) => c.title).join(', ');
        report({
          message: apart
            ? l10n.t('Section {0} has a table markdown cannot read: put its |---| row (line {1}) right under its header row (line {2}), with no blank line between.', sectionName(section.template), apart.delimiter + 1, apart.header + 1)
            : mapping
              ? l10n.t('Section {0} has no mapping rows: add a table with the columns {1}.', sectionName(section.template), columnList)
              : l10n.t('Section {0} has no table rows: add a table with the columns {1}.', sectionName(section.template), columnList),
          range: section.heading.range,
          sectionId: section.id,
          fixes: edit && [{ title: mapping ? l10n.t('Insert the mapping table') : l10n.t('Insert the table'), isPreferred: true, edits: [edit] }],
        });
        continue;
      }
      // One mapping per source and external ID across the section's tables (one table per entity is fine).
      const seen = new Map<string, number>();
      for (const table of section.mappings) checkTable(plan, section, table, seen, report);
      const absent = missingFixedRows(section);
      if (absent.length) {
        const last = section.mappings.filter((t) => t.rows.length).pop()!;
        const blank = `|${columns.slice(1).map(() => ' |').join('')}`;
        const edit = insertLines(plan, last.rows[last.rows.length - 1].line + 1, absent.map((row) => `| ${row} ${blank}\n`).join(''));
        const header = { start: { line: last.headerLine, character: 0 }, end: { line: last.headerLine, character: plan.lines[last.headerLine].length } };
        report({
          message: absent.length === 1
            ? l10n.t('Section {0} has no row for {1}: the template asks for it; add it and fill its cells.', sectionName(section.template), absent[0])
            : l10n.t('Section {0} has no rows for {1}: the template asks for them; add them and fill their cells.', sectionName(section.template), absent.join(', ')),
          range: header,
          sectionId: section.id,
          fixes: edit && [{ title: absent.length === 1 ? l10n.t('Add the row for {0}', absent[0]) : l10n.t('Add the rows for {0}', absent.join(', ')), isPreferred: true, edits: [edit] }],
        });
      }
    }
  },
};

function checkTable(plan: PlanModel, section: Section, table: MappingTable, seen: Map<string, number>, report: (finding: FindingInput) => void): void {
  const columns = section.template!.columns;
  const mapping = section.template!.isMapping !== false;
  const sourceCol = columnIndex(section, table, (w) => w.includes('source'));
  const idCol = columnIndex(section, table, (w) => w.includes('id') && w.includes('external'));
  for (const row of table.rows) {
    const range = { start: row.cells[0]?.range.start ?? { line: row.line, character: 0 }, end: row.cells[row.cells.length - 1]?.range.end ?? { line: row.line, character: 0 } };
    if (row.cells.length !== table.columnCount) {
      report({ message: cellCountMessage(row.cells.length, table.columnCount, mapping), range, sectionId: section.id });
      continue;
    }
    const empty = table.columnMap.flatMap((c, i) => (c !== undefined && !hasText(row.cells[i].text) ? [columns[c].title] : []));
    if (empty.length) {
      const message = !mapping
        ? empty.length > 1 ? l10n.t('This row has no {0}: fill those cells.', empty.join(', ')) : l10n.t('This row has no {0}: fill that cell.', empty[0])
        : empty.length > 1 ? l10n.t('This mapping row has no {0}: fill those cells.', empty.join(', ')) : l10n.t('This mapping row has no {0}: fill that cell.', empty[0]);
      report({ message, range, sectionId: section.id });
    }
    if (sourceCol < 0 || idCol < 0) continue;
    const keyCells = [sourceCol, idCol].map((i) => row.cells[i].text);
    if (keyCells.some((text) => !hasText(text) || hasPlaceholder(text))) continue;
    const key = keyCells.map((text) => plainText(text).toLowerCase()).join('\u0000');
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, row.line);
      continue;
    }
    report({
      message: l10n.t('The same source and external ID are mapped twice (first at line {0}): merge the rows or make the IDs distinct.', first + 1),
      range,
      sectionId: section.id,
      related: [{ message: l10n.t('First mapping with this source and external ID'), range: { start: { line: first, character: 0 }, end: { line: first, character: plan.lines[first].length } } }],
    });
  }
}

/** Whole sentences for each plural: a row has 1 cell or n, a table 1 column or n. */
function cellCountMessage(cells: number, columns: number, mapping: boolean): string {
  // Never 1 and 1: the message is made only when the counts differ.
  if (!mapping) {
    if (cells === 1) return l10n.t('This row has 1 cell but the table has {0} columns: add or remove cells so each column has one.', columns);
    return columns === 1 ? l10n.t('This row has {0} cells but the table has 1 column: add or remove cells so each column has one.', cells) : l10n.t('This row has {0} cells but the table has {1} columns: add or remove cells so each column has one.', cells, columns);
  }
  if (cells === 1) return l10n.t('This mapping row has 1 cell but the table has {0} columns: add or remove cells so each column has one.', columns);
  return columns === 1 ? l10n.t('This mapping row has {0} cells but the table has 1 column: add or remove cells so each column has one.', cells) : l10n.t('This mapping row has {0} cells but the table has {1} columns: add or remove cells so each column has one.', cells, columns);
}

function columnIndex(section: Section, table: MappingTable, test: (words: string[]) => boolean): number {
  const templateIndex = section.template!.columns.findIndex((c) => test(c.words));
  return table.columnMap.indexOf(templateIndex);
}

/** `|---|---|`: a table's delimiter row (tested by its characters, so that any length costs one pass). */
const isDelimiterRow = (line: string) => /^[\s|:-]+$/.test(line) && line.indexOf('-') >= 0 && line.indexOf('|') >= 0;

/** A row of pipes, then blank lines, then a delimiter row, in the section's prose: a table markdown does not read. */
function headerApart(plan: PlanModel, section: Section): { header: number; delimiter: number } | undefined {
  const { lines, nonProse } = plan;
  for (let line = section.heading.line + 1; line < section.endLine - 2; line++) {
    if (nonProse[line] || !lines[line].trimStart().startsWith('|') || isDelimiterRow(lines[line]) || lines[line + 1].trim()) continue;
    let next = line + 1;
    while (next < section.endLine && !lines[next].trim()) next++;
    if (next < section.endLine && !nonProse[next] && isDelimiterRow(lines[next])) return { header: line, delimiter: next };
    line = next - 1;
  }
  return undefined;
}
