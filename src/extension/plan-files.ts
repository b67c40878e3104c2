import picomatch from 'picomatch';
import * as vscode from 'vscode';
import { readSettings } from './settings';

export type PlanFileKind = 'excluded' | 'forced' | 'auto';

/**
 * Whether settings decide for this file: `exclude` and `files.exclude` keep it out; `connectorPlan.files` makes
 * it a plan even before it looks like one; otherwise `.connector-plan.json`'s `files` or the core decide (see
 * PlanAnalyzer). `plansFolder` is only where new plans go: a note in it is no plan.
 */
export function planFileKind(uri: vscode.Uri): PlanFileKind {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return 'auto';
  const relative = vscode.workspace.asRelativePath(uri, false);
  const settings = readSettings(uri);
  const filesExclude = Object.entries(vscode.workspace.getConfiguration('files', uri).get<Record<string, boolean>>('exclude', {}))
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
  if (matchesOrInFolder(relative, [...settings.exclude, ...filesExclude])) return 'excluded';
  if (matches(relative, settings.files)) return 'forced';
  return 'auto';
}

const matchers = new Map<string, (path: string) => boolean>();

/** Compiled once per glob list: the tree asks for every markdown file of the workspace. */
function matcher(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join('\u0000');
  let isMatch = matchers.get(key);
  if (!isMatch) {
    if (matchers.size > 50) matchers.clear();
    matchers.set(key, (isMatch = picomatch([...globs], { dot: true })));
  }
  return isMatch;
}

/** Whether a glob list names a path (relative, forward slashes): the CLI matches `.connector-plan.json`'s `files` the same way. */
export function matches(relative: string, globs: readonly string[]): boolean {
  return globs.length > 0 && matcher(globs)(relative);
}

/** As in `files.exclude`, a glob that names a folder (`out`, `.git` at any depth) also excludes everything inside it. */
function matchesOrInFolder(relative: string, globs: string[]): boolean {
  if (!globs.length) return false;
  const isMatch = matcher(globs);
  const parts = relative.split('/');
  return parts.some((_, i) => isMatch(parts.slice(0, i + 1).join('/')));
}

/** Every markdown file: what the Plans view scans and watches. */
export const MARKDOWN_FILES = '**/*.md';

/** The markdown files under `base` (in `folder`) that settings do not exclude (`files.exclude`, `connectorPlan.exclude`). */
export async function markdownFiles(base: vscode.Uri, folder: vscode.WorkspaceFolder): Promise<vscode.Uri[]> {
  const excludes = [...readSettings(folder.uri).exclude, ...Object.entries(vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, boolean>>('exclude', {})).filter(([, on]) => on === true).map(([glob]) => glob)];
  // A glob with braces cannot be nested in `{a,b}`: it is left to planFileKind, which checks every file anyway.
  const simple = excludes.filter((glob) => !/[{}]/.test(glob));
  const search = Promise.resolve(vscode.workspace.findFiles(new vscode.RelativePattern(base, MARKDOWN_FILES), simple.length ? `{${simple.join(',')}}` : null));
  // A virtual file system (vscode.dev, github.dev) may have no search provider: findFiles then finds nothing, or
  // never answers. There the folder is walked with readDirectory instead.
  const uris = SEARCHED_SCHEMES.has(base.scheme) ? await search : await Promise.race([search, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), SEARCH_WAIT_MS))]);
  if (!uris?.length && !SEARCHED_SCHEMES.has(base.scheme)) return walkMarkdownFiles(base);
  return (uris ?? []).filter((uri) => planFileKind(uri) !== 'excluded');
}

/** Schemes whose files VS Code's own search finds (the disk, a remote, code-server's). */
const SEARCHED_SCHEMES = new Set(['file', 'vscode-remote']);
/** How long a virtual file system's search may take before the folder is walked instead. */
const SEARCH_WAIT_MS = 3_000;

/** Entries a walk reads at most, so a huge tree without search cannot stall the Plans view. */
const WALK_LIMIT = 20_000;

/** The markdown files under `base` that settings do not exclude, found through `workspace.fs.readDirectory` alone. */
export async function walkMarkdownFiles(base: vscode.Uri, limit = WALK_LIMIT): Promise<vscode.Uri[]> {
  const found: vscode.Uri[] = [];
  const folders = [base];
  let seen = 0;
  while (folders.length && seen < limit) {
    const folder = folders.shift()!;
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(folder);
    } catch {
      continue;
    }
    for (const [name, type] of entries) {
      if (++seen > limit) break;
      const uri = vscode.Uri.joinPath(folder, name);
      if (planFileKind(uri) === 'excluded') continue;
      // Linked folders are not walked: a link to a parent folder would never end.
      if (type & vscode.FileType.Directory) {
        if (!(type & vscode.FileType.SymbolicLink)) folders.push(uri);
      } else if (type & vscode.FileType.File && /\.md$/.test(name)) found.push(uri);
    }
  }
  return found;
}

/** Runs `run` on every item, at most `limit` at once. */
export async function forEachAtOnce<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
