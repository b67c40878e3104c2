import * as l10n from '@vscode/l10n';
import { RULES } from '../../core';
import type { CheckedFile } from '../analyze-inputs';
import { analyzeInputs } from '../analyze-inputs';
import { usageLine } from '../command-line';
import { MAX_FILE_SIZE_HELP, TEMPLATE_HELP, TEMPLATE_OPTION, UsageError, oneOf, defineCommand } from '../command-line';
import { printError } from '../context';
import { formatGithub } from '../formatters/github';
import { formatJson } from '../formatters/json';
import { formatSarif } from '../formatters/sarif';
import { formatText } from '../formatters/text';
import { ChangedLinesError, changedLinesSince, keepChangedFindings, runGit } from '../git-changes';
import { evaluateGate } from './release-gate';

const usage = 'connector-plan check [paths...] [--format text|json|sarif|github] [--max-warnings N] [--require-go] [--quiet] [--changed-since <git-rev>] [--template <file>]';

const help = () =>
  l10n.t({
    message: `{0}

Checks the connector rollout plans among the given files, folders and globs
(default: the current folder). Folders are searched recursively for .md files,
skipping node_modules, .git, .vscode-test, out and dist; quote globs
("docs/**/*.md"). Markdown files that are not plans are skipped. In a review
loop (see loop --help), the plan of record also gets the findings its reviews
raised that are still open (open-review-finding).

Options:
  --format <format>   text (default), json, sarif (for GitHub code scanning)
                      or github (workflow commands: annotations in a GitHub
                      Actions run, no code scanning needed)
  --max-warnings <n>  fail when there are more than n warnings
                      (without it, warnings never fail)
  --require-go        fail unless every plan's go/no-go verdict is GO
  --quiet             report errors only
  --changed-since <git-rev>
                      report only findings on lines added or changed since
                      that git revision (git diff against the working tree),
                      and those about a whole file (a missing section) of
                      files that changed; the summary and exit code count
                      only them. A file git does not track is new as a whole
{1}
{2}
  -h, --help          show this help

Rule severities come from the nearest .connector-plan.json above each file:
  { "rules": { "<rule-id>": "error" | "warning" | "info" | "off" } }
Its "files" globs (relative to it) name files that are plans even before
they look like one: { "files": ["plans/**/*.md"] }. Its "loops" globs name
review-loop folders, or "loops": false turns loops off. The editor reads the
same.

Exit codes:
  0  no errors (and the --max-warnings and --require-go gates pass)
  1  errors, more warnings than --max-warnings, or a NO-GO plan with --require-go
  2  usage error, a path or file that could not be read, or a template that
     could not be used
`,
    args: [usageLine(usage), TEMPLATE_HELP(), MAX_FILE_SIZE_HELP()],
    comment: ["The --help of a command: {0} is the Usage: line, {1} the --template option's lines, {2} the --max-file-size option's lines. Keep options, examples and JSON as they are and columns aligned."],
  });

const options = {
  format: { type: 'string', default: 'text' },
  'max-warnings': { type: 'string' },
  'require-go': { type: 'boolean', default: false },
  quiet: { type: 'boolean', default: false },
  'changed-since': { type: 'string' },
  ...TEMPLATE_OPTION,
} as const;

export const checkCommand = defineCommand({
  name: 'check',
  summary: () => l10n.t('check plans for gaps (files, folders, globs; default .)'),
  usage,
  help,
  options,
  async run({ values, positionals }, context) {
    const format = oneOf('--format', values.format, ['text', 'json', 'sarif', 'github'], usage);
    const maxWarnings = values['max-warnings'] === undefined ? undefined : parseCount('--max-warnings', values['max-warnings']);
    const since = values['changed-since'];
    if (since !== undefined && (since === '' || since.startsWith('-'))) throw new UsageError(l10n.t('--changed-since needs a git revision, such as origin/main (got "{0}")', since), usage);
    const analyzed = await analyzeInputs(positionals.length > 0 ? positionals : ['.'], context, { template: values.template });
    const { unreadable, failedTemplates } = analyzed;
    let files = analyzed.files;
    if (since !== undefined) {
      try {
        files = keepChangedFindings(files, changedLinesSince(since, files.map((file) => file.path), context.cwd, context.git ?? runGit));
      } catch (error) {
        if (!(error instanceof ChangedLinesError)) throw error;
        printError(context, error.message);
        return 2;
      }
    }
    const shown = values.quiet ? errorsOnly(files) : files;
    if (format === 'json') context.stdout.write(formatJson(shown));
    else if (format === 'sarif') context.stdout.write(formatSarif(shown, { rules: RULES, tool: context.tool }));
    else if (format === 'github') context.stdout.write(formatGithub(shown, { quiet: values.quiet, unreadable }));
    else context.stdout.write(formatText(shown, { quiet: values.quiet, unreadable }));
    const gate = evaluateGate(files, { maxWarnings, requireGo: values['require-go'] });
    for (const message of gate.messages) printError(context, message);
    if (unreadable > 0 || failedTemplates > 0) return 2;
    return gate.failed ? 1 : 0;
  },
});

function parseCount(option: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(l10n.t('{0} needs a whole number, 0 or more (got "{1}")', option, value), usage);
  return Number(value);
}

function errorsOnly(files: CheckedFile[]): CheckedFile[] {
  return files.map((file) => ({ ...file, report: { ...file.report, findings: file.report.findings.filter((finding) => finding.severity === 'error') } }));
}
