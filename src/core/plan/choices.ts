import { plainText } from '../markdown/inline';
import { isSpace, replaceParenthesised, runStart, splitOptions } from '../markdown/scan';

/** Words real plans use for the template's choices (`Postgres unique index` is enforced in the DB). */
const CHOICE_SYNONYMS: Record<string, string[]> = {
  db: ['database', 'postgres', 'postgresql', 'mysql', 'sql', 'schema', 'constraint', 'constraints', 'unique', 'index', 'supabase', 'trigger'],
  app: ['application', 'code', 'service', 'backend', 'api', 'worker', 'server', 'logic'],
  incremental: ['delta', 'cursor', 'cdc', 'watermark'],
  snapshot: ['full', 'export', 'dump', 'refresh'],
  hybrid: ['both', 'mixed', 'combined'],
};

const RATIO = /^[0-9nm*]+:[0-9nm*]+$/i;
const RATIO_VALUE = /^(?:1|n|m|\*|one|many)(?:\s*(?::|-to-)|\s+to\s)\s*(?:1|n|m|\*|one|many)\b/i;

const isClosingMark = (code: number) => code === 46 || code === 58 || code === 59 || code === 44; // . : ; ,

function normalise(value: string): string {
  const text = replaceParenthesised(plainText(value), ' ');
  // `.replace(/[.:;,]+\s*$/, '')`, read from the end.
  const spaces = runStart(text, text.length, isSpace);
  const marks = runStart(text, spaces, isClosingMark);
  return (marks < spaces ? text.slice(0, marks) : text).trim().toLowerCase();
}

/**
 * Results per list of choices, then per value: a value is looked up by itself (its hash is kept with the string),
 * not joined to the choices in a new key that is hashed again, at the cost of its length, on every look-up.
 */
class ChoiceCache<T> {
  private readonly byChoices = new Map<string, Map<string, T>>();
  private size = 0;

  get(value: string, choices: readonly string[], compute: () => T): T {
    const key = choicesKey(choices);
    let byValue = this.byChoices.get(key);
    if (byValue?.has(value)) return byValue.get(value) as T;
    if (++this.size > 10000) {
      this.byChoices.clear();
      this.size = 1;
      byValue = undefined;
    }
    if (!byValue) this.byChoices.set(key, (byValue = new Map()));
    const result = compute();
    byValue.set(value, result);
    return result;
  }
}

const choiceKeys = new WeakMap<readonly string[], string>();

function choicesKey(choices: readonly string[]): string {
  let key = choiceKeys.get(choices);
  if (key === undefined) choiceKeys.set(choices, (key = choices.join('\u0000')));
  return key;
}

const chosenCache = new ChoiceCache<string | undefined>();

/** The allowed choice a value names (tolerant of bold, notes, `DB + app`, `N:M`), or undefined. */
export function chosenValue(value: string, choices: readonly string[]): string | undefined {
  return chosenCache.get(value, choices, () => computeChosen(value, choices));
}

function computeChosen(value: string, choices: readonly string[]): string | undefined {
  const text = normalise(value);
  if (!text) return undefined;
  if (choices.every((c) => RATIO.test(c))) {
    const m = RATIO_VALUE.exec(text);
    return m ? m[0].replace(/\s+/g, '').toUpperCase() : undefined;
  }
  const tokens = text.split(/[^a-z0-9*]+/).filter(Boolean);
  const tokenSet = new Set(tokens);
  for (const choice of choices) {
    const c = choice.toLowerCase();
    if (tokenSet.has(c) || (CHOICE_SYNONYMS[c] ?? []).some((s) => tokenSet.has(s))) return choice;
  }
  // `both` of two choices (`DB` and `app`) names them both, as `DB + app` does.
  if (choices.length === 2 && tokens[0] === 'both') return choices[0];
  return undefined;
}

const RATIO_FORMS = ['1:1', '1:N', 'N:1', 'N:M'];

/**
 * Every value the checker takes as a choice of this list, in the order to offer them: the template's choices,
 * then the other forms `chosenValue` reads as one (`N:1`, `N:M` for cardinalities; `DB + app` for a pair).
 * Completion, snippets, hover and the invalid-choice rule's fixes all offer this list.
 */
export function acceptedValues(choices: readonly string[]): string[] {
  const extra = choices.length && choices.every((c) => RATIO.test(c)) ? RATIO_FORMS : choices.length === 2 ? [`${choices[0]} + ${choices[1]}`] : [];
  const out: string[] = [];
  for (const value of [...choices, ...extra]) if (!out.some((v) => v.toLowerCase() === value.toLowerCase())) out.push(value);
  return out;
}

/** True when the value is the template's option list itself (`incremental / snapshot / hybrid`) with no pick made. */
export function isOptionList(value: string, choices: readonly string[]): boolean {
  return optionListCache.get(value, choices, () => computeOptionList(value, choices));
}

const optionListCache = new ChoiceCache<boolean>();
const lowerChoices = new WeakMap<readonly string[], Set<string>>();

const isWordChar = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

/** The length of the separator `/\/|\||,|\bor\b/` matches at `i` of the text, or 0. */
function separatorAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code === 47 /* / */ || code === 124 /* | */ || code === 44 /* , */) return 1;
  if (code === 111 /* o */ && text.charCodeAt(i + 1) === 114 /* r */ && !(i > 0 && isWordChar(text.charCodeAt(i - 1))) && !isWordChar(text.charCodeAt(i + 2))) return 2;
  return 0;
}

function computeOptionList(value: string, choices: readonly string[]): boolean {
  if (/\*\*|__|~~/.test(value)) {
    const bold = [...value.matchAll(/(?:\*\*|__)([^*_]+)(?:\*\*|__)/g)].map((m) => m[1].trim().toLowerCase());
    const struck = [...value.matchAll(/~~([^~]+)~~/g)].length;
    if (bold.filter((b) => choices.some((c) => c.toLowerCase() === b)).length === 1 || struck === choices.length - 1) return false;
  }
  let names = lowerChoices.get(choices);
  if (!names) lowerChoices.set(choices, (names = new Set(choices.map((c) => c.toLowerCase()))));
  // `.split(/\/|\||,|\bor\b/)` read in one pass; the spaces around each separator go with it (as `\s*(?:…)\s*` took
  // them, in quadratic time on a run of spaces). Every part written must name a choice, and two or more must.
  const text = normalise(value);
  let named = 0;
  let start = 0;
  for (let i = 0; i <= text.length; ) {
    const length = i < text.length ? separatorAt(text, i) : 1;
    if (!length) {
      i++;
      continue;
    }
    if (i > start) {
      const part = text.slice(start, i).trim();
      if (part) {
        if (!names.has(part)) return false;
        named++;
      }
    }
    start = i += length;
  }
  return named >= 2;
}

/** `{1:1/1:N}` -> ['1:1', '1:N']; a placeholder that offers no options -> []. */
export function placeholderChoices(inner: string): string[] {
  if (!/\/|\bor\b/.test(inner)) return [];
  const options = splitOptions(inner).map((s) => s.trim()).filter((s) => s && s !== '...' && s.length <= 24);
  return options.length >= 2 ? options : [];
}

/** A value that is nothing but a template placeholder. */
export function isPlaceholderOnly(value: string): boolean {
  return /^\s*\{[^{}]*\}\s*$/.test(plainText(value));
}
