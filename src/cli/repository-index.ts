import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { megabytesToBytes, type RepositoryIndex, type RepositoryPlace } from '../core';

// The repository a plan is in, for the references rules (issue 19): its root is the nearest folder upward with a
// `.git` (else the current folder); its index lists every file under the root except what the root .gitignore
// ignores, node_modules and .git (no git process). One index per root per run, built the first time a plan asks.

/** Folders never listed, whatever .gitignore says. */
const SKIPPED = new Set(['.git', 'node_modules']);
/** A file read for env var names is at most this large (a source file is kilobytes). */
const MAX_READ_MB = 1;
/** Files listed at most: a larger tree is cut off here (its rest counts as missing). */
const MAX_FILES = 200_000;

export class RepositoryIndexes {
  private readonly roots = new Map<string, string>();
  private readonly indexes = new Map<string, RepositoryIndex>();

  constructor(private readonly cwd: string, private readonly maxFileSize: number) {}

  /** The repository place of a file: its root's index (built lazily) and the file's path from the root. */
  placeOf(absoluteFile: string): RepositoryPlace {
    const root = this.rootOf(path.dirname(absoluteFile));
    let index = this.indexes.get(root);
    if (!index) this.indexes.set(root, (index = lazyIndex(root, Math.min(MAX_READ_MB, this.maxFileSize))));
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

/** An index whose file list is walked on first use. */
export function lazyIndex(root: string, maxReadMegabytes: number): RepositoryIndex {
  let files: string[] | undefined;
  return {
    files: () => (files ??= listFiles(root)),
    read: (relative) => readSmallFile(path.join(root, ...relative.split('/')), maxReadMegabytes),
  };
}

/** Every file under the root that the root .gitignore keeps, relative and with forward slashes, sorted. */
export function listFiles(root: string): string[] {
  const ignored = gitignoreMatcher(readSmallFile(path.join(root, '.gitignore'), 1) ?? '');
  const out: string[] = [];
  const walk = (folder: string, relative: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (out.length >= MAX_FILES) return;
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      // Symbolic links are not followed (a link to a folder above could loop); a link to a file is listed.
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name) && !ignored(rel, true)) walk(path.join(folder, entry.name), rel);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && !ignored(rel, false)) out.push(rel);
    }
  };
  walk(root, '');
  return out.sort();
}

/**
 * The root .gitignore's patterns as a test of a path (relative to the root) and whether it is a folder: blank lines
 * and `#` comments skipped, `!` re-includes, a trailing `/` matches folders only, a pattern with a `/` before its
 * end is anchored at the root, one without matches a name at any depth. The last pattern that matches decides.
 */
export function gitignoreMatcher(text: string): (relative: string, isFolder: boolean) => boolean {
  const rules: { negate: boolean; folderOnly: boolean; test: (p: string) => boolean; byName: boolean }[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trimEnd();
    if (!line || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    if (line.startsWith('\\')) line = line.slice(1);
    const folderOnly = line.endsWith('/');
    if (folderOnly) line = line.slice(0, -1);
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    if (!line) continue;
    const test = picomatch(line, { dot: true });
    rules.push({ negate, folderOnly, test, byName: !anchored });
  }
  return (relative, isFolder) => {
    let ignored = false;
    const name = relative.slice(relative.lastIndexOf('/') + 1);
    for (const rule of rules) {
      if (rule.folderOnly && !isFolder) continue;
      if (rule.test(rule.byName ? name : relative)) ignored = !rule.negate;
    }
    return ignored;
  };
}

/** A regular file's text (UTF-8), or undefined for anything else, a file over the limit or one with a NUL byte. */
export function readSmallFile(file: string, maxMegabytes: number): string | undefined {
  let fd: number | undefined;
  try {
    // Looked at before it is opened (a named pipe would wait for a writer), and again once open.
    if (!fs.statSync(file).isFile()) return undefined;
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const stats = fs.fstatSync(fd);
    const limit = megabytesToBytes(maxMegabytes);
    if (!stats.isFile() || stats.size > limit) return undefined;
    const buffer = Buffer.alloc(Math.min(stats.size, limit));
    const length = fs.readSync(fd, buffer, 0, buffer.length, 0);
    const bytes = buffer.subarray(0, length);
    if (bytes.includes(0)) return undefined;
    return bytes.toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
