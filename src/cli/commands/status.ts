import { analyzeInputs } from '../analyze-inputs';
import type { Command } from '../command-line';
import { oneOf, parseOrHelp, TEMPLATE_HELP, TEMPLATE_OPTION, TEXT_OR_JSON_OPTIONS } from '../command-line';
import type { CliContext } from '../context';
import { formatStatusJson } from '../formatters/status-json';
import { formatStatusText } from '../formatters/status-text';

const usage = 'Usage: connector-plan status [paths...] [--format text|json] [--template <file>]';

const help = `${usage}

Shows each plan's progress and go/no-go verdict: one row per plan found among
the given files, folders and globs (default: the current folder).

Options:
  --format <format>  text (default) or json
${TEMPLATE_HELP}
  -h, --help         show this help

Exit codes: 0 shown, 2 usage error or a path or file that could not be read.
`;

const options = { ...TEXT_OR_JSON_OPTIONS, ...TEMPLATE_OPTION };

export const statusCommand: Command = {
  name: 'status',
  summary: "show each plan's progress and go/no-go verdict",
  usage,
  help,
  async execute(args: string[], context: CliContext): Promise<number> {
    const parsed = parseOrHelp(args, options, { usage, help }, context.stdout);
    if (!parsed) return 0;
    const { values, positionals } = parsed;
    const format = oneOf('--format', values.format, ['text', 'json'], usage);
    const { files, unreadable, failedTemplates } = await analyzeInputs(positionals.length > 0 ? positionals : ['.'], context, { template: values.template });
    context.stdout.write(format === 'json' ? formatStatusJson(files) : formatStatusText(files));
    return unreadable > 0 || failedTemplates > 0 ? 2 : 0;
  },
};
