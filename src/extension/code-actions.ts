import * as vscode from 'vscode';
import { disableEdits, fixAllEdits, type Finding } from '../core';
import { ruleIdOf, toRange, toWorkspaceEdit } from './convert';
import type { PlanAnalyzer } from './plan-analysis';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('connectorPlan');

/** Quick fixes built from the findings' fix data (never by analysing again), plus "disable" comments and fix-all. */
export class PlanCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly analyzer: PlanAnalyzer) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const result = this.analyzer.get(document);
    if (!result?.isPlan) return [];
    const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind) || kind.contains(context.only);
    const actions: vscode.CodeAction[] = [];

    if (wants(vscode.CodeActionKind.QuickFix)) {
      for (const diagnostic of context.diagnostics) {
        const finding = findingFor(result.report.findings, diagnostic);
        if (!finding) continue;
        for (const fix of finding.fixes ?? []) {
          const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          action.edit = toWorkspaceEdit(document.uri, fix.edits);
          action.diagnostics = [diagnostic];
          action.isPreferred = fix.isPreferred === true && finding.fixes!.filter((f) => f.isPreferred).length === 1;
          actions.push(action);
        }
        const disable = disableEdits(result.plan, finding);
        for (const [title, edit] of [[vscode.l10n.t('Disable {0} for this line', finding.ruleId), disable.line], [vscode.l10n.t('Disable {0} for this file', finding.ruleId), disable.file]] as const) {
          const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
          action.edit = toWorkspaceEdit(document.uri, [edit]);
          action.diagnostics = [diagnostic];
          actions.push(action);
        }
      }
    }

    if (context.only && wants(FIX_ALL_KIND) && !wants(vscode.CodeActionKind.QuickFix)) {
      const edits = fixAllEdits(result.report.findings);
      if (edits.length) {
        const action = new vscode.CodeAction(vscode.l10n.t('Fix all mechanical connector plan gaps'), FIX_ALL_KIND);
        action.edit = toWorkspaceEdit(document.uri, edits);
        actions.push(action);
      }
    }
    return actions;
  }
}

function findingFor(findings: Finding[], diagnostic: vscode.Diagnostic): Finding | undefined {
  const ruleId = ruleIdOf(diagnostic);
  if (!ruleId) return undefined;
  return findings.find((f) => f.ruleId === ruleId && toRange(f.range).isEqual(diagnostic.range) && f.message === diagnostic.message);
}

export function registerCodeActions(analyzer: PlanAnalyzer): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new PlanCodeActions(analyzer), PlanCodeActions.metadata);
}
