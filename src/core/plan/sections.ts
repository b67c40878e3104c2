import type { Block } from '../markdown/blocks';

export interface Chunk {
  heading: Block;
  /** Blocks after the heading, up to the next heading of the same or a higher level. */
  body: Block[];
  startLine: number;
  endLine: number;
}

/** Splits blocks at headings of `level` or higher (smaller number); blocks before the first such heading are the preamble. */
export function splitAtHeadings(blocks: Block[], level: number, endLine: number): { preamble: Block[]; chunks: Chunk[] } {
  const preamble: Block[] = [];
  const chunks: Chunk[] = [];
  let current: Chunk | undefined;
  for (const block of blocks) {
    if (block.type === 'heading' && (block.level ?? 9) <= level) {
      if (current) current.endLine = block.startLine;
      current = { heading: block, body: [], startLine: block.startLine, endLine };
      chunks.push(current);
    } else if (current) {
      current.body.push(block);
    } else {
      preamble.push(block);
    }
  }
  return { preamble, chunks };
}

/** Visits every list item below the given blocks, nested ones included. */
export function forEachItem(blocks: Block[], visit: (item: Block) => void): void {
  for (const block of blocks) {
    if (block.type === 'item') visit(block);
    if (block.children.length) forEachItem(block.children, visit);
  }
}
