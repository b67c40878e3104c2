// Runs the extension's browser build, and the integration tests that need no Node, in the web worker extension host
// of a real VS Code (code-server + headless chromium), as vscode.dev and github.dev run it. The workbench picks the
// web worker host only for an extension with a `browser` entry and no `main`, so a copy of the manifest without
// `main` is staged in out/web-extension/ (next to links to the built files). Usage: node run-web.mjs [--timeout=SECONDS]
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { reportLayer, repoRoot, runLayer, runTestSuite, shown, startVSCodeSession, timeoutSeconds } from './vscode-session.mjs';

const LAYER = 'web';
const stageDir = join(repoRoot, 'out', 'web-extension');
// Inside the extension's folder: the workbench runs a test module in the host of the extension that holds it.
const testsBundle = join(stageDir, 'test', 'index.js');
/** What the extension reads at run time, besides its manifest. */
const SHIPPED = ['dist', 'docs', 'media', 'snippets', 'l10n', 'package.nls.json', 'README.md'];
/** A test file that needs Node (a built-in other than assert, or the CLI, which reads files with Node) stays out. */
const NEEDS_NODE = /from '(?:node:(?!assert)[a-z_/]+|(?:\.\.\/)+src\/cli\/[^']+)'|require\(/;
/** Test files that cannot pass in code-server's web worker host for a reason outside the extension. */
const NOT_IN_CODE_SERVER_WEB = {
  // On vscode.dev the markdown extension runs in the same web worker and loads the plugin.
  'preview.test.ts': "code-server ships the markdown extension without its browser build, so the markdown preview runs in the Node host, which cannot load a web worker extension's markdown-it plugin",
};

function stageExtension() {
  if (!existsSync(join(repoRoot, 'dist', 'web', 'extension.js'))) {
    console.error(`${shown(join(repoRoot, 'dist', 'web', 'extension.js'))} is missing: run \`npm run build\` first`);
    process.exit(2);
  }
  rmSync(stageDir, { recursive: true, force: true });
  mkdirSync(stageDir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  delete manifest.main;
  writeFileSync(join(stageDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const entry of SHIPPED) symlinkSync(join(repoRoot, entry), join(stageDir, entry));
}

/** The integration tests that apply in a web worker, and those of test/web/, in one bundle with the runner. */
async function bundleTests() {
  const integration = join(repoRoot, 'test', 'integration');
  const candidates = readdirSync(integration).filter((file) => file.endsWith('.test.ts'));
  const tests = candidates.filter((file) => !NOT_IN_CODE_SERVER_WEB[file] && !NEEDS_NODE.test(readFileSync(join(integration, file), 'utf8'))).map((file) => join(integration, file));
  tests.push(...readdirSync(join(repoRoot, 'test', 'web')).filter((file) => file.endsWith('.test.ts')).map((file) => join(repoRoot, 'test', 'web', file)));
  const needNode = candidates.filter((file) => !NOT_IN_CODE_SERVER_WEB[file] && !tests.includes(join(integration, file)));
  console.log(`${LAYER}: ${tests.length} test files; not in a web worker: ${needNode.join(', ') || 'none'} (they need Node)`);
  for (const [file, why] of Object.entries(NOT_IN_CODE_SERVER_WEB)) console.log(`${LAYER}: not ${file}: ${why}`);
  const importOf = (file) => `import ${JSON.stringify(`./${relative(repoRoot, file).replace(/\\/g, '/')}`)};`;
  await build({
    stdin: { contents: ["import './test/web/globals';", ...tests.map(importOf), "export { run } from './test/web/index';"].join('\n'), resolveDir: repoRoot, loader: 'ts', sourcefile: 'web-tests.ts' },
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    alias: { 'node:assert/strict': './test/web/assert.ts', 'node:assert': './test/web/assert.ts' },
    outfile: testsBundle,
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

async function main() {
  stageExtension();
  await bundleTests();
  const timeout = timeoutSeconds(240);
  const started = Date.now();
  const session = await startVSCodeSession({ name: LAYER });
  try {
    const { passed, failed } = await runTestSuite(session, {
      layer: LAYER,
      extensionPath: stageDir,
      testsPath: testsBundle,
      folder: undefined,
      log: 'browser-console.log',
      suiteStart: /^web: running /,
      summary: /^web: (\d+) passed, (\d+) failed/m,
      timeout,
    });
    return reportLayer(LAYER, started, passed, failed);
  } finally {
    await session.close();
  }
}

runLayer(LAYER, main);
