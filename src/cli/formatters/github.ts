import type { Finding, Severity } from '../../core';
import type { CheckedFile } from '../analyze-inputs';
import { oneBased } from './positions';
import type { TextOptions } from './text';
import { formatSummary } from './text';

const COMMANDS: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * One GitHub Actions workflow command per finding (`::warning file=…,line=…::message`), which the runner turns into
 * an annotation on the file; then the text summary as a plain log line.
 */
export function formatGithub(files: CheckedFile[], options: TextOptions): string {
  const lines = files.flatMap(({ path, report }) => report.findings.map((finding) => workflowCommand(path, finding)));
  lines.push(formatSummary(files, options));
  return lines.map((line) => `${line}\n`).join('');
}

function workflowCommand(path: string, finding: Finding): string {
  const { line, column, endLine, endColumn } = oneBased(finding.range);
  // A range that ends at the start of a line ends on the line before it.
  const lastLine = endLine > line && endColumn === 1 ? endLine - 1 : endLine;
  // GitHub takes columns only for a range on one line.
  const place = lastLine === line ? { line, col: column, endLine: lastLine, endColumn } : { line, endLine: lastLine };
  const properties = Object.entries({ file: path, ...place, title: finding.ruleId })
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${COMMANDS[finding.severity]} ${properties}::${escapeData(finding.message)}`;
}

/** As @actions/core escapes a command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** As @actions/core escapes a command's property values. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
