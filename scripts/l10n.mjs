// Regenerates the string bundles: l10n/bundle.l10n.json from every l10n.t() call of src (the extension's, the
// core's and the CLI's: one bundle for all), then the
// pseudo-locale files (l10n/bundle.l10n.qps-ploc.json, package.nls.qps-ploc.json) the pseudo-locale test runs with.
// All are committed; a unit test fails when they are out of date. Needs the devDependency @vscode/l10n-dev.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'node_modules', '.bin', 'vscode-l10n-dev');
if (!existsSync(bin)) {
  console.error('l10n: @vscode/l10n-dev is not installed: run `npm install --save-dev @vscode/l10n-dev`, then `npm run l10n` again');
  process.exit(2);
}
const run = (...args) => {
  const { status } = spawnSync(bin, args, { cwd: root, stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
};
run('export', '--outDir', './l10n', './src');
run('generate-pseudo', '--outDir', './l10n', './l10n/bundle.l10n.json');
run('generate-pseudo', '--outDir', '.', './package.nls.json');
