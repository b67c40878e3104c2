import * as vscode from 'vscode';
import { gitignoreMatcher, isLeftOut, isReadForFacts, MAX_WILDCARD_PATTERNS, megabytesToBytes, NEVER_LISTED, repositoryFileFacts, type RepositoryFileFacts, type RepositoryIndex, type RepositoryPlace } from '../core';
import { forEachAtOnce } from './plan-files';
import { readSettings } from './settings';

// The repository a plan is in, for the references rules (issue 19), as the CLI reads it: its root is the nearest
// folder with a `.git` at or above the workspace folder (else the workspace folder), its files are every file under
// the root except what the root .gitignore ignores, node_modules and .git. The editor reads files asynchronously, so
// what each file says about env vars is read ahead (RepositoryIndex.facts); until the whole repository is read, its
// plans are checked without it (no finding rather than a false one), and checked again once it is.

/** Files listed at most, as the CLI lists them. */
const MAX_FILES = 200_000;
/** A file read for env var names is at most this large, as the CLI reads it (a source file is kilobytes). */
const MAX_READ_MB = 1;
/** Files read at once while indexing. */
const READS_AT_ONCE = 16;
/** Folders looked at above a workspace folder for a `.git`. */
const MAX_LEVELS_UP = 30;
/** Quiet after file events before the plans are checked again (a checkout or a build makes thousands). */
const SETTLE_MS = 300;
/** Schemes whose files VS Code's search finds; elsewhere (a virtual workspace) the root is walked. */
const SEARCHED_SCHEMES = new Set(['file', 'vscode-remote']);

class Repository implements vscode.Disposable {
  readonly files = new Set<string>();
  readonly facts = new Map<string, RepositoryFileFacts>();
  /** Handed to the core; a new object after each change (the core derives its lookups once per object). */
  index?: RepositoryIndex;
  private ignored: (relative: string, isFolder: boolean) => boolean = () => false;
  private settle?: ReturnType<typeof setTimeout>;
  private dirty = false;
  private disposed = false;
  /** Settles once the files are listed and read (or the listing failed). */
  readonly ready: Promise<void>;

  constructor(
    readonly root: vscode.Uri,
    private readonly maxReadBytes: number,
    private readonly events: { published(first: boolean): void; gitignoreChanged(): void; log(message: string): void },
  ) {
    this.ready = this.build();
  }

  place(uri: vscode.Uri): RepositoryPlace | undefined {
    if (!this.index || !uri.path.startsWith(`${this.root.path}/`)) return undefined;
    return { index: this.index, planPath: uri.path.slice(this.root.path.length + 1) };
  }

  private relative(uri: vscode.Uri): string | undefined {
    return uri.scheme === this.root.scheme && uri.authority === this.root.authority && uri.path.startsWith(`${this.root.path}/`) ? uri.path.slice(this.root.path.length + 1) : undefined;
  }

  private async build(): Promise<void> {
    const gitignore = vscode.Uri.joinPath(this.root, '.gitignore');
    const ignored = gitignoreMatcher((await this.readText(gitignore)) ?? '');
    if (ignored.unread) this.events.log(vscode.l10n.t('{0}: {1} patterns with wildcards past the first {2} are not read (the files they ignore are listed)', vscode.workspace.asRelativePath(gitignore), ignored.unread, MAX_WILDCARD_PATTERNS));
    this.ignored = ignored;
    for (const file of await this.list()) this.files.add(file);
    await forEachAtOnce([...this.files].filter(isReadForFacts), READS_AT_ONCE, async (file) => void (await this.readFacts(file)));
    if (this.disposed) return;
    this.publish();
  }

