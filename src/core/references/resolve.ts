import { DOTENV, type PlanReference } from './extract';
import { repositoryLookup, type RepositoryLookup, type RepositoryPlace } from './repository';

// How a reference resolves in the repository, without false alarms: a path exists from the root, from the plan's
// folder, or as the tail of one or more repository paths (a bare `sync.ts`, a shortened `api/x/route.ts`); a
// pattern resolves when a file matches it; an env var when a file that is not markdown mentions it.

export type Resolution =
  | { found: true; how: 'root' | 'plan-folder' | 'tail' | 'pattern' | 'folder' | 'mentioned'; matches: string[] }
  /** `outside`: what it names is not kept in a repository (a module, an API's endpoint, a dotenv file of real values): never a finding. */
  | { found: false; suggestion?: string; outside?: true };

export interface ResolvedReference extends PlanReference {
  resolution: Resolution;
}

/** At most this many matches are kept to show (`explain`), however many there are. */
const SHOWN = 5;
/**
 * Env vars of one plan a near name is looked for, at most: each look compares the name with every name the
 * repository mentions, so a plan listing thousands of unknown names would cost their product. A real setup lists a
 * few dozen.
 */
export const MAX_ENV_SUGGESTIONS = 100;

/** Resolves each reference; one `resolve` leaves out is marked not found without being looked up. */
export function resolveReferences(references: PlanReference[], place: RepositoryPlace, resolve: (ref: PlanReference) => boolean = () => true): ResolvedReference[] {
  const lookup = repositoryLookup(place.index);
  const folder = place.planPath.includes('/') ? place.planPath.slice(0, place.planPath.lastIndexOf('/')) : '';
  const budget = { envSuggestions: MAX_ENV_SUGGESTIONS };
  return references.map((ref) => ({ ...ref, resolution: resolve(ref) ? resolveOne(ref, lookup, folder, budget) : { found: false } }));
}

function resolveOne(ref: PlanReference, lookup: RepositoryLookup, planFolder: string, budget: { envSuggestions: number }): Resolution {
  if (ref.kind === 'env') {
    if (lookup.mentions(ref.text)) return { found: true, how: 'mentioned', matches: [] };
    if (budget.envSuggestions <= 0) return { found: false };
    budget.envSuggestions--;
    const suggestion = nearestName(ref.text, lookup.envNames());
    return suggestion ? { found: false, suggestion } : { found: false };
  }
  if (ref.kind === 'pattern') {
    const matches = patternMatches(ref.text, lookup);
    return matches.length ? { found: true, how: 'pattern', matches: matches.slice(0, SHOWN) } : { found: false };
  }
  const written = ref.text.replace(/^\/+/, '');
  const isFolder = written.endsWith('/');
  const path = isFolder ? written.slice(0, -1) : written;
  const fromPlan = normalize(planFolder ? `${planFolder}/${path}` : path);
  const exists = (p: string | undefined) => p !== undefined && (isFolder ? lookup.folders.has(p) : lookup.files.has(p) || lookup.folders.has(p));
  if (ref.relative && exists(fromPlan)) return { found: true, how: 'plan-folder', matches: [fromPlan!] };
  const fromRoot = normalize(path);
  if (exists(fromRoot)) return { found: true, how: lookup.files.has(fromRoot!) ? 'root' : 'folder', matches: [fromRoot!] };
  if (exists(fromPlan)) return { found: true, how: 'plan-folder', matches: [fromPlan!] };
  const tails = tailMatches(fromRoot ?? path, lookup, isFolder);
  if (tails.length) return { found: true, how: 'tail', matches: tails.slice(0, SHOWN) };
  if (outsideRepository(ref, lookup)) return { found: false, outside: true };
  // Written from the plan's folder (`../../src/x.ts`, a link that must keep working): the file meant is looked for
  // from there, and suggested in the same form.
  const upward = /^(?:\.\.\/)+/.exec(written)?.[0];
  if (upward && fromPlan !== undefined) {
    const near = suggestPath(fromPlan, lookup);
    return near ? { found: false, suggestion: `${ref.text.slice(0, ref.text.length - written.length)}${relativeTo(planFolder, upward, near)}` } : { found: false };
  }
  const suggestion = suggestPath(fromRoot ?? path, lookup);
  if (!suggestion) return { found: false };
  // Written the way the plan wrote it: the same folder part, a new name.
  const writtenName = written.slice(written.lastIndexOf('/') + 1);
  const suggestedName = suggestion.slice(suggestion.lastIndexOf('/') + 1);
  const writtenFolder = written.slice(0, written.length - writtenName.length);
  const sameFolder = `/${suggestion.slice(0, suggestion.length - suggestedName.length)}`.endsWith(`/${writtenFolder}`);
  return { found: false, suggestion: sameFolder && !written.startsWith('../') ? `${ref.text.slice(0, ref.text.length - writtenName.length)}${suggestedName}` : suggestion };
}

