import * as vscode from 'vscode';
import { planSnippet } from '../../core';
import { showInfo } from '../notices';

/** What tests and keybindings pass to run the command without a prompt. */
export interface InsertTemplateArgs {
  /** The connector name for the title; an empty name leaves a tab stop there. */
  name?: string;
}

/**
 * `connectorPlan.insertTemplate`: inserts the whole template as a snippet at the cursor of the active markdown
 * editor. Resolves to true when it inserted, false when there was nowhere to insert or the prompt was dismissed.
 */
export function registerInsertTemplateCommand(): vscode.Disposable {
  return vscode.commands.registerCommand('connectorPlan.insertTemplate', (args?: InsertTemplateArgs) => insertTemplate(args));
}

async function insertTemplate(args?: InsertTemplateArgs): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void showInfo(vscode.l10n.t('Open a markdown file to insert the Connector Rollout Plan template into it.'));
    return false;
  }
  const name =
    typeof args?.name === 'string'
      ? args.name
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('Insert Connector Plan Template'),
          prompt: vscode.l10n.t('Name of the connector for the plan title (leave empty to type it in the document)'),
          placeHolder: vscode.l10n.t('HubSpot CRM'),
        });
  if (name === undefined || editor.document.isClosed) return false;
  return editor.insertSnippet(new vscode.SnippetString(planSnippet(name)), editor.selection);
}
