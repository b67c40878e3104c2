import type { Finding } from '../../core';
import type { Block } from './blocks';
import type { Token, TokenEdits } from './token-edits';

export const PLACEHOLDER_OPEN = 'connector_plan_placeholder_open';
export const PLACEHOLDER_CLOSE = 'connector_plan_placeholder_close';

interface Wanted {
  text: string;
  finding: Finding;
}

/**
 * Wraps each reported placeholder's text in a span (its finding in `meta`), in the text of the blocks over its line (not in code).
 * Returns the findings wrapped; the others get a badge like any finding.
 */
export function markPlaceholders(edits: TokenEdits, blocks: readonly Block[], findings: readonly Finding[], lines: readonly string[]): Set<Finding> {
  const byLine = new Map<number, Wanted[]>();
  for (const finding of findings) {
    const { start, end } = finding.range;
    if (finding.ruleId !== 'unfilled-placeholder' || start.line !== end.line) continue;
    const text = lines[start.line]?.slice(start.character, end.character);
    if (text) byLine.set(start.line, [...(byLine.get(start.line) ?? []), { text, finding }]);
  }
  const wrapped = new Set<Finding>();
  if (!byLine.size) return wrapped;
  for (const block of blocks) {
    if (!block.hasText) continue;
    const wanted: Wanted[] = [];
    for (let line = block.lines[0]; line < block.lines[1]; line++) wanted.push(...(byLine.get(line) ?? []).filter((w) => !wrapped.has(w.finding)));
    if (!wanted.length) continue;
    const children = edits.children(block.index).flatMap((child) => (child.type === 'text' ? splitText(edits, child, wanted, wrapped) : [child]));
    edits.setChildren(block.index, children);
  }
  return wrapped;
}

/** The text token cut around the wanted placeholders it holds, each used once. */
function splitText(edits: TokenEdits, token: Token, wanted: Wanted[], wrapped: Set<Finding>): Token[] {
  const out: Token[] = [];
  const text = (content: string) => edits.make('text', '', 0, { content, level: token.level });
  let rest = token.content;
  for (;;) {
    let at = -1;
    let which: Wanted | undefined;
    for (const w of wanted) {
      const found = wrapped.has(w.finding) ? -1 : rest.indexOf(w.text);
      if (found >= 0 && (at < 0 || found < at)) [at, which] = [found, w];
    }
    if (!which) break;
    if (at > 0) out.push(text(rest.slice(0, at)));
    out.push(edits.make(PLACEHOLDER_OPEN, 'span', 1, { meta: which.finding }), text(which.text), edits.make(PLACEHOLDER_CLOSE, 'span', -1));
    rest = rest.slice(at + which.text.length);
    wrapped.add(which.finding);
  }
  if (!out.length) return [token];
  if (rest) out.push(text(rest));
  return out;
}
