import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { main } from '../../src/cli/main';
import type { LoopNode, PlanNode } from '../../src/extension/plan-tree-items';
import { extensionApi } from './plan-documents';
import { closeEditorsReverting, deleteQuietly, fixtureUri, planNode, until } from './plan-tree-nodes';

// The fixture repositories of test/fixtures/repos, copied into the workspace: the Plans view lists their plans by the
// names kinds.expected.json gives and their templates as templates; every other file gets no diagnostics.

interface ExpectedFile {
  kind: 'plan' | 'template' | 'other';
  name?: string;
}

const REPOS = path.resolve(__dirname, '../../../test/fixtures/repos');

function filesOf(folder: string, prefix = ''): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesOf(path.join(folder, entry.name), relative) : [relative];
  });
}

describe('fixture repositories in the workspace', function () {
  this.timeout(120_000);
  const root = fixtureUri('tmp-repos');
  const expected = new Map<string, ExpectedFile>();

  before(async () => {
    for (const repo of fs.readdirSync(REPOS)) {
      const kinds = JSON.parse(fs.readFileSync(path.join(REPOS, repo, 'kinds.expected.json'), 'utf8')) as { files: Record<string, ExpectedFile> };
      for (const [file, want] of Object.entries(kinds.files)) expected.set(vscode.Uri.joinPath(root, repo, file).toString(), want);
      for (const file of filesOf(path.join(REPOS, repo))) {
        if (file === 'kinds.expected.json') continue;
        await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, repo, file), fs.readFileSync(path.join(REPOS, repo, file)));
      }
    }
  });

  after(async () => {
    await closeEditorsReverting();
    await deleteQuietly(root);
  });

  it('lists only the plans, by distinct names, and the templates as templates; a review loop as one row, as status does', async () => {
    const { planTree } = await extensionApi();
    // The review loops are those `connector-plan status` shows as one row each (issue 18): their plans are listed
    // under the loop's row, not beside it, as status lists them.
    const loops: { folder: vscode.Uri; name: string }[] = [];
    for (const repo of fs.readdirSync(REPOS)) {
      let stdout = '';
      await main({ argv: ['status', '--format', 'json', '.'], cwd: vscode.Uri.joinPath(root, repo).fsPath, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => undefined }, tool: { version: 'test', informationUri: 'https://example.test' } });
      for (const row of (JSON.parse(stdout) as { plans: { name: string; loop?: { folder: string } }[] }).plans) if (row.loop) loops.push({ folder: vscode.Uri.joinPath(root, repo, ...row.loop.folder.split('/')), name: row.name });
    }
    const inLoop = (uri: string) => loops.find((l) => uri.startsWith(`${l.folder.toString()}/`) && !uri.slice(l.folder.toString().length + 1).includes('/'));
    const listed = [...expected].filter(([, want]) => want.kind !== 'other');
    const single = listed.filter(([uri]) => !inLoop(uri));
    const rows = async () => {
      await planTree.whenScanned();
      const roots = await planTree.getChildren();
      return roots.filter((n): n is PlanNode | LoopNode => (n.kind === 'plan' ? n.uri : n.kind === 'loop' ? n.folder : undefined)?.toString().startsWith(`${root.toString()}/`) ?? false);
    };
    const ready = (found: (PlanNode | LoopNode)[]) => found.filter((n) => n.kind === 'plan').length >= single.length && found.filter((n) => n.kind === 'loop').length >= loops.length;
    await until(planTree.onDidChangeTreeData, async () => ready(await rows()), `${single.length} plan rows and ${loops.length} loop rows under tmp-repos`, 60_000);
    const found = await rows();
    const shown = new Map(found.filter((n): n is PlanNode => n.kind === 'plan').map((n) => [n.uri.toString(), planTree.getTreeItem(n)]));
    assert.deepEqual([...shown.keys()].sort(), single.map(([uri]) => uri).sort(), 'plan rows are exactly the plans and templates outside review loops');
    const loopRows = found.filter((n): n is LoopNode => n.kind === 'loop');
    assert.deepEqual(loopRows.map((n) => [n.folder.toString(), planTree.getTreeItem(n).label]).sort(), loops.map((l) => [l.folder.toString(), l.name]).sort(), 'one row per review loop, named as status names it');
    for (const [uri, want] of single) {
      const item = shown.get(uri)!;
      if (want.kind === 'template') assert.equal(item.description, 'template · not checked', uri);
      else {
        assert.match(String(item.description), /^\d+% · /, uri);
        if (want.name) assert.equal(item.label, want.name, uri);
      }
    }
    // The plans of a loop are among its rounds, each named by its file.
    for (const row of loopRows) {
      const rounds = (await planTree.getChildren(row)).filter((n): n is PlanNode => n.kind === 'plan').map((n) => n.uri.toString());
      const plans = listed.filter(([uri, want]) => want.kind === 'plan' && inLoop(uri)?.folder.toString() === row.folder.toString()).map(([uri]) => uri);
      assert.deepEqual(rounds.sort(), plans.sort(), `the plans of ${row.folder.path} are its rounds`);
      assert.match(String(planTree.getTreeItem(row).description), /^(proposal|in review|revised|final) · \d+% · (GO|NO-GO)/);
    }
    // Each fixture is a repository of its own: within one, no two rows are named the same.
    for (const repo of fs.readdirSync(REPOS)) {
      const prefix = vscode.Uri.joinPath(root, repo).toString() + '/';
      const labels = [
        ...single.filter(([uri, want]) => want.kind === 'plan' && uri.startsWith(prefix)).map(([uri]) => String(shown.get(uri)!.label)),
        ...loopRows.filter((n) => n.folder.toString().startsWith(prefix)).map((n) => String(planTree.getTreeItem(n).label)),
      ];
      assert.deepEqual(labels.filter((label, i) => labels.indexOf(label) !== i), [], `no two rows of ${repo} named the same`);
    }
  });

  it('reads every plan as the CLI does: the same findings, progress and verdict', async () => {
    const { analyzer } = await extensionApi();
    for (const repo of fs.readdirSync(REPOS)) {
      let stdout = '';
      await main({ argv: ['check', '--format', 'json', '.'], cwd: vscode.Uri.joinPath(root, repo).fsPath, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => undefined }, tool: { version: 'test', informationUri: 'https://example.test' } });
      const files = (JSON.parse(stdout) as { files: { path: string; kind: string; findings: { line: number; ruleId: string }[]; progress: { percent: number; goNoGo: { verdict: string } } | null }[] }).files;
      for (const file of files.filter((f) => f.kind === 'plan')) {
        const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root, repo, ...file.path.split('/')));
        const result = (await analyzer.current(document))!;
        const where = `${repo}/${file.path}`;
        assert.equal(result.isPlan, true, where);
        assert.deepEqual(result.report.findings.map((f) => `${f.range.start.line + 1} ${f.ruleId}`).sort(), file.findings.map((f) => `${f.line} ${f.ruleId}`).sort(), where);
        assert.deepEqual([result.report.progress?.percent, result.report.progress?.goNoGo.verdict], [file.progress?.percent, file.progress?.goNoGo.verdict], where);
      }
    }
  });

  it('puts no diagnostics on a file that is not a plan, nor on a template', async () => {
    const { analyzer } = await extensionApi();
    for (const [uri, want] of expected) {
      if (want.kind === 'plan') continue;
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      const result = await analyzer.current(document);
      assert.equal(result?.isPlan, false, `${uri} is checked as a plan`);
      assert.equal(result?.report.kind, want.kind, `${uri}: ${result?.report.reading?.why} (template ${result?.plan.schema.titleSuffix})`);
      assert.deepEqual(vscode.languages.getDiagnostics(document.uri), [], uri);
      assert.equal(await planNode((await extensionApi()).planTree, document.uri).then((n) => Boolean(n) === (want.kind === 'template')), true, uri);
    }
  });
});
