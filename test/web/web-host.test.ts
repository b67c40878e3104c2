import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyzePlan, fileDocument } from '../../src/core';
import { extensionApi } from '../integration/plan-documents';
import { fixtureUri, planNode, until } from '../integration/plan-tree-nodes';

// Only in the web worker host: the extension really runs there, as on vscode.dev and github.dev.
describe('in the web worker extension host', () => {
  it('runs without Node: no process object, the web UI kind, the browser bundle', () => {
    assert.equal(typeof process, 'undefined');
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    const extension = vscode.extensions.getExtension('connector-plan.connector-plan');
    assert.ok(extension, 'the extension is loaded');
    assert.equal(extension.packageJSON.main, undefined);
    assert.equal(extension.packageJSON.browser, './dist/web/extension.js');
  });

  it("checks a plan with the core's findings, read through workspace.fs", async () => {
    const api = await extensionApi();
    const uri = fixtureUri('globex-plan.md');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const result = api.analyzer.get(document) ?? (await api.analyzer.analyzeDocument(document));
    assert.deepEqual(result.report.findings.map((f) => [f.ruleId, f.range.start.line]), analyzePlan(text).findings.map((f) => [f.ruleId, f.range.start.line]));
    const shown = await until(vscode.languages.onDidChangeDiagnostics, () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      return diagnostics.length === result.report.findings.length && diagnostics;
    }, 'the Problems panel shows every finding');
    assert.equal(shown.length, result.report.findings.length);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('checks a plan against its repository as the core does, and again when a file it names is created', async () => {
    const root = fixtureUri('tmp-web-references');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri('globex-plan.md')));
    const client = 'export const token = () => process.env.GLOBEX_API_TOKEN;\n';
    const uri = vscode.Uri.joinPath(root, 'globex-plan.md');
    const write = (relative: string, content: string) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, ...relative.split('/')), new TextEncoder().encode(content));
    // The core's findings for the same repository: its files, and what they say.
    const expected = (files: Record<string, string>) => analyzePlan(text, { repository: { index: { files: () => Object.keys(files).sort(), read: (path) => files[path] }, planPath: 'globex-plan.md' } }).findings.map((f) => `${f.range.start.line} ${f.ruleId} ${f.message}`).sort();
    const shown = () => vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line} ${String((d.code as { value: string }).value)} ${d.message}`).sort();
    const matches = (want: string[]) => until(vscode.languages.onDidChangeDiagnostics, () => JSON.stringify(shown()) === JSON.stringify(want) && want, `the diagnostics are the core's: ${want.join(' | ')}`, 30_000);
    try {
      await write('.git/HEAD', 'ref: refs/heads/main\n');
      await write('globex-plan.md', text);
      // The plan's migration is there: the repository is the plan's own (one naming nothing of it is another's).
      const migration = 'supabase/migrations/20261101_globex.sql';
      await write(migration, 'create table globex_accounts (id text primary key);\n');
      const before = expected({ 'globex-plan.md': text, [migration]: '' });
      assert.ok(before.some((f) => f.includes('reference-not-found') && f.includes('src/lib/globex/client.ts')));
      assert.ok(before.some((f) => f.includes('env-var-unknown')));
      await vscode.window.showTextDocument(uri);
      await matches(before);
      await write('src/lib/globex/client.ts', client);
      const after = expected({ 'globex-plan.md': text, [migration]: '', 'src/lib/globex/client.ts': client });
      assert.ok(!after.some((f) => f.includes('src/lib/globex/client.ts') || f.includes('env-var-unknown')));
      await matches(after);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(root, { recursive: true, useTrash: false });
    }
  });

  it('lists the workspace plans in the Plans view', async () => {
    const api = await extensionApi();
    await api.planTree.refresh();
    assert.ok(await planNode(api.planTree, fixtureUri('globex-plan.md')), 'the fixture plan is listed');
  });

  it('answers the agent tools with the same JSON as the core gives, in the browser too', async () => {
    const uri = fixtureUri('globex-plan.md');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const result = await vscode.lm.invokeTool('connectorPlan_checkPlan', { input: { path: 'globex-plan.md' }, toolInvocationToken: undefined });
    const parts = result.content.map((part) => (part as vscode.LanguageModelTextPart).value);
    assert.equal(parts.length, 2, parts.join(' | '));
    assert.deepEqual(JSON.parse(parts[1]), { files: [fileDocument('globex-plan.md', analyzePlan(text))] });
    const refused = await vscode.lm.invokeTool('connectorPlan_checkPlan', { input: { path: '../outside.md' }, toolInvocationToken: undefined });
    assert.match((refused.content[0] as vscode.LanguageModelTextPart).value, /outside the workspace folder/);
  });
});
