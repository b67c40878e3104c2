import type * as vscode from 'vscode';

// Features arrive with later issues; activation stays cheap because it runs for every markdown file.
export function activate(_context: vscode.ExtensionContext): void {}

export function deactivate(): void {}
