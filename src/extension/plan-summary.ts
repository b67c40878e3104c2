import * as vscode from 'vscode';
import { UNCHECKED_REASON, type PlanProgress, type SectionStatus } from '../core';
import type { PlanAnalysis } from './plan-analysis';

/** `72% · NO-GO 3/5` (`72% · no go/no-go checklist` without one): what the tree and the status bar say about a plan. */
export function summaryText(progress: PlanProgress): string {
  const { verdict, checked, total } = progress.goNoGo;
  return total ? `${progress.percent}% · ${verdict} ${checked}/${total}` : `${progress.percent}% · ${NO_CHECKLIST}`;
}

export const NO_CHECKLIST = 'no go/no-go checklist';

/** File names that say nothing of the connector: the folder's name is read instead. */
const GENERIC_NAME = /^(?:plan|readme|index|rollout[-_ ]?plan|connector[-_ ]?(?:rollout[-_ ]?)?plan)\.md$/i;
const PLAN_SUFFIX = /[-_ .]*(?:connector[-_ ]?)?(?:rollout[-_ ]?)?plan\.md$|\.md$/i;

/** The connector name from the title; else the file name without `-rollout-plan.md`, or the folder's name for `plan.md`, `README.md`… */
export function planName(analysis: PlanAnalysis): string {
  if (analysis.report.connectorName) return analysis.report.connectorName;
  const parts = analysis.uri.path.split('/').filter(Boolean);
  const file = parts[parts.length - 1] ?? analysis.uri.path;
  if (GENERIC_NAME.test(file) && parts.length > 1) return parts[parts.length - 2];
  return file.replace(PLAN_SUFFIX, '') || file;
}

/** One line for the clipboard: `Globex: 85% filled · NO-GO 2/3 (docs/globex-plan.md)`. */
export function statusLine(analysis: PlanAnalysis): string {
  const progress = analysis.report.progress;
  const where = vscode.workspace.asRelativePath(analysis.uri);
  if (!progress) return `${planName(analysis)}: not checked as a plan (${where})`;
  const { verdict, checked, total, reasons } = progress.goNoGo;
  const goNoGo = total ? `${verdict} ${checked}/${total}` : `${verdict}, ${NO_CHECKLIST}`;
  const why = reasons.filter((r) => r !== NO_CHECKLIST && !UNCHECKED_REASON.test(r));
  return `${planName(analysis)}: ${progress.percent}% filled · ${goNoGo}${why.length ? ` (${why.join('; ')})` : ''} · ${where}`;
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
  const tooltip = new vscode.MarkdownString('', true);
  const progress = analysis.report.progress;
  tooltip.appendMarkdown(`**${escapeMarkdown(planName(analysis))}** · ${escapeMarkdown(vscode.workspace.asRelativePath(analysis.uri))}`);
  if (!progress) return tooltip;
  const { goNoGo } = progress;
  const checkedText = goNoGo.total ? `${goNoGo.checked} of ${goNoGo.total} go/no-go items checked` : NO_CHECKLIST;
  tooltip.appendMarkdown(`\n\n${progress.percent}% filled · **${goNoGo.verdict}**, ${checkedText}`);
  // The checked count is said just before: the reasons add only what it does not say.
  const reasons = goNoGo.reasons.filter((r) => r !== NO_CHECKLIST && !UNCHECKED_REASON.test(r));
  if (reasons.length) tooltip.appendMarkdown(` (${escapeMarkdown(reasons.join('; '))})`);
  tooltip.appendMarkdown('\n\n| | Section | Filled |\n|---|---|---:|\n');
  for (const section of progress.sections) {
    tooltip.appendMarkdown(`| $(${SECTION_ICONS[section.status]}) | ${escapeMarkdown(`${section.id}) ${section.title}`)} | ${section.filled}/${section.total} |\n`);
  }
  return tooltip;
}
