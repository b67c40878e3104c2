import * as l10n from '@vscode/l10n';
import * as nodePath from 'node:path';
import { analyzeInputs } from '../analyze-inputs';
import { usageLine } from '../command-line';
import { oneOf, defineCommand, MAX_FILE_SIZE_HELP, TEMPLATE_HELP, TEMPLATE_OPTION, TEXT_OR_JSON_OPTIONS } from '../command-line';
import type { CliContext } from '../context';
import { displayPath } from '../context';
import { formatStatusJson } from '../formatters/status-json';
import { encodePath, formatStatusMarkdown } from '../formatters/status-markdown';
import { formatStatusText } from '../formatters/status-text';

const usage = 'connector-plan status [paths...] [--format text|json|markdown] [--template <file>]';

const help = () =>
  l10n.t({
    message: `{0}

Shows each plan's progress and go/no-go verdict: one row per plan found among
the given files, folders and globs (default: the current folder). A review
loop (see loop --help) is one row: its plan of record's progress and verdict,
its stage and its open P1/P2 findings; its rounds get no rows of their own.

Options:
  --format <format>  text (default), json or markdown (a table for a GitHub
                     job summary: >> "$GITHUB_STEP_SUMMARY"; in GitHub Actions
                     each plan links to its file at the run's commit)
{1}
{2}
  -h, --help         show this help

Exit codes: 0 shown, 2 usage error or a path or file that could not be read.
`,
    args: [usageLine(usage), TEMPLATE_HELP(), MAX_FILE_SIZE_HELP()],
    comment: ["The --help of a command: {0} is the Usage: line, {1} the --template option's lines, {2} the --max-file-size option's lines. Keep options, examples and JSON as they are and columns aligned."],
  });

const options = { ...TEXT_OR_JSON_OPTIONS, ...TEMPLATE_OPTION };

export const statusCommand = defineCommand({
  name: 'status',
  summary: () => l10n.t("show each plan's progress and go/no-go verdict"),
  usage,
  help,
  options,
  async run({ values, positionals }, context) {
    const format = oneOf('--format', values.format, ['text', 'json', 'markdown'], usage);
    const { files, loops, unreadable, failedTemplates } = await analyzeInputs(positionals.length > 0 ? positionals : ['.'], context, { template: values.template });
    if (format === 'json') context.stdout.write(formatStatusJson(files, loops));
    else if (format === 'markdown') context.stdout.write(formatStatusMarkdown(files, { link: githubBlobLink(context), loops }));
    else context.stdout.write(formatStatusText(files, loops));
    return unreadable > 0 || failedTemplates > 0 ? 2 : 0;
  },
});

/**
 * In a GitHub Actions run, links to the file at the run's commit (a relative link in a job summary would resolve
 * against the run's page); elsewhere, or for a file outside the checkout, undefined: the relative path.
 */
function githubBlobLink({ env, cwd }: CliContext): ((path: string) => string) | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha, GITHUB_WORKSPACE: workspace } = env;
  if (!server || !repository || !sha || !workspace) return undefined;
  return (path) => {
    const inRepository = displayPath(workspace, nodePath.resolve(cwd, path));
    if (inRepository === '..' || inRepository.startsWith('../') || nodePath.isAbsolute(inRepository)) return encodePath(path);
    return `${server}/${repository}/blob/${sha}/${encodePath(inRepository)}`;
  };
}
