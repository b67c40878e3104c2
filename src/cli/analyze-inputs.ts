import * as path from 'node:path';
import { analyzePlan } from '../core';
import type { PlanReport } from '../core';
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
  const expanded = await expandInputs(inputs, context.cwd, context.fs);
  for (const problem of expanded.problems) printError(context, problem);
  let unreadable = expanded.problems.length;
  const rulesFor = createConfigLookup(context);
  const files: CheckedFile[] = [];
  for (const file of expanded.files) {
    const shown = displayPath(context.cwd, file);
    const text = await readText(file, context);
    if ('problem' in text) {
      printError(context, `cannot check ${shown}: ${text.problem}`);
      unreadable++;
      continue;
    }
    files.push({ path: shown, report: analyzePlan(text.text, { rules: await rulesFor(file) }) });
  }
  return { files, unreadable };
}

async function readText(file: string, context: CliContext): Promise<{ text: string } | { problem: string }> {
  try {
    return decodeText(await context.fs.readFile(path.resolve(context.cwd, file)));
  } catch (error) {
    return { problem: describeFsError(error) };
  }
}
