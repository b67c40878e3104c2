import * as l10n from '@vscode/l10n';
import type { PlanReport } from './analyze';
import { reasonsOtherThan, statusWord } from './assist';
import { fixAll, type FixAllResult } from './edits';
import { planOverview, type SectionOverview } from './overview';
import type { PlanModel } from './plan/model';
import type { Finding } from './types';

/** What one line above a section heading says: the section's progress, or the go/no-go verdict above the checklist. */
export interface SectionSummary {
  sectionId: string;
  /** The heading's line, 0-based. */
  line: number;
  /** `3/5 filled · 1 gap`, `complete`; above the go/no-go checklist `7/9 · NO-GO`. */
  text: string;
  /** The longer words behind it, for a tooltip: what is still to write, which gaps, why NO-GO. */
  detail: string;
  /** The mechanical fixes `sectionFixes` applies in this section; absent when there are none. */
  fixes?: { count: number; titles: string[] };
}

const gapCount = (n: number) => (n === 1 ? l10n.t('1 gap') : l10n.t('{0} gaps', n));

/**
 * One summary per template section written in the plan (a missing one has no heading to stand above), from the
 * plan's progress and overview, so it says what the Plans view and the heading's hover say.
 */
export function sectionSummaries(plan: PlanModel, report: PlanReport): SectionSummary[] {
  if (!report.progress) return [];
  const written = planOverview(plan, report).sections.filter((s) => s.heading);
  const perLine = new Map<number, number>();
  for (const s of written) perLine.set(s.heading!.line, (perLine.get(s.heading!.line) ?? 0) + 1);
  return written.map((section) => {
    const line = section.heading!.line;
    const isChecklist = plan.schema.sections.find((t) => t.id === section.id)?.role === 'checklist';
    const summary = isChecklist ? checklistSummary(section, report) : progressSummary(section);
    // A heading written for two sections carries both: each says which one it is.
    const text = (perLine.get(line) ?? 0) > 1 ? `${section.id}) ${summary.text}` : summary.text;
    const fix = sectionFixes(report, section.id);
    const fixes = fix.edits.length ? { count: fix.edits.length, titles: fixTitles(section.findings, fix) } : undefined;
    return { sectionId: section.id, line, text, detail: summary.detail, ...(fixes && { fixes }) };
  });
}

/** Every mechanical fix of one section's findings, as Fix All would apply them to the whole plan. */
export function sectionFixes(report: PlanReport, sectionId: string): FixAllResult {
  return fixAll(report.findings.filter((f) => f.sectionId === sectionId));
}

function progressSummary(section: SectionOverview): { text: string; detail: string } {
  const name = `${section.id}) ${section.title}`;
  if (section.status === 'complete') return { text: statusWord('complete'), detail: l10n.t('{0}: complete, every field written and no gaps.', name) };
  const gaps = section.findings.length;
  const filled = l10n.t({ message: '{0}/{1} filled', args: [section.filled, section.total], comment: ['How many of the slots of a section are written: "3/5 filled".'] });
  const text = gaps ? `${filled} · ${gapCount(gaps)}` : filled;
  const still = section.missing.length ? [l10n.t('Still to write: {0}.', section.missing.join('; '))] : [];
  return { text, detail: [`${name}: ${filled} · ${statusWord(section.status)}.`, ...still, ...gapLine(section.findings)].join('\n') };
}

/** Above the checklist: checked/total and the verdict. An unchecked item's own finding restates the count, so it is no gap here. */
function checklistSummary(section: SectionOverview, report: PlanReport): { text: string; detail: string } {
  const { checked, total, verdict } = report.progress!.goNoGo;
  const itemLines = new Set(section.items.map((item) => item.line));
  const gaps = section.findings.filter((f) => !itemLines.has(f.range.start.line));
  const text = `${total ? `${checked}/${total}` : l10n.t('no go/no-go items')} · ${verdict}${gaps.length ? ` · ${gapCount(gaps.length)}` : ''}`;
  const why = reasonsOtherThan(report.progress!.goNoGo, 'unchecked');
  const open = total - checked;
  const head =
    verdict === 'GO'
      ? l10n.t('GO: every go/no-go item is checked and no error remains.')
      : why.length ? l10n.t('NO-GO: {0}.', why.join('; ')) : open === 1 ? l10n.t('NO-GO: 1 item still to check.') : l10n.t('NO-GO: {0} items still to check.', open);
  return { text, detail: [head, ...gapLine(gaps)].join('\n') };
}

function gapLine(findings: Finding[]): string[] {
  if (!findings.length) return [];
  const rules = [...new Set(findings.map((f) => f.ruleId))];
  return [findings.length === 1 ? l10n.t('1 gap ({0}): hover the heading or see the Problems panel.', rules.join(', ')) : l10n.t('{0} gaps ({1}): hover the heading or see the Problems panel.', findings.length, rules.join(', '))];
}

/** The titles of the findings' preferred fixes that made it into `fix` (overlapping ones are left out, as Fix All does). */
function fixTitles(findings: Finding[], fix: FixAllResult): string[] {
  const applied = new Set(fix.edits);
  return findings.flatMap((f) => f.fixes?.filter((x) => x.isPreferred && x.edits.every((e) => applied.has(e))).map((x) => x.title) ?? []);
}
