import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gitignoreMatcher, MAX_WILDCARD_PATTERNS, megabytesToBytes, NEVER_LISTED, type RepositoryIndex, type RepositoryPlace } from '../core';
import { displayPath } from './context';

// The repository a plan is in, for the references rules (issue 19): its root is the nearest folder upward with a
// `.git` (else the current folder); its index lists every file under the root except what the root .gitignore
// ignores, node_modules and .git (no git process). One index per root per run, built the first time a plan asks.

/** A file read for env var names is at most this large (a source file is kilobytes). */
const MAX_READ_MB = 1;
/** Files listed at most: a larger tree is cut off here (its rest counts as missing). */
const MAX_FILES = 200_000;

/** What a folder listing says of an entry (a `fs.Dirent`). */
export interface FolderEntry {
  name: string;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

/** Folders already read in this run (the search for the plans to check), by absolute path: not read again. */
export type ReadFolders = ReadonlyMap<string, readonly FolderEntry[]>;

export class RepositoryIndexes {
  private readonly roots = new Map<string, string>();
  private readonly indexes = new Map<string, RepositoryIndex>();

  /**
   * `read`: folders already read in this run; `warn`: told once per repository of what its listing could not honour
   * (a .gitignore with more patterns with wildcards than are read).
   */
  constructor(private readonly cwd: string, private readonly maxFileSize: number, private readonly read?: ReadFolders, private readonly warn?: (message: string) => void) {}

  /** The repository place of a file: its root's index (built lazily) and the file's path from the root. */
  placeOf(absoluteFile: string): RepositoryPlace {
    const root = this.rootOf(path.dirname(absoluteFile));
    let index = this.indexes.get(root);
    if (!index) {
      const warn = this.warn;
      const unread = warn && ((count: number) => warn(l10n.t('{0}: {1} patterns with wildcards past the first {2} are not read (the files they ignore are listed)', displayPath(this.cwd, path.join(root, '.gitignore')), count, MAX_WILDCARD_PATTERNS)));
      this.indexes.set(root, (index = lazyIndex(root, Math.min(MAX_READ_MB, this.maxFileSize), this.read, unread)));
    }
    return { index, planPath: path.relative(root, absoluteFile).split(path.sep).join('/') };
  }

  private rootOf(folder: string): string {
    const known = this.roots.get(folder);
    if (known) return known;
    let root = path.resolve(this.cwd);
    for (let at = folder; ; at = path.dirname(at)) {
      if (fs.existsSync(path.join(at, '.git'))) {
        root = at;
        break;
      }
      if (path.dirname(at) === at) break;
    }
    this.roots.set(folder, root);
    return root;
  }
}

/** An index whose file list is walked on first use (folders in `read` are not read again; `unread` as for listFiles). */
export function lazyIndex(root: string, maxReadMegabytes: number, read?: ReadFolders, unread?: (count: number) => void): RepositoryIndex {
  let files: string[] | undefined;
  // Files the walk saw as regular (not links): opened without a stat first (see readSmallFile).
  const regular = new Set<string>();
  return {
    files: () => (files ??= listFiles(root, regular, read, unread)),
    read: (relative) => readSmallFile(path.join(root, ...relative.split('/')), maxReadMegabytes, regular.has(relative)),
  };
}

/**
 * Every file under the root that the root .gitignore keeps, relative and with forward slashes, sorted. `regular`,
 * when given, gets those the folder listing says are regular files (not symbolic links). A folder in `read` is
 * listed from there, not read again: `check .` has just read the whole tree for its markdown files. `unread` is
 * told how many patterns with wildcards of the .gitignore are past those read (MAX_WILDCARD_PATTERNS), when any are.
 */
export function listFiles(root: string, regular?: Set<string>, read?: ReadFolders, unread?: (count: number) => void): string[] {
  const ignored = gitignoreMatcher(readSmallFile(path.join(root, '.gitignore'), 1) ?? '');
  if (ignored.unread) unread?.(ignored.unread);
  const out: string[] = [];
  const walk = (folder: string, relative: string) => {
    let entries = read?.get(folder);
    try {
      entries ??= fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (out.length >= MAX_FILES) return;
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      // Symbolic links are not followed (a link to a folder above could loop); a link to a file is listed.
      if (entry.isDirectory()) {
        if (!NEVER_LISTED.has(entry.name) && !ignored(rel, true)) walk(path.join(folder, entry.name), rel);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && !ignored(rel, false)) {
        out.push(rel);
        if (entry.isFile()) regular?.add(rel);
      }
    }
  };
  walk(root, '');
  return out.sort();
}

/** Where readSmallFile reads into, grown as needed (the text is copied out): no buffer to allocate and collect per file. */
let scratch = Buffer.allocUnsafe(64 * 1024);

/**
 * A regular file's text (UTF-8), or undefined for anything else, a file over the limit or one with a NUL byte.
 * `listedRegular`: a folder listing just said it is a regular file, so the stat before opening is left out (a third
 * of the cost of reading a repository's small files); it is still checked once open, and opened without waiting.
 */
export function readSmallFile(file: string, maxMegabytes: number, listedRegular = false): string | undefined {
  let fd: number | undefined;
  try {
    // Looked at before it is opened (a named pipe would wait for a writer, a device may act on being opened), and
    // again once open.
    if (!listedRegular && !fs.statSync(file).isFile()) return undefined;
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const stats = fs.fstatSync(fd);
    const limit = megabytesToBytes(maxMegabytes);
    if (!stats.isFile() || stats.size > limit) return undefined;
    const size = Math.min(stats.size, limit);
    if (scratch.length < size) scratch = Buffer.allocUnsafe(size);
    const length = fs.readSync(fd, scratch, 0, size, 0);
    const bytes = scratch.subarray(0, length);
    if (bytes.includes(0)) return undefined;
    return bytes.toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
