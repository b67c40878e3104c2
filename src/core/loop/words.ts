// The words of a review loop: finding ids (P1.2, P1-2, F3, Finding 3), severities and the status words of answers.

export type Severity = 'P1' | 'P2' | 'P3';
export type FindingStatus = 'open' | 'fixed' | 'partial' | 'deferred' | 'accepted' | 'unclear';

/** An id found in a text, normalized (`P1.2` -> `P1-2`, `Finding 3` -> `F3`), with where it starts and ends. */
export interface IdMatch {
  id: string;
  /** From the id itself (`P1-2`); undefined for `F3`. */
  severity?: Severity;
  start: number;
  end: number;
}

/** Every finding id in a line; one pass, each alternative starts with its own letter. */
const ID = /\b(?:P([1-3])[.-](\d{1,4})|F(\d{1,4})|[Ff]inding #?(\d{1,4}))\b/g;

export function findIds(text: string): IdMatch[] {
  const found: IdMatch[] = [];
  ID.lastIndex = 0;
  for (let m = ID.exec(text); m; m = ID.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    // `P1.2.3` or `F3-b` is some other name, not an id.
    if (/^[.-]\w/.test(text.slice(end, end + 2))) continue;
    if (m[1]) found.push({ id: `P${m[1]}-${Number(m[2])}`, severity: `P${m[1]}` as Severity, start, end });
    else found.push({ id: `F${Number(m[3] ?? m[4])}`, start, end });
  }
  return found;
}

/** The id a whole text is (`**P1-1**`, `Finding 1`, `F2`), or undefined. */
export function wholeId(text: string): IdMatch | undefined {
  const bare = withoutEmphasis(text).trim();
  const [first] = findIds(bare);
  return first && first.start === 0 && first.end === bare.length ? first : undefined;
}

/** `P1`, `[P1]`, `(P2)`, `**P3**`: a severity alone. */
export function severityToken(text: string): Severity | undefined {
  const m = /^[[(]?P([1-3])[\])]?$/.exec(withoutEmphasis(text).trim());
  return m ? (`P${m[1]}` as Severity) : undefined;
}

/** `**bold**` and `__bold__` markers removed; inline code kept. */
export function withoutEmphasis(text: string): string {
  return text.replace(/\*\*|__/g, '');
}

/** Separators between an id and what follows it: dashes, colons, a full stop. */
export function skipSeparators(text: string): string {
  return text.replace(/^[\s\u2013\u2014:.=>\u2192-]+/, '');
}

/**
 * The status a phrase states by its first words (`Fixed`, `fixed in PR #412`, `Partially fixed`, `won't fix`,
 * `deferred to phase 4`, `reopened`), or undefined when it starts with no status word. `(partial)` anywhere wins.
 */
export function statusOfPhrase(phrase: string): Exclude<FindingStatus, 'unclear'> | undefined {
  const text = withoutEmphasis(phrase).toLowerCase().replace(/[\u2018\u2019`]/g, "'").trim();
  if (text.indexOf('(partial') >= 0) return 'partial';
  const words = text.split(/[^a-z']+/).filter(Boolean);
  let [first, second] = words;
  // `now fixed`, `still open`, `is deferred`: the status is the next word.
  if ((first === 'now' || first === 'still' || first === 'is' || first === 'was') && second) [first, second] = [second, words[2]];
  if (first === 'partial' || first === 'partially' || first === 'partly') return 'partial';
  if (first === "won't" || first === 'wont' || (first === 'will' && second === 'not') || first === 'accepted' || first === 'accept' || first === 'accepts' || first === 'wontfix') return 'accepted';
  if (first === 'not' && (second === 'fixed' || second === 'done' || second === 'resolved')) return 'open';
  if (FIXED.has(first)) return 'fixed';
  if (first === 'deferred' || first === 'defer' || first === 'defers' || first === 'postponed') return 'deferred';
  if (first === 'reopened' || first === 'reopens' || first === 'reopen' || first === 'open' || first === 'unresolved') return 'open';
  return undefined;
}

const FIXED = new Set(['fixed', 'fix', 'fixes', 'closes', 'closed', 'close', 'done', 'resolved', 'resolves', 'resolve', 'settled']);

/** Verbs that state a status when they come right before the id: `closes P1-1`, `reopens F2`. */
export function statusOfVerb(word: string): Exclude<FindingStatus, 'unclear'> | undefined {
  const verb = word.toLowerCase();
  if (verb === 'closes' || verb === 'fixes' || verb === 'resolves' || verb === 'closed' || verb === 'fixed' || verb === 'resolved') return 'fixed';
  if (verb === 'reopens' || verb === 'reopened') return 'open';
  if (verb === 'defers' || verb === 'deferred') return 'deferred';
  if (verb === 'accepts' || verb === 'accepted') return 'accepted';
  return undefined;
}
