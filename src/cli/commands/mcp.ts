import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { usageLine } from '../command-line';
import { UsageError, defineCommand, MAX_FILE_SIZE_HELP } from '../command-line';
import { printError } from '../context';

const usage = 'connector-plan mcp [--root <folder>]';

const help = () =>
  l10n.t({
    message: `{0}

Serves the plans of a folder to AI agents over the Model Context Protocol, on
stdin and stdout (an MCP client starts it; stdout carries only the protocol).
Tools: check_plan, list_plans, explain_plan, review_status (the same findings,
progress, explanation and review loop as check, status, explain and loop
--format json run in the folder) and new_plan; resources: the template
(connector-plan://template) and the team templates named by the folder's
.connector-plan.json.

It reads and writes only inside the folder: paths that climb out of it,
absolute paths outside it and symbolic links that lead out are refused.

Options:
  --root <folder>  the folder to serve (default: the current folder)
{1}
  -h, --help       show this help

Register it with an MCP client, for example:
  { "mcpServers": { "connector-plan": { "command": "npx",
      "args": ["connector-plan", "mcp", "--root", "."] } } }

Exit codes: 0 the client closed the connection, 2 usage error or a root
that is not a readable folder.
`,
    args: [usageLine(usage), MAX_FILE_SIZE_HELP()],
    comment: ["The --help of a command: {0} is the Usage: line, {1} the --max-file-size option's lines. Keep options, examples and JSON as they are and columns aligned."],
  });

const options = {
  root: { type: 'string' },
} as const;

export const mcpCommand = defineCommand({
  name: 'mcp',
  summary: () => l10n.t('serve the tools to AI agents over MCP (stdio)'),
  usage,
  help,
  options,
  async run(parsed, context) {
    if (parsed.positionals.length) throw new UsageError(l10n.t('mcp takes no paths; use --root {0} to serve that folder', parsed.positionals[0]), usage);
    if (!context.stdio) {
      printError(context, l10n.t('mcp serves over the standard input and output of a process; run it as connector-plan mcp'));
      return 2;
    }
    // Loaded only here: the MCP SDK is not read by the other commands.
    const { RootFolder, serveMcp } = loadServer();
    const root = await RootFolder.open(path.resolve(context.cwd, parsed.values.root ?? '.'), context.fs);
    if ('problem' in root) {
      printError(context, parsed.values.root === undefined ? l10n.t('cannot serve the current folder: {0}', root.problem) : l10n.t('cannot serve {0}: {1}', parsed.values.root, root.problem));
      return 2;
    }
    return serveMcp(root, context, context.stdio);
  },
});

/** Set by scripts/build.mjs in dist/cli.js: the MCP server's own bundle beside it. */
declare const MCP_SERVER_BUNDLE: string | undefined;

/**
 * The MCP server: in the bundle, the file of its own beside dist/cli.js (so the other commands never parse the
 * SDK, which is most of its size); compiled by tsc (the unit tests), the module itself.
 */
function loadServer(): typeof import('../mcp/server') {
  if (typeof MCP_SERVER_BUNDLE !== 'string') return require('../mcp/server');
  return require(path.join(__dirname, MCP_SERVER_BUNDLE));
}
