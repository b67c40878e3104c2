import * as vscode from 'vscode';
import { sectionFixes } from '../../core';
import { showInfo } from '../notices';
import type { PlanAnalyzer } from '../plan-analysis';
import { applyFixes, type FixAllOutcome } from './fix-all';

export const FIX_SECTION = 'connectorPlan.fixSection';

/**
 * `connectorPlan.fixSection` (the Fix lens above a section heading): Fix All on one section's findings. The fixes
 * come from the document as it is when clicked, not from the lens, which may be older than the text.
 */
export function registerFixSectionCommand(analyzer: PlanAnalyzer): vscode.Disposable {
  return vscode.commands.registerCommand(FIX_SECTION, async (uri?: vscode.Uri, sectionId?: string): Promise<FixAllOutcome> => {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    const result = document && (analyzer.get(document) ?? (await analyzer.analyzeDocument(document)));
    const section = result?.isPlan && result.report.progress?.sections.find((s) => s.id === sectionId);
    if (!document || !result || !section) {
      void showInfo(vscode.l10n.t('Open a connector plan and use the Fix lens above one of its sections.'));
      return { applied: 0, inserted: 0, chosen: 0, remaining: 0 };
    }
    return applyFixes(analyzer, document, sectionFixes(result.report, section.id), result.report.findings, `${section.id}) ${section.title}`);
  });
}