/**
 * A repository file as a path from the plan's folder: the plan's own `../` prefix kept when the file is below the
 * folder it leads to (`../../` + `src/x.ts`), else the shortest way up and down (`../../other/x.ts`).
 */
function relativeTo(planFolder: string, upward: string, file: string): string {
  const base = normalize(planFolder ? `${planFolder}/${upward}` : upward);
  if (base === '') return `${upward}${file}`;
  if (base !== undefined && file.startsWith(`${base}/`)) return `${upward}${file.slice(base.length + 1)}`;
  const from = planFolder ? planFolder.split('/') : [];
  const to = file.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return `${'../'.repeat(from.length - common)}${to.slice(common).join('/')}`;
}

/**
 * A path that names something the repository does not hold by design: a slash path with no file name that starts in
 * no folder of the repository's root (a module, `next/server`; an API's endpoint, `/conversations/search`), or a
 * dotenv file of real values (`.env.local`, kept out of git on purpose; `.env.example` is checked).
 */
function outsideRepository(ref: PlanReference, lookup: RepositoryLookup): boolean {
  if (ref.kind !== 'path' || ref.text.endsWith('/')) return false;
  // A home folder's file (`~/.config/x.toml`, `$HOME/.x`), or an absolute path whose first folder the repository's
  // root does not have (`/etc/nginx/conf.d/x.conf`): a file of the machine, not of the repository.
  if (/^(?:~|\$\{?HOME\b|%[A-Z]+%)/.test(ref.text)) return true;
  if (ref.text.startsWith('/') && !ref.relative) {
    const first = ref.text.replace(/^\/+/, '').split('/')[0];
    if (ref.text.slice(1).includes('/') && !lookup.folders.has(first)) return true;
  }
  const written = ref.text.replace(/^\/+/, '');
  const name = written.slice(written.lastIndexOf('/') + 1);
  // A dotenv file of real values (`.env`, `.env.local`) is kept out of the repository on purpose; an example one is not.
  if (DOTENV.test(name)) return !/example|sample|template|dist|default/i.test(name);
  if (ref.relative || name.includes('.')) return false;
  return !lookup.folders.has(written.slice(0, written.indexOf('/')));
}

/** `a/./b/../c` -> `a/c`; undefined when it climbs above the root. */
function normalize(path: string): string | undefined {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (!out.length) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

function tailMatches(path: string, lookup: RepositoryLookup, isFolder: boolean): string[] {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (isFolder || !lookup.byName.has(name)) {
    // A shortened folder: any folder ending with it.
    const out: string[] = [];
    const tail = `/${path}`;
    for (const folder of lookup.folders) if (folder.endsWith(tail)) out.push(folder);
    return out;
  }
  return lookup.byName.get(name)!.filter((file) => file === path || file.endsWith(`/${path}`));
}

/** Files a pattern matches, whole or as a tail: `<x>` and `{x}` stand for one name part, `*` too, `**` and `…` for any folders. */
function patternMatches(pattern: string, lookup: RepositoryLookup): string[] {
  const { regex, tail, head } = compilePattern(pattern);
  const out: string[] = [];
  // A pattern of a folder (`src/lib/{connector}/`) is matched by folders.
  if (pattern.endsWith('/')) {
    for (const folder of lookup.folders) if (folder.length <= 500 && regex.test(`${folder}/`)) out.push(folder);
    return out.sort();
  }
  // A file the regex matches ends with the text after the last wildcard and holds the text before the first: both
  // looked at first, cheaply (`packages/acme/src/**/*.ts` is tried on the `.ts` files under that folder only).
  for (const file of patternCandidates(tail, head, lookup)) if (file.length <= 500 && file.endsWith(tail) && file.includes(head) && regex.test(file)) out.push(file);
  return out;
}

/**
 * The files a pattern may match. One it matches ends with the pattern's text after its last wildcard: when that text
 * holds a whole name (`{connector}/client.ts`), only files of that name can; when it holds an extension
 * (`<timestamp>_users.sql`, `*.sql`), only files with it. And it is in a folder holding the whole folders of the text
 * before the first wildcard (`packages/acme/src/**` + `/*.ts`: the folders `packages/acme/src` and below, at the root
 * or deeper): when those folders are fewer, only their files are tried. Else every file is.
 */
function patternCandidates(tail: string, head: string, lookup: RepositoryLookup): readonly string[] {
  const slash = tail.lastIndexOf('/');
  const dot = tail.lastIndexOf('.');
  const byTail = slash >= 0 ? (lookup.byName.get(tail.slice(slash + 1)) ?? []) : dot >= 0 && dot < tail.length - 1 ? (lookup.byExtension.get(tail.slice(dot + 1)) ?? []) : lookup.list;
  const folder = head.slice(0, Math.max(0, head.lastIndexOf('/')));
  if (!folder || byTail.length <= lookup.byFolder.size) return byTail;
  // The regex matches at the start or after a slash, so the folder is whole there: the file's folder is it, or
  // starts with it, at the root or after a slash.
  const below = `${folder}/`;
  const after = `/${folder}`;
  const inside = `/${folder}/`;
  const within: string[][] = [];
  let count = 0;
  for (const [f, files] of lookup.byFolder) {
    if (f === folder || f.startsWith(below) || f.endsWith(after) || f.includes(inside)) {
      within.push(files);
      count += files.length;
    }
  }
  // In the index's order, as the lists by name and extension are.
  return count < byTail.length / 2 ? within.flat().sort((a, b) => lookup.placeOf(a) - lookup.placeOf(b)) : byTail;
}

export function patternRegex(pattern: string): RegExp {
  return compilePattern(pattern).regex;
}

/**
 * A pattern's regex, its literal text after the last wildcard (all of it, its leading `/` left out, when it has none)
 * and before the first (its leading `/` left out).
 */
function compilePattern(pattern: string): { regex: RegExp; tail: string; head: string } {
  let head: string | undefined;
  let source = '';
  let i = 0;
  let lastWild = false;
  let wildcards = false;
  let literal = '';
  const wild = (part: string) => {
    wildcards = true;
    head ??= literal;
    literal = '';
    // Two wildcards side by side are one (no adjacent quantifiers to backtrack over).
    if (lastWild) {
      if (part === '.*') source = source.replace(/\[\^\/\]\*$/, '.*');
      return;
    }
    source += part;
    lastWild = true;
  };
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '<' || c === '{') {
      const close = pattern.indexOf(c === '<' ? '>' : '}', i);
      if (close > i) {
        wild('[^/]*');
        i = close + 1;
        continue;
      }
    }
    if (c === '*') {
      const double = pattern[i + 1] === '*';
      wild(double ? '.*' : '[^/]*');
      i += double ? 2 : 1;
      if (double && pattern[i] === '/') i++;
      continue;
    }
    if (c === '…' || pattern.startsWith('...', i)) {
      wild('.*');
      i += c === '…' ? 1 : 3;
      continue;
    }
    source += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    literal += c;
    lastWild = false;
    i++;
  }
  const rooted = source.startsWith('/') ? source.slice(1) : source;
  return { regex: new RegExp(`(?:^|/)${rooted}$`), tail: wildcards || !literal.startsWith('/') ? literal : literal.slice(1), head: (head ?? literal).replace(/^\/+/, '') };
}

