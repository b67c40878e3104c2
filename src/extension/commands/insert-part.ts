import * as vscode from 'vscode';
import { snippetParts, type SnippetPart } from '../../core';
import { showError, showInfo } from '../notices';
import type { PlanAnalyzer } from '../plan-analysis';

/** What tests and keybindings pass to insert a part without the pick: its snippet prefix (`cp-risk`). */
export interface InsertPartArgs {
  prefix?: string;
}

interface PartPick extends vscode.QuickPickItem {
  part: SnippetPart;
}

/**
 * `connectorPlan.insertPart` (**Insert Plan Part…**): every part the snippets offer (the whole plan, a section,
 * a linking point, mapping row, phase, wave, risk, go/no-go item, question) in one quick pick, inserted at the
 * cursor as a snippet. Markdown has quick suggestions off by default, so typing a prefix shows nothing there.
 * Resolves to the prefix inserted, or undefined.
 */
export function registerInsertPartCommand(analyzer: PlanAnalyzer): vscode.Disposable {
  return vscode.commands.registerCommand('connectorPlan.insertPart', (args?: InsertPartArgs) => insertPart(analyzer, args));
}

async function insertPart(analyzer: PlanAnalyzer, args?: InsertPartArgs): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void showInfo(vscode.l10n.t('Open a markdown file to insert a part of a connector plan into it.'));
    return undefined;
  }
  // The parts of the template the plan is written from (a team's own, or the built-in one).
  const analysis = analyzer.get(editor.document) ?? (await analyzer.analyzeDocument(editor.document));
  const parts = Object.entries(snippetParts(analysis.isPlan ? analysis.plan.schema : undefined));
  let part: SnippetPart | undefined;
  if (typeof args?.prefix === 'string') {
    part = parts.find(([, p]) => p.prefix === args.prefix)?.[1];
    if (!part) {
      void showError(vscode.l10n.t('No plan part has the prefix "{0}".', args.prefix));
      return undefined;
    }
  } else {
    const picks = parts.map(([name, p]): PartPick => ({ label: partLabel(name), description: p.prefix, detail: p.description, part: p }));
    const pick = await vscode.window.showQuickPick(picks, {
      title: vscode.l10n.t('Insert Plan Part'),
      placeHolder: vscode.l10n.t('Part to insert at the cursor (type to filter; the snippet prefix is shown beside it)'),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    part = pick?.part;
  }
  if (!part || editor.document.isClosed) return undefined;
  const inserted = await editor.insertSnippet(new vscode.SnippetString(part.body.join('\n')), editor.selection);
  return inserted ? part.prefix : undefined;
}

/** `Connector Rollout Plan: risk with mitigation` -> `Risk with mitigation`; the whole plan keeps its name. */
function partLabel(name: string): string {
  const part = name.includes(': ') ? name.slice(name.indexOf(': ') + 2) : name;
  return part.charAt(0).toUpperCase() + part.slice(1);
}
