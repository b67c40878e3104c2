import * as l10n from '@vscode/l10n';
import type { PlanModel } from '../plan/model';
import type { Range } from '../types';
import type { Rule } from './rule';

interface SecretKind {
  name: string;
  pattern: RegExp;
  /** For a pattern that opens with a run (see `matchAfterRuns`): where it can start, and the run's characters. */
  runs?: { start: RegExp; char: (code: number) => boolean };
}

const isTokenChar = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 45;
const isSchemeChar = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 43 || code === 46 || code === 45;

/** Well-known credential formats; each regex's match is the value itself. */
const KNOWN: SecretKind[] = [
  { name: 'AWS access key ID', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { name: 'GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})\b/g },
  { name: 'Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { name: 'Slack webhook URL', pattern: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{16,}/g },
  { name: 'Stripe key', pattern: /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}\b/g },
  { name: 'Stripe webhook secret', pattern: /\bwhsec_[A-Za-z0-9]{20,}\b/g },
  { name: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35,40}\b/g },
  { name: 'OpenAI or Anthropic API key', pattern: /\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{32,}/g },
  { name: 'HubSpot private app token', pattern: /\bpat-(?:na|eu)\d-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g },
  { name: 'SendGrid API key', pattern: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/g },
  { name: 'JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/y, runs: { start: /\beyJ/g, char: isTokenChar } },
];

const ASSIGNED = /\b([A-Za-z][A-Za-z0-9_]*?(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD|PWD|CREDENTIALS?)|[a-z][a-z0-9_]*_(?:key|token|secret|password))\b["']?\s*[:=]\s*["']?([^\s"'`,;]+)/g;
const BEARER = /\bBearer\s+([A-Za-z0-9._~+/-]{24,}=*)/g;
const URL_PASSWORD = /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:([^\s:/@]{6,})@/iy;
const URL_START = { start: /\b[a-z]/gi, char: isSchemeChar };
const PLACEHOLDER = /[<>{}[\]$*]|\.\.\.|x{3,}|example|sample|your|change.?me|placeholder|redacted|dummy|fake|replace|todo|tbd|here|test_?value|^(.)\1+$/i;
/** Cheap tests that let most lines skip the pattern scans. */
const KNOWN_TRIGGER = /AKIA|ASIA|gh[pousr]_|github_pat_|xox|hooks\.slack|_live_|_test_|whsec_|AIza|sk-|pat-|SG\.|eyJ/;
const NAME_TRIGGER = /key|token|secret|pass|pwd|credential/i;
/** For known formats only long, unmistakable placeholder marks: a random key may well contain `here` or `todo`. */
const FORMAT_PLACEHOLDER = /[<>{}$*]|\.\.\.|x{4,}|X{4,}|example|placeholder|redacted|your/i;
const PRIVATE_KEY = /-----BEGIN ((?:[A-Z]+ )*PRIVATE KEY)-----/;
/** One scan that most lines fail: any trigger of the scans below (an escape, `\_`, may hide a known format's). */
const ANY_TRIGGER = new RegExp(`${KNOWN_TRIGGER.source}|${NAME_TRIGGER.source}|Bearer|@|PRIVATE KEY|\\\\_`, 'i');
const EMPHASIS_OR_ESCAPE = /\\|\*\*|__/;
const CLOSER = /[}\])]/;
const OPENER = /[{[(]/;

export const secretValue: Rule = {
  id: 'secret-value',
  description: 'A credential value is written in the plan.',
  defaultSeverity: 'error',
  check(plan, report) {
    const spans = planSecrets(plan);
    if (!spans.length) return;
    // A plan that pastes a token thousands of times says the same few sentences: each is made once.
    const messages = new Map<string, string>();
    const title = l10n.t('Replace the value with <redacted>');
    for (const { line, start, end, endLine, what } of spans) {
      const range: Range = { start: { line, character: start }, end: { line: endLine ?? line, character: end } };
      const key = what.kind === 'format' || what.kind === 'assigned' ? `${what.kind}\u0000${what.name}` : what.kind;
      let message = messages.get(key);
      if (message === undefined) messages.set(key, (message = secretMessage(what)));
      report({
        message,
        range,
        fixes: [{ title, edits: [{ range, newText: '<redacted>' }] }],
      });
    }
  },
};

/** One whole sentence per kind of secret; a known format's name (`Stripe key`) is a product's and stays as written. */
function secretMessage(what: SecretWhat): string {
  switch (what.kind) {
    case 'format':
      return l10n.t({ message: "A {0} is written in the plan: remove it, rotate it, and write only the environment variable's name.", args: [what.name], comment: ['{0} names a credential format in English: Stripe key, GitHub token, rsa private key.'] });
    case 'assigned':
      return l10n.t({ message: "The value of {0} is written in the plan: remove it, rotate it, and write only the environment variable's name.", args: [what.name], comment: ['{0} is the name the plan gives the value: API_TOKEN.'] });
    case 'bearer':
      return l10n.t("A bearer token is written in the plan: remove it, rotate it, and write only the environment variable's name.");
    default:
      return l10n.t("A password in a URL is written in the plan: remove it, rotate it, and write only the environment variable's name.");
  }
}

/** What a secret is, never its value: a known format (`Stripe key`), the value of a name (`API_TOKEN`), a bearer token, a URL's password. */
export type SecretWhat = { kind: 'format' | 'assigned'; name: string } | { kind: 'bearer' | 'url-password' };

export interface SecretSpan {
  line: number;
  start: number;
  /** Where the secret ends: on `endLine` when it runs over several lines (a private key's block), else on `line`. */
  end: number;
  endLine?: number;
  what: SecretWhat;
}

const foundIn = new WeakMap<PlanModel, SecretSpan[]>();

/** findSecrets of the plan's lines, found once for the rule and for the redactor that hides them in every output. */
export function planSecrets(plan: PlanModel): SecretSpan[] {
  let spans = foundIn.get(plan);
  if (!spans) foundIn.set(plan, (spans = findSecrets(plan.lines)));
  return spans;
}

/** Every credential written in the lines, prose and code alike; whatever shows plan text elsewhere hides these. */
export function findSecrets(lines: string[]): SecretSpan[] {
  const spans: SecretSpan[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length < 12 || !ANY_TRIGGER.test(line)) continue;
    const key = line.includes('PRIVATE KEY') ? PRIVATE_KEY.exec(line) : null;
    const block = key && keyBlock(lines, i + 1);
    if (key && block) {
      // The header, the body and the footer are one secret: one finding, and a fix that takes the whole block.
      spans.push({ line: i, start: key.index, ...block, what: { kind: 'format', name: key[1].toLowerCase() } });
      i = block.endLine;
      continue;
    }
    const { text, at } = reading(line);
    for (const { start, end, what } of lineSecrets(text)) spans.push({ line: i, start: at ? at[start] : start, end: at ? at[end - 1] + 1 : end, what });
  }
  return spans;
}

/**
 * The line as a reader sees it, for the scans: a markdown escape (`sk\_live\_`) without its backslash, and the
 * `**` or `__` of emphasis around a value (`**sk_live_…**`, `__ghp_…__`) as spaces, so that neither hides a credential
 * nor becomes part of it; `at[i]` is where the reading's character i is written (none when no escape was dropped).
 */
function reading(line: string): { text: string; at?: number[] } {
  if (!EMPHASIS_OR_ESCAPE.test(line)) return { text: line };
  let text = '';
  const at: number[] = [];
  let escaped = false;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === 92 && i + 1 < line.length && isAsciiPunctuation(line.charCodeAt(i + 1))) {
      escaped = true;
      text += line[++i];
      at.push(i);
      continue;
    }
    if ((code === 42 || code === 95) && line.charCodeAt(i + 1) === code) {
      let end = i + 2;
      while (line.charCodeAt(end) === code) end++;
      // Between two letters or digits it is part of a name (`API__KEY`), not emphasis.
      const inWord = i > 0 && isAlphanumeric(line.charCodeAt(i - 1)) && end < line.length && isAlphanumeric(line.charCodeAt(end));
      for (; i < end; i++) {
        text += inWord ? line[i] : ' ';
        at.push(i);
      }
      i--;
      continue;
    }
    text += line[i];
    at.push(i);
  }
  return escaped ? { text, at } : { text };
}

/** The credentials one line (as read) holds, known formats first, then values of secret names, bearer tokens, URL passwords. */
function lineSecrets(line: string): { start: number; end: number; what: SecretWhat }[] {
  const found: { start: number; end: number; what: SecretWhat }[] = [];
  const seen = (s: number, e: number) => found.some(({ start, end }) => s < end && e > start);
  for (const kind of KNOWN_TRIGGER.test(line) ? KNOWN : []) {
    for (const m of kind.runs ? matchAfterRuns(line, kind.pattern, kind.runs) : line.matchAll(kind.pattern)) {
      if (FORMAT_PLACEHOLDER.test(m[0].slice(4))) continue;
      found.push({ start: m.index!, end: m.index! + m[0].length, what: { kind: 'format', name: kind.name } });
    }
  }
  const assigned = NAME_TRIGGER.test(line);
  const bearer = line.includes('Bearer');
  const urlPassword = line.includes('@');
  if (assigned || bearer || urlPassword) {
    for (const [pattern, describe] of [
      [assigned ? ASSIGNED : undefined, (m: RegExpMatchArray): SecretWhat => ({ kind: 'assigned', name: m[1] })],
      [bearer ? BEARER : undefined, (): SecretWhat => ({ kind: 'bearer' })],
      [urlPassword ? URL_PASSWORD : undefined, (): SecretWhat => ({ kind: 'url-password' })],
    ] as const) {
      if (!pattern) continue;
      for (const m of pattern === URL_PASSWORD ? matchAfterRuns(line, pattern, URL_START) : line.matchAll(pattern)) {
        const value = withoutStrayClosers(m[m.length - 1]);
        const start = m.index! + m[0].length - m[m.length - 1].length;
        if (seen(start, start + value.length) || !looksSecret(value)) continue;
        found.push({ start, end: start + value.length, what: describe(m) });
      }
    }
  }
  return found;
}

/** A value read up to a closing brace, bracket or parenthesis it never opened (`{API_TOKEN=value}:`) ends before it. */
function withoutStrayClosers(value: string): string {
  const closer = CLOSER.exec(value);
  return closer && !OPENER.test(value) ? value.slice(0, closer.index) : value;
}

/**
 * `line.matchAll` of a sticky pattern that opens with a run of `runs.char` characters (a URL's scheme, a token's
 * first part) and then needs what follows the run: every start inside one run shares that continuation, so once a
 * start fails the search goes on after the run, not from each of its characters (a search retries them all).
 */
function* matchAfterRuns(line: string, pattern: RegExp, runs: { start: RegExp; char: (code: number) => boolean }): Generator<RegExpExecArray> {
  const { start } = runs;
  start.lastIndex = 0;
  for (let at = start.exec(line); at; at = start.exec(line)) {
    pattern.lastIndex = at.index;
    const m = pattern.exec(line);
    if (m) {
      yield m;
      start.lastIndex = Math.max(at.index + 1, m.index + m[0].length);
      continue;
    }
    let end = at.index + 1;
    while (end < line.length && runs.char(line.charCodeAt(end))) end++;
    start.lastIndex = end;
  }
}

function looksSecret(value: string): boolean {
  return value.length >= 16 && !PLACEHOLDER.test(value) && !/^https?:\/\//.test(value) && !/^[A-Z][A-Z0-9_]*$/.test(value) && entropy(value) >= 3.2;
}

/** Where a private key's block that starts after its header line ends, when it has a body: its footer, else its last body line. */
function keyBlock(lines: string[], from: number): { end: number; endLine: number } | undefined {
  let body = 0;
  let last = -1;
  for (let i = from; i < lines.length && i < from + 100; i++) {
    const text = lines[i].trim();
    if (text.startsWith('-----END')) {
      if (body < 64) return undefined;
      const footer = lines[i].indexOf('-----END');
      const close = lines[i].indexOf('-----', footer + 8);
      return { endLine: i, end: close < 0 ? lines[i].length : close + 5 };
    }
    if (/^[A-Za-z0-9+/=]{16,}$/.test(text)) {
      body += text.length;
      last = i;
    } else if (text && body) break;
  }
  return body >= 64 ? { endLine: last, end: lines[last].length } : undefined;
}

function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isAsciiPunctuation(code: number): boolean {
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
}

/** Shannon entropy in bits per character. */
function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
