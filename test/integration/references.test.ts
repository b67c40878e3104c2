import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { main } from '../../src/cli/main';
import { diagnosticsWhen, extensionApi, ruleOf } from './plan-documents';
import { closeEditorsReverting, deleteQuietly, fixtureUri } from './plan-tree-nodes';

// Issue 19: a plan checked against the repository it is in, as `connector-plan check` checks it. The fixture
// repository test/fixtures/repos/references (its oracle is references.expected.json) is copied into the workspace
// with a .git of its own, so it is a repository of its own for the CLI and the extension alike.

const FIXTURE = path.resolve(__dirname, '../../../test/fixtures/repos/references');
const PLAN = 'docs/connectors/slack-rollout-plan.md';
/** Named in a done phase's files, and in no folder of the repository. */
const MISSING = 'src/lib/slack/presence.ts';
/** A typo of src/lib/slack/client.ts, which the quick fix puts in. */
const TYPO = 'src/lib/slack/clent.ts';

function filesOf(folder: string, prefix = ''): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesOf(path.join(folder, entry.name), relative) : [relative];
  });
}

const isReference = (d: vscode.Diagnostic) => ruleOf(d) === 'reference-not-found' || ruleOf(d) === 'env-var-unknown';

describe('references: a plan against its repository (reference-not-found, env-var-unknown)', function () {
  this.timeout(60_000);
  const root = fixtureUri('tmp-references');
  const plan = vscode.Uri.joinPath(root, ...PLAN.split('/'));

  before(async () => {
    for (const file of filesOf(FIXTURE)) {
      if (file.endsWith('.expected.json')) continue;
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, ...file.split('/')), fs.readFileSync(path.join(FIXTURE, file)));
    }
    // The plan is first read in the repository around the workspace; then its own .git appears (`git init`), which
    // makes its folder the root, as the CLI finds it.
    const { analyzer } = await extensionApi();
    await analyzer.repositories.request(plan);
    assert.ok(analyzer.repositories.placeOf(plan), 'the plan has a repository');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, '.git', 'HEAD'), new TextEncoder().encode('ref: refs/heads/main\n'));
  });

  after(async () => {
    await closeEditorsReverting();
    await deleteQuietly(root);
  });

  /** What `connector-plan check <plan> --format json`, run at the repository's root, reports: line, rule, message. */
  async function checked(): Promise<string[]> {
    let stdout = '';
    await main({ argv: ['check', PLAN, '--format', 'json'], cwd: root.fsPath, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => undefined }, tool: { version: 'test', informationUri: 'https://example.test' } });
    const file = (JSON.parse(stdout) as { files: { findings: { line: number; ruleId: string; message: string }[] }[] }).files[0];
    return file.findings.map((f) => `${f.line} ${f.ruleId} ${f.message}`).sort();
  }
  const shown = (diagnostics: vscode.Diagnostic[]) => diagnostics.map((d) => `${d.range.start.line + 1} ${ruleOf(d)} ${d.message}`).sort();

  it('gives the findings check gives, once the repository is read; creating the missing file clears its warning without reopening', async () => {
    await vscode.window.showTextDocument(plan);
    const expected = await checked();
    assert.ok(expected.some((f) => f.includes('reference-not-found') && f.includes(MISSING)), 'check finds the missing file');
    const withRepository = await diagnosticsWhen(plan, (d) => d.filter(isReference).length === expected.filter((f) => / (?:reference-not-found|env-var-unknown) /.test(f)).length, 30_000);
    assert.deepEqual(shown(withRepository), expected);

    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, ...MISSING.split('/')), new TextEncoder().encode('export const presence = true;\n'));
    const after = await diagnosticsWhen(plan, (d) => d.some(isReference) && !d.some((x) => x.message.includes(MISSING)), 20_000);
    assert.equal(after.length, withRepository.length - 1);
    assert.deepEqual(shown(after), await checked());

    // Deleted again: the warning comes back, as check says.
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(root, ...MISSING.split('/')));
    const back = await diagnosticsWhen(plan, (d) => d.some((x) => x.message.includes(MISSING)), 20_000);
    assert.deepEqual(shown(back), await checked());
  });

  it('offers the suggestion as a quick fix that is not preferred (Fix All never renames), and applying it clears the warning', async () => {
    const document = await vscode.workspace.openTextDocument(plan);
    await vscode.window.showTextDocument(document);
    const diagnostics = await diagnosticsWhen(plan, (d) => d.some((x) => ruleOf(x) === 'reference-not-found' && x.message.includes(TYPO)), 30_000);
    const typo = diagnostics.find((x) => ruleOf(x) === 'reference-not-found' && x.message.includes(TYPO))!;
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', plan, typo.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const replace = actions.find((a) => a.title.includes('src/lib/slack/client.ts'));
    assert.ok(replace?.edit, `a quick fix puts the suggestion in (${actions.map((a) => a.title).join(' | ')})`);
    assert.notEqual(replace.isPreferred, true);
    const fixAll = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', plan, new vscode.Range(0, 0, document.lineCount, 0), 'source.fixAll.connectorPlan')) ?? [];
    for (const action of fixAll) for (const [, edits] of action.edit?.entries() ?? []) assert.ok(!edits.some((e) => e.newText.includes('src/lib/slack/client.ts')), 'Fix All leaves the rename alone');
    assert.ok(await vscode.workspace.applyEdit(replace.edit));
    assert.equal(document.lineAt(typo.range.start.line).text.includes('src/lib/slack/client.ts'), true);
    await diagnosticsWhen(plan, (d) => d.some(isReference) && !d.some((x) => x.message.includes(TYPO)), 20_000);
  });
});
