import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { analyzePlan } from '../core';
import type { PlanReport, RuleConfig, TemplateSchema } from '../core';
import { createConfigLookup, type FileConfig } from './config-files';
import { TemplateLoader } from './templates';
import type { CliContext } from './context';
import { displayPath, printError } from './context';
import { decodeText } from './decode-text';
import { describeFsError } from './file-system';
import { expandInputs, type ExpandedInputs } from './files';

export interface CheckedFile {
  /** Relative to cwd, forward slashes. */
  path: string;
  report: PlanReport;
}

export interface AnalyzedInputs {
  files: CheckedFile[];
  /** Arguments and files that could not be read; each was already reported on stderr. */
  unreadable: number;
  /** Templates that could not be used (each reported on stderr): the run exits 2. */
  failedTemplates: number;
}

/** Reads every file the arguments name and analyzes it with its folder's config (and template). */
export async function analyzeInputs(inputs: string[], context: CliContext, options: InputOptions = {}): Promise<AnalyzedInputs> {
  const files: CheckedFile[] = [];
  const visitTemplate = (shown: string) => files.push({ path: shown, report: configuredTemplateReport() });
  const read = await readInputs(inputs, context, (file) => files.push({ path: file.path, report: analyzePlan(file.text, { rules: file.rules, assumePlan: file.assumePlan, schema: file.schema, path: file.absolute, templatePath: file.templatePath }) }), { ...options, visitTemplate });
  return { files, ...read };
}

export interface InputOptions {
  /** `--template <file>`: the template for every file, over `.connector-plan.json`. */
  template?: string;
  /** Told of each file among the inputs that a config or `--template` names as a template (it is never read as a plan). */
  visitTemplate?: (shown: string) => void;
}

/** What a template named by `.connector-plan.json` or `--template` is when it is among the files checked. */
function configuredTemplateReport(): PlanReport {
  return { isPlan: false, kind: 'template', configuredTemplate: true, reading: { kind: 'template', why: l10n.t('.connector-plan.json or --template names it as a template: its plans are checked against it'), evidence: [] }, findings: [] };
}

export interface InputFile {
  /** Relative to cwd, forward slashes. */
  path: string;
  /** The absolute path: its folder names a plan with a generic file name. */
  absolute: string;
  text: string;
  /** From the nearest `.connector-plan.json`. */
  rules: RuleConfig;
  /** That config's `files` globs name this file: it is a plan even before it looks like one. */
  assumePlan: boolean;
  /** The team template it is written from; undefined for the built-in one. */
  schema?: TemplateSchema;
  /** That template's path, relative to cwd. */
  templatePath?: string;
}

/**
 * Hands each readable file the arguments name to `visit`, one at a time; resolves to how many files and
 * templates could not be used (each reported on stderr). Template files are never checked as plans.
 */
export async function readInputs(inputs: string[], context: CliContext, visit: (file: InputFile) => void, options: InputOptions = {}): Promise<{ unreadable: number; failedTemplates: number }> {
  return readExpandedInputs(await expandInputs(inputs, context.cwd, context.fs), context, visit, options);
}

/** `readInputs` for arguments already expanded (the caller looked at what they name first). */
export async function readExpandedInputs(expanded: ExpandedInputs, context: CliContext, visit: (file: InputFile) => void, options: InputOptions = {}): Promise<{ unreadable: number; failedTemplates: number }> {
  for (const problem of expanded.problems) printError(context, problem);
  let unreadable = expanded.problems.length;
  const configFor = createConfigLookup(context);
  const templates = new TemplateLoader(context);
  const flag = options.template ? path.resolve(context.cwd, options.template) : undefined;
  const configs = new Map<string, FileConfig>();
  for (const file of expanded.files) configs.set(file, await configFor(file));
  const templateFiles = new Set([...(flag ? [flag] : []), ...[...configs.values()].flatMap((c) => c.templateFiles)]);
  for (const file of expanded.files) {
    if (templateFiles.has(file)) {
      options.visitTemplate?.(displayPath(context.cwd, file));
      continue;
    }
    const shown = displayPath(context.cwd, file);
    const text = await readText(file, context);
    if ('problem' in text) {
      printError(context, l10n.t('cannot check {0}: {1}', shown, text.problem));
      unreadable++;
      continue;
    }
    const { rules, assumePlan, template } = configs.get(file)!;
    const used = flag ?? template;
    const schema = await templates.schema(used);
    visit({ path: shown, absolute: path.resolve(context.cwd, file), text: text.text, rules, assumePlan, schema, templatePath: schema && used ? displayPath(context.cwd, used) : undefined });
  }
  // An explicit --template is read even when no file was checked, so a wrong path is never silent.
  if (flag) await templates.load(flag);
  return { unreadable, failedTemplates: templates.failures };
}

/** A file's text, read as every command reads files: regular files only, up to `--max-file-size`, strict UTF-8. */
export async function readText(file: string, context: CliContext): Promise<{ text: string } | { problem: string }> {
  try {
    return decodeText(await context.fs.readFile(path.resolve(context.cwd, file), context.maxFileSize));
  } catch (error) {
    return { problem: describeFsError(error) };
  }
}
