import type { Token } from './token-edits';

/** A rendered block of the token stream and the source lines [start, end) it comes from. */
export interface Block {
  /** The inline token with the block's text, or the leaf token (code, html, rule) that has none. */
  index: number;
  /** The token whose element carries the block's marks: list item, table row, heading or paragraph; the leaf itself. */
  element: number;
  lines: [number, number];
  hasText: boolean;
}

/** Every block with text or code in the stream, by source lines. */
export function blocksOf(tokens: readonly Token[]): Block[] {
  const blocks: Block[] = [];
  tokens.forEach((token, index) => {
    if (token.type === 'inline') {
      const element = elementOf(tokens, index);
      const lines = token.map ?? tokens[element].map;
      if (lines) blocks.push({ index, element, lines: [lines[0], lines[1]], hasText: true });
    } else if (token.block && token.nesting === 0 && token.map) {
      blocks.push({ index, element: index, lines: [token.map[0], token.map[1]], hasText: false });
    }
  });
  return blocks;
}

/** The tightest block over a line (a nested list item over its parent); the last one among equals (a row's last cell). */
export function blockAt(blocks: readonly Block[], line: number): Block | undefined {
  let best: Block | undefined;
  for (const block of blocks) {
    if (line < block.lines[0] || line >= block.lines[1]) continue;
    if (!best || block.lines[1] - block.lines[0] <= best.lines[1] - best.lines[0]) best = block;
  }
  return best;
}

/** A table cell's row; a tight list item's hidden paragraph's item; else the inline's own opening token. */
function elementOf(tokens: readonly Token[], inline: number): number {
  const opener = tokens[inline - 1];
  if (!opener) return inline;
  const back = (found: (t: Token) => boolean) => {
    for (let i = inline - 2; i >= 0; i--) if (found(tokens[i])) return i;
    return inline - 1;
  };
  if (opener.type === 'td_open' || opener.type === 'th_open') return back((t) => t.type === 'tr_open');
  if (opener.type === 'paragraph_open' && opener.hidden) return back((t) => t.type === 'list_item_open' && t.level === opener.level - 1);
  return inline - 1;
}
