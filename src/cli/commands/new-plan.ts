import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { connectorNameProblem, planFileName, scaffoldPlan, type TemplateSchema } from '../../core';
import { configsAbove, teamPlanFolder } from '../config-files';
import { readTemplateFile } from '../templates';
import { usageLine } from '../command-line';
import { UsageError, defineCommand, MAX_FILE_SIZE_HELP } from '../command-line';
import type { CliContext } from '../context';
import { displayPath, printError } from '../context';
import { describeFsError } from '../file-system';
import { linePath } from '../formatters/terminal-text';

const usage = 'connector-plan new "<Connector Name>" [--dir <folder>] [--force] [--template <file>]';

const help = () =>
  l10n.t({
    message: `{0}

Creates <folder>/<connector-name>-rollout-plan.md from the Connector Rollout
Plan template, with the connector name filled in, and prints its path.

Options:
  --dir <folder>  where to create the plan (default: docs/connectors, or with
                  --template the folder its .connector-plan.json "templates"
                  glob names; created if needed)
  --force         overwrite the plan if it already exists
  --template <file>  a team's template instead of the built-in one (its title's
                  {placeholder} gets the name)
{1}
  -h, --help      show this help

Exit codes: 0 created, 2 usage error, existing file without --force, or a write error.
`,
    args: [usageLine(usage), MAX_FILE_SIZE_HELP()],
    comment: ["The --help of a command: {0} is the Usage: line, {1} the --max-file-size option's lines. Keep options, examples and JSON as they are and columns aligned."],
  });

/** Where `new` (and the MCP server's new_plan) puts a plan when no folder is given. */
export const DEFAULT_PLANS_FOLDER = 'docs/connectors';

const options = {
  dir: { type: 'string' },
  force: { type: 'boolean', default: false },
  template: { type: 'string' },
} as const;

export const newPlanCommand = defineCommand({
  name: 'new',
  summary: () => l10n.t('create a plan from the template'),
  usage,
  help,
  options,
  async run({ values, positionals }, context) {
    const name = connectorName(positionals);
    let schema: TemplateSchema | undefined;
    if (values.template) {
      const loaded = await readTemplateFile(path.resolve(context.cwd, values.template), context);
      if (!loaded.ok) {
        printError(context, l10n.t('cannot use the template {0}: {1}', values.template, loaded.problem));
        return 2;
      }
      schema = loaded.read.schema;
    }
    const folder = values.dir !== undefined ? path.resolve(context.cwd, values.dir) : values.template ? await templateFolder(path.resolve(context.cwd, values.template), name, schema, context) : path.resolve(context.cwd, DEFAULT_PLANS_FOLDER);
    if (typeof folder !== 'string') {
      printError(context, l10n.t('a plan of the template {0} must be a file its "files" glob ({1}) names, and that glob starts with no folder to write it in; use --dir to choose a folder those plans are in', values.template!, folder.uncovered.join(', ')));
      return 2;
    }
    const written = await writePlanFile(folder, name, schema, context, { overwrite: values.force });
    if ('problem' in written) {
      printError(context, written.exists ? l10n.t('{0} already exists; use --force to overwrite it', written.path) : written.problem);
      return 2;
    }
    context.stdout.write(`${linePath(written.path)}\n`);
    return 0;
  },
});

/** Where a plan of a team template goes without --dir, so that `check` reads it as one: as in the editor (teamPlanFolder). */
async function templateFolder(template: string, name: string, schema: TemplateSchema | undefined, context: CliContext): Promise<string | { uncovered: string[] }> {
  return teamPlanFolder(template, planFileName(name, schema), path.resolve(context.cwd, DEFAULT_PLANS_FOLDER), await configsAbove(path.dirname(template), context));
}

/**
 * Creates `folder` if needed and writes the scaffolded plan into it; `path` is relative to cwd. `exists`: the file
 * is already there and `overwrite` was false (each caller says what to do then).
 */
export async function writePlanFile(folder: string, name: string, schema: TemplateSchema | undefined, context: CliContext, options: { overwrite: boolean }): Promise<{ path: string } | { path: string; problem: string; exists: boolean }> {
  const file = path.join(folder, planFileName(name, schema));
  const shown = displayPath(context.cwd, file);
  try {
    await context.fs.mkdir(folder);
  } catch (error) {
    return { path: shown, problem: l10n.t('cannot create the folder {0}: {1}', displayPath(context.cwd, folder), describeFsError(error)), exists: false };
  }
  try {
    await context.fs.writeFile(file, scaffoldPlan(name, schema), options);
  } catch (error) {
    const exists = (error as { code?: string }).code === 'EEXIST';
    return { path: shown, problem: exists ? l10n.t('{0} already exists', shown) : l10n.t('cannot write {0}: {1}', shown, describeFsError(error)), exists };
  }
  return { path: shown };
}

function connectorName(positionals: string[]): string {
  if (positionals.length === 0) throw new UsageError(l10n.t('missing the connector name'), usage);
  if (positionals.length > 1) throw new UsageError(l10n.t('expected one connector name, got {0} words; quote a name with spaces: connector-plan new "{1}"', positionals.length, positionals.join(' ')), usage);
  const name = positionals[0].trim();
  const problem = connectorNameProblem(name);
  if (problem) {
    const message = !name ? l10n.t('bad connector name: {0}', problem) : /[/\\]/.test(name) ? l10n.t('bad connector name "{0}": {1} Use --dir to choose the folder.', name, problem) : l10n.t('bad connector name "{0}": {1}', name, problem);
    throw new UsageError(message, usage);
  }
  return name;
}
