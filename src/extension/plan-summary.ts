import * as vscode from 'vscode';
import type { PlanProgress, SectionStatus } from '../core';
import type { PlanAnalysis } from './plan-analysis';

/** `72% · NO-GO 3/5`: what the tree and the status bar say about a plan. */
export function summaryText(progress: PlanProgress): string {
  const { verdict, checked, total } = progress.goNoGo;
  return `${progress.percent}% · ${verdict} ${checked}/${total}`;
}

/** The connector name from the title, else the file name. */
export function planName(analysis: PlanAnalysis): string {
  return analysis.report.connectorName || analysis.uri.path.slice(analysis.uri.path.lastIndexOf('/') + 1);
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
  tooltip.appendMarkdown(`\n\n${progress.percent}% filled · **${goNoGo.verdict}**, ${goNoGo.checked} of ${goNoGo.total} go/no-go items checked`);
  if (goNoGo.reasons.length) tooltip.appendMarkdown(` (${escapeMarkdown(goNoGo.reasons.join('; '))})`);
  tooltip.appendMarkdown('\n\n| | Section | Filled |\n|---|---|---:|\n');
  for (const section of progress.sections) {
    tooltip.appendMarkdown(`| $(${SECTION_ICONS[section.status]}) | ${escapeMarkdown(`${section.id}) ${section.title}`)} | ${section.filled}/${section.total} |\n`);
  }
  return tooltip;
}
