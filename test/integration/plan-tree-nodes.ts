import * as vscode from 'vscode';
import type { PlanTree } from '../../src/extension/plan-tree';
import type { PlanNode, PlanTreeNode } from '../../src/extension/plan-tree-items';

/**
 * Resolves with what `read` returns once it is truthy, asking now and again after each `event`.
 * `read` may be async; calls never overlap.
 */
export function until<T>(event: vscode.Event<unknown>, read: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    let done = false;
    let running = false;
    let again = false;
    let last: unknown;
    const finish = () => {
      done = true;
      listener.dispose();
      clearTimeout(timer);
    };
    const check = async () => {
      if (running) return void (again = true);
      running = true;
      try {
        do {
          again = false;
          const value = await read();
          last = value;
          if (value && !done) {
            finish();
            resolve(value);
          }
        } while (again && !done);
      } catch (error) {
        finish();
        reject(error);
      } finally {
        running = false;
      }
    };
    const listener = event(() => void check());
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out after ${timeoutMs} ms waiting until ${what} (last: ${JSON.stringify(last)})`));
    }, timeoutMs);
    void check();
  });
}

export async function planNode(tree: PlanTree, uri: vscode.Uri): Promise<PlanNode | undefined> {
  // The view lists rows as it finds them: a test reads the list once the scan has ended.
  await tree.whenScanned();
  const roots = await tree.getChildren();
  return roots.find((n): n is PlanNode => n.kind === 'plan' && n.uri.toString() === uri.toString());
}

/** Resolves with the plan node of `uri` once `accept` says it is the awaited one. */
export function planNodeWhen(tree: PlanTree, uri: vscode.Uri, accept: (item: vscode.TreeItem) => boolean, what: string): Promise<PlanNode> {
  return until(tree.onDidChangeTreeData, async () => {
    const node = await planNode(tree, uri);
    return node && accept(tree.getTreeItem(node)) && node;
  }, what);
}

/** Resolves once the tree lists no plan for `uri`. */
export function planGone(tree: PlanTree, uri: vscode.Uri, what: string): Promise<true> {
  return until(tree.onDidChangeTreeData, async () => !(await planNode(tree, uri)), what);
}

export async function child(tree: PlanTree, node: PlanTreeNode, label: string): Promise<PlanTreeNode> {
  const children = await tree.getChildren(node);
  const found = children.find((c) => tree.getTreeItem(c).label === label);
  if (!found) throw new Error(`no child "${label}" among ${JSON.stringify(children.map((c) => tree.getTreeItem(c).label))}`);
  return found;
}

export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open: the fixture workspace test/workspace/ should be');
  return vscode.Uri.joinPath(folder.uri, name);
}

export function lineOf(document: vscode.TextDocument, start: string): number {
  const lines = document.getText().split(/\r?\n/);
  const line = lines.findIndex((l) => l.startsWith(start));
  if (line < 0) throw new Error(`no line starts with "${start}"`);
  return line;
}

/** Deletes a file the test wrote, whether or not the test got that far. */
export async function deleteQuietly(uri: vscode.Uri): Promise<void> {
  await Promise.resolve(vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false })).catch(() => undefined);
}

export const iconOf = (item: vscode.TreeItem) => (item.iconPath as vscode.ThemeIcon).id;
/** A tree item's or status bar item's tooltip as text, markdown escapes removed. */
export function tooltipOf(item: { tooltip?: string | vscode.MarkdownString }): string {
  const tooltip = item.tooltip;
  return typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '').replace(/\\([\\`*_{}[\]()#+\-!~|<>])/g, '$1');
}

/** Closes every editor, dropping unsaved changes first (closing a dirty editor would ask). */
export async function closeEditorsReverting(): Promise<void> {
  const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty);
  for (const document of dirty) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  // Closed for good: a new untitled document opened while one is still closing can be handed its name and text.
  for (const document of dirty.filter((d) => d.isUntitled)) await until(vscode.workspace.onDidCloseTextDocument, () => document.isClosed, `${document.uri.toString()} is closed`);
}

/** The web workbench saves dirty files after a second by default; tests that keep unsaved edits in workspace files turn that off. */
export function withoutAutoSave(): void {
  const files = () => vscode.workspace.getConfiguration('files');
  before(() => files().update('autoSave', 'off', vscode.ConfigurationTarget.Global));
  after(() => files().update('autoSave', undefined, vscode.ConfigurationTarget.Global));
}
