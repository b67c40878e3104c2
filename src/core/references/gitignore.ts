import picomatch from 'picomatch';

// A repository's root .gitignore, read the same way by every host (the CLI walks the disk, an editor its workspace).

/**
 * The root .gitignore's patterns as a test of a path (relative to the root) and whether it is a folder: blank lines
 * and `#` comments skipped, `!` re-includes, a trailing `/` matches folders only, a pattern with a `/` before its
 * end is anchored at the root, one without matches a name at any depth. The last pattern that matches decides.
 */
export function gitignoreMatcher(text: string): (relative: string, isFolder: boolean) => boolean {
  const rules: { negate: boolean; folderOnly: boolean; test: (p: string) => boolean; byName: boolean }[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trimEnd();
    if (!line || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    if (line.startsWith('\\')) line = line.slice(1);
    const folderOnly = line.endsWith('/');
    if (folderOnly) line = line.slice(0, -1);
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    if (!line) continue;
    // What picomatch's matcher answers (an empty path never matches, the pattern's own text always does), without
    // the two objects it makes for each answer: a walk asks once per rule for every entry of the tree.
    const glob = line;
    const regex = picomatch.makeRe(glob, { dot: true });
    const test = (path: string) => path !== '' && (path === glob || regex.test(path));
    rules.push({ negate, folderOnly, test, byName: !anchored });
  }
  return (relative, isFolder) => {
    let ignored = false;
    const name = relative.slice(relative.lastIndexOf('/') + 1);
    for (const rule of rules) {
      if (rule.folderOnly && !isFolder) continue;
      if (rule.test(rule.byName ? name : relative)) ignored = !rule.negate;
    }
    return ignored;
  };
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