  /** Every file under the root that is not left out, by the workspace's search where there is one, else by walking. */
  private async list(): Promise<string[]> {
    const out: string[] = [];
    if (SEARCHED_SCHEMES.has(this.root.scheme)) {
      // An explicit exclude: `files.exclude` does not hide files from `check`, so it does not here either.
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(this.root, '**/*'), `**/{${[...NEVER_LISTED].join(',')}}/**`, MAX_FILES);
      for (const uri of uris) {
        const relative = this.relative(uri);
        if (relative !== undefined && !isLeftOut(this.ignored, relative)) out.push(relative);
      }
      return out;
    }
    await this.walk(this.root, '', out);
    return out;
  }

  /** Files under `folder` (relative `prefix`) that are not left out, through `workspace.fs` alone; links to folders not followed. */
  private async walk(folder: vscode.Uri, prefix: string, out: string[]): Promise<void> {
    const folders: [vscode.Uri, string][] = [[folder, prefix]];
    while (folders.length && out.length < MAX_FILES) {
      const [at, relative] = folders.shift()!;
      let entries: [string, vscode.FileType][];
      try {
        entries = await vscode.workspace.fs.readDirectory(at);
      } catch {
        continue;
      }
      for (const [name, type] of entries) {
        const path = relative ? `${relative}/${name}` : name;
        if (type & vscode.FileType.Directory) {
          if (!(type & vscode.FileType.SymbolicLink) && !NEVER_LISTED.has(name) && !this.ignored(path, true)) folders.push([vscode.Uri.joinPath(at, name), path]);
        } else if (type & vscode.FileType.File && !this.ignored(path, false)) out.push(path);
      }
    }
  }

  private async readFacts(file: string): Promise<boolean> {
    const text = await this.readText(vscode.Uri.joinPath(this.root, ...file.split('/')));
    const facts = text === undefined ? undefined : repositoryFileFacts(text);
    const before = this.facts.get(file);
    if (facts) this.facts.set(file, facts);
    else this.facts.delete(file);
    return !sameNames(before?.envNames, facts?.envNames) || !sameNames(before?.envRead, facts?.envRead);
  }

  /** A regular file's text within the size limit, without a NUL byte; undefined for anything else. */
  private async readText(uri: vscode.Uri): Promise<string | undefined> {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (!(stat.type & vscode.FileType.File) || stat.size > this.maxReadBytes) return undefined;
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (bytes.length > this.maxReadBytes || bytes.includes(0)) return undefined;
      return new TextDecoder('utf-8').decode(bytes);
    } catch {
      return undefined;
    }
  }

  onCreate(uri: vscode.Uri): void {
    const relative = this.relative(uri);
    if (relative === undefined || isLeftOut(this.ignored, relative)) return;
    if (relative === '.gitignore') return this.events.gitignoreChanged();
    void vscode.workspace.fs.stat(uri).then(
      async (stat) => {
        if (stat.type & vscode.FileType.Directory) {
          // A folder moved in whole may be announced alone.
          const found: string[] = [];
          if (!(stat.type & vscode.FileType.SymbolicLink)) await this.walk(uri, relative, found);
          for (const file of found) await this.add(file);
        } else if (stat.type & vscode.FileType.File) await this.add(relative);
        this.later();
      },
      () => undefined,
    );
  }

  private async add(file: string): Promise<void> {
    if (!this.files.has(file)) {
      this.files.add(file);
      this.dirty = true;
    }
    if (isReadForFacts(file) && (await this.readFacts(file))) this.dirty = true;
  }

  onDelete(uri: vscode.Uri): void {
    const relative = this.relative(uri);
    if (relative === undefined) return;
    if (relative === '.gitignore') return this.events.gitignoreChanged();
    // A folder's deletion is announced for the folder alone.
    const inside = `${relative}/`;
    for (const file of this.files) {
      if (file !== relative && !file.startsWith(inside)) continue;
      this.files.delete(file);
      this.facts.delete(file);
      this.dirty = true;
    }
    this.later();
  }

  onChange(uri: vscode.Uri): void {
    const relative = this.relative(uri);
    if (relative === '.gitignore') return this.events.gitignoreChanged();
    if (relative === undefined || !this.files.has(relative) || !isReadForFacts(relative)) return;
    void this.readFacts(relative).then((changed) => {
      if (changed) this.dirty = true;
      this.later();
    });
  }

  /** Once file events have settled: a new index, and the plans checked again, when the files or their env var names changed. */
  private later(): void {
    if (this.settle) clearTimeout(this.settle);
    this.settle = setTimeout(() => {
      this.settle = undefined;
      if (this.dirty && this.index && !this.disposed) this.publish();
    }, SETTLE_MS);
  }

  private publish(): void {
    this.dirty = false;
    const list = [...this.files].sort();
    const facts = this.facts;
    const first = !this.index;
    this.index = { files: () => list, read: () => undefined, facts: (path) => facts.get(path) };
    this.events.published(first);
  }

  dispose(): void {
    this.disposed = true;
    if (this.settle) clearTimeout(this.settle);
  }
}

function sameNames(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((name) => set.has(name));
}

/**
 * The repositories plans are in, each read the first time a plan in it asks (`request`), then kept current from file
 * events: as the CLI finds it, a plan's repository is the nearest folder upward from the plan with a `.git`, else its
 * workspace folder. `onDidChange` fires with a repository's root when its plans are to be checked again.
 */