/** A near-identical file for a path that matches nothing: same name with a changed numeric prefix, or a close name in the same folder or with the same name elsewhere. */
function suggestPath(path: string, lookup: RepositoryLookup): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const folder = path.slice(0, Math.max(0, path.lastIndexOf('/')));
  // Folders the plan may mean: the one written, from the root or as a tail.
  const folders = folder ? (lookup.folders.has(folder) ? [folder] : foldersEndingWith(folder, lookup, 20)) : [];
  const siblings = folders.flatMap((f) => lookup.byFolder.get(f) ?? []);
  const stem = withoutNumericPrefix(name);
  if (stem !== name) {
    const renamed = siblings.filter((f) => withoutNumericPrefix(f.slice(f.lastIndexOf('/') + 1)) === stem);
    if (renamed.length === 1) return renamed[0];
  }
  // Moved: the same name in exactly one other place.
  const moved = lookup.byName.get(name);
  if (moved?.length === 1) return moved[0];
  // A typo: at most one edit in six characters (at least one), and no other name as close.
  const limit = Math.max(1, Math.floor(name.length / 6)) + 1;
  let best: string | undefined;
  let bestDistance = limit;
  let tie = false;
  for (const file of siblings) {
    const other = file.slice(file.lastIndexOf('/') + 1);
    if (extensionOf(other) !== extensionOf(name)) continue;
    const d = editDistance(name, other, limit);
    if (d >= limit) continue;
    if (d < bestDistance) {
      best = file;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) tie = true;
  }
  return best && !tie ? best : undefined;
}

