import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { analyzePlan, loopRecordPath } from '../core';
import type { LoopPlace, PlanReport, RepositoryPlace, ReviewLoop, RuleConfig, TemplateSchema } from '../core';
import { RepositoryIndexes } from './repository-index';
import { createConfigLookup, type FileConfig } from './config-files';
import { TemplateLoader } from './templates';
import type { CliContext } from './context';
import { displayPath, printError } from './context';
import { decodeText } from './decode-text';
import { describeFsError } from './file-system';
import { expandInputs, type ExpandedInputs } from './files';
import { LoopFolders } from './loops';

export interface CheckedFile {
  /** Relative to cwd, forward slashes. */
  path: string;
  report: PlanReport;
  /** The review loop the file is a round (or the final plan) of: its findings are in the report. */
  loop?: ReviewLoop;
}

/** A review loop among the files read, and the check of the file that stands for it (loopRecordPath), read for it when not among them. */
export interface LoopRecord {
  loop: ReviewLoop;
  record?: CheckedFile;
}

export interface AnalyzedInputs {
  files: CheckedFile[];
  /** Arguments and files that could not be read; each was already reported on stderr. */
  unreadable: number;
  /** Templates that could not be used (each reported on stderr): the run exits 2. */
  failedTemplates: number;
  /** The review loops the files are rounds of, in the order they were met. */
  loops: LoopRecord[];
}

/**
 * Reads every file the arguments name and analyzes it with its folder's config (and template); a round of a review
 * loop gets the loop's findings (its folder's other rounds are read for it).
 */
export async function analyzeInputs(inputs: string[], context: CliContext, options: InputOptions = {}): Promise<AnalyzedInputs> {
  const files: CheckedFile[] = [];
  const records = new Map<string, CheckedFile>();
  const analyze = (file: InputFile): CheckedFile => ({
    path: file.path,
    report: analyzePlan(file.text, { rules: file.rules, assumePlan: file.assumePlan, schema: file.schema, path: file.absolute, templatePath: file.templatePath, loop: file.loop, repository: file.repository }),
    ...(file.loop?.reading.isLoop ? { loop: file.loop.reading } : {}),
  });
  const visitTemplate = (shown: string) => files.push({ path: shown, report: configuredTemplateReport() });
  const visitLoopRecord = (file: InputFile) => records.set(file.path, analyze(file));
  const read = await readInputs(inputs, context, (file) => files.push(analyze(file)), { ...options, visitTemplate, visitLoopRecord, loops: true });
  for (const file of files) records.set(file.path, file);
  const loops = read.loops.map((loop): LoopRecord => {
    const record = records.get(loopRecordPath(loop) ?? '');
    return record ? { loop, record } : { loop };
  });
  return { files, unreadable: read.unreadable, failedTemplates: read.failedTemplates, loops };
}

export interface InputOptions {
  /** `--template <file>`: the template for every file, over `.connector-plan.json`. */
  template?: string;
  /** Told of each file among the inputs that a config or `--template` names as a template (it is never read as a plan). */
  visitTemplate?: (shown: string) => void;
  /** Read the review loop of each file that is a round: the file gets its place in it (InputFile.loop). */
  loops?: boolean;
  /** Told of the file that stands for a review loop (loopRecordPath) when it is not among the inputs. */
  visitLoopRecord?: (file: InputFile) => void;
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
  /** The review loop the file is part of, and its path there (with `loops`). */
  loop?: LoopPlace;
  /** The repository the file is in (nearest `.git` upward, else cwd): its index is walked only when a plan asks. */
  repository?: RepositoryPlace;
}

/**
 * Hands each readable file the arguments name to `visit`, one at a time; resolves to how many files and
 * templates could not be used (each reported on stderr). Template files are never checked as plans.
 */
export async function readInputs(inputs: string[], context: CliContext, visit: (file: InputFile) => void, options: InputOptions = {}): Promise<ReadResult> {
  return readExpandedInputs(await expandInputs(inputs, context.cwd, context.fs), context, visit, options);
}

/** `readInputs` for arguments already expanded (the caller looked at what they name first). */
export async function readExpandedInputs(expanded: ExpandedInputs, context: CliContext, visit: (file: InputFile) => void, options: InputOptions = {}): Promise<ReadResult> {
  for (const problem of expanded.problems) printError(context, problem);
  let unreadable = expanded.problems.length;
  const configFor = createConfigLookup(context);
  const templates = new TemplateLoader(context);
  const flag = options.template ? path.resolve(context.cwd, options.template) : undefined;
  const configs = new Map<string, FileConfig>();
  for (const file of expanded.files) configs.set(file, await configFor(file));
  const templateFiles = new Set([...(flag ? [flag] : []), ...[...configs.values()].flatMap((c) => c.templateFiles)]);
  const inputs = new Set(expanded.files.map((file) => displayPath(context.cwd, file)));
  // A round of a loop that is among the inputs is reported as an input; another one is named once, and counts as
  // unreadable too: the loop's gate was read without it.
  const roundUnreadable = (shown: string, problem: string) => {
    if (inputs.has(shown)) return;
    printError(context, l10n.t('cannot read {0}, a round of a review loop: {1}', shown, problem));
    unreadable++;
  };
  const loopFolders = options.loops ? new LoopFolders(context, { template: flag, templates, configFor, unreadable: roundUnreadable }) : undefined;
  const visited = new Set<string>();
  const repositories = new RepositoryIndexes(context.cwd, context.maxFileSize, expanded.folders, (message) => printError(context, message));
  const inputFile = async (absolute: string, text: string, config: FileConfig): Promise<InputFile> => {
    const used = flag ?? config.template;
    const schema = await templates.schema(used);
    const loop = templateFiles.has(absolute) ? undefined : await loopFolders?.place(absolute);
    return { path: displayPath(context.cwd, absolute), absolute, text, rules: config.rules, assumePlan: config.assumePlan, schema, templatePath: schema && used ? displayPath(context.cwd, used) : undefined, ...(loop ? { loop } : {}), repository: repositories.placeOf(absolute) };
  };
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
    visited.add(shown);
    visit(await inputFile(path.resolve(context.cwd, file), text.text, configs.get(file)!));
  }
  const loops = loopFolders ? loopFolders.loops() : [];
  // The file that stands for a loop (its row in `status`) is read with the loop even when it is not among the inputs.
  for (const loop of options.visitLoopRecord ? loops : []) {
    const record = loopRecordPath(loop);
    const file = record !== undefined && !visited.has(record) ? (await loopFolders!.filesOf(path.resolve(context.cwd, loop.folder ?? '.'))).find((f) => f.path === record) : undefined;
    if (!file) continue;
    const absolute = path.resolve(context.cwd, file.path);
    if (!templateFiles.has(absolute)) options.visitLoopRecord!(await inputFile(absolute, file.text, await configFor(absolute)));
  }
  // An explicit --template is read even when no file was checked, so a wrong path is never silent.
  if (flag) await templates.load(flag);
  return { unreadable, failedTemplates: templates.failures, loops };
}

export interface ReadResult {
  unreadable: number;
  failedTemplates: number;
  /** With `loops`: the review loops of the files read, in the order they were met. */
  loops: ReviewLoop[];
}

/** A file's text, read as every command reads files: regular files only, up to `--max-file-size`, strict UTF-8. */
export async function readText(file: string, context: CliContext): Promise<{ text: string } | { problem: string }> {
  try {
    return decodeText(await context.fs.readFile(path.resolve(context.cwd, file), context.maxFileSize));
  } catch (error) {
    return { problem: describeFsError(error) };
  }
}
