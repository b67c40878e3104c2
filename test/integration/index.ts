// The extension host calls run() (extensionTestsPath): it runs every test/integration/**/*.test.ts with mocha.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

// mocha 12 is an ES module; CommonJS code reaches its class through the named export.
const { Mocha } = require('mocha') as { Mocha: typeof import('mocha') };

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const sourceDir = path.join(repoRoot, 'test', 'integration');

// Discovered from the sources, so a stale compiled file of a deleted test never runs.
function findCompiledTests(): string[] {
  // The tests under no-folder/ and pseudo-locale/ run in windows of their own: no folder open, another language.
  const sources = fs.readdirSync(sourceDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.test.ts') && !/^(?:no-folder|pseudo-locale)[\\/]/.test(file));
  return sources.sort().map((source) => {
    const compiled = path.join(__dirname, source.replace(/\.ts$/, '.js'));
    if (!fs.existsSync(compiled)) throw new Error(`${compiled} is missing: run \`npm run compile\` first`);
    return compiled;
  });
}

export async function run(): Promise<void> {
  // CONNECTOR_PLAN_TEST_GREP=<text> runs only the tests whose title has the text.
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 20_000, failZero: true, ...(process.env.CONNECTOR_PLAN_TEST_GREP ? { grep: process.env.CONNECTOR_PLAN_TEST_GREP } : {}) });
  const files = findCompiledTests();
  for (const file of files) mocha.addFile(file);
  console.log(`integration: running ${files.length} test file(s) in VS Code ${vscode.version}`);
  const { passes, failures, runFailures } = await new Promise<{ passes: number; failures: number; runFailures: number }>((resolve) => {
    const runner = mocha.run((runFailures) => resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0, runFailures }));
  });
  console.log(`integration: ${passes} passed, ${failures} failed (VS Code ${vscode.version})`);
  if (runFailures > 0) throw new Error(failures > 0 ? `${failures} integration test(s) failed` : 'no integration tests ran');
}
