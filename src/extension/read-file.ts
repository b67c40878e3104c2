import * as vscode from 'vscode';
import { megabytesToBytes, notARegularFileProblem, tooLargeProblem } from '../core';
import { readSettings } from './settings';

/** The setting that raises the limit, named in the message about a file over it. */
export const RAISE_WITH = 'connectorPlan.maxFileSize';

/** A file's bytes, or why it was not read; `missing` when nothing is there (a config that does not exist is no problem). */
export type WorkspaceFileRead = { bytes: Uint8Array } | { problem: string; missing: boolean };

/**
 * Reads a file through `workspace.fs` when it is a regular file within `connectorPlan.maxFileSize`; anything else is
 * refused, with the reason, without being opened: reading a named pipe waits for a writer, forever if none comes.
 */
export async function readWorkspaceFile(uri: vscode.Uri): Promise<WorkspaceFileRead> {
  const limit = readSettings(uri).maxFileSize;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { problem: vscode.l10n.t('a folder, not a file'), missing: false };
    // A named pipe, a device or a socket is neither a file nor a folder to VS Code.
    if (!(stat.type & vscode.FileType.File)) return { problem: notARegularFileProblem('other'), missing: false };
    if (stat.size > megabytesToBytes(limit)) return { problem: tooLargeProblem(stat.size, limit, RAISE_WITH), missing: false };
    const bytes = await vscode.workspace.fs.readFile(uri);
    // It may have grown since it was looked at.
    if (bytes.length > megabytesToBytes(limit)) return { problem: tooLargeProblem(bytes.length, limit, RAISE_WITH), missing: false };
    return { bytes };
  } catch (error) {
    const { code, message } = (error ?? {}) as { code?: string; message?: string };
    const missing = code === 'FileNotFound' || /ENOENT|not found/i.test(message ?? '');
    return { problem: missing ? vscode.l10n.t('the file does not exist') : (message ?? String(error)), missing };
  }
}
