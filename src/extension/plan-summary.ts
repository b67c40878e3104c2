import * as vscode from 'vscode';
import { documentName, reasonsOtherThan, roundLabel, type FindingSeverity, type LoopFinding, type LoopStage, type PlanStatus, type ReviewLoop, type SectionStatus, type Verdict } from '../core';
import type { PlanAnalysis } from './plan-analysis';

/** A plan's progress as a row shows it (from its analysis, or as the last session kept it). */
export interface ShownProgress {
  percent: number;
  goNoGo: { verdict: Verdict; checked: number; total: number };
}

/** `72% · NO-GO 3/5` (`72% · no go/no-go checklist` without one): what the tree and the status bar say about a plan. */
export function summaryText(progress: ShownProgress): string {
  const { verdict, checked, total } = progress.goNoGo;
  return total ? vscode.l10n.t('{0}% · {1} {2}/{3}', progress.percent, verdict, checked, total) : vscode.l10n.t('{0}% · no go/no-go checklist', progress.percent);
}

/** `3 of 5 go/no-go items checked`, or that there is no checklist: the status bar's and the tooltip's words. */
export function checkedItemsText({ checked, total }: { checked: number; total: number }): string {
  if (!total) return vscode.l10n.t('no go/no-go checklist');
  return total === 1 ? vscode.l10n.t('{0} of 1 go/no-go item checked', checked) : vscode.l10n.t('{0} of {1} go/no-go items checked', checked, total);
}

/** What people call the plan: the same name the CLI's `status` shows (the core decides it). */
export function planName(analysis: PlanAnalysis): string {
  return analysis.report.name ?? documentName(analysis.report.connectorName, analysis.uri.path) ?? analysis.uri.path;
}

/** One line for the clipboard: `Globex: 85% filled · NO-GO 2/3 (docs/globex-plan.md)`. */
export function statusLine(analysis: PlanAnalysis): string {
  const progress = analysis.report.progress;
  const where = vscode.workspace.asRelativePath(analysis.uri);
  if (!progress) return vscode.l10n.t('{0}: not checked as a plan ({1})', planName(analysis), where);
  const { verdict, checked, total } = progress.goNoGo;
  const goNoGo = total ? vscode.l10n.t('{0} {1}/{2}', verdict, checked, total) : vscode.l10n.t('{0}, no go/no-go checklist', verdict);
  const why = reasonsOtherThan(progress.goNoGo, 'no-checklist', 'unchecked');
  return why.length
    ? vscode.l10n.t('{0}: {1}% filled · {2} ({3}) · {4}', planName(analysis), progress.percent, goNoGo, why.join('; '), where)
    : vscode.l10n.t('{0}: {1}% filled · {2} · {3}', planName(analysis), progress.percent, goNoGo, where);
}

/** Markdown-escapes text for a tooltip; unlike `appendText`, keeps plain spaces so long lines still wrap. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-!~|<>]/g, '\\$&').replace(/\r?\n/g, ' ');
}

export const SECTION_ICONS: Record<SectionStatus, string> = {
  complete: 'pass',
  partial: 'pie-chart',
  empty: 'circle-large-outline',
  missing: 'error',
};

/** Name, file, verdict with its reasons, and one line per section. */
export function planTooltip(analysis: PlanAnalysis): vscode.MarkdownString {
  const progress = analysis.report.progress;
  const tooltip = planTooltipHead(planName(analysis), vscode.workspace.asRelativePath(analysis.uri), progress && { ...progress, reasons: reasonsOtherThan(progress.goNoGo, 'no-checklist', 'unchecked') });
  if (!progress) return tooltip;
  tooltip.appendMarkdown(`\n\n| | ${vscode.l10n.t('Section')} | ${vscode.l10n.t('Filled')} |\n|---|---|---:|\n`);
  for (const section of progress.sections) {
    tooltip.appendMarkdown(`| $(${SECTION_ICONS[section.status]}) | ${escapeMarkdown(`${section.id}) ${section.title}`)} | ${section.filled}/${section.total} |\n`);
  }
  return tooltip;
}

/**
 * A plan tooltip's name, file and verdict; `reasons` are what the checked count does not say
 * (`reasonsOtherThan(goNoGo, 'no-checklist', 'unchecked')`).
 */
export function planTooltipHead(name: string, path: string, progress?: ShownProgress & { reasons: string[] }): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString('', true);
  tooltip.appendMarkdown(`**${escapeMarkdown(name)}** · ${escapeMarkdown(path)}`);
  if (!progress) return tooltip;
  const { goNoGo } = progress;
  tooltip.appendMarkdown(`\n\n${vscode.l10n.t('{0}% filled · **{1}**, {2}', progress.percent, goNoGo.verdict, checkedItemsText(goNoGo))}`);
  // The checked count is said just before: the reasons add only what it does not say.
  if (progress.reasons.length) tooltip.appendMarkdown(` (${escapeMarkdown(progress.reasons.join('; '))})`);
  return tooltip;
}

