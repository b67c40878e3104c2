import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { main } from '../../src/cli/main';
import { extensionApi } from './plan-documents';
import { closeEditorsReverting, deleteQuietly, fixtureUri, until } from './plan-tree-nodes';

// The review loops of test/fixtures/loops, copied into the workspace: every round gets in the editor the findings
// `connector-plan check` gives it, the review gate (open-review-finding on the plan of record) and the answers to
// findings no review raised (unknown-review-finding, on a revision that is no plan) included.

const LOOPS = path.resolve(__dirname, '../../../test/fixtures/loops');

interface CheckedFile {
  path: string;
  kind: string;
  findings: { line: number; ruleId: string }[];
  progress: { percent: number; goNoGo: { verdict: string } } | null;
}

async function cliCheck(folder: vscode.Uri): Promise<CheckedFile[]> {
  let stdout = '';
  await main({ argv: ['check', '--format', 'json', '.'], cwd: folder.fsPath, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => undefined }, tool: { version: 'test', informationUri: 'https://example.test' } });
  return (JSON.parse(stdout) as { files: CheckedFile[] }).files;
}

describe('review loops in the editor', function () {
  this.timeout(120_000);
  const root = fixtureUri('tmp-loops');
  const loops = fs.readdirSync(LOOPS).filter((name) => fs.statSync(path.join(LOOPS, name)).isDirectory());

  before(async () => {
    for (const loop of loops) {
      for (const file of fs.readdirSync(path.join(LOOPS, loop))) {
        if (file.endsWith('.md')) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, loop, file), fs.readFileSync(path.join(LOOPS, loop, file)));
      }
    }
  });

  after(async () => {
    await closeEditorsReverting();
    await deleteQuietly(root);
  });

  it('gives every round the findings check gives it: the gate on the plan of record, unknown answers on a revision', async () => {
    const { analyzer } = await extensionApi();
    let gates = 0;
    for (const loop of loops) {
      for (const file of await cliCheck(vscode.Uri.joinPath(root, loop))) {
        const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root, loop, ...file.path.split('/')));
        const result = (await analyzer.current(document))!;
        const where = `${loop}/${file.path}`;
        assert.deepEqual(result.report.findings.map((f) => `${f.range.start.line + 1} ${f.ruleId}`).sort(), file.findings.map((f) => `${f.line} ${f.ruleId}`).sort(), where);
        if (file.kind === 'plan') assert.deepEqual([result.report.progress?.percent, result.report.progress?.goNoGo.verdict], [file.progress?.percent, file.progress?.goNoGo.verdict], where);
        gates += file.findings.filter((f) => f.ruleId === 'open-review-finding').length;
      }
    }
    assert.ok(gates > 0, 'no fixture loop has an open finding: the test would show nothing');
  });

  it('lists a loop as one row in the listPlans tool, as connector-plan status does', async () => {
    const folder = vscode.workspace.asRelativePath(root, false);
    const result = await vscode.lm.invokeTool('connectorPlan_listPlans', { input: { folder }, toolInvocationToken: undefined });
    const json = (result.content[1] as vscode.LanguageModelTextPart).value;
    let stdout = '';
    await main({ argv: ['status', '--format', 'json', folder], cwd: vscode.workspace.workspaceFolders![0].uri.fsPath, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => undefined }, tool: { version: 'test', informationUri: 'https://example.test' } });
    const rows = (JSON.parse(json) as { plans: { loop?: unknown }[] }).plans;
    assert.deepEqual(JSON.parse(json), JSON.parse(stdout));
    assert.ok(rows.filter((row) => row.loop).length >= 5, 'the fixture loops are listed as loops');
  });

  it('reads the final plan again when a revision is saved: its gate follows the ledger', async () => {
    const { analyzer } = await extensionApi();
    const loop = loops.find((name) => fs.readdirSync(path.join(LOOPS, name)).some((f) => /^FINAL.*PLAN.*\.md$/i.test(f)) && fs.readdirSync(path.join(LOOPS, name)).some((f) => /revision/.test(f)))!;
    const names = fs.readdirSync(path.join(LOOPS, loop));
    const final = vscode.Uri.joinPath(root, loop, names.find((f) => /^FINAL.*PLAN.*\.md$/i.test(f))!);
    const finalDocument = await vscode.workspace.openTextDocument(final);
    await vscode.window.showTextDocument(finalDocument);
    const gate = () => vscode.languages.getDiagnostics(final).filter((d) => typeof d.code === 'object' && d.code.value === 'open-review-finding').length;
    const before = (await analyzer.current(finalDocument))!.report.findings.filter((f) => f.ruleId === 'open-review-finding').length;
    // A new review round raising a blocking finding no one answered: the final plan's gate counts it once the round is saved.
    const round = vscode.Uri.joinPath(root, loop, '90-late-review.md');
    await vscode.workspace.fs.writeFile(round, new TextEncoder().encode('# Late review\n\n## Findings\n\n### P1.9 — The rollback drops the cursor table\n\nRestore it before the cutover.\n'));
    const document = await vscode.workspace.openTextDocument(round);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(document.lineCount, 0), '\n'));
    await document.save();
    try {
      await until(vscode.languages.onDidChangeDiagnostics, () => gate() === before + 1 || undefined, `the final plan's gate counts the new P1 (${before} before)`);
      const files = await cliCheck(vscode.Uri.joinPath(root, loop));
      const cli = files.find((f) => final.path.endsWith(`/${f.path}`))!;
      assert.equal(cli.findings.filter((f) => f.ruleId === 'open-review-finding').length, before + 1, 'check counts it too');
    } finally {
      await closeEditorsReverting();
      await deleteQuietly(round);
    }
  });
});
