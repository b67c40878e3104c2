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

const chosenCache = new Map<string, string | undefined>();
const choiceKeys = new WeakMap<readonly string[], string>();

function choicesKey(choices: readonly string[]): string {
  let key = choiceKeys.get(choices);
  if (key === undefined) choiceKeys.set(choices, (key = choices.join('\u0000')));
  return key;
}

/** The allowed choice a value names (tolerant of bold, notes, `DB + app`, `N:M`), or undefined. */
export function chosenValue(value: string, choices: readonly string[]): string | undefined {
  const key = `${choicesKey(choices)}\u0001${value}`;
  if (chosenCache.has(key)) return chosenCache.get(key);
  if (chosenCache.size > 10000) chosenCache.clear();
  const result = computeChosen(value, choices);
  chosenCache.set(key, result);
  return result;
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
  if (/\*\*|__|~~/.test(value)) {
    const bold = [...value.matchAll(/(?:\*\*|__)([^*_]+)(?:\*\*|__)/g)].map((m) => m[1].trim().toLowerCase());
    const struck = [...value.matchAll(/~~([^~]+)~~/g)].length;
    if (bold.filter((b) => choices.some((c) => c.toLowerCase() === b)).length === 1 || struck === choices.length - 1) return false;
  }
  // The spaces around each separator go with it (as `\s*(?:…)\s*` took them, in quadratic time on a run of spaces).
  const parts = normalise(value).split(/\/|\||,|\bor\b/).map((p) => p.trim()).filter(Boolean);
  const named = parts.filter((p) => choices.some((c) => c.toLowerCase() === p));
  return named.length >= 2 && named.length === parts.length;
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
