import * as l10n from '@vscode/l10n';
import { reasonsOtherThan, type Finding, type PlanReport, type Severity } from '../../core';
import { badgeHtml, gapMarkOf } from './gap-marks';

export const SUMMARY = 'connector_plan_summary';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** What the summary token carries in `meta`. */
export interface SummaryData {
  report: PlanReport;
  /** Findings no rendered block holds (a missing section with no title to sit on): listed in the summary. */
  unplaced: Finding[];
}

/**
 * `72% complete · NO-GO 3/5`, the reasons, how many gaps of each severity (every finding, as the Problems panel
 * counts them) and the gaps that have no place in the text.
 */
export function summaryHtml({ report, unplaced }: SummaryData, escape: (text: string) => string): string {
  const { percent, goNoGo } = report.progress!;
  const go = goNoGo.verdict === 'GO';
  const counts = SEVERITIES.map((severity) => [severity, report.findings.filter((f) => f.severity === severity).length] as const)
    .filter(([, n]) => n > 0)
    .map(([severity, n]) => `<span class="connector-plan-count-${severity}">${escape(countText(severity, n))}</span>`);
  const reasons = reasonsOtherThan(goNoGo, 'unchecked').map((r) => `<li>${escape(r)}</li>`).join('');
  const elsewhere = unplaced
    .map((f) => `<li>${badgeHtml({ ruleId: f.ruleId, severity: f.severity, label: gapMarkOf(f.ruleId).label, messages: [f.message] }, escape)} ${escape(f.message)}</li>`)
    .join('');
  return [
    `<div class="connector-plan-summary ${go ? 'connector-plan-go' : 'connector-plan-nogo'}" role="note" aria-label="${escape(l10n.t('Connector plan summary'))}">`,
    `<p class="connector-plan-summary-line"><strong>${escape(l10n.t('{0}% complete', percent))}</strong> · <span class="connector-plan-verdict">${goNoGo.verdict}</span> ${goNoGo.checked}/${goNoGo.total}</p>`,
    reasons ? `<ul class="connector-plan-reasons">${reasons}</ul>` : '',
    counts.length ? `<p class="connector-plan-gaps">${l10n.t('Gaps: {0}', counts.join(', '))}</p>` : '',
    elsewhere ? `<ul class="connector-plan-unplaced">${elsewhere}</ul>` : '',
    '</div>\n',
  ].join('');
}

function countText(severity: Severity, n: number): string {
  switch (severity) {
    case 'error':
      return n === 1 ? l10n.t('1 error') : l10n.t('{0} errors', n);
    case 'warning':
      return n === 1 ? l10n.t('1 warning') : l10n.t('{0} warnings', n);
    default:
      return l10n.t('{0} info', n);
  }
}
