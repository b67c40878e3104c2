import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { diagnosticsWhen, EXTENSION_ID, extensionApi, hasRule, openPlan, ruleOf } from '../plan-documents';
import { closeEditorsReverting, fixtureUri, planNodeWhen, tooltipOf, until } from '../plan-tree-nodes';

const extension = () => vscode.extensions.getExtension(EXTENSION_ID)!;
const readJson = (file: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(extension().extensionPath, file), 'utf8'));

/**
 * The pseudo-localized text of a message, filled in as vscode.l10n.t fills it; it must differ from the English, so
 * a string shown in English (never wrapped, or missing from the bundle) fails the test that looks for it.
 */
function pseudo(message: string, ...args: (string | number)[]): string {
  const translated = readJson('l10n/bundle.l10n.qps-ploc.json')[message];
  assert.ok(translated, `"${message}" is not in l10n/bundle.l10n.qps-ploc.json: run \`npm run l10n\``);
  assert.notEqual(translated, message, `"${message}" is not pseudo-localized`);
  return translated.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
}

/** The whole text of a pseudo-localized message, whatever fills its placeholders. */
function pseudoPattern(message: string): RegExp {
  return new RegExp(`^${pseudo(message).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\d+\\\}/g, '.+')}$`);
}

describe('in the pseudo-locale qps-ploc', () => {
  before(() => extensionApi());
  afterEach(closeEditorsReverting);

  it('VS Code runs in qps-ploc, and the manifest shows package.nls.qps-ploc.json', () => {
    assert.equal(vscode.env.language, 'qps-ploc');
    const nls = readJson('package.nls.qps-ploc.json');
    const manifest = extension().packageJSON as { displayName: string; contributes: { commands: { command: string; title: string | { value: string } }[] } };
    assert.equal(manifest.displayName, nls.displayName);
    assert.notEqual(manifest.displayName, 'Connector Plan');
    const newPlan = manifest.contributes.commands.find((c) => c.command === 'connectorPlan.newPlan')!;
    // The host hands a localized title over with its English original: { value, original }.
    assert.equal(typeof newPlan.title === 'string' ? newPlan.title : newPlan.title.value, nls['command.newPlan.title']);
  });

  it("shows the core's finding messages pseudo-localized: the core reads VS Code's bundle", async () => {
    const editor = await openPlan();
    const diagnostics = await diagnosticsWhen(editor.document.uri, hasRule('empty-field'));
    const empty = diagnostics.find((d) => ruleOf(d) === 'empty-field')!;
    const label = 'Decisions/metrics this should unlock';
    assert.equal(empty.message, pseudo('"{0}" is empty: write its value after the label or on the lines under it.', label));
  });

  it('shows its notices pseudo-localized', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('connectorPlan.fixAll');
    assert.equal(api.recentNotices().at(-1), pseudo('Open a connector plan to fix its gaps.'));
  });

  it('shows the status bar item of a plan pseudo-localized', async () => {
    const api = await extensionApi();
    await openPlan();
    const label = await until(api.statusBar.onDidUpdate, () => api.statusBar.visible && api.statusBar.item.accessibilityInformation?.label, 'the status bar shows the plan');
    assert.match(label, pseudoPattern('{0}: {1}% filled, {2}, {3}'));
    assert.ok(tooltipOf(api.statusBar.item).includes(pseudo('Section')), tooltipOf(api.statusBar.item));
  });

  it('shows the Plans view rows pseudo-localized', async () => {
    const api = await extensionApi();
    const uri = fixtureUri('globex-plan.md');
    const plan = await planNodeWhen(api.planTree, uri, () => true, 'Globex is listed');
    assert.equal(api.planTree.getTreeItem(plan).command?.title, pseudo('Open Plan'));
    const gap = (await api.planTree.getChildren(plan)).flatMap((node) => (node.kind === 'gap' ? [node] : [])).at(0)
      ?? (await Promise.all((await api.planTree.getChildren(plan)).map((section) => api.planTree.getChildren(section)))).flat().find((node) => node.kind === 'gap');
    assert.ok(gap?.kind === 'gap', 'Globex has a gap');
    assert.equal(api.planTree.getTreeItem(gap).description, pseudo('line {0}', gap.finding.range.start.line + 1));
  });

  it("shows the CodeLens Fix title the extension makes pseudo-localized", async () => {
    const editor = await openPlan();
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri)) ?? [];
    const fix = lenses.find((lens) => lens.command?.command === 'connectorPlan.fixSection');
    assert.ok(fix, 'the plan has a Fix lens');
    assert.match(fix.command!.title, pseudoPattern('$(wrench) Fix {0}'));
  });
});
