import * as l10n from '@vscode/l10n';
import type { PlanReport } from '../analyze';
import { reasonsOtherThan, severityWord, statusWord } from '../assist';
import type { PlanExplanation } from '../explain';
import type { ReviewLoop } from '../loop/read-loop';
import type { Severity } from '../types';
import { oneBased, type PlanStatus } from './documents';

// Short plain-text results a language model reads well: the verdict first, then counts, then the first gaps with
// their line numbers. Built only from reports and explanations, whose every string the core has already redacted.

/** How many gaps a check result lists by line; the JSON beside it has them all. */
export const LISTED_GAPS = 15;

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

export function checkSummary(path: string, report: PlanReport): string {
  if (!report.isPlan) return notAPlanText(path);
  const progress = report.progress!;
  const { goNoGo } = progress;
  const lines = [l10n.t('{0}: checked as a connector rollout plan.', path)];
  lines.push(goNoGo.total
    ? l10n.t({ message: 'Verdict: {0}. Progress: {1}%, go/no-go checklist {2}/{3} checked.', args: [goNoGo.verdict, progress.percent, goNoGo.checked, goNoGo.total], comment: ['{0} is GO or NO-GO, which stay in English.'] })
    : l10n.t({ message: 'Verdict: {0}. Progress: {1}%, no go/no-go checklist.', args: [goNoGo.verdict, progress.percent], comment: ['{0} is GO or NO-GO, which stay in English.'] }));
  if (goNoGo.verdict === 'NO-GO') lines.push(l10n.t('Why NO-GO: {0}.', reasonsOtherThan(goNoGo).join('; ')));
  lines.push(report.findings.length ? l10n.t('Findings: {0}.', countFindings(report)) : l10n.t('Findings: none.'));
  const gaps = [...report.findings].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || a.range.start.line - b.range.start.line);
  if (gaps.length) {
    lines.push(gaps.length > LISTED_GAPS ? l10n.t('First {0} of {1}, errors first:', LISTED_GAPS, gaps.length) : l10n.t('Each, errors first:'));
    for (const finding of gaps.slice(0, LISTED_GAPS)) lines.push(`- ${l10n.t({ message: 'line {0}: {1} {2}: {3}', args: [oneBased(finding.range).line, severityWord(finding.severity), finding.ruleId, finding.message], comment: ['A finding: its line, severity (error, warning, info), rule id and message.'] })}`);
  }
  const open = progress.sections.filter((s) => s.status !== 'complete');
  if (open.length) {
    lines.push(l10n.t('Sections not complete:'));
    for (const s of open) {
      const state = s.status === 'missing' ? statusWord(s.status) : `${statusWord(s.status)} (${s.filled}/${s.total})`;
      lines.push(`- ${s.missing.length ? l10n.t('{0}) {1}: {2}, still to write: {3}', s.id, s.title, state, s.missing.join('; ')) : `${s.id}) ${s.title}: ${state}`}`);
    }
  }
  return lines.join('\n');
}

export function statusSummary(rows: PlanStatus[], where: string): string {
  if (!rows.length) return l10n.t('No connector rollout plans in {0}.', where);
  const go = rows.filter((r) => r.goNoGo.verdict === 'GO').length;
  const lines = [rows.length === 1 ? l10n.t('1 plan in {0}: {1} GO, {2} NO-GO.', where, go, rows.length - go) : l10n.t('{0} plans in {1}: {2} GO, {3} NO-GO.', rows.length, where, go, rows.length - go)];
  for (const row of rows) {
    const plan = l10n.t('{0} ({1}): {2}%, {3}, go/no-go {4}/{5}', row.path, row.name, row.percent, row.goNoGo.verdict, row.goNoGo.checked, row.goNoGo.total);
    lines.push(`- ${row.loop ? l10n.t({ message: '{0}; review loop {1}, stage {2}, {3} open P1/P2', args: [plan, row.loop.folder, row.loop.stage, row.loop.open.P1 + row.loop.open.P2], comment: ['A plan of record and its review loop: the folder, the stage (proposal, in review, revised, final: kept in English) and how many P1 and P2 findings are open.'] }) : plan}`);
  }
  return lines.join('\n');
}

