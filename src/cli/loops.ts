import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { isLoopFileName, readLoop, type LoopFile, type LoopPlace, type LoopReading, type ReviewLoop } from '../core';
import { readText } from './analyze-inputs';
import { createConfigLookup, type ConfigForFile } from './config-files';
import type { CliContext } from './context';
import { displayPath, printError } from './context';
import { markdownFilesIn } from './files';
import { TemplateLoader } from './templates';

// Review loops as the CLI reads them (`check`, `status`, `loop`, MCP `review_status`): a folder's own markdown files,
// read as every file is (regular files, up to --max-file-size), its `.connector-plan.json` (`"loops"`, the rules,
// the template), then the core's reading. Paths are shown relative to the current folder.

/** A folder's reading; `off` when `.connector-plan.json` turns loops off (`"loops": false`). */
export interface LoopFolder {
  reading: LoopReading | { isLoop: false; folder: string; reason: 'off' };
  /** The files read, as the reading names them. */
  files: LoopFile[];
}

export interface LoopReadOptions {
  /** `--template` (absolute), over `.connector-plan.json`. */
  template?: string;
  templates: TemplateLoader;
  configFor: ConfigForFile;
  /**
   * Told of a file that could not be read (its message says why); by default printed on stderr. `check` passes
   * one that stays silent for files it reports itself.
   */
  unreadable?: (shown: string, problem: string) => void;
  /** Texts to read instead of files (absolute path to text): an editor's unsaved documents (the language server). */
  texts?: ReadonlyMap<string, string>;
}

/** Reads `folder` (absolute) as a review loop. */
export async function readLoopFolder(folder: string, context: CliContext, options: LoopReadOptions): Promise<LoopFolder> {
  const shownFolder = displayPath(context.cwd, folder);
  const problems: string[] = [];
  const names = await markdownFilesIn(folder, context.cwd, context.fs, problems);
  for (const problem of problems) printError(context, problem);
  // Every file of a folder has the same nearest config: the one above the folder.
  const config = await options.configFor(path.join(folder, names.length ? path.basename(names[0]) : 'loop.md'));
  if (config.loops === 'off') return { reading: { isLoop: false, folder: shownFolder, reason: 'off' }, files: [] };
  const files: LoopFile[] = [];
  for (const file of names) {
    const shown = displayPath(context.cwd, file);
    // Only rounds and a final plan are the loop's; other notes in the folder are not read for it.
    if (!isLoopFileName(path.basename(file))) continue;
    const open = options.texts?.get(path.resolve(context.cwd, file));
    const text = open !== undefined ? { text: open } : await readText(file, context);
    if ('problem' in text) (options.unreadable ?? ((name: string, problem: string) => printError(context, l10n.t('cannot read {0}: {1}', name, problem))))(shown, text.problem);
    else files.push({ path: shown, text: text.text });
  }
  const schema = await options.templates.schema(options.template ?? config.template);
  const reading = readLoop(files, { folder: shownFolder, folderName: path.basename(folder), schema, rules: config.rules, named: config.loops === 'named' });
  return { reading, files };
}

/**
 * The loops of the files one command reads: each folder is read once, and only for a file whose name is a round's
 * or a final plan's. `place` gives what the core's analysis of that file takes (AnalyzeOptions.loop).
 */
export class LoopFolders {
  private readonly folders = new Map<string, Promise<LoopFolder>>();
  private readonly met: ReviewLoop[] = [];

  constructor(
    private readonly context: CliContext,
    private readonly options: LoopReadOptions = { templates: new TemplateLoader(context), configFor: createConfigLookup(context) },
  ) {}

  /** The file's place in its folder's loop; undefined when the folder is no loop (or loops are off there). */
  async place(file: string): Promise<LoopPlace | undefined> {
    const absolute = path.resolve(this.context.cwd, file);
    if (!isLoopFileName(path.basename(absolute))) return undefined;
    const folder = path.dirname(absolute);
    let pending = this.folders.get(folder);
    if (!pending) {
      pending = readLoopFolder(folder, this.context, this.options);
      this.folders.set(folder, pending);
      const { reading } = await pending;
      if (reading.isLoop) this.met.push(reading);
    }
    const { reading } = await pending;
    return reading.isLoop ? { reading, path: displayPath(this.context.cwd, absolute) } : undefined;
  }

  /** The review loops read so far, in the order they were met. */
  loops(): ReviewLoop[] {
    return [...this.met];
  }

  /** The files read for the loop of `folder` (absolute), if it was read. */
  async filesOf(folder: string): Promise<LoopFile[]> {
    return (await this.folders.get(folder))?.files ?? [];
  }
}
