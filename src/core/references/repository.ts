// What a plan names in its repository (issue 19) is checked against an index the host hands in: the core never
// touches a file. The CLI builds one from the folder tree (honouring the root .gitignore); an editor from its search.

/** The repository's files, as the host knows them. */
export interface RepositoryIndex {
  /** Every file, relative to the repository root, forward slashes, no leading `./`; ignored files left out. */
  files(): readonly string[];
  /** A file's text, or undefined when it cannot or should not be read (not a regular file, too large, binary). */
  read(path: string): string | undefined;
}

/** The repository a plan is in, and the plan's path relative to its root (forward slashes). */
export interface RepositoryPlace {
  index: RepositoryIndex;
  planPath: string;
}

/** What is derived once from an index: lookups by path, by name, by folder; the env var names its files mention. */
export interface RepositoryLookup {
  files: ReadonlySet<string>;
  /** Every folder that holds a file, at any depth (`src`, `src/lib`). */
  folders: ReadonlySet<string>;
  /** Files by their name (`client.ts` -> every `…/client.ts`). */
  byName: ReadonlyMap<string, string[]>;
  /** Files by their folder (`''` for the root). */
  byFolder: ReadonlyMap<string, string[]>;
  list: readonly string[];
  /** Env-var-shaped names (`SLACK_BOT_TOKEN`) in any file that is not markdown; read on first use. */
  envNames(): ReadonlySet<string>;
}

const lookups = new WeakMap<RepositoryIndex, RepositoryLookup>();

/** The lookup of an index, built once per index object (a host that re-indexes hands in a new object). */
export function repositoryLookup(index: RepositoryIndex): RepositoryLookup {
  let lookup = lookups.get(index);
  if (!lookup) lookups.set(index, (lookup = buildLookup(index)));
  return lookup;
}

function buildLookup(index: RepositoryIndex): RepositoryLookup {
  const list = index.files();
  const files = new Set<string>();
  const folders = new Set<string>();
  const byName = new Map<string, string[]>();
  const byFolder = new Map<string, string[]>();
  for (const file of list) {
    files.add(file);
    const slash = file.lastIndexOf('/');
    const folder = slash < 0 ? '' : file.slice(0, slash);
    push(byName, file.slice(slash + 1), file);
    push(byFolder, folder, file);
    // Each folder once: stop at the first one already known (its parents are too).
    for (let f = folder; f && !folders.has(f); f = f.slice(0, Math.max(0, f.lastIndexOf('/')))) folders.add(f);
  }
  let env: Set<string> | undefined;
  return { files, folders, byName, byFolder, list, envNames: () => (env ??= readEnvNames(index, list)) };
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const at = map.get(key);
  if (at) at.push(value);
  else map.set(key, [value]);
}

/** Extensions never read for env var names: markdown (plans and docs name them as examples) and binary files. */
const NOT_READ = /\.(?:md|markdown|mdx|png|jpe?g|gif|webp|ico|svg|pdf|zip|gz|tgz|woff2?|ttf|eot|mp[34]|mov|wasm|lock)$/i;

/** Reads every other file once and keeps its env-var-shaped words. */
function readEnvNames(index: RepositoryIndex, list: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const file of list) {
    if (NOT_READ.test(file)) continue;
    const text = index.read(file);
    if (text === undefined) continue;
    for (const word of text.match(WORD) ?? []) if (isEnvName(word)) names.add(word);
  }
  return names;
}

const WORD = /[A-Za-z0-9_]+/g;

/** An env var's shape: upper case, digits and underscores, with at least one underscore between words (`API_KEY`). */
export function isEnvName(word: string): boolean {
  return word.length >= 4 && word.length <= 100 && /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(word);
}
