// One real VS Code for a test run: code-server on loopback plus its workbench in headless chromium.
// Shared by the integration launcher (run-in-vscode.mjs), the web worker launcher (run-web.mjs) and the UI runner (test/ui/run-ui.mjs).
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { format } from 'node:util';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, codeServerBin, ensureVSCode, repoRoot } from './install-vscode.mjs';

export { repoRoot };
export const fixtureWorkspace = join(repoRoot, 'test', 'workspace');
export const resultsRoot = join(repoRoot, 'test-results');

const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SERVER_START_TIMEOUT_MS = 60_000;

// These machines have no internet: the extension gallery, update and telemetry calls fail, harmlessly.
const NOISE = [/gallery/i, /marketplace/i, /open-vsx/i, /ENOTFOUND/, /EAI_AGAIN/, /getaddrinfo/, /ERR_NAME_NOT_RESOLVED/, /ERR_INTERNET_DISCONNECTED/, /Failed to fetch/, /fetch failed/];

/** True for log lines about the missing network, which say nothing about the code under test. */
export function isNetworkNoise(text) {
  return NOISE.some((pattern) => pattern.test(text));
}

/** Seconds from `--timeout=N` or VSCODE_TEST_TIMEOUT, else the default. */
export function timeoutSeconds(defaultSeconds) {
  const flag = process.argv.find((arg) => arg.startsWith('--timeout='))?.slice('--timeout='.length);
  const value = Number(flag ?? process.env.VSCODE_TEST_TIMEOUT ?? defaultSeconds);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`timeout must be a positive number of seconds, got "${flag ?? process.env.VSCODE_TEST_TIMEOUT}"`);
  return value;
}

/** A path relative to the current directory, as a person would type it next. */
/** Prints a layer's closing lines (the last one is what CI reads) and gives its exit code. */
export function reportLayer(layer, started, passed, failed) {
  console.log(`${layer}: took ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(`${layer}: ${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

/** Runs a layer's main() and exits with its code; an error before the tests ran is reported and fails the run. */
export function runLayer(layer, main) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`${layer}: ${error.message}`);
      process.exit(error.exitCode ?? 1);
    },
  );
}

export function shown(path) {
  return relative(process.cwd(), path) || '.';
}

function startCodeServer(tempDir, logFile, locale) {
  const userDataDir = join(tempDir, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'update.mode': 'none',
      'telemetry.telemetryLevel': 'off',
      // The web workbench saves dirty files after a delay by default: tests must decide when a fixture is written.
      'files.autoSave': 'off',
    }),
  );
  if (locale) writeLanguagePack(userDataDir, locale);
  const args = [
    '--auth', 'none',
    '--bind-addr', '127.0.0.1:0',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir', userDataDir,
    '--extensions-dir', join(tempDir, 'extensions'),
    ...(locale ? ['--locale', locale] : []),
  ];
  const log = createWriteStream(logFile);
  // Its own process group, so stopping it also stops the extension host and the other helpers it starts.
  const child = spawn(codeServerBin, args, { cwd: tempDir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => isNetworkNoise(line) || log.write(`${line}\n`));
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));

  const ready = new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`code-server did not start within ${SERVER_START_TIMEOUT_MS / 1000} s (log: ${shown(logFile)})`)), SERVER_START_TIMEOUT_MS);
    const onData = (chunk) => {
      output += chunk;
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      resolve({ url: match[1], port: Number(match[2]) });
    };
    child.stdout.on('data', onData);
    child.once('error', (error) => reject(new Error(`could not start ${codeServerBin}: ${error.message}`)));
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${code} before it was ready (log: ${shown(logFile)})`));
    });
  });

  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  return {
    ready,
    killGroup,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        killGroup('SIGTERM');
        const timer = setTimeout(() => killGroup('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      killGroup('SIGKILL'); // helpers that outlived the server
      await new Promise((resolve) => log.end(resolve));
    },
  };
}

/**
 * Makes `locale` the workbench's display language with no language pack to download: VS Code takes a language
 * only when user data lists a pack for it (languagepacks.json); this one translates none of VS Code's own strings,
 * so the workbench stays in English while extensions get `vscode.env.language === locale`, their
 * `package.nls.<locale>.json` and their `bundle.l10n.<locale>.json`.
 */
function writeLanguagePack(userDataDir, locale) {
  const translations = join(userDataDir, `${locale}.i18n.json`);
  writeFileSync(translations, JSON.stringify({ contents: {} }));
  const pack = { hash: `test-${locale}`, extensions: [{ extensionIdentifier: { id: `test.language-pack-${locale}` }, version: '0.0.0' }], translations: { vscode: translations }, label: locale };
  writeFileSync(join(userDataDir, 'languagepacks.json'), JSON.stringify({ [locale]: pack }));
}

/**
 * Installs VS Code if needed, then starts code-server and chromium. `name` names the results folder
 * (test-results/<name>/), emptied first, which receives the server log and the screenshots.
 * Server and browser stop on `close()`, on Ctrl-C or SIGTERM, and when the process exits anyhow.
 * `locale` (e.g. `qps-ploc`) is the display language of the workbench and its extension hosts.
 */
export async function startVSCodeSession({ name, locale, print = (line) => console.log(line) }) {
  await ensureVSCode({ print });
  const resultsDir = join(resultsRoot, name);
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  const serverLog = join(resultsDir, 'server.log');
  const tempDir = mkdtempSync(join(tmpdir(), `connector-plan-${name}-`));

  let server;
  let browser;
  let closing;
  const close = () =>
    (closing ??= (async () => {
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal).off('exit', onExit);
      await browser?.close().catch(() => {});
      await server?.stop();
      rmSync(tempDir, { recursive: true, force: true });
    })());
  const onSignal = (signal) => {
    print(`${name}: stopped by ${signal}`);
    close().finally(() => process.exit(128 + constants.signals[signal]));
  };
  // Last resort if something calls process.exit() without close(): no orphaned server.
  const onExit = () => server?.killGroup('SIGKILL');
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal).on('exit', onExit);

  try {
    server = startCodeServer(tempDir, serverLog, locale);
    const { url, port } = await server.ready;
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_FLAGS,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    const authority = `127.0.0.1:${port}`;
    return {
      resultsDir,
      serverLog,
      close,
      /** A `vscode-remote:` URI for a path on this machine, as the workbench's payload needs it. */
      remoteUri: (path) => `vscode-remote://${authority}${pathToFileURL(path).pathname}`,
      /** A new page (own browser context) on the workbench (`folder: null`: none); `beforeOpen(page)` runs before navigation. */
      async openWorkbench({ folder = fixtureWorkspace, payload = [], beforeOpen } = {}) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        await beforeOpen?.(page);
        // `folder: null` opens a window with no folder (code-server's `ew`: an empty window, not the last folder).
        const where = folder ? { folder } : { ew: 'true' };
        const query = new URLSearchParams({ ...where, payload: JSON.stringify([['skipWelcome', 'true'], ...payload]) });
        await page.goto(`${url}/?${query}`);
        return page;
      },
      /** Saves a screenshot of the page as test-results/<name>/<file>; returns its path, or undefined. */
      async screenshot(page, file) {
        const path = join(resultsDir, file);
        try {
          await page.screenshot({ path, timeout: 10_000 });
          return path;
        } catch {
          return undefined;
        }
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}

