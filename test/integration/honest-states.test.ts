import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { childrenOf, treeItemOf, type PlanNode, type SectionNode } from '../../src/extension/plan-tree-items';
import { extensionApi, planText } from './plan-documents';
import { closeEditorsReverting } from './plan-tree-nodes';

const markdownOf = (tooltip: vscode.TreeItem['tooltip']) => (typeof tooltip === 'string' ? tooltip : tooltip?.value ?? '');

async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n---\n');
}

describe('honest states', () => {
  afterEach(closeEditorsReverting);

  it('a section with only an info finding is not shown complete: icon, tooltip and hover', async () => {
    const { analyzer } = await extensionApi();
    // H moved after I: filled in full, but out of order (an info).
    const text = planText('Acme');
    const h = /\n## H\)[^]*?(?=\n## I\))/.exec(text)![0];
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: `${text.replace(h, '')}\n${h}\n` });
    const analysis = await analyzer.analyzeDocument(document);
    const order = analysis.report.findings.find((f) => f.ruleId === 'section-order');
    assert.ok(order, analysis.report.findings.map((f) => f.ruleId).join(', '));
    const plan: PlanNode = { kind: 'plan', uri: document.uri, analysis };
    const section = childrenOf(plan).find((n): n is SectionNode => n.kind === 'section' && n.section.id === order.sectionId)!;
    const item = treeItemOf(section);
    assert.equal(section.section.filled, section.section.total);
    assert.notEqual((item.iconPath as vscode.ThemeIcon).id, 'pass');
    assert.doesNotMatch(markdownOf(item.tooltip), /complete/);
    const heading = document.getText().split('\n').findIndex((l) => l.startsWith('## H)'));
    assert.match(await hoverText(document, new vscode.Position(heading, 5)), /filled · partial/);
  });

  it("a field's hover shows the template's guidance or nothing, never a stock sentence; a risk is named", async () => {
    const { analyzer } = await extensionApi();
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: planText('Acme') });
    const line = document.getText().split('\n').findIndex((l) => l.startsWith('- Decisions/metrics this should unlock:'));
    const text = await hoverText(document, new vscode.Position(line, 4));
    assert.match(text, /template field of A\) Business Goal/);
    assert.doesNotMatch(text, /leaves it blank/);
    const risk = (await analyzer.analyzeDocument(document)).report.findings.find((f) => f.ruleId === 'risk-without-mitigation')!;
    assert.match(risk.message, /^Risk 1 "rate limits" has no mitigation/);
  });

  it('tooltips say each count once', async () => {
    const { analyzer } = await extensionApi();
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: planText('Acme') });
    const analysis = await analyzer.analyzeDocument(document);
    const plan: PlanNode = { kind: 'plan', uri: document.uri, analysis };
    const tooltip = markdownOf(treeItemOf(plan).tooltip);
    assert.equal(tooltip.match(/go\/no-go items/g)?.length, 1, tooltip);
    for (const node of childrenOf(plan)) {
      if (node.kind !== 'section') continue;
      const { filled, total } = node.section;
      const said = markdownOf(treeItemOf(node).tooltip).split(`${filled}/${total}`).length - 1;
      assert.ok(said <= 1, `${node.section.id}: ${markdownOf(treeItemOf(node).tooltip)}`);
    }
  });
});