/** What an agent writing the next round reads first: the loop's stage and verdict, then each finding still open. */
export function loopSummary(loop: ReviewLoop): string {
  const where = loop.folder ?? '.';
  const lines = [l10n.t({ message: '{0}: the review loop of {1}, stage {2}.', args: [where, loop.name, loop.stage], comment: ['{2} is the stage (proposal, in review, revised, final), kept in English.'] })];
  lines.push(loop.final
    ? l10n.t({ message: 'Plan of record: {0}. Review gate: {1} (NO-GO while a P1 or P2 finding is open).', args: [loop.final.path, loop.final.verdict], comment: ['{1} is GO or NO-GO, which stay in English.'] })
    : l10n.t('No final plan yet: nothing is approved.'));
  lines.push(l10n.t('Open findings: P1 {0} · P2 {1} · P3 {2}', loop.open.P1, loop.open.P2, loop.open.P3));
  const open = loop.findings.filter((f) => f.status === 'open' || f.status === 'partial' || f.status === 'unclear');
  if (open.length) {
    lines.push(open.length > LISTED_GAPS ? l10n.t('First {0} of {1} still open, to answer by id in the next round:', LISTED_GAPS, open.length) : l10n.t('Still open, to answer by id in the next round:'));
    for (const f of open.slice(0, LISTED_GAPS)) {
      const said = f.resolvedIn ? l10n.t({ message: '{0}, said at {1}', args: [f.status, `${f.resolvedIn}:${f.resolvedLine}`], comment: ['A finding\'s status (open, partial, unclear: kept in English) and the file:line that said it.'] }) : f.status;
      lines.push(`- ${l10n.t({ message: '{0} ({1}, {2}): "{3}", raised at {4}', args: [f.id, f.severity, said, f.title, `${f.raisedIn}:${f.line}`], comment: ['A review finding: its id, severity, status, title and the file:line that raised it.'] })}`);
    }
  } else if (loop.findings.length) lines.push(l10n.t('Every finding the reviews raised is fixed, deferred or accepted.'));
  else lines.push(l10n.t('No review has raised a finding yet.'));
  if (loop.unknownAnswers.length) {
    lines.push(l10n.t('Answers to findings no review raised (check their ids):'));
    for (const u of loop.unknownAnswers) lines.push(`- ${u.path}:${u.line} ${u.id}`);
  }
  return lines.join('\n');
}

export function explainSummary(path: string, explanation: PlanExplanation): string {
  if (!explanation.isPlan) return l10n.t('{0} is not read as a connector rollout plan: {1}. Nothing in it is checked.', path, explanation.why);
  const lines = [l10n.t('{0} is read as a plan ({1}). Each heading, and the template section it was taken for:', path, explanation.why)];
  for (const s of explanation.sections) {
    lines.push(`- ${s.id ? l10n.t('line {0} "{1}": section {2}) {3}; {4}', s.heading.line, s.heading.text, s.id, s.title ?? '', s.how) : l10n.t('line {0} "{1}": no template section; {2}', s.heading.line, s.heading.text, s.how)}`);
  }
  return lines.join('\n');
}

/** Why a folder is not read as a review loop (`off`: `.connector-plan.json` has `"loops": false`). */
export function notALoopText(folder: string, reason: 'rounds' | 'kinds' | 'off'): string {
  if (reason === 'rounds') return l10n.t('{0} is not a review loop: it needs two or more numbered rounds (01-….md, 02-….md), or a FINAL*PLAN*.md beside one', folder);
  if (reason === 'off') return l10n.t('{0} is not read as a review loop: its .connector-plan.json turns review loops off ("loops": false)', folder);
  return l10n.t('{0} is not a review loop: none of its numbered files is a proposal, plan, review or revision', folder);
}

export function notAPlanText(path: string): string {
  return l10n.t("{0} is not a connector rollout plan: it has neither a rollout-plan title nor most of the template's sections, so nothing was checked. Name it in the files globs of .connector-plan.json to check it anyway.", path);
}

function countFindings(report: PlanReport): string {
  return SEVERITY_ORDER.map((severity) => {
    const n = report.findings.filter((f) => f.severity === severity).length;
    if (!n) return '';
    if (severity === 'info') return l10n.t({ message: '{0} info', args: [n], comment: ['A count of findings of severity info: "3 info".'] });
    if (severity === 'error') return n === 1 ? l10n.t('1 error') : l10n.t('{0} errors', n);
    return n === 1 ? l10n.t('1 warning') : l10n.t('{0} warnings', n);
  }).filter(Boolean).join(', ');
}
