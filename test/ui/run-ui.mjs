// Runs the UI tests (test/ui/*.test.mjs) with mocha, driving the real workbench through Playwright.
// Usage: node test/ui/run-ui.mjs [--timeout=SECONDS] [--grep=TEXT]   (a deadline for the whole run; only the tests whose title has TEXT)
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { reportLayer, repoRoot, runLayer, shown, startVSCodeSession, timeoutSeconds } from '../harness/vscode-session.mjs';
import { setSession } from './workbench.mjs';

const LAYER = 'ui';
const uiDir = join(repoRoot, 'test', 'ui');

async function main() {
  const timeout = timeoutSeconds(600);
  const grep = process.argv.find((arg) => arg.startsWith('--grep='))?.slice('--grep='.length);
  const started = Date.now();
  const session = await startVSCodeSession({ name: LAYER });
  try {
    setSession(session);
    const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 60_000, failZero: true, ...(grep ? { grep } : {}) });
    for (const file of readdirSync(uiDir).filter((name) => name.endsWith('.test.mjs')).sort()) mocha.addFile(join(uiDir, file));
    await mocha.loadFilesAsync();

    let runner;
    const result = await new Promise((resolve) => {
      const timer = setTimeout(() => {
        runner?.abort();
        resolve({ timedOut: true });
      }, timeout * 1000);
      runner = mocha.run((runFailures) => {
        clearTimeout(timer);
        resolve({ runFailures });
      });
    });
    const passed = runner.stats?.passes ?? 0;
    let failed = runner.stats?.failures ?? 0;
    if (result.timedOut) {
      console.error(`${LAYER}: timed out after ${timeout} s (set VSCODE_TEST_TIMEOUT=seconds or --timeout=seconds to wait longer)`);
      failed = Math.max(failed, 1);
    } else if (result.runFailures > 0 && failed === 0) {
      console.error(`${LAYER}: no UI tests ran`);
      failed = 1;
    }
    if (failed > 0) console.error(`${LAYER}: screenshots and server log in ${shown(session.resultsDir)}`);
    return reportLayer(LAYER, started, passed, failed);
  } finally {
    await session.close();
  }
}

runLayer(LAYER, main);
