import * as l10n from '@vscode/l10n';
import { noPlansFound } from './status-text';
import type { CheckedFile, LoopRecord } from '../analyze-inputs';
import { planStatuses, reviewCell } from './plan-status';

export interface MarkdownOptions {
  /** The link target of a plan's path; by default the path itself, URL-encoded. */
  link?: (path: string) => string;
  /** The review loops among the files, with their plans of record: each is one row. */
  loops?: readonly LoopRecord[];
}

/** A GitHub-flavoured markdown table for a job summary (`>> $GITHUB_STEP_SUMMARY`), under a one-line heading. */
export function formatStatusMarkdown(files: CheckedFile[], options: MarkdownOptions = {}): string {
  const statuses = planStatuses(files, options.loops);
  const review = statuses.some((status) => status.loop);
  if (statuses.length === 0) {
    return `### ${l10n.t('Connector plans: none found')}\n\n${noPlansFound(files.length)}\n`;
  }
  const go = statuses.filter((status) => status.goNoGo.verdict === 'GO').length;
  const link = options.link ?? encodePath;
  const rows = statuses.map((status) =>
    [
      escapeMarkdown(status.name),
      `${Math.round(status.percent)}%`,
      `${status.goNoGo.checked}/${status.goNoGo.total}`,
      status.goNoGo.verdict === 'GO' ? 'GO' : '**NO-GO**',
      ...(review ? [escapeMarkdown(reviewCell(status))] : []),
      `[${escapeMarkdown(status.path)}](${link(status.path)})`,
    ].join(' | '),
  );
  return [
    `### ${statuses.length === 1 ? l10n.t('Connector plans: 1 plan · {0} GO · {1} NO-GO', go, statuses.length - go) : l10n.t('Connector plans: {0} plans · {1} GO · {2} NO-GO', statuses.length, go, statuses.length - go)}`,
    '',
    `| ${[l10n.t('Plan'), l10n.t('Progress'), l10n.t('Go/No-Go'), l10n.t('Verdict'), ...(review ? [l10n.t('Review')] : []), l10n.t('File')].map(escapeMarkdown).join(' | ')} |`,
    review ? '| --- | ---: | ---: | --- | --- | --- |' : '| --- | ---: | ---: | --- | --- |',
    ...rows.map((row) => `| ${row} |`),
    '',
  ].join('\n');
}

/** Backslash before every character that means something inline (`|` ends a cell); line breaks become spaces. */
export function escapeMarkdown(text: string): string {
  // A run of spaces with a line break in it is one space (`\s*[\r\n]+\s*` retried every space of a run).
  return text.replace(/\s+/g, (run) => (/[\r\n]/.test(run) ? ' ' : run)).replace(/[\\`*_[\]<>!|~&$#{}()]/g, '\\$&');
}

/** A relative URL: each segment percent-encoded (parentheses too, so the link's end stays unambiguous). */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}
