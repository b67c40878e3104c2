import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import { TEMPLATE_TEXT_RULES, type Finding, type Severity, type TextEdit } from '../core';
import type { PlanAnalysis } from './analysis';

/** What the diagnostics say they come from: the extension's word too. */
export const SOURCE = 'connector-plan';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** A rule's page as a `file:` URL (the package ships docs/rules/, so it opens offline and in every fork); none without the folder. */
export function ruleDocsHref(ruleDocsFolder: string | undefined, ruleId: string): string | undefined {
  return ruleDocsFolder ? pathToFileURL(path.join(ruleDocsFolder, `${ruleId}.md`)).href : undefined;
}

/** A finding as a diagnostic: its rule id as the code, linking the rule's page; the core's range, message and severity. */
export function toDiagnostic(finding: Finding, uri: string, ruleDocsFolder: string | undefined): Diagnostic {
  const href = ruleDocsHref(ruleDocsFolder, finding.ruleId);
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: SOURCE,
    message: finding.message,
    // Text still as the template wrote it (a `{placeholder}`, an option list) is shown faded where the editor can.
    ...(TEMPLATE_TEXT_RULES.has(finding.ruleId) ? { tags: [DiagnosticTag.Unnecessary] } : {}),
    ...(finding.related?.length ? { relatedInformation: finding.related.map((r) => ({ location: { uri, range: r.range }, message: r.message })) } : {}),
  };
}

/** The diagnostics of an analysis: a plan's findings; the one note of a document too large to check; else none. */
export function diagnosticsOf(analysis: PlanAnalysis, ruleDocsFolder: string | undefined): Diagnostic[] {
  // A round of a review loop that is no plan (a revision) has only the loop's findings on it, as `check` reports them.
  if (analysis.isPlan || analysis.report.findings.length > 0) return analysis.report.findings.map((finding) => toDiagnostic(finding, analysis.uri, ruleDocsFolder));
  if (analysis.skipped) return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: SOURCE, message: analysis.skipped }];
  return [];
}

export function toWorkspaceEdit(uri: string, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: edits.map((edit) => ({ range: edit.range, newText: edit.newText })) } };
}

/**
 * The finding a diagnostic the client hands back stands for: same rule, range and message; else the one finding of
 * that rule and message on that line (Neovim 0.7 hands diagnostics back with byte columns, which differ from UTF-16
 * ones after a non-ASCII character such as a dash in a heading).
 */
export function findingFor(findings: Finding[], diagnostic: Diagnostic): Finding | undefined {
  if (diagnostic.source !== SOURCE || diagnostic.code === undefined) return undefined;
  const ruleId = String(diagnostic.code);
  const same = (a: Finding['range'], b: Diagnostic['range']) => a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
  const candidates = findings.filter((f) => f.ruleId === ruleId && f.message === diagnostic.message && f.range.start.line === diagnostic.range.start.line);
  return candidates.find((f) => same(f.range, diagnostic.range)) ?? (candidates.length === 1 ? candidates[0] : undefined);
}
