import * as l10n from '@vscode/l10n';
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import type { CliContext } from './context';

/** A mistake in the command line: reported with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command's syntax (`connector-plan check [paths...] …`), shown after `Usage:`. */
    readonly usage: string,
  ) {
    super(message);
  }
}

/** `Usage: connector-plan check …`: the syntax itself is never translated. */
export function usageLine(syntax: string): string {
  return l10n.t({ message: 'Usage: {0}', args: [syntax], comment: ["{0} is the command's syntax, which stays as it is."] });
}

// Texts are functions: the locale's bundle is loaded when main() starts, after these modules are.
export interface Command {
  name: string;
  /** One line for the general help. */
  summary(): string;
  /** The command's syntax, printed after `Usage:` under a usage error. */
  usage: string;
  /** The full `--help` text. */
  help(): string;
  execute(args: string[], context: CliContext): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs in strict mode, its errors turned into usage errors. */
export function parseCommandLine<T extends Options>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(parseArgsProblem(error as Error), usage);
  }
}

/** node:util's words for a bad command line, in the user's language where they are known; Node's own otherwise. */
function parseArgsProblem(error: Error): string {
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  if (/^Unknown option '/.test(error.message)) return l10n.t("Unknown option '{0}'", quoted);
  if (/^Option '[^']*' argument missing$/.test(error.message)) return l10n.t("Option '{0}' argument missing", quoted);
  if (/^Option '[^']*' does not take an argument$/.test(error.message)) return l10n.t("Option '{0}' does not take an argument", quoted);
  return error.message.replace(/\. To specify .*$/s, '');
}

/** What a command's `run` is handed: its options and positionals, parsed. */
export type ParsedCommandLine<T extends Options> = ReturnType<typeof parseCommandLine<T>>;

/** `-h`, `--help` and `--max-file-size <MB>`: every command has them (each reads a file: a plan, a template, a config). */
const COMMON_OPTIONS = { help: { type: 'boolean', short: 'h', default: false }, 'max-file-size': { type: 'string' } } as const;

/**
 * A command whose common options are handled in one place: the arguments are parsed with `options`, `-h`/`--help`
 * and `--max-file-size` (a usage error when they do not fit), the help is printed when asked for, and otherwise
 * `run` gets what was parsed, with a context that reads files up to the size given.
 */
export function defineCommand<T extends Options>(spec: {
  name: string;
  summary(): string;
  usage: string;
  help(): string;
  options: T;
  run(parsed: ParsedCommandLine<T & typeof COMMON_OPTIONS>, context: CliContext): Promise<number>;
}): Command {
  const { name, summary, usage, help, run } = spec;
  const options = { ...spec.options, ...COMMON_OPTIONS };
  return {
    name,
    summary,
    usage,
    help,
    async execute(args, context) {
      const parsed = parseOrHelp(args, options, spec, context.stdout);
      if (!parsed) return 0;
      const limit = (parsed.values as { 'max-file-size'?: string })['max-file-size'];
      return run(parsed, limit === undefined ? context : { ...context, maxFileSize: parseMegabytes('--max-file-size', limit, usage) });
    },
  };
}

/** A size in MB greater than 0, such as `10` or `0.5`. */
function parseMegabytes(option: string, value: string, usage: string): number {
  const megabytes = /^(?:\d+(?:\.\d*)?|\.\d+)$/.test(value) ? Number(value) : NaN;
  if (megabytes > 0 && Number.isFinite(megabytes)) return megabytes;
  throw new UsageError(l10n.t('{0} needs a size in MB greater than 0, such as 10 or 0.5 (got "{1}")', option, value), usage);
}

export const MAX_FILE_SIZE_HELP = () =>
  l10n.t({
    message: `  --max-file-size <MB>
                     skip a file larger than this (default: 10); pipes,
                     devices and anything else that is not a regular file
                     are never read`,
    comment: ['A line of --help: keep the option as it is and the text aligned under its first line.'],
  });

/** Parses a command's arguments, or prints its help and gives undefined when `--help` was asked for. */
function parseOrHelp<T extends Options & { help: { type: 'boolean' } }>(args: string[], options: T, command: { usage: string; help(): string }, stdout: { write(text: string): unknown }) {
  const parsed = parseCommandLine(args, options, command.usage);
  if (!(parsed.values as { help?: boolean }).help) return parsed;
  stdout.write(command.help());
  return undefined;
}

/** Checks that `value` is one of `choices`; the message lists them. */
export function oneOf<T extends string>(option: string, value: string, choices: readonly T[], usage: string): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(l10n.t({ message: '{0} must be {1} or {2} (got "{3}")', args: [option, choices.slice(0, -1).join(', '), choices[choices.length - 1], value], comment: ['An option, its allowed values but the last, the last one, and the value given: --format must be text, json or sarif (got "xml").'] }), usage);
}

/** `--template <file>`: a team's template for every file checked, over `.connector-plan.json`. */
export const TEMPLATE_OPTION = { template: { type: 'string' } } as const;

export const TEMPLATE_HELP = () =>
  l10n.t({
    message: `  --template <file>  the team's template the plans are written from (default:
                     "template"/"templates" of .connector-plan.json, else
                     the built-in Connector Rollout Plan template)`,
    comment: ['A line of --help: keep the option as it is and the text aligned under its first line.'],
  });

/** `--format text|json` and `--help`: the options of the commands that print a report in either form. */
export const TEXT_OR_JSON_OPTIONS = {
  format: { type: 'string', default: 'text' },
} as const;
