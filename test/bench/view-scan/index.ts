// Run in the extension host by test/bench/workspace.mjs (extensionTestsPath): times the Plans view's first rows and full scan.
import * as vscode from 'vscode';
import type { ConnectorPlanApi } from '../../../src/extension/extension';
import type { PlanAnalyzer } from '../../../src/extension/plan-analysis';
import type { PlanTree } from '../../../src/extension/plan-tree';
import type { PlanRowStore } from '../../../src/extension/plan-tree-store';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<ConnectorPlanApi>('connector-plan.connector-plan');
  if (!extension) throw new Error('connector-plan.connector-plan is not loaded');
  const api = await extension.activate();
  const { planTree } = api;
  let started = performance.now();
  const firstRows = (await planTree.getChildren()).length;
  const firstRowsMs = performance.now() - started;
  await planTree.whenScanned();
  const first = performance.now() - started;
  const plans = (await planTree.getChildren()).length;
  const again: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    started = performance.now();
    await planTree.refresh();
    again.push(performance.now() - started);
  }
  if (process.env.BENCH_DETAIL) console.log(`view-scan detail: ${await detail()}`);
  // After a reload: the view made again over the rows this session stored (workspace state), as the next session's
  // view is; its first rows come from the store, then its first scan reads every file again.
  await planTree.whenStored();
  planTree.dispose();
  const next = new (planTree.constructor as new (analyzer: PlanAnalyzer, store?: PlanRowStore) => PlanTree)(api.analyzer, planTree.store);
  api.planTree = next;
  started = performance.now();
  const reloadRows = (await next.getChildren()).length;
  const reloadRowsMs = performance.now() - started;
  await next.whenScanned();
  const reloadAll = performance.now() - started;
  console.log(`view-scan: ${JSON.stringify({ plans, first, again, firstRows, firstRowsMs, reloadRows, reloadRowsMs, reloadAll })}`);
}

/** BENCH_DETAIL=1: what the extension host's own calls cost per file, to see where a scan's time goes. */
export async function detail(): Promise<string> {
  const files = await vscode.workspace.findFiles('**/*.md');
  const time = async (what: string, run: (uri: vscode.Uri) => unknown) => {
    const started = performance.now();
    for (const uri of files) await run(uri);
    return `${what} ${((performance.now() - started) / files.length).toFixed(3)} ms`;
  };
  return [
    `${files.length} files`,
    await time('getConfiguration', (uri) => vscode.workspace.getConfiguration('connectorPlan', uri).get('files')),
    await time('asRelativePath', (uri) => vscode.workspace.asRelativePath(uri, false)),
    await time('readFile', (uri) => vscode.workspace.fs.readFile(uri)),
    await atOnce(files, 8),
    await atOnce(files, 32),
    await atOnce(files, 128),
  ].join(', ');
}

async function atOnce(files: vscode.Uri[], limit: number): Promise<string> {
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < files.length) await vscode.workspace.fs.readFile(files[next++]);
  }));
  return `readFile ${limit} at once ${((performance.now() - started) / files.length).toFixed(3)} ms`;
}
