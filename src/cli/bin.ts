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
}).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`connector-plan: internal error, please report it: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
