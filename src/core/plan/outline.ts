import { parseBlocks, type Block } from '../markdown/blocks';
import { dropComments } from '../markdown/inline';
import type { Directive } from './model';

/** The document split into lines and blocks, with what is prose and what has content marked per line. */
export interface Outline {
  lines: string[];
  blocks: Block[];
  /** 1 for lines inside code, HTML blocks or front matter. */
  nonProse: Uint8Array;
  /** 1 for lines that carry something a person wrote (not blank, not a bare list marker, not a comment or rule). */
  content: Uint8Array;
  directives: Directive[];
}

/** A directive's opening; its rules run to the first `>`, which must close `-->`. */
const DIRECTIVE = /<!--\s*connector-plan-(disable-next-line|disable-line|disable|enable)\b/g;
const BARE_LINE = /^\s*(?:>\s*)*(?:(?:[-*+]|\d+[.)])(?:\s+\[[ xX]\])?\s*)?$/;

export function readOutline(text: string): Outline {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = source.split(/\r\n|\r|\n/);
  const nonProse = new Uint8Array(lines.length);
  const content = new Uint8Array(lines.length);

  let parseText = source;
  const frontMatterEnd = findFrontMatterEnd(lines);
  if (frontMatterEnd > 0) {
    nonProse.fill(1, 0, frontMatterEnd);
    parseText = '\n'.repeat(frontMatterEnd) + lines.slice(frontMatterEnd).join('\n');
  }

  const blocks = parseBlocks(parseText);
  const comments = new Uint8Array(lines.length);
  const rules = new Uint8Array(lines.length);
  markBlocks(blocks, nonProse, comments, rules);

  for (let i = frontMatterEnd; i < lines.length; i++) {
    if (comments[i] || rules[i]) continue;
    const line = lines[i];
    if (nonProse[i]) {
      content[i] = line.trim() ? 1 : 0;
      continue;
    }
    if (BARE_LINE.test(line)) continue;
    if (line.indexOf('<!--') >= 0 && !dropComments(line).replace(/^[\s>*+\-\d.)]*/, '').trim()) continue;
    content[i] = 1;
  }

  const directives: Directive[] = [];
  for (let i = frontMatterEnd; i < lines.length; i++) {
    const line = lines[i];
    if (line.indexOf('connector-plan-') < 0 || (nonProse[i] && !comments[i])) continue;
    directives.push(...readDirectives(line, i));
  }
  return { lines, blocks, nonProse, content, directives };
}

/** `line.matchAll(/<!--\s*connector-plan-(kind)\b([^>]*?)-->/g)`, without rescanning to the end from each opening. */
function readDirectives(line: string, lineNumber: number): Directive[] {
  const found: Directive[] = [];
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(line); m; m = DIRECTIVE.exec(line)) {
    const from = DIRECTIVE.lastIndex;
    const close = line.indexOf('>', from);
    // Every opening before this `>` ends at it too; with no `>` left, none after it closes either.
    if (close < 0) break;
    if (close - 2 >= from && line.startsWith('--', close - 2)) {
      found.push({ line: lineNumber, kind: m[1] as Directive['kind'], rules: line.slice(from, close - 2).trim().split(/[\s,]+/).filter(Boolean) });
    }
    DIRECTIVE.lastIndex = close + 1;
  }
  return found;
}

function findFrontMatterEnd(lines: string[]): number {
  if (lines[0]?.trim() !== '---') return 0;
  for (let i = 1; i < Math.min(lines.length, 200); i++) {
    const t = lines[i].trim();
    if (t === '---' || t === '...') return i + 1;
  }
  return 0;
}

function markBlocks(blocks: Block[], nonProse: Uint8Array, comments: Uint8Array, rules: Uint8Array): void {
  for (const block of blocks) {
    if (block.type === 'code' || block.type === 'html') {
      nonProse.fill(1, block.startLine, block.endLine);
      if (block.type === 'html' && block.content!.trimStart().startsWith('<!--')) comments.fill(1, block.startLine, block.endLine);
    } else if (block.type === 'hr') {
      rules.fill(1, block.startLine, block.endLine);
    }
    if (block.children.length) markBlocks(block.children, nonProse, comments, rules);
  }
}

/** Lines [from, to) hold anything a person wrote. */
export function hasContent(outline: Outline, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (outline.content[i]) return true;
  return false;
}

/** The line after the last non-blank line in [from, to). */
export function endOfText(lines: string[], from: number, to: number): number {
  let end = to;
  while (end > from + 1 && !lines[end - 1]?.trim()) end--;
  return end;
}
