import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { confinedPath } from '../../core';
import type { CliContext } from '../context';
import type { CliFileSystem } from '../file-system';
import { describeFsError } from '../file-system';

const ROOT = "the server's root folder";

/** A tool's path argument, resolved inside the root. */
export interface RootPath {
  /** Relative to the root, forward slashes; '' is the root itself. */
  relative: string;
  /** How results name it: `relative`, or `.` for the root. */
  shown: string;
  absolute: string;
}

export type Refusal = { problem: string };

/**
 * The folder `connector-plan mcp` serves. Every path a tool is given is resolved against it and refused when it
 * leads outside, lexically (`..`, absolute paths) or through a symbolic link; `files` is a file system that reads
 * and writes nothing outside it, so config lookups, folder walks and templates stay inside too.
 */
export class RootFolder {
  readonly files: CliFileSystem;

  private constructor(
    /** Absolute, as given (symbolic links not resolved): results name paths relative to it, as the CLI run there does. */
    readonly path: string,
    private readonly realPath: string,
    private readonly fs: CliFileSystem,
  ) {
    this.files = this.confinedFileSystem();
  }

  /** The root, or why it cannot be served: it must exist and be a folder. */
  static async open(folder: string, fs: CliFileSystem): Promise<RootFolder | Refusal> {
    try {
      if (!(await fs.stat(folder)).isDirectory()) return { problem: l10n.t('it is not a folder') };
      return new RootFolder(folder, await fs.realpath(folder), fs);
    } catch (error) {
      return { problem: describeFsError(error) };
    }
  }

  /**
   * A context for one tool call: run from the root on its confined file system, never on the protocol's streams;
   * what commands would print on stderr is kept as notes for the result.
   */
  context(base: CliContext): { context: CliContext; notes: string[] } {
    const notes: string[] = [];
    const keep = { write: (text: string) => notes.push(...text.split('\n').filter(Boolean).map((line) => line.replace(/^connector-plan: /, ''))) };
    return { context: { ...base, cwd: this.path, stdout: { write: () => true }, stderr: keep, fs: this.files, stdio: undefined }, notes };
  }

  /** Resolves a path argument; an absolute path inside the root is taken as relative to it. */
  resolve(input: string): RootPath | Refusal {
    let given = input;
    if (path.isAbsolute(input)) {
      const relative = relativeInside(this.path, input) ?? relativeInside(this.realPath, input);
      if (relative !== undefined) given = relative.split(path.sep).join('/');
    }
    const confined = confinedPath(given, 'mcp');
    if ('problem' in confined) return confined;
    return { relative: confined.path, shown: confined.path || '.', absolute: path.join(this.path, ...confined.path.split('/')) };
  }

  /** An existing file inside the root (symbolic links resolved), or why not. */
  async file(input: string): Promise<RootPath | Refusal> {
    const target = await this.existing(input);
    if ('problem' in target) return target;
    if (target.isFolder) return { problem: l10n.t('"{0}" is a folder, not a plan\'s markdown file: give the file\'s path (list_plans lists the plans in a folder).', target.shown) };
    return target;
  }

  /** An existing folder inside the root, or why not. */
  async folder(input: string): Promise<RootPath | Refusal> {
    const target = await this.existing(input);
    if ('problem' in target) return target;
    if (!target.isFolder) return { problem: l10n.t('"{0}" is a file, not a folder: give a folder (or check_plan to check that file).', target.shown) };
    return target;
  }

  /** A folder to create a file in: it may not exist yet, but what exists of it must be a folder inside the root. */
  async writableFolder(input: string): Promise<RootPath | Refusal> {
    const target = this.resolve(input);
    if ('problem' in target) return target;
    let existing = target.absolute;
    for (;;) {
      try {
        if (!this.isInsideReal(await this.fs.realpath(existing))) return this.leadsOut(target);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOENT' || existing === this.path) return { problem: l10n.t('cannot use the folder "{0}": {1}', target.shown, describeFsError(error)) };
        existing = path.dirname(existing);
      }
    }
    if (existing === target.absolute && !(await this.fs.stat(existing)).isDirectory()) return { problem: l10n.t('"{0}" is a file, not a folder: give the folder to create the plan in.', target.shown) };
    return target;
  }

  private async existing(input: string): Promise<(RootPath & { isFolder: boolean }) | Refusal> {
    const target = this.resolve(input);
    if ('problem' in target) return target;
    try {
      if (!this.isInsideReal(await this.fs.realpath(target.absolute))) return this.leadsOut(target);
      return { ...target, isFolder: (await this.fs.stat(target.absolute)).isDirectory() };
    } catch (error) {
      const missing = (error as { code?: string }).code === 'ENOENT';
      return { problem: missing ? l10n.t('"{0}" does not exist in the server\'s root folder: give a path relative to it (list_plans lists the plans).', target.shown) : l10n.t('cannot read "{0}": {1}', target.shown, describeFsError(error)) };
    }
  }

  private leadsOut(target: RootPath): Refusal {
    return { problem: l10n.t('"{0}" leads outside the server\'s root folder through a symbolic link: only files inside it can be read or written.', target.shown) };
  }

  private isInsideReal(real: string): boolean {
    return relativeInside(this.realPath, real) !== undefined;
  }

  private confinedFileSystem(): CliFileSystem {
    const { fs } = this;
    // Above the root there is nothing (a config there is not read); a link out of it cannot be followed.
    const guard = async (file: string) => {
      if (relativeInside(this.path, path.resolve(file)) === undefined) throw Object.assign(new Error(`ENOENT: outside ${ROOT}`), { code: 'ENOENT' });
      if (!this.isInsideReal(await fs.realpath(file))) throw new Error(l10n.t("it leads outside the server's root folder through a symbolic link"));
    };
    const guardNew = async (file: string) => {
      let existing = path.resolve(file);
      while (existing !== this.path && !(await fs.realpath(existing).then(() => true, () => false))) existing = path.dirname(existing);
      await guard(existing);
    };
    return {
      stat: async (file) => (await guard(file), fs.stat(file)),
      readdir: async (folder) => (await guard(folder), fs.readdir(folder)),
      readFile: async (file, maxMegabytes) => (await guard(file), fs.readFile(file, maxMegabytes)),
      realpath: async (file) => (await guard(file), fs.realpath(file)),
      mkdir: async (folder) => (await guardNew(folder), fs.mkdir(folder)),
      writeFile: async (file, text, options) => (await guardNew(file), fs.writeFile(file, text, options)),
    };
  }
}

/** `inner` relative to `outer` when it is `outer` or under it. */
function relativeInside(outer: string, inner: string): string | undefined {
  const relative = path.relative(outer, inner);
  const climbs = relative === '..' || relative.startsWith(`..${path.sep}`);
  return climbs || path.isAbsolute(relative) ? undefined : relative;
}
