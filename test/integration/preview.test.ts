import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyzePlan } from '../../src/core';
import { diagnosticsWhen, extensionApi, planText, ruleOf } from './plan-documents';
import { closeEditorsReverting, deleteQuietly, fixtureUri } from './plan-tree-nodes';

/** Renders with VS Code's own markdown engine and every contributed markdown-it plugin, as the preview does. */
const renderMarkdown = (input: string | vscode.TextDocument) => vscode.commands.executeCommand<string>('markdown.api.render', input);

type Counts = Record<'error' | 'warning' | 'info', number>;

/** The gap counts of the preview's summary. */
function summaryCounts(html: string): Counts {
  const summary = html.slice(0, html.indexOf('</div>'));
  assert.match(summary, /^<div class="connector-plan-summary /, 'the rendered plan starts with the summary');
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const [, severity, n] of summary.matchAll(/connector-plan-count-(error|warning|info)">(\d+) /g)) counts[severity as keyof Counts] = Number(n);
  return counts;
}

/** The Problems panel's counts for these diagnostics. */
function problemCounts(diagnostics: readonly vscode.Diagnostic[]): Counts {
  const count = (severity: vscode.DiagnosticSeverity) => diagnostics.filter((d) => d.severity === severity).length;
  return { error: count(vscode.DiagnosticSeverity.Error), warning: count(vscode.DiagnosticSeverity.Warning), info: count(vscode.DiagnosticSeverity.Information) };
}

const SEVERITY_CLASS: Record<number, string> = { 0: 'error', 1: 'warning', 2: 'info' };

/** Each diagnostic's rule and severity, and each badge's, as `rule severity` sorted. */
const diagnosticMarks = (diagnostics: readonly vscode.Diagnostic[]) => diagnostics.map((d) => `${ruleOf(d)} ${SEVERITY_CLASS[d.severity]}`).sort();
function badgeMarks(html: string): string[] {
  const marks: string[] = [];
  for (const [, severity, title] of html.matchAll(/<span class="connector-plan-badge connector-plan-badge-(\w+)" title="([^"]*)">/g)) {
    for (const line of title.split('\n')) marks.push(`${/\(([a-z-]+), \w+\)$/.exec(line)![1]} ${severity}`);
  }
  for (const _ of html.matchAll(/<span class="connector-plan-placeholder"/g)) marks.push('unfilled-placeholder warning');
  return marks.sort();
}

describe('markdown preview plugin', () => {
  before(async () => {
    await extensionApi();
    await vscode.extensions.getExtension('vscode.markdown-language-features')?.activate();
  });

  it('renders a plan with its summary, badges, placeholders and task boxes, and leaves other markdown alone', async () => {
    const plan = planText('Acme').replace('- External system: Acme API', '- External system: {system}');
    const html = await renderMarkdown(plan);
    const { percent } = analyzePlan(plan).progress!;
    assert.match(html, new RegExp(`^<div class="connector-plan-summary connector-plan-nogo"[^>]*><p class="connector-plan-summary-line"><strong>${percent}% complete</strong> · <span class="connector-plan-verdict">NO-GO</span> 1/2</p>`));
    assert.match(html, /<li [^>]*class="code-line[^"]*connector-plan-empty[^"]*"[^>]*>Decisions\/metrics this should unlock:<span class="connector-plan-badge connector-plan-badge-warning" [^>]*>empty<\/span>/);
    assert.match(html, /<li [^>]*class="[^"]*connector-plan-no-mitigation[^"]*"[^>]*>Risk 1: rate limits<span class="connector-plan-badge connector-plan-badge-warning" [^>]*>no mitigation<\/span>/);
    assert.match(html, /<span class="connector-plan-placeholder" title="Placeholder \{system\} is still here: [^"]*">\{system\}<\/span>/);
    assert.match(html, /<input type="checkbox" class="connector-plan-task-box" disabled checked> Auth and connection test pass/);
    assert.match(html, /<input type="checkbox" class="connector-plan-task-box" disabled> Mappings validated/);

    // VS Code's preview has no task lists of its own: a box in other markdown stays text.
    const notes = await renderMarkdown('# Notes\n\n- Owner: {someone}\n- Empty:\n- [ ] call Ann\n');
    assert.doesNotMatch(notes, /connector-plan-|<input/);
    assert.match(notes, />\[ \] call Ann<\/li>/);
  });

  describe('for a plan with rules set in .connector-plan.json and in settings', () => {
    const folder = fixtureUri('tmp-preview-rules');
    const planUri = vscode.Uri.joinPath(folder, 'acme-plan.md');
    const config = () => vscode.workspace.getConfiguration('connectorPlan');
    let document: vscode.TextDocument;

    before(async () => {
      const rules = { rules: { 'empty-field': 'error', 'go-no-go-open': 'off' } };
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, '.connector-plan.json'), new TextEncoder().encode(JSON.stringify(rules)));
      await vscode.workspace.fs.writeFile(planUri, new TextEncoder().encode(planText('Acme')));
      await config().update('rules', { 'risk-without-mitigation': 'info' }, vscode.ConfigurationTarget.Global);
      document = await vscode.workspace.openTextDocument(planUri);
      await vscode.window.showTextDocument(document);
    });

    after(async () => {
      await config().update('rules', undefined, vscode.ConfigurationTarget.Global);
      await config().update('enable', undefined, vscode.ConfigurationTarget.Global);
      await closeEditorsReverting();
      await deleteQuietly(folder);
    });

    const withRules = (diagnostics: vscode.Diagnostic[]) =>
      diagnostics.some((d) => ruleOf(d) === 'empty-field' && d.severity === vscode.DiagnosticSeverity.Error) &&
      diagnostics.some((d) => ruleOf(d) === 'risk-without-mitigation' && d.severity === vscode.DiagnosticSeverity.Information) &&
      !diagnostics.some((d) => ruleOf(d) === 'go-no-go-open');

    it('counts in the summary what the Problems panel shows, and badges each problem with its severity', async () => {
      const diagnostics = await diagnosticsWhen(planUri, withRules);
      const html = await renderMarkdown(document);
      assert.deepEqual(summaryCounts(html), problemCounts(diagnostics));
      assert.deepEqual(badgeMarks(html), diagnosticMarks(diagnostics));
      assert.notDeepEqual(summaryCounts(html), summaryCounts(await renderMarkdown(document.getText())), 'the default rules would count otherwise');
    });

    it('follows a settings change, and shows no marks when the checks are off', async () => {
      await diagnosticsWhen(planUri, withRules);
      await config().update('rules', { 'risk-without-mitigation': 'error', 'unchosen-option': 'off' }, vscode.ConfigurationTarget.Global);
      const diagnostics = await diagnosticsWhen(planUri, (d) => d.some((x) => ruleOf(x) === 'risk-without-mitigation' && x.severity === vscode.DiagnosticSeverity.Error) && !d.some((x) => ruleOf(x) === 'unchosen-option'));
      const html = await renderMarkdown(document);
      assert.deepEqual(summaryCounts(html), problemCounts(diagnostics));
      assert.deepEqual(badgeMarks(html), diagnosticMarks(diagnostics));

      await config().update('enable', false, vscode.ConfigurationTarget.Global);
      await diagnosticsWhen(planUri, (d) => d.length === 0);
      assert.doesNotMatch(await renderMarkdown(document), /connector-plan-/);
    });
  });
});
