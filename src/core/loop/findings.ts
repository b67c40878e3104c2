import { inspectPlan, type AnalyzeOptions } from '../analyze';
import { LOOP_RULES } from '../rules';
import type { Finding } from '../types';
import type { LoopFile, LoopReading } from './read-loop';

/**
 * What the review loop adds to the check of one of its files: `open-review-finding` on the plan of record (one per
 * finding still open, at its title), `unknown-review-finding` on a revision's answer to an id no review raised;
 * none for any other file or when `loop` is no loop. Suppression comments in the file and `options.rules` apply,
 * and messages are redacted, exactly as `analyzePlan(file.text, { ...options, loop: { reading: loop, path: file.path } })`
 * reports them (that call also counts them in the plan's verdict).
 */
export function loopFindings(loop: LoopReading, file: LoopFile, options: Omit<AnalyzeOptions, 'loop'> = {}): Finding[] {
  if (!loop.isLoop) return [];
  const { report } = inspectPlan(file.text, { ...options, path: options.path ?? file.path, loop: { reading: loop, path: file.path } });
  return report.findings.filter((finding) => LOOP_RULES.has(finding.ruleId));
}
