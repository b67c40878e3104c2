// The tests that run in a window whose display language is the pseudo-locale qps-ploc (run-in-vscode.mjs starts a
// code-server in it), so every string the extension shows must come from its bundles, pseudo-localized.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const { Mocha } = require('mocha') as { Mocha: typeof import('mocha') };

const sourceDir = path.join(__dirname, '..', '..', '..', '..', 'test', 'integration', 'pseudo-locale');

export async function run(): Promise<void> {
  if (vscode.env.language !== 'qps-ploc') throw new Error(`these tests need VS Code in the qps-ploc display language, not ${vscode.env.language}`);
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 20_000, failZero: true });
  const files = fs.readdirSync(sourceDir).filter((file) => file.endsWith('.test.ts')).sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file.replace(/\.ts$/, '.js')));
  console.log(`integration: running ${files.length} test file(s) in VS Code ${vscode.version}, display language qps-ploc`);
  const { passes, failures, runFailures } = await new Promise<{ passes: number; failures: number; runFailures: number }>((resolve) => {
    const runner = mocha.run((runFailures) => resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0, runFailures }));
  });
  console.log(`integration: ${passes} passed, ${failures} failed (VS Code ${vscode.version}, display language qps-ploc)`);
  if (runFailures > 0) throw new Error(failures > 0 ? `${failures} integration test(s) failed` : 'no integration tests ran');
}
