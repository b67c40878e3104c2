// Matching by meaning: labels and titles are compared as sets of normalised words, never as exact strings.
import { replaceParenthesised } from '../markdown/scan';

const STOP = new Set([
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'for', 'and', 'or', 'this', 'that', 'these', 'it', 'its', 'what',
  'which', 'should', 'will', 'be', 'is', 'are', 'we', 'our', 'per', 'with', 'by', 'from', 'as', 'at', 'like',
  'looks', 'look', 'next', 'made', 'required', 'known', 'if', 'any', 'all', 'via', 'e', 'g', 'eg',
]);

/** Word-level equivalences seen in real plans (`Auth` for `Authentication`, `Pull style` for `Pull mode`). */
const SYNONYM: Record<string, string> = {
  authentication: 'auth', authorization: 'auth', authorisation: 'auth', oauth: 'auth', credential: 'auth',
  sync: 'pull', ingest: 'pull', ingestion: 'pull', fetch: 'pull', import: 'pull',
  style: 'mode', strategy: 'strategy', type: 'mode', method: 'mode', approach: 'mode',
  limit: 'constraint', limitation: 'constraint', quota: 'constraint', tier: 'constraint',
  decision: 'decision', kpi: 'metric', measure: 'metric', unlocks: 'unlock', enable: 'unlock', enables: 'unlock',
  goal: 'success', criterion: 'success', criteria: 'success', outcome: 'success',
  acceptance: 'validation', verification: 'validation', validate: 'validation', validated: 'validation', verify: 'validation', verified: 'validation', check: 'test', qa: 'test', testing: 'test',
  output: 'deliverable', artifact: 'deliverable', artefact: 'deliverable',
  owner: 'agent', assignee: 'agent', team: 'agent',
  task: 'task', work: 'task', todo: 'task', step: 'task',
  objective: 'why', rationale: 'why', hypothese: 'assumption', hypothesis: 'assumption', premise: 'assumption',
  depends: 'block', depend: 'block', dependency: 'block', blocker: 'block', unblock: 'block', unblocks: 'block',
  permission: 'scope', variable: 'var', environment: 'env', secret: 'env', key: 'env',
  migrate: 'migration', creation: 'create', creating: 'create', smoke: 'smoke', question: 'q', assumption: 'assumption',
  linking: 'link', mapping: 'mapping', map: 'mapping', cardinalities: 'cardinality',
  identity: 'identity', graph: 'identity', id: 'id', identifier: 'id',
  purpose: 'purpose', entity: 'entity', table: 'entity', enforced: 'enforce', enforcement: 'enforce',
  gonogo: 'go', readiness: 'go', launch: 'go', checklist: 'go',
  failure: 'risk', hazard: 'risk', scorecard: 'score', scoring: 'score', unknown: 'q',
};

/**
 * The synonyms as a Map: looking each of a heading's thousands of distinct words up in an object makes each a property
 * key (interned), which costs more with every word. A word that names a property of every object (`constructor`) is
 * still read from the object, as before.
 */
const SYNONYMS = new Map(Object.entries(SYNONYM));
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 3 && w.endsWith('es') && /(ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  return SYNONYMS.get(w) ?? (INHERITED.has(w) ? SYNONYM[w] ?? w : w);
}

const cache = new Map<string, string[]>();
const setsOf = new WeakMap<readonly string[], Set<string>>();

/** Normalised, de-duplicated content words of a label or title (`Go/No-Go` -> `go`, `onConflict` -> `conflict`). */
export function words(text: string): string[] {
  let result = cache.get(text);
  if (!result) {
    if (cache.size > 10000) cache.clear();
    result = computeWords(text);
    cache.set(text, result);
  }
  return result;
}

function computeWords(text: string): string[] {
  const spaced = text
    .replace(/`+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/no-go/gi, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
  const out = new Set<string>();
  for (const raw of spaced.split(' ')) {
    if (!raw || STOP.has(raw) || isDigits(raw)) continue;
    const w = stem(raw);
    if (!STOP.has(w)) out.add(w);
  }
  const list = [...out];
  // A long list is looked up as a Set (countShared): the one just built is that Set.
  if (list.length > 16) setsOf.set(list, out);
  return list;
}

/** `/^\d+$/.test(word)` without a regular expression run per word of a long heading. */
function isDigits(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return word.length > 0;
}

/** The entries of a long word list as a Set, built once per list (word lists come from the cache of `words`). */
function setOf(list: readonly string[]): Set<string> {
  let set = setsOf.get(list);
  if (!set) setsOf.set(list, (set = new Set(list)));
  return set;
}

/**
 * How many entries of `a` are in `b` and not in `except`. Word lists are short; a heading of thousands of words is
 * not made to cost millions of comparisons, nor a pass over its words for each short list it is compared with: when
 * `a` is long and holds no word twice, the count is that of the distinct words of `b` (and not of `except`) in `a`.
 */
export function countShared(a: readonly string[], b: readonly string[], except: readonly string[] = []): number {
  let count = 0;
  const inA = a.length > 16 ? setOf(a) : undefined;
  if (inA && inA.size === a.length && b.length < a.length) {
    for (const w of b.length > 16 ? setOf(b) : new Set(b)) if (inA.has(w) && !except.includes(w)) count++;
    return count;
  }
  const inB = b.length > 16 ? setOf(b) : undefined;
  const out = except.length > 16 ? setOf(except) : undefined;
  for (const w of a) if ((inB ? inB.has(w) : b.includes(w)) && !(out ? out.has(w) : except.includes(w))) count++;
  return count;
}

/** Dice coefficient of two word sets: 1 for the same words, 0 for none in common. */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  return (2 * countShared(a, b)) / (a.length + b.length);
}

/** Best similarity over a text with and without its parenthetical remarks. */
export function labelSimilarity(label: string, target: readonly string[]): number {
  const full = similarity(words(label), target);
  const bare = replaceParenthesised(label, ' ');
  return bare === label ? full : Math.max(full, similarity(words(bare), target));
}

export const MATCH_THRESHOLD = 0.5;

/** Picks, for each candidate, the best target at or above the threshold, each target used once (greedy by score). */
export function assignBest<C, T>(candidates: readonly C[], targets: readonly T[], score: (c: C, t: T) => number): Map<C, T> {
  const pairs: { c: C; t: T; s: number }[] = [];
  for (const c of candidates) {
    for (const t of targets) {
      const s = score(c, t);
      if (s >= MATCH_THRESHOLD) pairs.push({ c, t, s });
    }
  }
  pairs.sort((x, y) => y.s - x.s);
  const result = new Map<C, T>();
  const used = new Set<T>();
  for (const { c, t } of pairs) {
    if (result.has(c) || used.has(t)) continue;
    result.set(c, t);
    used.add(t);
  }
  return result;
}
