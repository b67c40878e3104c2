import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from './wait-for';

const extensionId = 'connector-plan.connector-plan';
const repoRoot = path.resolve(__dirname, '..', '..', '..');

describe('activation', () => {
  it('loads the extension from this repository', () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not among the loaded extensions`);
    assert.equal(extension.extensionUri.fsPath, repoRoot);
  });

  it('activates when a markdown document opens', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open: the fixture workspace test/workspace/ should be');

    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'rollout-plan.md'));
    await vscode.window.showTextDocument(document);

    assert.equal(document.languageId, 'markdown');
    await waitFor(() => extension.isActive, `${extensionId} is active`);
  });
});
