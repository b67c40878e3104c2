import * as l10n from '@vscode/l10n';
import { openReviewFinding, unknownReviewFinding } from '../rules/open-review-finding';
import type { Finding, Range, RuleConfig, SeveritySetting } from '../types';
import type { LoopFinding, LoopReading } from './read-loop';
import { findIds, type Severity } from './words';

// The review loop's gate as findings on its files: `open-review-finding` on the plan of record, one per finding
// still open, and `unknown-review-finding` on a revision's answer to an id no review raised. The analysis of a file
// adds them (AnalyzeOptions.loop), so suppression comments, the verdict and every output treat them as any other.

/** A file of a review loop: the folder's reading and the file's path as that reading names it. */
export interface LoopPlace {
  reading: LoopReading;
  path: string;
}

const OPEN = new Set<LoopFinding['status']>(['open', 'partial', 'unclear']);

/** A review finding still open: P1 and P2 at the rule's setting (error by default), P3 one step milder. */
export function openFindingSeverity(severity: Severity, rules?: RuleConfig): SeveritySetting {
  const setting = rules?.[openReviewFinding.id] ?? openReviewFinding.defaultSeverity;
  if (severity !== 'P3' || setting === 'off') return setting;
  return setting === 'error' ? 'warning' : 'info';
}

/** The loop's findings on one of its files, before suppressions; `title` is the file's title (file-level findings sit there). */
export function loopGateFindings(place: LoopPlace, lines: readonly string[], title: Range | undefined, rules?: RuleConfig): Finding[] {
  const { reading, path } = place;
  if (!reading.isLoop) return [];
  const found: Finding[] = [];
  if (reading.final?.path === path) {
    const anchor = title ?? lineRange(lines, 0);
    for (const finding of reading.findings) {
      if (!OPEN.has(finding.status)) continue;
      const severity = openFindingSeverity(finding.severity, rules);
      if (severity !== 'off') found.push({ ruleId: openReviewFinding.id, severity, message: openMessage(finding), range: anchor });
    }
  }
  const unknown = rules?.[unknownReviewFinding.id] ?? unknownReviewFinding.defaultSeverity;
  if (unknown !== 'off') {
    for (const answer of reading.unknownAnswers) {
      if (answer.path !== path) continue;
      found.push({
        ruleId: unknownReviewFinding.id,
        severity: unknown,
        message: l10n.t('{0} is answered here, but no review before this round raised a finding {0}: check the id against the review, or say which finding this answers.', answer.id),
        range: idRange(lines, answer.line - 1, answer.id),
      });
    }
  }
  return found;
}

function openMessage(f: LoopFinding): string {
  const raised = `${f.raisedIn}:${f.line}`;
  const said = f.resolvedIn ? `${f.resolvedIn}:${f.resolvedLine}` : '';
  if (f.status === 'partial') return l10n.t({ message: 'Review finding {0} ({1}) is only partly fixed ({2}): "{3}", raised at {4}. Finish it and say so in a revision, or record it as deferred or accepted.', args: [f.id, f.severity, said, f.title, raised], comment: ['{0} is a finding id (P1-2), {1} its severity (P1, P2, P3), {2} and {4} are file:line, {3} the finding\'s title.'] });
  if (f.status === 'unclear') return l10n.t({ message: 'Review finding {0} ({1}) has no clear status ({2} names it, but not as fixed, partial, deferred or accepted): "{3}", raised at {4}.', args: [f.id, f.severity, said, f.title, raised], comment: ['{0} is a finding id (P1-2), {1} its severity (P1, P2, P3), {2} and {4} are file:line, {3} the finding\'s title. Keep the status words in English.'] });
  if (said) return l10n.t({ message: 'Review finding {0} ({1}) is open again ({2}): "{3}", raised at {4}. Fix it and say so in a revision, or record it as deferred or accepted.', args: [f.id, f.severity, said, f.title, raised], comment: ['{0} is a finding id (P1-2), {1} its severity (P1, P2, P3), {2} and {4} are file:line, {3} the finding\'s title.'] });
  return l10n.t({ message: 'Review finding {0} ({1}) is still open: "{2}", raised at {3}. Fix it and say so in a revision, or record it as deferred or accepted.', args: [f.id, f.severity, f.title, raised], comment: ['{0} is a finding id (P1-2), {1} its severity (P1, P2, P3), {3} is file:line, {2} the finding\'s title.'] });
}

/** The id as written on the line (`P2.4`, `Finding 4`), else the line's text. */
function idRange(lines: readonly string[], line: number, id: string): Range {
  const text = lines[line] ?? '';
  const match = findIds(text).find((m) => m.id === id);
  return match ? { start: { line, character: match.start }, end: { line, character: match.end } } : lineRange(lines, line);
}

function lineRange(lines: readonly string[], line: number): Range {
  const text = lines[line] ?? '';
  const start = text.length - text.trimStart().length;
  return { start: { line, character: start }, end: { line, character: text.length } };
}
