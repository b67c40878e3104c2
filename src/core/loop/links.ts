import { readOutline } from '../plan/outline';
import { readAnswers } from './answers';
import type { LoopFile, LoopFinding, ReviewLoop } from './read-loop';
import { baseName } from './rounds';
import { findIds } from './words';

// Where a round of a review loop points back: each id a round answers (a status table row, `closes P1-1`, a heading's
// `— FIXED`) belongs to the finding an earlier review raised, as readLoop matched them; an editor links the one to the other.

export interface AnswerLink {
  /** 0-based line of the answer, and the id's columns on it. */
  line: number;
  start: number;
  end: number;
  id: string;
  /** The finding the id answers: the latest review before this round that raised that id. */
  finding: LoopFinding;
}

/**
 * The answers of `file` (a round of `loop`, by the path the loop names it) to findings raised before it, where the id
 * is written on the answer's line or on the heading of the section the answer is in (a delta section per finding). None for a context note or a file that is no round of the loop.
 */
export function answerLinks(loop: ReviewLoop, file: LoopFile): AnswerLink[] {
  const index = loop.rounds.findIndex((r) => r.path === file.path);
  if (index < 0 || loop.rounds[index].kind === 'context') return [];
  const order = new Map(loop.rounds.map((r, i) => [r.path, i]));
  const raisedHere = new Set(loop.findings.filter((f) => f.raisedIn === file.path).map((f) => f.line - 1));
  /** The findings raised before this round by id, the latest review's winning. */
  const earlier = new Map<string, LoopFinding>();
  for (const finding of loop.findings) {
    const at = order.get(finding.raisedIn) ?? Infinity;
    const known = earlier.get(finding.id);
    if (at < index && (!known || (order.get(known.raisedIn) ?? -1) <= at)) earlier.set(finding.id, finding);
  }
  if (!earlier.size) return [];
  const outline = readOutline(file.text);
  const links: AnswerLink[] = [];
  const seen = new Set<string>();
  const idOn = (line: number, id: string) => findIds(outline.lines[line] ?? '').find((m) => m.id === id);
  for (const answer of readAnswers(outline, raisedHere)) {
    const finding = earlier.get(answer.id);
    if (!finding) continue;
    let line = answer.line;
    let match = idOn(line, answer.id);
    // A delta section names the id in its heading and gives the status on a line below (`**Outcome:** fixed.`): the
    // link goes on the heading's id, looked for back to the nearest heading.
    for (let back = answer.line - 1; !match && back >= 0 && answer.line - back <= HEADING_REACH; back--) {
      match = idOn(back, answer.id);
      if (match) line = back;
      if (HEADING.test(outline.lines[back])) break;
    }
    const key = `${line}:${answer.id}`;
    if (!match || seen.has(key)) continue;
    seen.add(key);
    links.push({ line, start: match.start, end: match.end, id: answer.id, finding });
  }
  return links;
}

const HEADING = /^ {0,3}#{1,6}(?:\s|$)/;
/** Lines an answer's status may sit below the heading that names its id. */
const HEADING_REACH = 40;

/** How a round is named in a short status: `04` for `04-claude-revision.md`, the file name for the final plan. */
export function roundLabel(path: string): string {
  const name = baseName(path);
  const digits = /^\d+/.exec(name);
  return digits ? digits[0] : name;
}
