// Runs the compiled integration suite (out/test/integration/index.js) in the extension host of a real
// VS Code (code-server + headless chromium) and exits with its result. Usage: node run-in-vscode.mjs [--timeout=SECONDS]
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { format } from 'node:util';
import { isNetworkNoise, reportLayer, repoRoot, runLayer, shown, startVSCodeSession, timeoutSeconds } from './vscode-session.mjs';

const LAYER = 'integration';
const suiteDir = join(repoRoot, 'out', 'test', 'integration');
const SUITE_START = /^integration: running /;
const SUMMARY = /^integration: (\d+) passed, (\d+) failed/m;

function preflight() {
  const missing = [
    [join(suiteDir, 'index.js'), 'npm run compile'],
    [join(repoRoot, 'dist', 'extension.js'), 'npm run build'],
  ].filter(([file]) => !existsSync(file));
  for (const [file, command] of missing) console.error(`${shown(file)} is missing: run \`${command}\` first`);
  if (missing.length > 0) process.exit(2);
}

// The workbench hands over its own log files when the suite ends; kept for a failed run.
function saveWorkbenchLogs(resultsDir, logs) {
  for (const { relativePath, contents } of logs ?? []) {
    const file = join(resultsDir, 'workbench-logs', relativePath);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, contents);
  }
}

/** The suites, each in a window of its own: the fixture workspace, then a window with no folder open. */
const SUITES = [
  { dir: suiteDir, folder: undefined, log: 'browser-console.log' },
  { dir: join(suiteDir, 'no-folder'), folder: null, log: 'browser-console-no-folder.log' },
];

async function main() {
  preflight();
  const timeout = timeoutSeconds(180);
  const started = Date.now();
  const session = await startVSCodeSession({ name: LAYER });
  let passed = 0;
  let failed = 0;
  try {
    for (const suite of SUITES) {
      const result = await runSuite(session, suite, timeout);
      passed += result.passed;
      failed += result.failed;
    }
    return reportLayer(LAYER, started, passed, failed);
  } finally {
    await session.close();
  }
}

async function runSuite(session, suite, timeout) {
  const browserLog = createWriteStream(join(session.resultsDir, suite.log));
  let output = '';
  let suiteStarted = false;
  let page;
  try {
    const result = await new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ timedOut: true }), timeout * 1000);
      const finish = (outcome) => {
        clearTimeout(timer);
        resolve(outcome);
      };
      session
        .openWorkbench({
          folder: suite.folder,
          payload: [
            ['extensionDevelopmentPath', session.remoteUri(repoRoot)],
            ['extensionTestsPath', session.remoteUri(suite.dir)],
          ],
          async beforeOpen(newPage) {
            await newPage.exposeFunction('codeAutomationLog', (level, message) => {
              const text = Array.isArray(message) ? format(...message) : String(message);
              suiteStarted ||= SUITE_START.test(text);
              output += `${text}\n`;
              // Before the suite starts, the workbench's own chatter is only worth showing when it is an error.
              if ((suiteStarted || level === 'error') && !isNetworkNoise(text)) console.log(text);
            });
            await newPage.exposeFunction('codeAutomationExit', (code, logs) => finish({ code, logs }));
            newPage.on('console', (message) => isNetworkNoise(message.text()) || browserLog.write(`[${message.type()}] ${message.text()}\n`));
            newPage.on('pageerror', (error) => browserLog.write(`[pageerror] ${error.stack ?? error}\n`));
            newPage.on('crash', () => finish({ problem: 'the workbench page crashed' }));
          },
        })
        .then((opened) => (page = opened))
        .catch((error) => finish({ problem: `could not open the workbench: ${error.message}` }));
    });

    const summary = SUMMARY.exec(output);
    const passed = Number(summary?.[1] ?? 0);
    let failed = Number(summary?.[2] ?? 0);
    const problem = result.timedOut
      ? `timed out after ${timeout} s waiting for the suite to finish (set VSCODE_TEST_TIMEOUT=seconds or --timeout=seconds to wait longer)`
      : result.problem ?? (result.code !== 0 && failed === 0 ? `the suite's run() failed (exit code ${result.code}) before or after its tests` : undefined);
    if (result.code !== 0 || problem) saveWorkbenchLogs(session.resultsDir, result.logs);
    if (problem) {
      const screenshot = page && (await session.screenshot(page, `failure-${suite.log.replace(/\.log$/, '')}.png`));
      console.error(`${LAYER}: ${problem}`);
      console.error(`${LAYER}: server log ${shown(session.serverLog)}${screenshot ? `, screenshot ${shown(screenshot)}` : ''}, browser console ${shown(join(session.resultsDir, suite.log))}`);
      if (!summary) console.error(`${LAYER}: the suite reported no result, counted as one failure`);
      failed = Math.max(failed, 1);
    } else if (failed > 0) {
      console.error(`${LAYER}: logs in ${shown(session.resultsDir)}`);
    }
    return { passed, failed };
  } finally {
    await page?.context().close().catch(() => {});
    await new Promise((resolve) => browserLog.end(resolve));
  }
}

runLayer(LAYER, main);
