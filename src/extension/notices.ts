import * as vscode from 'vscode';

const KEPT = 20;
const shown: string[] = [];

/**
 * The messages the extension showed last, newest last: handed to tests through the extension's API, since a
 * notification's text cannot be read back from VS Code.
 */
export function recentNotices(): readonly string[] {
  return shown;
}

function keep(text: string): void {
  shown.push(text);
  if (shown.length > KEPT) shown.shift();
}

export function showError<T extends string>(text: string, ...actions: T[]): Thenable<T | undefined> {
  keep(text);
  return vscode.window.showErrorMessage(text, ...actions);
}

export function showInfo<T extends string>(text: string, ...actions: T[]): Thenable<T | undefined> {
  keep(text);
  return vscode.window.showInformationMessage(text, ...actions);
}

export function showWarning<T extends string>(text: string, ...actions: T[]): Thenable<T | undefined> {
  keep(text);
  return vscode.window.showWarningMessage(text, ...actions);
}
