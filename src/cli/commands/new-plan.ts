import * as path from 'node:path';
import { connectorNameProblem, planFileName, scaffoldPlan, type TemplateSchema } from '../../core';
import { readTemplateFile } from '../templates';
import type { Command } from '../command-line';
import { UsageError, parseOrHelp } from '../command-line';
import type { CliContext } from '../context';
import { displayPath, printError } from '../context';
import { describeFsError } from '../file-system';

const usage = 'Usage: connector-plan new "<Connector Name>" [--dir <folder>] [--force] [--template <file>]';

const help = `${usage}

Creates <folder>/<connector-name>-rollout-plan.md from the Connector Rollout
Plan template, with the connector name filled in, and prints its path.

Options:
  --dir <folder>  where to create the plan (default: docs/connectors; created if needed)
  --force         overwrite the plan if it already exists
  --template <file>  a team's template instead of the built-in one (its title's
                  {placeholder} gets the name)
  -h, --help      show this help

Exit codes: 0 created, 2 usage error, existing file without --force, or a write error.
`;

/** Where `new` (and the MCP server's new_plan) puts a plan when no folder is given. */
export const DEFAULT_PLANS_FOLDER = 'docs/connectors';

const options = {
  dir: { type: 'string', default: DEFAULT_PLANS_FOLDER },
  force: { type: 'boolean', default: false },
  template: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export const newPlanCommand: Command = {
  name: 'new',
  summary: 'create a plan from the template',
  usage,
  help,
  async execute(args: string[], context: CliContext): Promise<number> {
    const parsed = parseOrHelp(args, options, { usage, help }, context.stdout);
    if (!parsed) return 0;
    const { values, positionals } = parsed;
    const name = connectorName(positionals);
    let schema: TemplateSchema | undefined;
    if (values.template) {
      const loaded = await readTemplateFile(path.resolve(context.cwd, values.template), context);
      if (!loaded.ok) {
        printError(context, `cannot use the template ${values.template}: ${loaded.problem}`);
        return 2;
      }
      schema = loaded.read.schema;
    }
    const written = await writePlanFile(path.resolve(context.cwd, values.dir), name, schema, context, { overwrite: values.force });
    if ('problem' in written) {
      printError(context, written.exists ? `${written.problem}; use --force to overwrite it` : written.problem);
      return 2;
    }
    context.stdout.write(`${written.path}\n`);
    return 0;
  },
};

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
    return { path: shown, problem: `cannot create the folder ${displayPath(context.cwd, folder)}: ${describeFsError(error)}`, exists: false };
  }
  try {
    await context.fs.writeFile(file, scaffoldPlan(name, schema), options);
  } catch (error) {
    const exists = (error as { code?: string }).code === 'EEXIST';
    return { path: shown, problem: exists ? `${shown} already exists` : `cannot write ${shown}: ${describeFsError(error)}`, exists };
  }
  return { path: shown };
}

function connectorName(positionals: string[]): string {
  if (positionals.length === 0) throw new UsageError('missing the connector name', usage);
  if (positionals.length > 1) throw new UsageError(`expected one connector name, got ${positionals.length} words; quote a name with spaces: connector-plan new "${positionals.join(' ')}"`, usage);
  const name = positionals[0].trim();
  const problem = connectorNameProblem(name);
  if (problem) throw new UsageError(`bad connector name${name ? ` "${name}"` : ''}: ${problem}${/[/\\]/.test(name) ? ' Use --dir to choose the folder.' : ''}`, usage);
  return name;
}
