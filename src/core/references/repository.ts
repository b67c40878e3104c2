// What a plan names in its repository (issue 19) is checked against an index the host hands in: the core never
// touches a file. The CLI builds one from the folder tree (honouring the root .gitignore); an editor from its search.

/** The repository's files, as the host knows them. */
export interface RepositoryIndex {
  /** Every file, relative to the repository root, forward slashes, no leading `./`; ignored files left out. */
  files(): readonly string[];
  /** A file's text, or undefined when it cannot or should not be read (not a regular file, too large, binary). */
  read(path: string): string | undefined;
  /**
   * What a file says about env vars (`repositoryFileFacts` of its text), for a host that read its files ahead (an
   * editor reads asynchronously, and its `read` answers nothing): when given, the core asks it instead of `read`.
   * Only files `isReadForFacts` accepts are asked for.
   */
  facts?(path: string): RepositoryFileFacts | undefined;
}

/** What one file of the repository says about env vars. */
export interface RepositoryFileFacts {
  /** Env-var-shaped words anywhere in it (`SLACK_BOT_TOKEN`), each once. */
  envNames: readonly string[];
  /**
   * Env vars its code reads by name (`process.env.X`, `import.meta.env.X`, `Deno.env.get('X')`, `os.environ['X']`,
   * `os.getenv('X')`, `ENV['X']`, `env::var("X")`, `System.getenv("X")`, `const { X } = process.env`…), each once, in
   * the order first read; an upper-case constant is no read.
   */
  envRead: readonly string[];
}

/** Extensions never read for env var names: markdown (plans and docs name them as examples) and binary files. */
const NOT_READ = /\.(?:md|markdown|mdx|png|jpe?g|gif|webp|ico|svg|pdf|zip|gz|tgz|woff2?|ttf|eot|mp[34]|mov|wasm|lock)$/i;

/** Whether a file (a path from the root) is read for what it says about env vars: not markdown, not binary. */
export function isReadForFacts(path: string): boolean {
  return !NOT_READ.test(path);
}

/** What a file's text says about env vars. Linear in the text. */
export function repositoryFileFacts(text: string): RepositoryFileFacts {
  return { envNames: envNamesIn(text), envRead: envReads(text).map(copied) };
}

/** The env-var-shaped words of a text, each once. */
function envNamesIn(text: string): string[] {
  const names = new Set<string>();
  // Only env-shaped words are matched (not every word of the file, which cost most of the time in garbage).
  for (const word of text.match(ENV_WORD) ?? []) if (isEnvName(word)) names.add(word);
  // Each name copied out: a match is a slice of the text, and would keep the whole file's text alive as long as
  // its facts are kept (for a repository of 60 MB, 60 MB held and copied by every garbage collection).
  return [...names].map(copied);
}

/**
 * A read of an env var by name, as languages write it: a property of the env object (`process.env.X`, `?.X`,
 * `['X']`; `import.meta.env`, `Bun.env`), a call with the name (`Deno.env.get`, `os.environ.get`, `os.getenv`,
 * `getenv`, `os.Getenv`, `os.LookupEnv`, `System.getenv`, `ENV.fetch`, `env::var`, `env!`, `env('X')`,
 * `Environment.GetEnvironmentVariable`), an index (`os.environ['X']`, `ENV['X']`). Each alternative starts with a
 * literal word, and no two quantifiers touch.
 */
