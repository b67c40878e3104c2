import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { usageLine } from '../command-line';
import { UsageError, defineCommand, MAX_FILE_SIZE_HELP } from '../command-line';
import { printError } from '../context';

const usage = 'connector-plan lsp --stdio';

const help = () =>
  l10n.t({
    message: `{0}

A Language Server Protocol server for any editor with an LSP client (Neovim,
Helix, Zed, Emacs, …), on stdin and stdout (the editor starts it; stdout
carries only the protocol, the log goes to the editor's LSP log). It gives
the same findings as check for the same file and .connector-plan.json:
diagnostics as you type, quick fixes, disable comments and fix-all
(source.fixAll.connectorPlan), hover, completion, an outline of sections,
phases, waves and go/no-go items, and a lens above each section.

Options:
  --stdio          speak the protocol on stdin and stdout (the only transport)
{1}
  -h, --help       show this help

Exit codes: 0 the editor shut the server down, 1 the connection ended
without a shutdown, 2 usage error.
`,
    args: [usageLine(usage), MAX_FILE_SIZE_HELP()],
    comment: ["The --help of a command: {0} is the Usage: line, {1} the --max-file-size option's lines. Keep options as they are and columns aligned."],
  });

const options = {
  stdio: { type: 'boolean', default: false },
} as const;

export const lspCommand = defineCommand({
  name: 'lsp',
  summary: () => l10n.t('serve diagnostics and fixes to editors over LSP (--stdio)'),
  usage,
  help,
  options,
  async run(parsed, context) {
    if (parsed.positionals.length) throw new UsageError(l10n.t('lsp takes no paths: the editor opens the files'), usage);
    if (!parsed.values.stdio) throw new UsageError(l10n.t('lsp needs --stdio: the server speaks the protocol on stdin and stdout'), usage);
    if (!context.stdio) {
      printError(context, l10n.t('lsp serves over the standard input and output of a process; run it as connector-plan lsp --stdio'));
      return 2;
    }
    // Loaded only here: the language server's libraries are not read by the other commands.
    const { serveLsp } = loadServer();
    return serveLsp(context.stdio, context);
  },
});

/** Set by scripts/build.mjs in dist/cli.js: the language server's own bundle beside it. */
declare const LSP_SERVER_BUNDLE: string | undefined;

/** The language server: in the bundle, the file of its own beside dist/cli.js; compiled by tsc, the module itself. */
function loadServer(): typeof import('../../lsp/server') {
  if (typeof LSP_SERVER_BUNDLE !== 'string') return require('../../lsp/server');
  return require(path.join(__dirname, LSP_SERVER_BUNDLE));
}
