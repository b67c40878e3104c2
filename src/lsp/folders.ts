import * as path from 'node:path';
import { isLoopFileName, type AnalyzeOptions, type LoopPlace } from '../core';
import { CONFIG_FILE_NAME, createConfigLookup, type ConfigForFile } from '../cli/config-files';
import type { CliContext } from '../cli/context';
import { displayPath, printError } from '../cli/context';
import { readLoopFolder } from '../cli/loops';
import { RepositoryIndexes } from '../cli/repository-index';
import { TemplateLoader } from '../cli/templates';

/** How a file is checked, as `connector-plan check <file>` run in its workspace folder would check it. */
export interface FileOptions {
  options: AnalyzeOptions;
  /** Its `.connector-plan.json` names it as a team template: it is never a plan, and gets no findings. */
  isTemplate: boolean;
}

/**
 * One workspace folder's reading of configs and templates: the CLI's own config lookup (the nearest
 * `.connector-plan.json` above each file) and template loader, run with the folder as the current folder, so a
 * file gets the rules, `files` globs and team template `check` gives it there. Read once; dropped whole when a
 * config or a template changes (`Folders.reset`).
 */
export class FolderIndex {
  private readonly context: CliContext;
  private readonly configFor: ConfigForFile;
  private readonly templates: TemplateLoader;
  /** The repositories its files are in (the nearest `.git` upward, else the folder), indexed as `check` run here indexes them. */
  private repositories: RepositoryIndexes;

  constructor(
    /** Absolute. */
    readonly folder: string,
    base: CliContext,
  ) {
    // What the lookup and the loader would print on stderr goes to the base's (the editor's log); nothing to stdout.
    this.context = { ...base, cwd: folder, stdout: { write: () => true }, stdio: undefined };
    this.configFor = createConfigLookup(this.context);
    this.templates = new TemplateLoader(this.context);
    this.repositories = this.newRepositories();
  }

  async optionsFor(file: string): Promise<FileOptions> {
    const config = await this.configFor(file);
    const isTemplate = config.templateFiles.includes(file);
    const schema = isTemplate ? undefined : await this.templates.schema(config.template);
    const templatePath = schema && config.template ? displayPath(this.folder, config.template) : undefined;
    return { options: { rules: config.rules, assumePlan: config.assumePlan, schema, path: file, templatePath, repository: this.repositories.placeOf(file) }, isTemplate };
  }

  /**
   * The file's place in its folder's review loop, read as `check` reads it (the folder's rounds and final plan, its
   * `"loops"`), with the editor's texts in place of the files they are open for; undefined outside a loop.
   */
  async loopPlace(file: string, texts: ReadonlyMap<string, string>): Promise<LoopPlace | undefined> {
    if (!isLoopFileName(path.basename(file))) return undefined;
    const { reading } = await readLoopFolder(path.dirname(file), this.context, { templates: this.templates, configFor: this.configFor, texts, unreadable: () => undefined });
    return reading.isLoop ? { reading, path: displayPath(this.folder, file) } : undefined;
  }

  /** Indexes listed on first use; what a listing could not honour (a long .gitignore) goes to the editor's log. */
  private newRepositories(): RepositoryIndexes {
    return new RepositoryIndexes(this.folder, this.context.maxFileSize, undefined, (message) => printError(this.context, message));
  }

  /** Forgets the repositories' indexes: the next plan lists and reads its repository again. */
  resetRepositories(): void {
    this.repositories = this.newRepositories();
  }

  /** Whether a change to `file` (absolute) changes what this index read: a config, or a template it loaded. */
  dependsOn(file: string): boolean {
    return path.basename(file) === CONFIG_FILE_NAME || this.templates.isTemplate(file);
  }

  /** A path as this folder's messages show it: relative to the folder, forward slashes. */
  show(file: string): string {
    return displayPath(this.folder, file);
  }
}

/** The workspace folders the editor named, each with its index; a file outside them all is read from `outside`'s. */
export class Folders {
  private indexes: FolderIndex[] = [];
  private outside!: FolderIndex;

  constructor(
    private folders: string[],
    private readonly base: CliContext,
  ) {
    this.reset();
  }

  /** The innermost workspace folder holding `file` (absolute), else the one for files outside every folder. */
  indexFor(file: string): FolderIndex {
    let found: FolderIndex | undefined;
    for (const index of this.indexes) {
      const relative = path.relative(index.folder, file);
      const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
      if (inside && (!found || index.folder.length > found.folder.length)) found = index;
    }
    return found ?? this.outside;
  }

  /** Whether a change to `file` (absolute) means reading configs and templates again. */
  dependsOn(file: string): boolean {
    return [...this.indexes, this.outside].some((index) => index.dependsOn(file));
  }

  /** Forgets what was read: the next file of each folder reads its config and template again, and its repository. */
  reset(): void {
    this.indexes = this.folders.map((folder) => new FolderIndex(folder, this.base));
    this.outside = new FolderIndex(this.base.cwd, this.base);
  }

  /**
   * Forgets the repositories' indexes (a file appeared, went or changed outside the editor): the next analysis lists
   * and reads them again, as the next `check` would. Configs and templates stay read.
   */
  resetRepositories(): void {
    for (const index of [...this.indexes, this.outside]) index.resetRepositories();
  }

  setFolders(folders: string[]): void {
    this.folders = folders;
    this.reset();
  }

  list(): readonly string[] {
    return this.folders;
  }
}