const ENV_READ = /\b(?:process\.env|import\.meta\.env|Bun\.env)(?:\?\.|\.|\[[ \t]*['"`])([A-Z][A-Z0-9_]*)|\b(?:env\.get|environ\.get|getenv|Getenv|LookupEnv|GetEnvironmentVariable|ENV\.fetch|env::var|env::var_os|env!|env)[ \t]*\([ \t]*['"]([A-Z][A-Z0-9_]*)['"]|\b(?:environ|ENV)\[[ \t]*['"]([A-Z][A-Z0-9_]*)['"]/g;
/** The end of a destructuring from the env object: `} = process.env`. */
const ENV_DESTRUCTURE = /\}[ \t]*=[ \t]*(?:process\.env|import\.meta\.env|Bun\.env)\b/g;
/** How far back a destructuring's `{` is looked for. */
const DESTRUCTURE_REACH = 2000;

function envReads(text: string): string[] {
  // Every form names the env object or function: a file without `env` in any case reads none (most files).
  if (!/env/i.test(text)) return [];
  const read = new Set<string>();
  for (const m of text.matchAll(ENV_READ)) {
    const name = m[1] ?? m[2] ?? m[3];
    if (isEnvName(name)) read.add(name);
  }
  // `const { SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET: secret } = process.env`: the names before a colon or `=`, at the
  // top level of the braces. Each stretch of text is looked at once: back to the `{`, never before the last one.
  let seen = 0;
  for (const m of text.matchAll(ENV_DESTRUCTURE)) {
    const close = m.index!;
    const from = Math.max(seen, close - DESTRUCTURE_REACH);
    const inside = text.slice(from, close);
    seen = close;
    const open = inside.lastIndexOf('{');
    if (open < 0) continue;
    for (const part of inside.slice(open + 1).split(',')) {
      const name = /^\s*([A-Z][A-Z0-9_]*)\b/.exec(part)?.[1];
      if (name && isEnvName(name)) read.add(name);
    }
  }
  return [...read];
}

/** A string of its own, not a slice holding the text it was cut from. */
function copied(name: string): string {
  return [...name].join('');
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
  /** Files by the extension of their name, after its last dot (`sql` -> every `….sql`); a name without a dot has none. */
  byExtension: ReadonlyMap<string, string[]>;
  list: readonly string[];
  /** A file's place in `list` (built on first use). */
  placeOf(path: string): number;
  /** Env-var-shaped names (`SLACK_BOT_TOKEN`) in any file that is not markdown; every such file read on first use. */
  envNames(): ReadonlySet<string>;
  /** Whether a file that is not markdown mentions the name; files read only until one does. */
  mentions(name: string): boolean;
  /** What one file says about env vars (read once); undefined when it is not read (markdown, binary, unreadable). */
  factsOf(path: string): RepositoryFileFacts | undefined;
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
  const byExtension = new Map<string, string[]>();
  for (const file of list) {
    files.add(file);
    const slash = file.lastIndexOf('/');
    const folder = slash < 0 ? '' : file.slice(0, slash);
    push(byName, file.slice(slash + 1), file);
    push(byFolder, folder, file);
    const dot = file.lastIndexOf('.');
    if (dot > slash) push(byExtension, file.slice(dot + 1), file);
    // Each folder once: stop at the first one already known (its parents are too).
    for (let f = folder; f && !folders.has(f); f = f.slice(0, Math.max(0, f.lastIndexOf('/')))) folders.add(f);
  }
  const facts = new Map<string, RepositoryFileFacts | undefined>();
  const factsOf = (path: string) => {
    if (!isReadForFacts(path) || !files.has(path)) return undefined;
    if (facts.has(path)) return facts.get(path);
    let found: RepositoryFileFacts | undefined;
    if (index.facts) found = index.facts(path);
    else {
      const text = index.read(path);
      // What the file reads is looked for only when asked (env-var-unlisted, off by default): it costs several
      // times what its names do. The file is read again then.
      let reads: readonly string[] | undefined;
      found = text === undefined ? undefined : { envNames: envNamesIn(text), get envRead() { return (reads ??= envReads(index.read(path) ?? '').map(copied)); } };
    }
    facts.set(path, found);
    return found;
  };
  // The names mentioned, gathered file by file as far as a question needs. For each name looked for, the files that
  // list env vars come first (`.env*`), then the files whose path shares the most words with the name
  // (`ACME_WEBHOOK_SECRET` in `packages/acme/src/webhook.ts`), then config and CI, then the rest. So a plan whose
  // names are listed or read where their words say reads few files; a name no file mentions (or a suggestion for it)
  // reads them all, once per index.
  // Files are numbered by their place in the list; what is known of each is kept in arrays by that number.
  const env = new Set<string>();
  const absorbed = new Uint8Array(list.length);
  const absorbedBits = new Uint32Array(blockCount(list.length));
  const absorb = (at: number) => {
    if (absorbed[at]) return;
    absorbed[at] = 1;
    absorbedBits[at >> 5] |= 1 << (at & 31);
    for (const name of factsOf(list[at])?.envNames ?? []) env.add(name);
  };
  let order: number[] | undefined;
  let rankBits: Uint32Array[] = [];
  let next = 0;
  const ordered = () => {
    if (!order) {
      const ranks: number[][] = [[], [], []];
      for (let at = 0; at < list.length; at++) ranks[envPriority(list[at])].push(at);
      order = ranks.flat();
      rankBits = ranks.map((files) => fileBits(files, list.length).bits);
      // The dotenv files are read before any other, whatever the name.
      for (; next < ranks[0].length; next++) absorb(order[next]);
    }
    return order;
  };
  // The files whose path has a word (`webhook`), looked for once per word: a word of two letters, or in a quarter
  // of the paths or more (`src`, `lib`), points nowhere.
  let lowered: string[] | undefined;
  const byWord = new Map<string, number[]>();
  const withWord = (word: string): number[] => {
    let files = byWord.get(word);
    if (!files) {
      files = [];
      if (word.length > 2) {
        lowered ??= list.map((path) => path.toLowerCase());
        for (let at = 0; at < lowered.length; at++) if (lowered[at].includes(word)) files.push(at);
        if (files.length * 4 > list.length) files = [];
      }
      byWord.set(word, files);
    }
    return files;
  };
  const bitsByWord = new Map<string, FileBits | undefined>();
  const wordBits = (word: string): FileBits | undefined => {
    if (!bitsByWord.has(word)) {
      const files = withWord(word);
      bitsByWord.set(word, files.length ? fileBits(files, list.length) : undefined);
    }
    return bitsByWord.get(word);
  };
  // By how many words of the name a path has: the files with the most first, dotenv, config and CI first among
  // equals, then in the list's order. Counted 32 files at a time, as bits, in the blocks of 32 files where a word is.
  const nearFirst = (name: string) => {
    const words = [...new Set(name.toLowerCase().split('_'))].map(wordBits).filter((bits) => bits !== undefined);
    if (!words.length) return;
    const blocks = [...new Set(words.flatMap((word) => word.blocks))].sort((a, b) => a - b);
    const counts = countBits(words, blocks);
    for (let count = words.length; count > 0; count--) {
      for (const rank of rankBits) {
        for (let b = 0; b < blocks.length; b++) {
          const block = blocks[b];
          let files = counts.exactly(b, count) & rank[block] & ~absorbedBits[block];
          while (files) {
            absorb((block << 5) | (31 - Math.clz32(files & -files)));
            if (env.has(name)) return;
            files &= files - 1;
          }
        }
      }
    }
  };
  const readAll = (name?: string) => {
    const all = ordered();
    while ((name === undefined || !env.has(name)) && next < all.length) absorb(all[next++]);
  };
  const mentions = (name: string) => {
    ordered();
    if (!env.has(name) && next < list.length) nearFirst(name);
    readAll(name);
    return env.has(name);
  };
  const envNames = () => {
    readAll();
    return env;
  };
  let places: Map<string, number> | undefined;
  const placeOf = (path: string) => (places ??= new Map(list.map((file, at) => [file, at]))).get(path) ?? list.length;
  return { files, folders, byName, byFolder, byExtension, list, placeOf, envNames, mentions, factsOf };
}

/** Where a file comes in the search for env var names: dotenv files, then config and CI, then the rest. */
function envPriority(path: string): number {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name.startsWith('.env')) return 0;
  if (path.startsWith('.github/') || /\.(?:ya?ml|toml|ini|cfg|conf|json)$/i.test(name)) return 1;
  return 2;
}

/** How many blocks of 32 files a list of so many files makes. */
function blockCount(files: number): number {
  return (files + 31) >> 5;
}

/** A set of files by their place in the list, as bits (file `at` is bit `at & 31` of block `at >> 5`), and the blocks that hold any. */
interface FileBits {
  bits: Uint32Array;
  /** Ascending. */
  blocks: number[];
}

/** The bits of a set of files given by their places, ascending, in a list of `count` files. */
function fileBits(files: readonly number[], count: number): FileBits {
  const bits = new Uint32Array(blockCount(count));
  const blocks: number[] = [];
  for (const at of files) {
    const block = at >> 5;
    if (!bits[block]) blocks.push(block);
    bits[block] |= 1 << (at & 31);
  }
  return { bits, blocks };
}

/**
 * For each of the blocks given, in how many of the sets each of its 32 files is: a counter of a few bits per file,
 * kept as one number per bit of the counter (bit-sliced), added to by each set at once. `exactly(b, count)` is the
 * files of the `b`th block given that are in exactly `count` sets.
 */
function countBits(sets: readonly FileBits[], blocks: readonly number[]): { exactly(b: number, count: number): number } {
  const levels = 32 - Math.clz32(sets.length);
  const counters = new Int32Array(blocks.length * levels);
  for (let b = 0; b < blocks.length; b++) {
    for (const set of sets) {
      let carry = set.bits[blocks[b]];
      for (let level = 0; carry && level < levels; level++) {
        const at = b * levels + level;
        const both = counters[at] & carry;
        counters[at] ^= carry;
        carry = both;
      }
    }
  }
  return {
    exactly(b, count) {
      let files = -1;
      for (let level = 0; files && level < levels; level++) {
        const counter = counters[b * levels + level];
        files &= (count >> level) & 1 ? counter : ~counter;
      }
      return files;
    },
  };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const at = map.get(key);
  if (at) at.push(value);
  else map.set(key, [value]);
}

/**
 * A whole word (a run of `[A-Za-z0-9_]`, which is what `\b` bounds) of an env var's shape: the words `isEnvName`
 * accepts, before its length limits. Underscores and `[A-Z0-9]` never overlap, so a failed try backtracks once.
 */
const ENV_WORD = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;

/** An env var's shape: upper case, digits and underscores, with at least one underscore between words (`API_KEY`). */
export function isEnvName(word: string): boolean {
  return word.length >= 4 && word.length <= 100 && /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(word);
}
