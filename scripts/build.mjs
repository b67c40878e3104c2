// Bundles the CLI and the extension (for the Node host and for the web worker host) with esbuild.
import { build } from 'esbuild';
import { existsSync, chmodSync } from 'node:fs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  inject: ['scripts/import-meta-url.js'],
  define: { 'import.meta.url': 'importMetaUrl' },
};

await build({ ...common, entryPoints: ['src/cli/bin.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } });
chmodSync('dist/cli.js', 0o755);

if (existsSync('src/extension/extension.ts')) {
  await build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] });
  // The same extension for the web worker host (vscode.dev, github.dev): no Node built-ins, files through workspace.fs.
  await build({
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    mainFields: ['browser', 'module', 'main'],
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/web/extension.js',
    external: ['vscode'],
  });
}
