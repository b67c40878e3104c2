// Runs the compiled integration suite in VS Code desktop through @vscode/test-electron, for machines that can
// download VS Code (it goes to .vscode-test/). These CI machines cannot: they use run-in-vscode.mjs.
// Usage: node run-electron.mjs   (VSCODE_VERSION=1.95.0|stable|insiders picks another build; needs a display,
// so on a headless Linux run it as `xvfb-run -a npm run test:electron`)
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { VSCODE_VERSION } from './install-vscode.mjs';
import { fixtureWorkspace, repoRoot } from './vscode-session.mjs';

const suite = join(repoRoot, 'out', 'test', 'integration', 'index.js');

if (!existsSync(suite)) {
  console.error(`${suite} is missing: run \`npm run compile\` first`);
  process.exit(2);
}

try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? VSCODE_VERSION,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: suite,
    launchArgs: [fixtureWorkspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
} catch (error) {
  console.error(`integration (electron): ${error.message}`);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED/.test(error.message)) console.error('integration (electron): VS Code cannot be downloaded here; `npm run test:integration` runs the same suite in code-server');
  process.exit(1);
}
