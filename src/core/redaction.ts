import { plainText } from './markdown/inline';
import type { PlanModel } from './plan/model';
import { findSecrets, planSecrets, type SecretSpan } from './rules/secret-value';

// One redaction path: whatever the core hands out that quotes the plan (finding messages, fix titles, related
// messages, titles and names, progress, explanations) passes through a plan's redactor on its way out.

/** What a credential is shown as wherever plan text is quoted; the secret-value fix writes the same. */
export const REDACTED = '<redacted>';

export type Redact = (text: string) => string;

const redactors = new WeakMap<PlanModel, Redact>();

/** The plan's redactor (one per plan): hides each credential the secret-value detector finds in its lines, and any a text holds itself. */
export function redactorFor(plan: PlanModel): Redact {
  let redact = redactors.get(plan);
  if (!redact) redactors.set(plan, (redact = secretRedactor(plan.lines, planSecrets(plan))));
  return redact;
}

/** Hides, in any text, the credentials of `lines` (in any letter case, with or without their markdown) and those the text holds itself. */
export function secretRedactor(lines: string[], secrets: SecretSpan[] = findSecrets(lines)): Redact {
  const values = new Set<string>();
  for (const [line, start, end] of secrets.flatMap((span) => lineParts(span, lines))) {
    const value = lines[line].slice(start, end);
    // As written, as plainText shows it (`**`, backticks gone), without the punctuation a value may end with and without markdown's escapes (`\_`).
    for (const shown of [value, plainText(value), trimPunctuation(value), value.replaceAll('\\', '')]) if (shown.length >= MIN_VALUE) values.add(asciiLower(shown));
  }
  const matcher = values.size ? new ValueMatcher(values) : undefined;
  // A report says one message many times (a finding per risk) and a long title in several places: each text is read once.
  const done = new Map<string, string>();
  return (text) => {
    let shown = done.get(text);
    if (shown === undefined) {
      if (done.size > 20000) done.clear();
      shown = hideDetected(matcher ? hideSpans(text, matcher.spans(text)) : text);
      done.set(text, shown);
    }
    return shown;
  };
}

/** Every string in plain data through `redact`, except an edit's `newText` (what a fix writes into the document); unchanged parts are returned as they are. */
export function redactStrings<T>(value: T, redact: Redact): T {
  if (typeof value === 'string') return redact(value) as T;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const redacted = redactStrings(item, redact);
      if (redacted !== item) (copy ??= [...value])[i] = redacted;
    }
    return (copy ?? value) as T;
  }
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key in record) {
    const item = record[key];
    if (key === 'newText' || (typeof item !== 'string' && (typeof item !== 'object' || item === null))) continue;
    const redacted = redactStrings(item, redact);
    if (redacted !== item) (copy ??= { ...record })[key] = redacted;
  }
  return (copy ?? value) as T;
}

/** Shorter values are not credentials the detector finds; a variant this short would hide ordinary words. */
const MIN_VALUE = 8;

/** Credentials the text holds on its own (a known format, `NAME=value`, a bearer token, a URL's password). */
function hideDetected(text: string): string {
  if (text.length < 12) return text;
  const lines = text.indexOf('\n') < 0 ? [text] : text.split('\n');
  const spans = findSecrets(lines);
  if (!spans.length) return text;
  const byLine = new Map<number, [number, number][]>();
  for (const [line, start, end] of spans.flatMap((span) => lineParts(span, lines))) {
    const onLine = byLine.get(line) ?? [];
    if (!onLine.length) byLine.set(line, onLine);
    onLine.push([start, end]);
  }
  return lines.map((line, i) => hideSpans(line, (byLine.get(i) ?? []).sort((a, b) => a[0] - b[0]))).join('\n');
}

/** A secret's part on each line it covers, [line, start, end]: one for most, the header, body and footer lines of a private key. */
function lineParts({ line, start, end, endLine = line }: SecretSpan, lines: string[]): [number, number, number][] {
  if (endLine === line) return [[line, start, end]];
  const parts: [number, number, number][] = [];
  for (let i = line; i <= endLine; i++) parts.push([i, i === line ? start : 0, i === endLine ? end : lines[i].length]);
  return parts;
}

/** The text with each span (sorted by start) replaced by the mask; overlapping spans make one mask. */
function hideSpans(text: string, spans: [number, number][]): string {
  if (!spans.length) return text;
  let out = '';
  let from = 0;
  for (const [start, end] of spans) {
    if (start >= from) {
      out += text.slice(from, start) + REDACTED;
      from = end;
    } else if (end > from) from = end;
  }
  return out + text.slice(from);
}

function trimPunctuation(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && !isAlphanumeric(value.charCodeAt(start))) start++;
  while (end > start && !isAlphanumeric(value.charCodeAt(end - 1))) end--;
  return value.slice(start, end);
}

function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** A-Z to a-z only: the length stays the same, so positions in the lowered text are positions in the text. */
function asciiLower(text: string): string {
  return ASCII.test(text) ? text.toLowerCase() : text.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}

const ASCII = /^[\x00-\x7f]*$/;

function lowerCode(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/**
 * Finds every value in a text in one pass (Aho–Corasick), whatever the number of values: a plan with thousands of
 * pasted keys that share a prefix costs no more per character than a plan with one.
 */
class ValueMatcher {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** The longest value that ends at this node, itself or through its fail links; 0 for none. */
  private readonly longest: number[] = [0];

  constructor(values: Iterable<string>) {
    for (const value of values) {
      let node = 0;
      for (let i = 0; i < value.length; i++) node = this.child(node, value.charCodeAt(i));
      this.longest[node] = value.length;
    }
    const queue = [...this.next[0].values()];
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q];
      for (const [code, child] of this.next[node]) {
        let fail = this.fail[node];
        while (fail && !this.next[fail].has(code)) fail = this.fail[fail];
        const target = this.next[fail].get(code);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        this.longest[child] = Math.max(this.longest[child], this.longest[this.fail[child]]);
        queue.push(child);
      }
    }
  }

  /** Where values occur in the text, letter case aside: sorted spans [start, end), overlapping and touching ones merged. */
  spans(text: string): [number, number][] {
    const spans: [number, number][] = [];
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const code = lowerCode(text.charCodeAt(i));
      while (node && !this.next[node].has(code)) node = this.fail[node];
      node = this.next[node].get(code) ?? 0;
      const length = this.longest[node];
      if (!length) continue;
      let start = i + 1 - length;
      while (spans.length && spans[spans.length - 1][1] >= start) start = Math.min(start, spans.pop()![0]);
      spans.push([start, i + 1]);
    }
    return spans;
  }

  private child(node: number, code: number): number {
    let child = this.next[node].get(code);
    if (child === undefined) {
      child = this.next.length;
      this.next.push(new Map());
      this.fail.push(0);
      this.longest.push(0);
      this.next[node].set(code, child);
    }
    return child;
  }
}