/** The first `limit` folders whose path ends with the folder given, in the index's order. */
function foldersEndingWith(folder: string, lookup: RepositoryLookup, limit: number): string[] {
  const tail = `/${folder}`;
  const out: string[] = [];
  for (const f of lookup.folders) {
    if (!f.endsWith(tail)) continue;
    out.push(f);
    if (out.length === limit) break;
  }
  return out;
}

/** `2026020703_x.sql` -> `x.sql`, `0042-x.sql` -> `x.sql`. */
function withoutNumericPrefix(name: string): string {
  if (!/^\d/.test(name)) return name;
  let end = 0;
  let cut = -1;
  while (end < name.length && /[\d_.-]/.test(name[end])) {
    if (name[end] === '_' || name[end] === '-') cut = end;
    end++;
  }
  return cut > 0 ? name.slice(cut + 1) : name;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1) : '';
}

/** The nearest env var name the repository mentions, when it is close: a typo (distance 1–2) or the name with a suffix or prefix word more or less. */
export function nearestName(name: string, names: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  let affix: string | undefined;
  // Made once, not for each name compared (a repository can mention tens of thousands).
  const before = `${name}_`;
  const after = `_${name}`;
  for (const other of names) {
    if (Math.abs(other.length - name.length) > 12) continue;
    if (!affix && (other.startsWith(before) || (name.length > other.length && name.charCodeAt(other.length) === 95 /* _ */ && name.startsWith(other)) || other.endsWith(after))) affix = other;
    if (Math.abs(other.length - name.length) >= bestDistance) continue;
    const d = editDistance(name, other, bestDistance);
    if (d < bestDistance) {
      best = other;
      bestDistance = d;
    }
  }
  return best ?? affix;
}

/** Levenshtein distance, stopping at `limit` (returns `limit` when it is at least that). */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  // Two rows, kept between calls (a name is compared with every name a repository mentions).
  if (rows[0].length <= b.length) rows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let [prev, row] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let min = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cell = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (code === b.charCodeAt(j - 1) ? 0 : 1));
      row[j] = cell;
      if (cell < min) min = cell;
    }
    if (min >= limit) return limit;
    const done = prev;
    prev = row;
    row = done;
  }
  return Math.min(prev[b.length], limit);
}

let rows = [new Int32Array(64), new Int32Array(64)];
