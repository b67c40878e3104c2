import type { Range } from '../../core';

/** 1-based lines and columns (columns count UTF-16 code units), as terminals, JSON and SARIF readers expect. */
export interface OneBasedRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function oneBased(range: Range): OneBasedRange {
  return {
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}
