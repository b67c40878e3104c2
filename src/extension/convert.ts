import * as vscode from 'vscode';
import { TEMPLATE_TEXT_RULES, type Finding, type Range, type Severity, type TextEdit } from '../core';

export const SOURCE = 'connector-plan';

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export const SHOW_RULE_DOCS = 'connectorPlan.showRuleDocs';

/** Each rule's page ships with the extension (docs/rules/), so it opens offline and in every fork. */
export function ruleDocsFile(extensionUri: vscode.Uri, ruleId: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`);
}

/**
 * A diagnostic's code target: a command link, which the Problems panel and the hover open with commands allowed,
 * so the page shows rendered in the markdown preview (a file link would open its source as an editable file).
 */
export function ruleDocsLink(ruleId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: 'command', path: SHOW_RULE_DOCS, query: JSON.stringify([ruleId]) });
}

export function toDiagnostic(finding: Finding, uri: vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = SOURCE;
  diagnostic.code = { value: finding.ruleId, target: ruleDocsLink(finding.ruleId) };
  // Text still as the template wrote it (a `{placeholder}`, an option list) shows faded, under its squiggle.
  if (TEMPLATE_TEXT_RULES.has(finding.ruleId)) diagnostic.tags = [vscode.DiagnosticTag.Unnecessary];
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(r.range)), r.message));
  }
  return diagnostic;
}

/** The one diagnostic of a document not checked (over `connectorPlan.maxFileSize`): named as the Plans view names a skipped file. */
export function skippedDiagnostic(uri: vscode.Uri, problem: string): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), vscode.l10n.t('Skipped {0}: {1}', vscode.workspace.asRelativePath(uri), problem), vscode.DiagnosticSeverity.Information);
  diagnostic.source = SOURCE;
  return diagnostic;
}

export function toWorkspaceEdit(uri: vscode.Uri, edits: TextEdit[], edit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  for (const e of edits) edit.replace(uri, toRange(e.range), e.newText);
  return edit;
}

/** The rule id of a diagnostic this extension made, else undefined. */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== SOURCE) return undefined;
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : code === undefined ? undefined : String(code);
}
