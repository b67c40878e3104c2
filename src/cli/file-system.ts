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

/** `text.replace(/, \w+ '.*'$/, '')`: the first `, open '` whose quote the text's last character closes. */
function withoutPath(text: string): string {
  const lineBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'), text.lastIndexOf('\u2028'), text.lastIndexOf('\u2029'));
  if (!text.endsWith("'")) return text;
  const call = /, \w+ '/g;
  call.lastIndex = lineBreak + 1;
  for (let m = call.exec(text); m; m = call.exec(text)) if (m.index + m[0].length < text.length) return text.slice(0, m.index);
  return text;
}

/** `EACCES: permission denied, open '/x'` -> `permission denied (EACCES)`. */
export function describeFsError(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  const reason = code && message?.startsWith(`${code}: `) ? withoutPath(message.slice(code.length + 2)) : message;
  return code ? `${reason ?? 'error'} (${code})` : String(reason ?? error);
}
