// Runs the compiled integration suite (out/test/integration/index.js) in the extension host of a real
// VS Code (code-server + headless chromium) and exits with its result. Usage: node run-in-vscode.mjs [--timeout=SECONDS]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { reportLayer, repoRoot, runLayer, runTestSuite, shown, startVSCodeSession, timeoutSeconds } from './vscode-session.mjs';

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

/** The suites, each in a window of its own: the fixture workspace, then a window with no folder open. */
const SUITES = [
  { dir: suiteDir, folder: undefined, log: 'browser-console.log' },
  { dir: join(suiteDir, 'no-folder'), folder: null, log: 'browser-console-no-folder.log' },
];
/** Run by a second code-server whose display language is the pseudo-locale: every shown string must be translated. */
const PSEUDO_LOCALE_SUITE = { dir: join(suiteDir, 'pseudo-locale'), folder: undefined, log: 'browser-console-pseudo-locale.log' };

async function main() {
  preflight();
  const timeout = timeoutSeconds(300);
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
  } finally {
    await session.close();
  }
  // The language is the server's: another code-server, so the suites above stay in English.
  const pseudoSession = await startVSCodeSession({ name: `${LAYER}-pseudo-locale`, locale: 'qps-ploc' });
  try {
    const result = await runSuite(pseudoSession, PSEUDO_LOCALE_SUITE, timeout);
    passed += result.passed;
    failed += result.failed;
  } finally {
    await pseudoSession.close();
  }
  return reportLayer(LAYER, started, passed, failed);
}

function runSuite(session, suite, timeout) {
  return runTestSuite(session, {
    layer: LAYER,
    extensionPath: repoRoot,
    testsPath: suite.dir,
    folder: suite.folder,
    log: suite.log,
    suiteStart: SUITE_START,
    summary: SUMMARY,
    timeout,
  });
}

runLayer(LAYER, main);
