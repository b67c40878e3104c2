import type { CheckedFile } from '../analyze-inputs';
import { planStatuses } from './plan-status';

export interface MarkdownOptions {
  /** The link target of a plan's path; by default the path itself, URL-encoded. */
  link?: (path: string) => string;
}

/** A GitHub-flavoured markdown table for a job summary (`>> $GITHUB_STEP_SUMMARY`), under a one-line heading. */
export function formatStatusMarkdown(files: CheckedFile[], options: MarkdownOptions = {}): string {
  const statuses = planStatuses(files);
  if (statuses.length === 0) {
    return `### Connector plans: none found\n\nNo connector plans found (${files.length} markdown ${files.length === 1 ? 'file' : 'files'} looked at).\n`;
  }
  const go = statuses.filter((status) => status.goNoGo.verdict === 'GO').length;
  const link = options.link ?? encodePath;
  const rows = statuses.map((status) =>
    [
      escapeMarkdown(status.name),
      `${Math.round(status.percent)}%`,
      `${status.goNoGo.checked}/${status.goNoGo.total}`,
      status.goNoGo.verdict === 'GO' ? 'GO' : '**NO-GO**',
      `[${escapeMarkdown(status.path)}](${link(status.path)})`,
    ].join(' | '),
  );
  return [
    `### Connector plans: ${statuses.length} plan${statuses.length === 1 ? '' : 's'} · ${go} GO · ${statuses.length - go} NO-GO`,
    '',
    '| Plan | Progress | Go/No-Go | Verdict | File |',
    '| --- | ---: | ---: | --- | --- |',
    ...rows.map((row) => `| ${row} |`),
    '',
  ].join('\n');
}

/** Backslash before every character that means something inline (`|` ends a cell); line breaks become spaces. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]<>!|~&$#{}()]/g, '\\$&');
}

/** A relative URL: each segment percent-encoded (parentheses too, so the link's end stays unambiguous). */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}
