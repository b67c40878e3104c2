import * as vscode from 'vscode';
import { documentName, reasonsOtherThan, type PlanProgress, type SectionStatus } from '../core';
import type { PlanAnalysis } from './plan-analysis';

/** `72% · NO-GO 3/5` (`72% · no go/no-go checklist` without one): what the tree and the status bar say about a plan. */
export function summaryText(progress: PlanProgress): string {
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
  const tooltip = new vscode.MarkdownString('', true);
  const progress = analysis.report.progress;
  tooltip.appendMarkdown(`**${escapeMarkdown(planName(analysis))}** · ${escapeMarkdown(vscode.workspace.asRelativePath(analysis.uri))}`);
  if (!progress) return tooltip;
  const { goNoGo } = progress;
  tooltip.appendMarkdown(`\n\n${vscode.l10n.t('{0}% filled · **{1}**, {2}', progress.percent, goNoGo.verdict, checkedItemsText(goNoGo))}`);
  // The checked count is said just before: the reasons add only what it does not say.
  const reasons = reasonsOtherThan(goNoGo, 'no-checklist', 'unchecked');
  if (reasons.length) tooltip.appendMarkdown(` (${escapeMarkdown(reasons.join('; '))})`);
  tooltip.appendMarkdown(`\n\n| | ${vscode.l10n.t('Section')} | ${vscode.l10n.t('Filled')} |\n|---|---|---:|\n`);
  for (const section of progress.sections) {
    tooltip.appendMarkdown(`| $(${SECTION_ICONS[section.status]}) | ${escapeMarkdown(`${section.id}) ${section.title}`)} | ${section.filled}/${section.total} |\n`);
  }
  return tooltip;
}
