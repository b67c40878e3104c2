import * as vscode from 'vscode';
import { fixAll, type Finding, type FixAllResult } from '../../core';
import { toWorkspaceEdit } from '../convert';
import { showInfo } from '../notices';
import type { PlanAnalyzer } from '../plan-analysis';

/** What Fix All did, for tests and keybindings: edits applied, stubs inserted, values chosen, gaps left. */
export interface FixAllOutcome {
  applied: number;
  inserted: number;
  chosen: number;
  /** Errors and warnings still in the plan once the fixes are in: they need the user's words. */
  remaining: number;
}

const NOTHING: FixAllOutcome = { applied: 0, inserted: 0, chosen: 0, remaining: 0 };


/**
 * `connectorPlan.fixAll`: applies every mechanical fix to the active plan (or the given URI) as one undoable
 * edit, puts the cursor in the first inserted stub and says what it did and what is left. From a row of the
 * Plans view (a node with a `uri`), the plan is shown first, so the edit is seen and can be undone.
 */
export function registerFixAllCommand(analyzer: PlanAnalyzer): vscode.Disposable {
  return vscode.commands.registerCommand('connectorPlan.fixAll', async (target?: vscode.Uri | { uri: vscode.Uri }): Promise<FixAllOutcome> => {
    const uri = target instanceof vscode.Uri || !target ? target : target.uri;
    if (target && !(target instanceof vscode.Uri)) await vscode.window.showTextDocument(uri!, { preview: false });
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document) {
      void showInfo(vscode.l10n.t('Open a connector plan to fix its gaps.'));
      return NOTHING;
    }
    const result = analyzer.get(document) ?? (await analyzer.analyzeDocument(document));
    if (!result.isPlan) {
      void showInfo(vscode.l10n.t('{0} is not a connector plan.', vscode.workspace.asRelativePath(document.uri)));
      return NOTHING;
    }
    return applyFixes(analyzer, document, fixAll(result.report.findings), result.report.findings);
  });
}

/**
 * Applies `fix` (computed from the document's current analysis, so never from a stale one) as one undoable edit,
 * puts the cursor in the first inserted stub, and says what Fix All (or Fix in `section`, the section's name) did
 * and how many gaps still need words.
 */
export async function applyFixes(analyzer: PlanAnalyzer, document: vscode.TextDocument, fix: FixAllResult, findings: Finding[], section?: string): Promise<FixAllOutcome> {
  if (!fix.edits.length) {
    void showInfo(section ? vscode.l10n.t('No mechanical fixes left in {0}: its remaining gaps need your words.', section) : vscode.l10n.t('No mechanical fixes to apply: the remaining gaps need your words.'));
    return { ...NOTHING, remaining: gapsIn(findings) };
  }
  if (!(await vscode.workspace.applyEdit(toWorkspaceEdit(document.uri, fix.edits)))) {
    void vscode.window.showWarningMessage(
      section
        ? vscode.l10n.t('Fix in {0} could not change the plan (it changed meanwhile, or it is read-only); nothing was applied.', section)
        : vscode.l10n.t('Fix All could not change the plan (it changed meanwhile, or it is read-only); nothing was applied.'),
    );
    return NOTHING;
  }
  if (fix.firstBlank) {
    const editor = await vscode.window.showTextDocument(document);
    const at = document.validatePosition(new vscode.Position(fix.firstBlank.line, fix.firstBlank.character));
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  const remaining = gapsIn((await analyzer.analyzeDocument(document)).report.findings);
  const did = whatWasFixed(fix);
  const left = remaining === 0 ? vscode.l10n.t('no gaps are left') : remaining === 1 ? vscode.l10n.t('1 gap still needs your words') : vscode.l10n.t('{0} gaps still need your words', remaining);
  void showInfo(section ? vscode.l10n.t('Fix in {0} {1}; {2}.', section, did, left) : vscode.l10n.t('Fix All {0}; {1}.', did, left));
  return { applied: fix.edits.length, inserted: fix.inserted, chosen: fix.chosen, remaining };
}

/** `inserted 2 stubs and chose 1 value`. */
function whatWasFixed({ inserted, chosen }: FixAllResult): string {
  const stubs = inserted === 1 ? vscode.l10n.t('inserted 1 stub') : vscode.l10n.t('inserted {0} stubs', inserted);
  const values = chosen === 1 ? vscode.l10n.t('chose 1 value') : vscode.l10n.t('chose {0} values', chosen);
  if (inserted && chosen) return vscode.l10n.t('{0} and {1}', stubs, values);
  return inserted ? stubs : values;
}

function gapsIn(findings: { severity: string }[]): number {
  return findings.filter((f) => f.severity !== 'info').length;
}
