import { constants, promises as fs, type Stats } from 'node:fs';
import { megabytesToBytes, notARegularFileProblem, tooLargeProblem, type NotAFileKind } from '../core';

export interface EntryKind {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

export interface DirectoryEntry extends EntryKind {
  name: string;
}

/** The file operations the CLI uses; tests swap one out to simulate unreadable files. */
export interface CliFileSystem {
  stat(path: string): Promise<EntryKind>;
  readdir(path: string): Promise<DirectoryEntry[]>;
  /**
   * A regular file's bytes, at most `maxMegabytes` of them; anything else (a named pipe, a device, a socket) is
   * refused unopened, and so is a larger file, with a FileRefusal saying why.
   */
  readFile(path: string, maxMegabytes: number): Promise<Uint8Array>;
  /** Fails with code EEXIST when `overwrite` is false and the file exists. */
  writeFile(path: string, text: string, options: { overwrite: boolean }): Promise<void>;
  mkdir(path: string): Promise<void>;
  /** The path with every symbolic link resolved; fails with code ENOENT when nothing is there. */
  realpath(path: string): Promise<string>;
}

/** A file the CLI will not read (its message says why: the kind of file, or its size over the limit). */
class FileRefusal extends Error {}

/** The option that raises the limit, named in the message about a file over it. */
const RAISE_WITH = '--max-file-size';

export const nodeFileSystem: CliFileSystem = {
  stat: (path) => fs.stat(path),
  readdir: (path) => fs.readdir(path, { withFileTypes: true }),
  readFile: readRegularFile,
  writeFile: (path, text, { overwrite }) => fs.writeFile(path, text, { encoding: 'utf8', flag: overwrite ? 'w' : 'wx' }),
  mkdir: async (path) => {
    await fs.mkdir(path, { recursive: true });
  },
  realpath: (path) => fs.realpath(path),
};

// O_NONBLOCK: should a named pipe be swapped in between the look and the open, the open returns instead of waiting
// for a writer (and the second look refuses it). Regular files read the same with it.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

async function readRegularFile(path: string, maxMegabytes: number): Promise<Uint8Array> {
  // Looked at before it is opened: opening a named pipe for reading waits for a writer, forever if none comes.
  refuseUnlessReadable(await fs.stat(path), maxMegabytes);
  const handle = await fs.open(path, OPEN_FLAGS);
  try {
    const stats = await handle.stat();
    refuseUnlessReadable(stats, maxMegabytes);
    return await readAtMost(handle, stats.size, maxMegabytes);
  } finally {
    await handle.close();
  }
}

function refuseUnlessReadable(stats: Stats, maxMegabytes: number): void {
  // A folder fails as reading it always did.
  if (stats.isDirectory()) throw Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR' });
  if (!stats.isFile()) throw new FileRefusal(notARegularFileProblem(kindOf(stats)));
  if (stats.size > megabytesToBytes(maxMegabytes)) throw new FileRefusal(tooLargeProblem(stats.size, maxMegabytes, RAISE_WITH));
}

/** Reads to the end, but never more than the limit: the size is only a hint (files in /proc say 0; a file may grow). */
async function readAtMost(handle: fs.FileHandle, size: number, maxMegabytes: number): Promise<Uint8Array> {
  const maxBytes = megabytesToBytes(maxMegabytes);
  let buffer = Buffer.allocUnsafe(Math.min(size, maxBytes) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) throw new FileRefusal(tooLargeProblem(undefined, maxMegabytes, RAISE_WITH));
      const larger = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(length * 2, 64 * 1024)));
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
    }
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
    if (bytesRead === 0) return buffer.subarray(0, length);
    length += bytesRead;
  }
}

function kindOf(stats: Stats): NotAFileKind {
  if (stats.isFIFO()) return 'fifo';
  if (stats.isSocket()) return 'socket';
  if (stats.isCharacterDevice()) return 'character-device';
  if (stats.isBlockDevice()) return 'block-device';
  return 'other';
}

/** `EACCES: permission denied, open '/x'` -> `permission denied (EACCES)`; a FileRefusal's own message. */
export function describeFsError(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  const reason = code && message?.startsWith(`${code}: `) ? withoutSyscall(message.slice(code.length + 2)) : message;
  return code ? `${reason ?? 'error'} (${code})` : String(reason ?? error);
}

/** `permission denied, open '/x'` -> `permission denied`: the path may hold any character, a newline too. */
function withoutSyscall(detail: string): string {
  const at = detail.search(/, \w+ '/);
  return at >= 0 && detail.endsWith("'") ? detail.slice(0, at) : detail;
}
