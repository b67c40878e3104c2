import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { main } from './main';

// esbuild inlines package.json into dist/cli.js; tsc leaves the require as is.
const packageJson = require('../../package.json') as { version: string; homepage?: string };

main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  stdio: { input: process.stdin, output: process.stdout },
  tool: { version: packageJson.version, informationUri: packageJson.homepage },
  // dist/cli.js -> l10n/, beside package.json.
  l10nFolder: path.join(__dirname, '..', 'l10n'),
  // dist/cli.js -> docs/rules/, beside package.json too (the package ships them).
  ruleDocsFolder: path.join(__dirname, '..', 'docs', 'rules'),
}).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`connector-plan: ${l10n.t('internal error, please report it: {0}', (error as Error)?.stack ?? String(error))}\n`);
    process.exitCode = 2;
  },
);
