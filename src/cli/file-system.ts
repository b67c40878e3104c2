import { promises as fs } from 'node:fs';

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
  readFile(path: string): Promise<Uint8Array>;
  /** Fails with code EEXIST when `overwrite` is false and the file exists. */
  writeFile(path: string, text: string, options: { overwrite: boolean }): Promise<void>;
  mkdir(path: string): Promise<void>;
  /** The path with every symbolic link resolved; fails with code ENOENT when nothing is there. */
  realpath(path: string): Promise<string>;
}

export const nodeFileSystem: CliFileSystem = {
  stat: (path) => fs.stat(path),
  readdir: (path) => fs.readdir(path, { withFileTypes: true }),
  readFile: (path) => fs.readFile(path),
  writeFile: (path, text, { overwrite }) => fs.writeFile(path, text, { encoding: 'utf8', flag: overwrite ? 'w' : 'wx' }),
  mkdir: async (path) => {
    await fs.mkdir(path, { recursive: true });
  },
  realpath: (path) => fs.realpath(path),
};

/** `EACCES: permission denied, open '/x'` -> `permission denied (EACCES)`. */
export function describeFsError(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  const reason = code && message?.startsWith(`${code}: `) ? message.slice(code.length + 2).replace(/, \w+ '.*'$/, '') : message;
  return code ? `${reason ?? 'error'} (${code})` : String(reason ?? error);
}
