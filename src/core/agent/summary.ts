import type { PlanReport } from '../analyze';
import type { PlanExplanation } from '../explain';
import type { Severity } from '../types';
import { oneBased, type PlanStatus } from './documents';

// Short plain-text results a language model reads well: the verdict first, then counts, then the first gaps with
// their line numbers. Built only from finding messages, titles and counts, which never hold a credential's value.

/** How many gaps a check result lists by line; the JSON beside it has them all. */
export const LISTED_GAPS = 15;

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

export function checkSummary(path: string, report: PlanReport): string {
  if (!report.isPlan) return notAPlanText(path);
  const progress = report.progress!;
  const { goNoGo } = progress;
  const lines = [`${path}: checked as a connector rollout plan.`];
  const checklist = goNoGo.total ? `go/no-go checklist ${goNoGo.checked}/${goNoGo.total} checked` : 'no go/no-go checklist';
  lines.push(`Verdict: ${goNoGo.verdict}. Progress: ${progress.percent}%, ${checklist}.`);
  if (goNoGo.verdict === 'NO-GO') lines.push(`Why NO-GO: ${goNoGo.reasons.join('; ')}.`);
  lines.push(report.findings.length ? `Findings: ${countFindings(report)}.` : 'Findings: none.');
  const gaps = [...report.findings].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || a.range.start.line - b.range.start.line);
  if (gaps.length) {
    lines.push(gaps.length > LISTED_GAPS ? `First ${LISTED_GAPS} of ${gaps.length}, errors first:` : 'Each, errors first:');
    for (const finding of gaps.slice(0, LISTED_GAPS)) lines.push(`- line ${oneBased(finding.range).line}: ${finding.severity} ${finding.ruleId}: ${finding.message}`);
  }
  const open = progress.sections.filter((s) => s.status !== 'complete');
  if (open.length) {
    lines.push('Sections not complete:');
    for (const s of open) lines.push(`- ${s.id}) ${s.title}: ${s.status}${s.status === 'missing' ? '' : ` (${s.filled}/${s.total})`}${s.missing.length ? `, still to write: ${s.missing.join('; ')}` : ''}`);
  }
  return lines.join('\n');
}

export function statusSummary(rows: PlanStatus[], where: string): string {
  if (!rows.length) return `No connector rollout plans in ${where}.`;
  const go = rows.filter((r) => r.goNoGo.verdict === 'GO').length;
  const lines = [`${rows.length === 1 ? '1 plan' : `${rows.length} plans`} in ${where}: ${go} GO, ${rows.length - go} NO-GO.`];
  for (const row of rows) lines.push(`- ${row.path} (${row.name}): ${row.percent}%, ${row.goNoGo.verdict}, go/no-go ${row.goNoGo.checked}/${row.goNoGo.total}`);
  return lines.join('\n');
}

export function explainSummary(path: string, explanation: PlanExplanation): string {
  if (!explanation.isPlan) return `${path} is not read as a connector rollout plan: ${explanation.why}. Nothing in it is checked.`;
  const lines = [`${path} is read as a plan (${explanation.why}). Each heading, and the template section it was taken for:`];
  for (const s of explanation.sections) {
    lines.push(`- line ${s.heading.line} "${s.heading.text}": ${s.id ? `section ${s.id}) ${s.title}` : 'no template section'}; ${s.how}`);
  }
  return lines.join('\n');
}

export function notAPlanText(path: string): string {
  return `${path} is not a connector rollout plan: it has neither a rollout-plan title nor most of the template's sections, so nothing was checked. Name it in the files globs of .connector-plan.json to check it anyway.`;
}

function countFindings(report: PlanReport): string {
  return SEVERITY_ORDER.map((severity) => {
    const n = report.findings.filter((f) => f.severity === severity).length;
    return n ? `${n} ${severity === 'info' ? 'info' : `${severity}${n === 1 ? '' : 's'}`}` : '';
  }).filter(Boolean).join(', ');
}
