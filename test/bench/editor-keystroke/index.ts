// Run in the extension host by test/bench/editor.mjs (extensionTestsPath): from a keystroke in a plan to its new
// diagnostics, on each plan of the workspace (plan-<lines>.md): an edit applied to the open editor, then the
// analysis of the edited version, whose findings the extension sets as diagnostics in the same turn. The lint delay is part of it and is reported apart.
import * as vscode from 'vscode';
import { inspectPlan } from '../../../src/core';
import type { ConnectorPlanApi } from '../../../src/extension/extension';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

/**
 * Settles when the analysis of `document`'s version after the edit is out: the extension sets its diagnostics from
 * it in the same turn (the Problems panel's listener comes first). VS Code's own diagnostics change event cannot
 * tell: the markdown extension publishes link diagnostics for the same file on every edit.
 */
function analysedAfterEdit(analyzer: ConnectorPlanApi['analyzer'], document: vscode.TextDocument): Promise<void> {
  return new Promise((resolve) => {
    const listener = analyzer.onDidAnalyze((result) => {
      if (result.uri.toString() !== document.uri.toString() || result.version !== document.version) return;
      listener.dispose();
      resolve();
    });
  });
}

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<ConnectorPlanApi>('connector-plan.connector-plan');
  if (!extension) throw new Error('connector-plan.connector-plan is not loaded');
  const { analyzer } = await extension.activate();
  const lintDelay = vscode.workspace.getConfiguration('connectorPlan').get<number>('lintDelay', 300);
  // BENCH_SETTINGS='{"editor.codeLens":false}': what a keystroke costs with other settings (user scope, restored after).
  const settings = Object.entries(JSON.parse(process.env.BENCH_SETTINGS ?? '{}') as Record<string, unknown>);
  for (const [key, value] of settings) await vscode.workspace.getConfiguration().update(key, value, vscode.ConfigurationTarget.Global);
  const plans = (await vscode.workspace.findFiles('plan-*.md')).sort((a, b) => a.path.localeCompare(b.path, undefined, { numeric: true }));
  const results: { lines: number; beyondDelay: number[]; detail: Record<string, number> }[] = [];
  for (const uri of plans) {
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    await analyzer.current(document);
    // A key typed at the end of the last line of prose, then taken back: each is a keystroke the plan is checked after.
    const line = document.lineCount - 2;
    const beyondDelay: number[] = [];
    /** Per keystroke: until the edit is applied, until the extension host hears of it, and from there to the analysis beyond the delay. */
    const phases: { edit: number; change: number; afterChange: number; started: number }[] = [];
    // When the analysis of the edited version starts (the lint delay's timer ran): the rest of the extension's part
    // is the analysis and what listens to it; before it, whatever kept the extension host busy when the timer was due.
    let analysisStarted = 0;
    const analyzeDocument = analyzer.analyzeDocument.bind(analyzer);
    analyzer.analyzeDocument = (d: vscode.TextDocument) => {
      if (d === document && !analysisStarted) analysisStarted = performance.now();
      return analyzeDocument(d);
    };
    for (let round = 0; round < ROUNDS; round++) {
      for (const typing of [true, false]) {
        const end = document.lineAt(line).range.end;
        let changedAt = 0;
        analysisStarted = 0;
        const changeListener = vscode.workspace.onDidChangeTextDocument((event) => {
          if (event.document === document && !changedAt) changedAt = performance.now();
        });
        const started = performance.now();
        await editor.edit((edit) => (typing ? edit.insert(end, 'x') : edit.delete(new vscode.Range(end.translate(0, -1), end))), { undoStopBefore: false, undoStopAfter: false });
        const applied = performance.now();
        await analysedAfterEdit(analyzer, document);
        changeListener.dispose();
        const done = performance.now();
        beyondDelay.push(done - started - lintDelay);
        phases.push({ edit: applied - started, change: changedAt - started, afterChange: done - changedAt - lintDelay, started: analysisStarted - changedAt - lintDelay });
      }
    }
    analyzer.analyzeDocument = analyzeDocument;
    const mid = (pick: (p: (typeof phases)[number]) => number) => phases.map(pick).sort((a, b) => a - b)[phases.length >> 1];
    const detail: Record<string, number> = { 'edit applied': mid((p) => p.edit), 'change heard': mid((p) => p.change), 'change -> analysis beyond delay': mid((p) => p.afterChange), 'of which until the analysis starts': mid((p) => p.started) };
    if (process.env.BENCH_DETAIL) {
      // Where a keystroke's time goes: the options (config, template, loop), the core's analysis, both timed here.
      const time = async (what: string, run: () => unknown) => {
        const samples: number[] = [];
        for (let i = 0; i < 9; i++) {
          const started = performance.now();
          await run();
          samples.push(performance.now() - started);
        }
        detail[what] = samples.sort((a, b) => a - b)[4];
      };
      const { options } = await analyzer.optionsFor(uri);
      await time('optionsFor', () => analyzer.optionsFor(uri));
      await time('inspectPlan', () => inspectPlan(document.getText(), options));
      await time('analyzeDocument', () => analyzer.analyzeDocument(document));
    }
    results.push({ lines: document.lineCount, beyondDelay, detail });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  for (const [key] of settings) await vscode.workspace.getConfiguration().update(key, undefined, vscode.ConfigurationTarget.Global);
  console.log(`editor-keystroke: ${JSON.stringify({ lintDelay, results })}`);
}
