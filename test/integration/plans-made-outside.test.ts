import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionApi, planText } from './plan-documents';
import { closeEditorsReverting, deleteQuietly, fixtureUri, planNodeWhen } from './plan-tree-nodes';

// Files written with Node's fs, as another program would (so this file stays out of the web layer).
describe('Plans view and files written outside the editor', () => {
  it('picks up plans written outside the editor into folders just created, filled at once or later, without Refresh', async function () {
    this.timeout(90_000);
    const { planTree } = await extensionApi();
    await planTree.whenScanned();
    const root = fixtureUri('made-outside');
    const write = (uri: vscode.Uri, text: string) => fs.writeFileSync(uri.fsPath, text);
    // The time between making a folder and filling it is the case itself: the folder's event comes and goes first.
    const later = () => new Promise((resolve) => setTimeout(resolve, 700));
    const listed = (uri: vscode.Uri, name: string) => planNodeWhen(planTree, uri, (item) => item.label === name, `${name}'s plan (${vscode.workspace.asRelativePath(uri)}) is listed`);
    try {
      // Three rounds: in the issue, two of three fresh windows missed a plan.
      for (const round of ['1', '2', '3']) {
        const at = (...p: string[]) => vscode.Uri.joinPath(root, round, ...p);
        fs.mkdirSync(path.join(at('at-once').fsPath), { recursive: true });
        write(at('at-once', 'hooli-plan.md'), planText(`Hooli ${round}`));
        fs.mkdirSync(at('later', 'deep', 'er').fsPath, { recursive: true });
        await later();
        write(at('later', 'deep', 'er', 'pied-plan.md'), planText(`Pied ${round}`));
        // Created empty, then filled: the empty file's reading must not drop the filled one's.
        write(at('later', 'vandelay-plan.md'), '');
        write(at('later', 'vandelay-plan.md'), planText(`Vandelay ${round}`));
        const made = await vscode.commands.executeCommand<vscode.Uri>('connectorPlan.newPlan', { name: `Aviato ${round}`, folder: at('by-command'), template: null });
        await later();
        write(at('by-command', 'bachman-plan.md'), planText(`Bachman ${round}`));
        await Promise.all([
          listed(at('at-once', 'hooli-plan.md'), `Hooli ${round}`),
          listed(at('later', 'deep', 'er', 'pied-plan.md'), `Pied ${round}`),
          listed(at('later', 'vandelay-plan.md'), `Vandelay ${round}`),
          listed(made, `Aviato ${round}`),
          listed(at('by-command', 'bachman-plan.md'), `Bachman ${round}`),
        ]);
        await closeEditorsReverting();
      }
    } finally {
      await closeEditorsReverting();
      await deleteQuietly(root);
    }
  });
});
