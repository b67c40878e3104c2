import * as vscode from 'vscode';
import { reasonsOtherThan, type PlanProgress, type SectionStatus } from '../core';
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

/** File names that say nothing of the connector: the folder's name is read instead. */
const GENERIC_NAME = /^(?:plan|readme|index|rollout[-_ ]?plan|connector[-_ ]?(?:rollout[-_ ]?)?plan)\.md$/i;
/** `-connector-rollout-plan.md` and the like, found from its first word; the separators before it are read back from there. */
const PLAN_SUFFIX = /(?:connector[-_ ]?)?(?:rollout[-_ ]?)?plan\.md$/i;

/** `file.replace(/[-_ .]*(?:connector[-_ ]?)?(?:rollout[-_ ]?)?plan\.md$|\.md$/i, '')`, without retrying every separator of a run. */
function withoutPlanSuffix(file: string): string {
  const suffix = PLAN_SUFFIX.exec(file);
  if (!suffix) return /\.md$/i.test(file) ? file.slice(0, -3) : file;
  let start = suffix.index;
  while (start > 0 && '-_ .'.includes(file[start - 1])) start--;
  return file.slice(0, start);
}

/** The connector name from the title; else the file name without `-rollout-plan.md`, or the folder's name for `plan.md`, `README.md`… */
export function planName(analysis: PlanAnalysis): string {
  if (analysis.report.connectorName) return analysis.report.connectorName;
  const parts = analysis.uri.path.split('/').filter(Boolean);
  const file = parts[parts.length - 1] ?? analysis.uri.path;
  if (GENERIC_NAME.test(file) && parts.length > 1) return parts[parts.length - 2];
  return withoutPlanSuffix(file) || file;
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
