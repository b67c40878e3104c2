import * as l10n from '@vscode/l10n';
import { DEFAULT_MAX_FILE_SIZE_MB } from '../core';
import type { Command } from './command-line';
import { UsageError } from './command-line';
import { checkCommand } from './commands/check';
import { explainCommand } from './commands/explain';
import { loopCommand } from './commands/loop';
import { lspCommand } from './commands/lsp';
import { mcpCommand } from './commands/mcp';
import { newPlanCommand } from './commands/new-plan';
import { statusCommand } from './commands/status';
import { templateCommand } from './commands/template';
import type { CliContext, TextSink, ToolInfo } from './context';
import { printError } from './context';
import type { CliFileSystem } from './file-system';
import { nodeFileSystem } from './file-system';
import { configureMessages } from './locale';
import { usageLine } from './command-line';

export interface MainOptions {
  /** The arguments after the program name. */
  argv: string[];
  cwd: string;
  stdout: TextSink;
  stderr: TextSink;
  fs?: CliFileSystem;
  tool?: ToolInfo;
  /** Environment variables (the bin passes process.env); none by default. */
  env?: Readonly<Record<string, string | undefined>>;
  stdio?: CliContext['stdio'];
  git?: CliContext['git'];
  /** The folder of the message bundles (`bundle.l10n.<locale>.json`), read for the locale of `env`; English without it. */
  l10nFolder?: string;
  /** The folder of the rules' pages (`docs/rules/<rule-id>.md`), which the language server's diagnostics link to. */
  ruleDocsFolder?: string;
}

const COMMANDS: Command[] = [checkCommand, statusCommand, explainCommand, loopCommand, newPlanCommand, templateCommand, mcpCommand, lspCommand];

const usage = 'connector-plan <check|status|explain|loop|new|template|mcp|lsp> [options]';

const help = () =>
  l10n.t({
    message: `{0}

Commands:
{1}

Options:
  -h, --help     show help (connector-plan <command> --help for a command's options)
  -v, --version  show the version

Exit codes: 0 clean, 1 findings over the threshold, 2 usage error or unreadable input.
`,
    args: [usageLine(usage), COMMANDS.map((command) => `  ${command.name.padEnd(9)}${command.summary()}`).join('\n')],
    comment: ['The general --help: {0} is the Usage: line, {1} one line per command. Keep options as they are and columns aligned.'],
  });

/** Runs one command line and resolves to its exit code; never touches process. */
export async function main(options: MainOptions): Promise<number> {
  configureMessages(options.env ?? {}, options.l10nFolder);
  const context: CliContext = {
    cwd: options.cwd,
    stdout: options.stdout,
    stderr: options.stderr,
    fs: options.fs ?? nodeFileSystem,
    tool: options.tool ?? { version: '0.0.0-dev' },
    env: options.env ?? {},
    maxFileSize: DEFAULT_MAX_FILE_SIZE_MB,
    stdio: options.stdio,
    git: options.git,
    ruleDocsFolder: options.ruleDocsFolder,
  };
  const [name, ...args] = options.argv;
  try {
    if (name === '--help' || name === '-h' || (name === 'help' && args.length === 0)) {
      context.stdout.write(help());
      return 0;
    }
    if (name === '--version' || name === '-v') {
      context.stdout.write(`${context.tool.version}\n`);
      return 0;
    }
    if (name === 'help') return await findCommand(args[0]).execute(['--help'], context);
    return await findCommand(name).execute(args, context);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    printError(context, error.message);
    const more = error.usage === usage ? l10n.t("Run 'connector-plan --help' for more.") : l10n.t({ message: "Run 'connector-plan {0} --help' for more.", args: [name], comment: ['{0} is the command: check, status…'] });
    context.stderr.write(`${usageLine(error.usage)}\n${more}\n`);
    return 2;
  }
}

function findCommand(name: string | undefined): Command {
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command) return command;
  throw new UsageError(name === undefined ? l10n.t('missing a command') : l10n.t('unknown command "{0}"', name), usage);
}
