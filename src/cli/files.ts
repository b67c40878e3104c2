import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { CliFileSystem, DirectoryEntry } from './file-system';
import { describeFsError } from './file-system';
import { displayPath } from './context';

/** Folders never searched: dependencies, VCS data and build output. */
export const SKIPPED_FOLDERS = ['node_modules', '.git', '.vscode-test', 'out', 'dist'];

export interface ExpandedInputs {
  /** Absolute paths, in argument order, each once. */
  files: string[];
  /** One message per argument that named nothing, and per path that could not be read. */
  problems: string[];
  /** The entries of each folder the search read, by its absolute path: the repository's index lists them without reading them again. */
  folders: ReadonlyMap<string, DirectoryEntry[]>;
}

/** Turns file, folder and glob arguments into the files to check. */
export async function expandInputs(inputs: string[], cwd: string, fs: CliFileSystem): Promise<ExpandedInputs> {
  const files = new Set<string>();
  const problems: string[] = [];
  const folders = new Map<string, DirectoryEntry[]>();
  for (const input of inputs) {
    const found = await expandInput(input, cwd, fs, problems, folders);
    for (const file of found) files.add(file);
  }
  return { files: [...files], problems, folders };
}

async function expandInput(input: string, cwd: string, fs: CliFileSystem, problems: string[], folders: Map<string, DirectoryEntry[]>): Promise<string[]> {
  const absolute = path.resolve(cwd, input);
  const kind = await fs.stat(absolute).catch((error: unknown) => error as Error);
  let found: string[];
  if (!(kind instanceof Error)) {
    if (!kind.isDirectory()) return [absolute];
    const known = problems.length;
    found = await markdownFilesUnder(absolute, cwd, fs, problems, true, folders);
    if (found.length === 0 && problems.length === known) problems.push(l10n.t('no markdown files in {0}', input));
  } else if (isDynamicPattern(input)) {
    found = await globFiles(input, cwd);
    if (found.length === 0) problems.push(l10n.t('no files match {0}', input));
  } else {
    found = [];
    problems.push(l10n.t('cannot read {0}: {1}', input, describeFsError(kind)));
  }
  return found;
}

async function markdownFilesUnder(folder: string, cwd: string, fs: CliFileSystem, problems: string[], deep = true, read?: Map<string, DirectoryEntry[]>): Promise<string[]> {
  const entries = await fs.readdir(folder).then(
    (entries) => (read?.set(folder, entries), entries),
    (error: unknown) => {
      problems.push(l10n.t('cannot read folder {0}: {1}', displayPath(cwd, folder), describeFsError(error)));
      return [];
    },
  );
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const found: string[] = [];
  for (const entry of entries) {
    const child = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (deep && !SKIPPED_FOLDERS.includes(entry.name)) found.push(...(await markdownFilesUnder(child, cwd, fs, problems, true, read)));
    } else if (isMarkdownName(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && (await isFile(child, fs))))) {
      found.push(child);
    }
  }
  return found;
}

/** The markdown files directly in a folder (regular files, or links to them), sorted by name: a review loop's rounds. */
export function markdownFilesIn(folder: string, cwd: string, fs: CliFileSystem, problems: string[]): Promise<string[]> {
  return markdownFilesUnder(folder, cwd, fs, problems, false);
}

/** Globs match exactly what they say (any extension), minus the skipped folders. */
async function globFiles(pattern: string, cwd: string): Promise<string[]> {
  const ignore = SKIPPED_FOLDERS.map((folder) => `**/${folder}/**`);
  const matches = await glob(pattern.split(path.sep).join('/'), { cwd, absolute: true, ignore, expandDirectories: false });
  return matches.map((match) => path.resolve(match)).sort();
}

function isMarkdownName(name: string): boolean {
  return name.toLowerCase().endsWith('.md');
}

async function isFile(file: string, fs: CliFileSystem): Promise<boolean> {
  return fs.stat(file).then((kind) => kind.isFile(), () => false);
}
