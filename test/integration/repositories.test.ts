import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { main } from '../../src/cli/main';
import type { PlanNode } from '../../src/extension/plan-tree-items';
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

  it('lists only the plans, by distinct names, and the templates as templates', async () => {
    const { planTree } = await extensionApi();
    const listed = [...expected].filter(([, want]) => want.kind !== 'other');
    const rows = async () => {
      const roots = await planTree.getChildren();
      return roots.filter((n): n is PlanNode => n.kind === 'plan' && n.uri.toString().startsWith(`${root.toString()}/`));
    };
    await until(planTree.onDidChangeTreeData, async () => (await rows()).length >= listed.length && true, `${listed.length} rows under tmp-repos`, 60_000);
    const shown = new Map((await rows()).map((n) => [n.uri.toString(), planTree.getTreeItem(n)]));
    assert.deepEqual([...shown.keys()].sort(), listed.map(([uri]) => uri).sort(), 'rows are exactly the plans and templates');
    for (const [uri, want] of listed) {
      const item = shown.get(uri)!;
      if (want.kind === 'template') assert.equal(item.description, 'template · not checked', uri);
      else {
        assert.match(String(item.description), /^\d+% · /, uri);
        if (want.name) assert.equal(item.label, want.name, uri);
      }
    }
    // Each fixture is a repository of its own: within one, no two plans are named the same.
    for (const repo of fs.readdirSync(REPOS)) {
      const labels = listed.filter(([uri, want]) => want.kind === 'plan' && uri.startsWith(vscode.Uri.joinPath(root, repo).toString() + '/')).map(([uri]) => String(shown.get(uri)!.label));
      assert.deepEqual(labels.filter((label, i) => labels.indexOf(label) !== i), [], `no two plans of ${repo} named the same`);
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
