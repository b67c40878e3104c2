import { plainText } from '../markdown/inline';
import { MATCH_THRESHOLD, similarity, words } from './match';
import type { Section } from './model';

/**
 * The rows a team template names in its table's first column (`Performance`, `Accessibility`) that none of the
 * section's tables has: a row counts when its first cell names the same thing (`Test coverage` = `Coverage of tests`).
 */
export function missingFixedRows(section: Section): string[] {
  const wanted = section.template?.fixedRows;
  if (!wanted?.length) return [];
  const firstCells = section.mappings.flatMap((table) => table.rows.map((row) => plainText(row.cells[0]?.text ?? '')));
  const named = (row: string) => {
    const target = words(row);
    return firstCells.some((cell) => cell.trim().toLowerCase() === row.trim().toLowerCase() || similarity(words(cell), target) >= MATCH_THRESHOLD);
  };
  return wanted.filter((row) => !named(row));
}
