import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { loopDocument, notALoopText } from '../../core';
import { usageLine } from '../command-line';
import { UsageError, oneOf, defineCommand, MAX_FILE_SIZE_HELP, TEMPLATE_HELP, TEMPLATE_OPTION, TEXT_OR_JSON_OPTIONS } from '../command-line';
import { createConfigLookup } from '../config-files';
import { displayPath, printError } from '../context';
import { describeFsError } from '../file-system';
import { formatLoopText } from '../formatters/loop-text';
import { readLoopFolder } from '../loops';
import { TemplateLoader } from '../templates';

const usage = 'connector-plan loop <folder> [--format text|json] [--template <file>]';

const help = () =>
  l10n.t({
    message: `{0}

Reads a review loop: a folder of numbered rounds (00-context.md,
01-…-proposal.md, 02-…-plan.md, 03-…-review.md, 04-…-revision.md, …) and
usually a FINAL*PLAN*.md. Prints the rounds with their kinds, each finding a
review raised with the status the latest round gives it (fixed, partial,
deferred, accepted, open, unclear), the open findings per severity and the
final plan's verdict: NO-GO while a P1 or P2 is open. Paths are relative to
the current folder.

Options:
  --format <format>  text (default) or json: { "folder", "name", "stage",
                     "rounds", "findings", "open", "final", "unknownAnswers" }
{1}
{2}
  -h, --help         show this help

Exit codes: 0 shown, 2 usage error, a folder that is not a review loop (JSON:
{ "folder", "isLoop": false, "reason" }) or a file that could not be read.
`,
    args: [usageLine(usage), TEMPLATE_HELP(), MAX_FILE_SIZE_HELP()],
    comment: ["The --help of a command: {0} is the Usage: line, {1} the --template option's lines, {2} the --max-file-size option's lines. Keep options, examples and JSON as they are and columns aligned."],
  });

const options = { ...TEXT_OR_JSON_OPTIONS, ...TEMPLATE_OPTION };

export const loopCommand = defineCommand({
  name: 'loop',
  summary: () => l10n.t("show a review loop's rounds, findings and what is still open"),
  usage,
  help,
  options,
  async run({ values, positionals }, context) {
    const format = oneOf('--format', values.format, ['text', 'json'], usage);
    if (positionals.length !== 1) throw new UsageError(positionals.length ? l10n.t('loop takes one folder') : l10n.t('missing the folder of the review loop'), usage);
    const [input] = positionals;
    const folder = path.resolve(context.cwd, input);
    const kind = await context.fs.stat(folder).catch((error: unknown) => error as Error);
    if (kind instanceof Error) {
      printError(context, l10n.t('cannot read {0}: {1}', input, describeFsError(kind)));
      return 2;
    }
    if (!kind.isDirectory()) throw new UsageError(l10n.t("{0} is not a folder; loop takes the folder that holds a loop's rounds", input), usage);

    const templates = new TemplateLoader(context);
    let unreadable = 0;
    const { reading } = await readLoopFolder(folder, context, {
      template: values.template ? path.resolve(context.cwd, values.template) : undefined,
      templates,
      configFor: createConfigLookup(context),
      unreadable: (shown, problem) => {
        printError(context, l10n.t('cannot read {0}: {1}', shown, problem));
        unreadable++;
      },
    });
    const shownFolder = displayPath(context.cwd, folder);
    if (!reading.isLoop) {
      printError(context, notALoopText(shownFolder, reading.reason));
      if (format === 'json') context.stdout.write(`${JSON.stringify({ folder: shownFolder, isLoop: false, reason: reading.reason }, null, 2)}\n`);
      return 2;
    }
    context.stdout.write(format === 'json' ? `${JSON.stringify(loopDocument(reading), null, 2)}\n` : formatLoopText(reading));
    return unreadable > 0 || templates.failures > 0 ? 2 : 0;
  },
});
