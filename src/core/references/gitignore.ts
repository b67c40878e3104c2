import picomatch from 'picomatch';

// A repository's root .gitignore, read the same way by every host (the CLI walks the disk, an editor its workspace).

/**
 * The root .gitignore's patterns as a test of a path (relative to the root) and whether it is a folder: blank lines
 * and `#` comments skipped, `!` re-includes, a trailing `/` matches folders only, a pattern with a `/` before its
 * end is anchored at the root, one without matches a name at any depth. The last pattern that matches decides.
 *
 * A test costs about the same however many patterns the file has (a generated .gitignore can list thousands of
 * paths): a pattern without wildcards (`dist`, `/src/gen/x.ts`) is looked up by the name or path it matches, and a
 * name ending (`*.log`) by the name's endings after each dot; only the other patterns are tried one by one, from the
 * last, and only until one is found that is older than a match already found. Those are read up to
 * MAX_WILDCARD_PATTERNS (each path may be tried on each); the matcher's `unread` counts the ones past it.
 */
export function gitignoreMatcher(text: string): GitignoreMatcher {
  const rules: GitignoreRule[] = [];
  const byName = new Map<string, number[]>();
  const byPath = new Map<string, number[]>();
  const byEnding = new Map<string, number[]>();
  const others: number[] = [];
  let unread = 0;
  for (const { pattern: line, negate, folderOnly, anchored } of gitignoreLines(text)) {
    const at = rules.length;
    if (isLiteral(line)) {
      push(anchored ? byPath : byName, line, at);
      rules.push({ negate, folderOnly, byName: !anchored });
      continue;
    }
    if (!anchored && isEndingPattern(line)) {
      push(byEnding, line.slice(1), at);
      rules.push({ negate, folderOnly, byName: true });
      continue;
    }
    if (others.length === MAX_WILDCARD_PATTERNS) {
      unread++;
      continue;
    }
    // What picomatch's matcher answers (an empty path never matches, the pattern's own text always does), without
    // the two objects it makes for each answer.
    const glob = line;
    const regex = picomatch.makeRe(glob, { dot: true });
    others.push(at);
    rules.push({ negate, folderOnly, byName: !anchored, test: (path: string) => path !== '' && (path === glob || regex.test(path)) });
  }
  const matches = (relative: string, isFolder: boolean) => {
    const name = relative.slice(relative.lastIndexOf('/') + 1);
    let last = -1;
    const consider = (found: readonly number[] | undefined) => {
      for (const at of found ?? []) if (at > last && (isFolder || !rules[at].folderOnly)) last = at;
    };
    consider(byName.get(name));
    consider(byPath.get(relative));
    if (byEnding.size) {
      for (let dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) consider(byEnding.get(name.slice(dot)));
    }
    for (let i = others.length - 1; i >= 0 && others[i] > last; i--) {
      const rule = rules[others[i]];
      if (rule.folderOnly && !isFolder) continue;
      if (rule.test!(rule.byName ? name : relative)) {
        last = others[i];
        break;
      }
    }
    return last >= 0 && !rules[last].negate;
  };
  return Object.assign(matches, { unread });
}

/**
 * Patterns with wildcards a .gitignore is read for at most: every path listed may be tried on each of them, so a file
 * of thousands (a megabyte of them takes minutes) would stall the listing. Real ones have a few dozen.
 */
export const MAX_WILDCARD_PATTERNS = 1000;

/** Whether a path (relative to the root; a folder or not) is ignored; `unread`: the patterns with wildcards past MAX_WILDCARD_PATTERNS, not read. */
export interface GitignoreMatcher {
  (relative: string, isFolder: boolean): boolean;
  readonly unread: number;
}

/** A .gitignore's patterns, in order, each as its line says: without its `!`, leading `\\` or `/`, and trailing `/`. */
export function gitignoreLines(text: string): { pattern: string; negate: boolean; folderOnly: boolean; anchored: boolean }[] {
  const out: { pattern: string; negate: boolean; folderOnly: boolean; anchored: boolean }[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trimEnd();
    if (!line || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    if (line.startsWith('\\')) line = line.slice(1);
    const folderOnly = line.endsWith('/');
    if (folderOnly) line = line.slice(0, -1);
    // A pattern with a `/` before its end is anchored at the root; one without matches a name at any depth.
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    if (line) out.push({ pattern: line, negate, folderOnly, anchored });
  }
  return out;
}

interface GitignoreRule {
  negate: boolean;
  folderOnly: boolean;
  /** Tested on the name alone (the pattern has no `/` but a trailing one). */
  byName: boolean;
  /** For a pattern with wildcards; the others are looked up. */
  test?: (path: string) => boolean;
}

/** A pattern that matches its own text only: no wildcard, class, brace, extglob or escape, no `.`, `..` or empty folder. */
function isLiteral(pattern: string): boolean {
  return !/[*?[\]{}()!+@\\]/.test(pattern) && pattern.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** `*.log`, `*.d.ts`: a star, then a dot and a text with no wildcard (not all dots): a name ending with that text. */
function isEndingPattern(pattern: string): boolean {
  const ending = pattern.slice(1);
  return pattern.startsWith('*.') && !/[*?[\]{}()!+@\\/]/.test(ending) && /[^.]/.test(ending);
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const at = map.get(key);
  if (at) at.push(value);
  else map.set(key, [value]);
}

/** Folders never listed, at any depth, whatever .gitignore says. */
export const NEVER_LISTED: ReadonlySet<string> = new Set(['.git', 'node_modules']);

/**
 * Whether a file a search found (relative to the root) is left out of the index, as a walk that never enters an
 * ignored folder leaves it out: a folder above it is `.git`, `node_modules` or ignored, or the file is ignored.
 */
export function isLeftOut(ignored: (relative: string, isFolder: boolean) => boolean, relative: string): boolean {
  let from = 0;
  for (let slash = relative.indexOf('/'); slash >= 0; slash = relative.indexOf('/', slash + 1)) {
    if (NEVER_LISTED.has(relative.slice(from, slash)) || ignored(relative.slice(0, slash), true)) return true;
    from = slash + 1;
  }
  return ignored(relative, false);
}