export class WorkspaceRepositories implements vscode.Disposable {
  /** Each folder a plan was in: its repository's root, once found. */
  private readonly roots = new Map<string, Promise<vscode.Uri | undefined>>();
  private readonly rootOf = new Map<string, vscode.Uri>();
  /** By root URI. */
  private readonly repositories = new Map<string, Repository>();
  private readonly changed = new vscode.EventEmitter<{ root: vscode.Uri; first: boolean }>();
  /** A repository was read (`first`) or changed since: its root. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  /** `log`: told what a repository's listing could not honour (a .gitignore with more patterns with wildcards than are read). */
  constructor(private readonly log: (message: string) => void = () => undefined) {
    // The workspace's own watcher (a glob, not a folder): no watcher of its own on a repository above the workspace
    // folder (a monorepo's node_modules); what changes outside the workspace folders is read at the next reload.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    const each = (uri: vscode.Uri, run: (repository: Repository) => void) => {
      for (const repository of this.repositories.values()) if (uri.toString().startsWith(`${repository.root.toString()}/`)) run(repository);
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => {
        this.gitChanged(uri);
        each(uri, (r) => r.onCreate(uri));
      }),
      watcher.onDidDelete((uri) => {
        this.gitChanged(uri);
        each(uri, (r) => r.onDelete(uri));
      }),
      watcher.onDidChange((uri) => each(uri, (r) => r.onChange(uri))),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        // A folder's repository may be another now (its fallback root is the workspace folder).
        this.roots.clear();
        this.rootOf.clear();
      }),
    );
  }

  /**
   * A `.git` that appeared or went (`git init`, a clone copied in, a worktree removed) may make another folder the
   * root of the plans below it: roots are found again, and those plans checked again.
   */
  private gitChanged(uri: vscode.Uri): void {
    // The `.git` itself, or its HEAD (written by `git init`); not what git writes inside it while it works.
    const at = uri.path.endsWith('/.git') ? uri.path.length - 5 : uri.path.endsWith('/.git/HEAD') ? uri.path.length - 10 : -1;
    if (at < 0) return;
    this.roots.clear();
    this.rootOf.clear();
    this.changed.fire({ root: uri.with({ path: uri.path.slice(0, at) }), first: true });
  }

  /** The place of a file in its repository once that is read; undefined before, for an untitled file, and outside every folder. */
  placeOf(uri: vscode.Uri): RepositoryPlace | undefined {
    const root = this.rootOf.get(folderOf(uri).toString());
    return root && this.repositories.get(root.toString())?.place(uri);
  }

  /** Starts reading the file's repository, if it is not read yet; settles when it is. */
  async request(uri: vscode.Uri): Promise<void> {
    const workspaceFolder = vscode.workspace.getWorkspaceFolder(uri);
    if (!workspaceFolder || uri.scheme === 'untitled') return;
    const folder = folderOf(uri);
    let pending = this.roots.get(folder.toString());
    if (!pending) {
      pending = repositoryRoot(folder, workspaceFolder.uri).then(
        (root) => {
          this.rootOf.set(folder.toString(), root);
          return root;
        },
        () => undefined,
      );
      this.roots.set(folder.toString(), pending);
    }
    const root = await pending;
    if (!root) return;
    await this.open(root, workspaceFolder.uri).ready;
  }

  /** Whether the file's repository was asked for (being read, or read). */
  isRequested(uri: vscode.Uri): boolean {
    return this.roots.has(folderOf(uri).toString());
  }

  private open(root: vscode.Uri, workspaceFolder: vscode.Uri): Repository {
    const key = root.toString();
    const known = this.repositories.get(key);
    if (known) return known;
    const maxRead = megabytesToBytes(Math.min(MAX_READ_MB, readSettings(workspaceFolder).maxFileSize));
    const repository: Repository = new Repository(root, maxRead, {
      published: (first) => {
        if (this.repositories.get(key) === repository) this.changed.fire({ root, first });
      },
      // What is left out changed: read again from the start (its plans are checked again once it is read).
      gitignoreChanged: () => {
        if (this.repositories.get(key) !== repository) return;
        repository.dispose();
        this.repositories.delete(key);
        this.open(root, workspaceFolder);
      },
      log: (message) => this.log(message),
    });
    this.repositories.set(key, repository);
    return repository;
  }

  dispose(): void {
    for (const repository of this.repositories.values()) repository.dispose();
    this.repositories.clear();
    for (const d of this.disposables) d.dispose();
  }
}

function folderOf(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(uri, '..');
}

/** The nearest folder at or above `folder` with a `.git` (a folder, or a file for a worktree); else the workspace folder. */
async function repositoryRoot(folder: vscode.Uri, workspaceFolder: vscode.Uri): Promise<vscode.Uri> {
  let at = folder;
  for (let level = 0; level < MAX_LEVELS_UP; level++) {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(at, '.git'));
      return at;
    } catch {
      // Not here: one folder up.
    }
    const up = vscode.Uri.joinPath(at, '..');
    if (up.path === at.path) break;
    at = up;
  }
  return workspaceFolder;
}
