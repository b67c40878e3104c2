// Run in the extension host by test/bench/workspace.mjs (extensionTestsPath): times the Plans view's full scan.
import * as vscode from 'vscode';
import type { ConnectorPlanApi } from '../../../src/extension/extension';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<ConnectorPlanApi>('connector-plan.connector-plan');
  if (!extension) throw new Error('connector-plan.connector-plan is not loaded');
  const { planTree } = await extension.activate();
  let started = performance.now();
  const plans = (await planTree.getChildren()).length;
  const first = performance.now() - started;
  const again: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    started = performance.now();
    await planTree.refresh();
    again.push(performance.now() - started);
  }
  console.log(`view-scan: ${JSON.stringify({ plans, first, again })}`);
}
