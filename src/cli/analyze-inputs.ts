import * as path from 'node:path';
import { analyzePlan } from '../core';
import type { PlanReport, RuleConfig } from '../core';
import { createConfigLookup } from './config-files';
import type { CliContext } from './context';
import { displayPath, printError } from './context';
import { decodeText } from './decode-text';
import { describeFsError } from './file-system';
import { expandInputs } from './files';

export interface CheckedFile {
  /** Relative to cwd, forward slashes. */
  path: string;
  report: PlanReport;
}

export interface AnalyzedInputs {
  files: CheckedFile[];
  /** Arguments and files that could not be read; each was already reported on stderr. */
  unreadable: number;
}

/** Reads every file the arguments name and analyzes it with its folder's config. */
export async function analyzeInputs(inputs: string[], context: CliContext): Promise<AnalyzedInputs> {
  const files: CheckedFile[] = [];
  const unreadable = await readInputs(inputs, context, (file) => files.push({ path: file.path, report: analyzePlan(file.text, { rules: file.rules, assumePlan: file.assumePlan }) }));
  return { files, unreadable };
}

export interface InputFile {
  /** Relative to cwd, forward slashes. */
  path: string;
  text: string;
  /** From the nearest `.connector-plan.json`. */
  rules: RuleConfig;
  /** That config's `files` globs name this file: it is a plan even before it looks like one. */
  assumePlan: boolean;
}

/** Hands each readable file the arguments name to `visit`, one at a time; resolves to how many could not be read (each reported on stderr). */
export async function readInputs(inputs: string[], context: CliContext, visit: (file: InputFile) => void): Promise<number> {
  const expanded = await expandInputs(inputs, context.cwd, context.fs);
  for (const problem of expanded.problems) printError(context, problem);
  let unreadable = expanded.problems.length;
  const configFor = createConfigLookup(context);
  for (const file of expanded.files) {
    const shown = displayPath(context.cwd, file);
    const text = await readText(file, context);
    if ('problem' in text) {
      printError(context, `cannot check ${shown}: ${text.problem}`);
      unreadable++;
      continue;
    }
    visit({ path: shown, text: text.text, ...(await configFor(file)) });
  }
  return unreadable;
}

async function readText(file: string, context: CliContext): Promise<{ text: string } | { problem: string }> {
  try {
    return decodeText(await context.fs.readFile(path.resolve(context.cwd, file)));
  } catch (error) {
    return { problem: describeFsError(error) };
  }
}
