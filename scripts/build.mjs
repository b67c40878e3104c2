// Bundles the CLI and the extension (for the Node host and for the web worker host) with esbuild.
import { build } from 'esbuild';
import { existsSync, chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';

const production = process.argv.includes('--production');
// `--cli <file>`: only the CLI, to that file (the MCP server's tests run the real bundle, from a fresh clone too).
const cliOnly = process.argv.includes('--cli') ? process.argv[process.argv.indexOf('--cli') + 1] : undefined;
const cliFile = cliOnly ?? 'dist/cli.js';
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

// The MCP server and the language server are bundles of their own beside the CLI's, loaded by `connector-plan mcp`
// and `connector-plan lsp` alone (the other commands never parse their libraries).
const mcpServerFile = 'mcp-server.js';
const lspServerFile = 'lsp-server.js';
await build({ ...common, entryPoints: ['src/cli/bin.ts'], outfile: cliFile, banner: { js: '#!/usr/bin/env node' }, define: { ...common.define, MCP_SERVER_BUNDLE: JSON.stringify(mcpServerFile), LSP_SERVER_BUNDLE: JSON.stringify(lspServerFile) } });
chmodSync(cliFile, 0o755);
await build({ ...common, entryPoints: ['src/cli/mcp/server.ts'], outfile: join(dirname(cliFile), mcpServerFile) });
await build({ ...common, entryPoints: ['src/lsp/server.ts'], outfile: join(dirname(cliFile), lspServerFile) });

if (!cliOnly && existsSync('src/extension/extension.ts')) {
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
