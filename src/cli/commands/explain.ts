import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { explainPlan, type PlanExplanation } from '../../core';
import { readExpandedInputs, readInputs, type InputFile, type InputOptions } from '../analyze-inputs';
import { usageLine } from '../command-line';
import { UsageError, oneOf, defineCommand, MAX_FILE_SIZE_HELP, TEMPLATE_HELP, TEMPLATE_OPTION, TEXT_OR_JSON_OPTIONS } from '../command-line';
import type { CliContext } from '../context';
import { expandInputs } from '../files';
import { formatExplainText } from '../formatters/explain-text';

const usage = 'connector-plan explain <file> [--format text|json] [--template <file>]';

const help = () =>
  l10n.t({
    message: `{0}

Shows how a plan was read, to understand a finding you disagree with: each
heading and the template section it was taken for (or why none), each field
with filled/empty and the lines it owns, links, mapping rows, phases and
waves with their state, and the go/no-go items. Values are not shown, and
credentials never are.

Options:
  --format <format>  text (default) or json
{1}
{2}
  -h, --help         show this help

Exit codes: 0 shown, 2 usage error or a file that could not be read.
`,
    args: [usageLine(usage), TEMPLATE_HELP(), MAX_FILE_SIZE_HELP()],
    comment: ["The --help of a command: {0} is the Usage: line, {1} the --template option's lines, {2} the --max-file-size option's lines. Keep options, examples and JSON as they are and columns aligned."],
  });

const options = { ...TEXT_OR_JSON_OPTIONS, ...TEMPLATE_OPTION };

export const explainCommand = defineCommand({
  name: 'explain',
  summary: () => l10n.t('show how a plan was read: sections, fields, links, phases, go/no-go'),
  usage,
  help,
  options,
  async run({ values, positionals }, context) {
    const format = oneOf('--format', values.format, ['text', 'json'], usage);
    if (positionals.length !== 1) throw new UsageError(positionals.length ? l10n.t('explain takes one file') : l10n.t('missing the file to explain'), usage);
    // What the argument names is looked at before anything is read: a folder or a glob of many files is refused at once.
    const [input] = positionals;
    const kind = await context.fs.stat(path.resolve(context.cwd, input)).catch(() => undefined);
    if (kind?.isDirectory()) throw new UsageError(l10n.t("{0} is a folder; explain takes one file: give a plan's path (connector-plan status {0} lists the plans in it)", input), usage);
    const expanded = await expandInputs(positionals, context.cwd, context.fs);
    if (expanded.files.length > 1) throw new UsageError(l10n.t('{0} names {1} files; explain takes one file', input, expanded.files.length), usage);
    const explained: ExplainedFile[] = [];
    const { unreadable, failedTemplates } = await readExpandedInputs(expanded, context, (file) => explained.push(explainFile(file)), { template: values.template, loops: true });
    const [first] = explained;
    if (first) context.stdout.write(format === 'json' ? `${JSON.stringify(explainDocument(first), null, 2)}\n` : formatExplainText(first.path, first.explanation));
    return unreadable > 0 || failedTemplates > 0 ? 2 : 0;
  },
});

export interface ExplainedFile {
  /** Relative to cwd, forward slashes. */
  path: string;
  explanation: PlanExplanation;
}

/** Explains each readable file the arguments name, with its folder's config and template (as `check` reads it). */
export async function explainInputs(inputs: string[], context: CliContext, options: InputOptions = {}) {
  const explained: ExplainedFile[] = [];
  const read = await readInputs(inputs, context, (file) => explained.push(explainFile(file)), { ...options, loops: true });
  return { explained, ...read };
}

function explainFile(file: InputFile): ExplainedFile {
  return { path: file.path, explanation: explainPlan(file.text, { rules: file.rules, assumePlan: file.assumePlan, schema: file.schema, path: file.absolute, templatePath: file.templatePath, repository: file.repository, loop: file.loop }) };
}

/** The `explain --format json` document. */
export function explainDocument({ path, explanation }: ExplainedFile) {
  return { path, ...explanation };
}