/**
 * A review loop's row: `final · 62% · NO-GO 3/5 · 2 open P1/P2`, the stage, then what `status` shows for it: the plan
 * of record's progress, the loop's verdict, the open P1/P2 findings (its Review column). Stages stay in English, as there.
 */
export function loopSummaryText(row: PlanStatus): string {
  const { verdict, checked, total } = row.goNoGo;
  const stage = row.loop?.stage ?? '';
  const open = (row.loop?.open.P1 ?? 0) + (row.loop?.open.P2 ?? 0);
  return total
    ? vscode.l10n.t({ message: '{0} · {1}% · {2} {3}/{4} · {5} open P1/P2', args: [stage, row.percent, verdict, checked, total, open], comment: ['A review loop in the Plans view: its stage (proposal, in review, revised, final: kept in English), its plan of record\'s progress, verdict and go/no-go items, then how many P1 and P2 findings are still open.'] })
    : vscode.l10n.t({ message: '{0} · {1}% · {2} · {3} open P1/P2', args: [stage, row.percent, verdict, open], comment: ['A review loop in the Plans view: its stage (proposal, in review, revised, final: kept in English), its plan of record\'s progress and verdict, then how many P1 and P2 findings are still open.'] });
}

/** What a loop's tooltip says of the loop beside its row (from its reading, or as the last session kept it). */
export interface LoopFacts {
  folder?: string;
  stage: LoopStage;
  rounds: number;
  /** It has a final plan. */
  final: boolean;
  open: Record<FindingSeverity, number>;
}

export function loopFacts(loop: ReviewLoop): LoopFacts {
  return { folder: loop.folder, stage: loop.stage, rounds: loop.rounds.length, final: Boolean(loop.final), open: loop.open };
}

/** Name and folder, stage and rounds, the plan of record with its verdict, the open findings per severity. */
export function loopTooltip(loop: LoopFacts, row: PlanStatus, recordPath: string | undefined): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString('', true);
  tooltip.appendMarkdown(`**${escapeMarkdown(row.name)}** · ${escapeMarkdown(loop.folder ?? '.')}`);
  tooltip.appendMarkdown(`\n\n${escapeMarkdown(vscode.l10n.t({ message: 'Review loop · stage {0} · {1} rounds', args: [loop.stage, loop.rounds], comment: ['{0} is the stage (proposal, in review, revised, final), kept in English.'] }))}`);
  tooltip.appendMarkdown(`\n\n${escapeMarkdown(recordPath
    ? loop.final
      ? vscode.l10n.t('Plan of record: {0} · {1}% filled · {2}', recordPath, row.percent, row.goNoGo.verdict)
      : vscode.l10n.t('Latest draft: {0} · {1}% filled · NO-GO until there is a final plan', recordPath, row.percent)
    : vscode.l10n.t('No plan among the rounds yet · NO-GO'))}`);
  const { P1, P2, P3 } = loop.open;
  tooltip.appendMarkdown(`\n\n${escapeMarkdown(P1 + P2 + P3 ? vscode.l10n.t('Open review findings: {0} P1, {1} P2, {2} P3', P1, P2, P3) : vscode.l10n.t('No open review finding.'))}`);
  return tooltip;
}

/**
 * A raised finding's status in a few words: `P1 · fixed in 04 (line 23)`, `P2 · open`, `P2 · open again in 05 (line 9)`.
 * Status words stay in English, as in `check` and the JSON.
 */
export function reviewFindingText(finding: LoopFinding): string {
  if (!finding.resolvedIn) return vscode.l10n.t({ message: '{0} · {1}', args: [finding.severity, finding.status], comment: ['{0} is a review finding\'s severity (P1, P2, P3), {1} its status (open, fixed, partial, deferred, accepted, unclear), kept in English.'] });
  const round = roundLabel(finding.resolvedIn);
  if (finding.status === 'open') return vscode.l10n.t({ message: '{0} · open again in {1} (line {2})', args: [finding.severity, round, finding.resolvedLine ?? 0], comment: ['{0} is a review finding\'s severity (P1, P2, P3), {1} the round (04) that re-opened it.'] });
  return vscode.l10n.t({ message: '{0} · {1} in {2} (line {3})', args: [finding.severity, finding.status, round, finding.resolvedLine ?? 0], comment: ['{0} is a review finding\'s severity (P1, P2, P3), {1} its status (fixed, partial, deferred, accepted, unclear), kept in English, {2} the round (04) that says so.'] });
}
