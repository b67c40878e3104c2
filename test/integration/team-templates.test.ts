import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { PlanAnalyzer } from '../../src/extension/plan-analysis';
import { extensionApi } from './plan-documents';
import { closeEditorsReverting, deleteQuietly, fixtureUri, planNode, until } from './plan-tree-nodes';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/team-templates/feature-rollout');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const byLine = (a: string, b: string) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b);

describe('team templates in VS Code', () => {
  const base = fixtureUri('team-template-test');
  const at = (p: string) => vscode.Uri.joinPath(base, ...p.split('/'));
  const write = (p: string, text: string) => vscode.workspace.fs.writeFile(at(p), new TextEncoder().encode(text));
  const config = () => vscode.workspace.getConfiguration('connectorPlan');

  before(async () => {
    await extensionApi();
    await write('.connector-plan.json', JSON.stringify({ templates: [{ files: 'features/**/*.md', template: 'templates/feature.md' }] }));
    await write('templates/feature.md', read('template.md'));
    await write('features/dark-mode.md', read('draft-one-gap-per-line-dark-mode.md'));
  });

  afterEach(async () => {
    await closeEditorsReverting();
    await config().update('template', undefined, vscode.ConfigurationTarget.Global);
  });

  after(() => deleteQuietly(base));

  it('checks a plan its config names with the team template: the findings the oracle expects', async () => {
    const { analyzer } = await extensionApi();
    const document = await vscode.workspace.openTextDocument(at('features/dark-mode.md'));
    const analysis = await analyzer.analyzeDocument(document);
    assert.equal(analysis.plan.schema.titleSuffix, 'Feature Rollout Plan');
    const expected = (JSON.parse(read('draft-one-gap-per-line-dark-mode.expected.json')) as { findings: string[] }).findings;
    assert.deepEqual(analysis.report.findings.map((f) => `${f.range.start.line + 1} ${f.ruleId}`).sort(byLine), [...expected].sort(byLine));
    await vscode.window.showTextDocument(document);
    await until(vscode.languages.onDidChangeDiagnostics, () => vscode.languages.getDiagnostics(document.uri).length === expected.length, 'the diagnostics are the team template\'s');
  });

  it('lists the plan in the Plans view, and the template file as a template, never as a plan', async () => {
    const { planTree } = await extensionApi();
    await until(planTree.onDidChangeTreeData, async () => {
      await planTree.refresh();
      return Boolean(await planNode(planTree, at('features/dark-mode.md')));
    }, 'the feature plan is listed');
    const template = await planNode(planTree, at('templates/feature.md'));
    assert.equal(template?.analysis.isPlan, false);
    assert.equal(planTree.getTreeItem(template!).description, 'template · not checked');
    assert.deepEqual(await planTree.getChildren(template), []);
  });

  it('New Connector Plan writes a plan from the team template it is given; Insert Plan Part offers its parts', async () => {
    const { analyzer } = await extensionApi();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('connectorPlan.newPlan', { name: 'Search', folder: at('features'), template: at('templates/feature.md') });
    assert.equal(uri?.path.split('/').pop(), 'search-rollout-plan.md');
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.lineAt(0).text, '# Search Feature Rollout Plan');
    const analysis = await analyzer.analyzeDocument(editor.document);
    assert.equal(analysis.plan.schema.titleSuffix, 'Feature Rollout Plan');
    assert.ok(!analysis.report.findings.some((f) => f.ruleId === 'missing-section'));
    await vscode.commands.executeCommand('leaveSnippet');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    assert.equal(await vscode.commands.executeCommand('connectorPlan.insertPart', { prefix: 'cp-stage' }), 'cp-stage');
    assert.match(editor.document.getText(), /### Stage 4: \{Name\}\n- Owner: \n- Flag state: \n- Exit criteria: \n$/);
    await deleteQuietly(uri);
  });

  it('New Connector Plan writes a team template\'s plan where its "files" glob names it, so a reload still reads it as one', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('connectorPlan.newPlan', { name: 'Billing', template: at('templates/feature.md') });
    assert.equal(uri?.toString(), at('features/billing-rollout-plan.md').toString());
    // A reloaded window: an analyzer that never saw New Connector Plan make the file.
    const reloaded = new PlanAnalyzer(vscode.window.createOutputChannel('reloaded window'));
    try {
      const analysis = await reloaded.scanFile(uri);
      assert.equal(analysis?.plan.schema.titleSuffix, 'Feature Rollout Plan');
      assert.ok(!analysis.report.findings.some((f) => f.ruleId === 'missing-section'));
    } finally {
      reloaded.dispose();
      await closeEditorsReverting();
      await deleteQuietly(uri);
    }
  });

  it('New Connector Plan refuses, saying why, a team template whose "files" glob names no folder', async () => {
    const api = await extensionApi();
    await write('no-folder/.connector-plan.json', JSON.stringify({ templates: [{ files: '**/*-feature.md', template: 'orphan.md' }] }));
    await write('no-folder/orphan.md', read('template.md'));
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('connectorPlan.newPlan', { name: 'Orphan', template: at('no-folder/orphan.md') });
    assert.equal(uri, undefined);
    assert.match(api.recentNotices().at(-1)!, /A plan of the template team-template-test\/no-folder\/orphan\.md must be a file its "files" glob \(\*\*\/\*-feature\.md\) names/);
    assert.equal(fs.existsSync(path.join(base.fsPath, 'docs')), false);
  });

  it('the newPlan agent tool, given no folder, writes a plan of the single team template where connectorPlan.files names it', async () => {
    await config().update('template', 'team-template-test/templates/feature.md', vscode.ConfigurationTarget.Global);
    await config().update('files', ['team-template-test/features/**/*.md'], vscode.ConfigurationTarget.Global);
    const written = at('features/pricing-rollout-plan.md');
    try {
      const result = await vscode.lm.invokeTool('connectorPlan_newPlan', { input: { name: 'Pricing' }, toolInvocationToken: undefined });
      const text = result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
      assert.match(text, /team-template-test\/features\/pricing-rollout-plan\.md/);
      assert.ok(fs.existsSync(written.fsPath), text);
      assert.equal(fs.existsSync(path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'docs', 'connectors', 'pricing-rollout-plan.md')), false, 'not in the plans folder, which the glob does not cover');
    } finally {
      await config().update('files', undefined, vscode.ConfigurationTarget.Global);
      await deleteQuietly(written);
    }
  });

  it("completion offers the team template's parts at a line start, where the snippets file has the built-in ones", async () => {
    const document = await vscode.workspace.openTextDocument(at('features/dark-mode.md'));
    const editor = await vscode.window.showTextDocument(document);
    const end = document.lineAt(document.lineCount - 1).range.end;
    await editor.edit((edit) => edit.insert(end, '\ncp-st'));
    const position = document.lineAt(document.lineCount - 1).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
    const stage = list.items.find((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'cp-stage');
    assert.ok(stage, list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).join(', '));
    assert.match((stage.insertText as vscode.SnippetString).value, /^### Stage \$\{1:4\}: /);
  });

  it('connectorPlan.template applies to plans no templates glob names; a missing template is named once, the built-in one used meanwhile', async () => {
    const api = await extensionApi();
    await write('other/checkout.md', read('finished-checkout-go.md'));
    await config().update('template', 'team-template-test/templates/feature.md', vscode.ConfigurationTarget.Global);
    const document = await vscode.workspace.openTextDocument(at('other/checkout.md'));
    const analysis = await api.analyzer.analyzeDocument(document);
    assert.equal(analysis.plan.schema.titleSuffix, 'Feature Rollout Plan');
    assert.deepEqual(analysis.report.findings, []);

    await config().update('template', 'team-template-test/templates/nope.md', vscode.ConfigurationTarget.Global);
    const fallback = await api.analyzer.analyzeDocument(document);
    assert.equal(fallback.plan.schema.titleSuffix, 'Connector Rollout Plan');
    assert.match(api.recentNotices().at(-1)!, /Cannot use the template team-template-test\/templates\/nope\.md: the file does not exist\. Its plans are checked with the built-in template meanwhile\./);
    await api.analyzer.analyzeDocument(document);
    assert.equal(api.recentNotices().filter((n) => /nope\.md/.test(n)).length, 1, 'said once');
  });
});