// The workbench hands over its own log files when the suite ends; kept for a failed run.
function saveWorkbenchLogs(resultsDir, logs) {
  for (const { relativePath, contents } of logs ?? []) {
    const file = join(resultsDir, 'workbench-logs', relativePath);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, contents);
  }
}

/** The workbench payload that loads the extension at `extensionPath` and runs the extension-tests suite at `testsPath`. */
export function suitePayload(session, extensionPath, testsPath) {
  return [
    ['extensionDevelopmentPath', session.remoteUri(extensionPath)],
    ['extensionTestsPath', session.remoteUri(testsPath)],
  ];
}

/** What a suite logged through `codeAutomationLog`, as one line of text (console.log's arguments formatted). */
export function automationText(message) {
  return Array.isArray(message) ? format(...message) : String(message);
}

/**
 * Runs one test suite in a window of its own: the extension at `extensionPath` with the tests module at
 * `testsPath` (a folder with index.js for the Node host, a bundle for the web worker host), in `folder` (null:
 * no folder). The suite's console output is printed from its `suiteStart` line on; `summary` (groups: passed,
 * failed) is read from it. Resolves to { passed, failed }; a suite that reports nothing counts as one failure.
 */
export async function runTestSuite(session, { layer, extensionPath, testsPath, folder, log, suiteStart, summary: summaryPattern, timeout }) {
  const browserLog = createWriteStream(join(session.resultsDir, log));
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
          folder,
          payload: suitePayload(session, extensionPath, testsPath),
          async beforeOpen(newPage) {
            await newPage.exposeFunction('codeAutomationLog', (level, message) => {
              const text = automationText(message);
              suiteStarted ||= suiteStart.test(text);
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

    const summary = summaryPattern.exec(output);
    const passed = Number(summary?.[1] ?? 0);
    let failed = Number(summary?.[2] ?? 0);
    const problem = result.timedOut
      ? `timed out after ${timeout} s waiting for the suite to finish (set VSCODE_TEST_TIMEOUT=seconds or --timeout=seconds to wait longer)`
      : result.problem ?? (result.code !== 0 && failed === 0 ? `the suite's run() failed (exit code ${result.code}) before or after its tests` : undefined);
    if (result.code !== 0 || problem) saveWorkbenchLogs(session.resultsDir, result.logs);
    if (problem) {
      const screenshot = page && (await session.screenshot(page, `failure-${log.replace(/\.log$/, '')}.png`));
      console.error(`${layer}: ${problem}`);
      console.error(`${layer}: server log ${shown(session.serverLog)}${screenshot ? `, screenshot ${shown(screenshot)}` : ''}, browser console ${shown(join(session.resultsDir, log))}`);
      if (!summary) console.error(`${layer}: the suite reported no result, counted as one failure`);
      failed = Math.max(failed, 1);
    } else if (failed > 0) {
      console.error(`${layer}: logs in ${shown(session.resultsDir)}`);
    }
    return { passed, failed };
  } finally {
    await page?.context().close().catch(() => {});
    await new Promise((resolve) => browserLog.end(resolve));
  }
}
