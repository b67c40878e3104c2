import { splitTableRow } from '../markdown/inline';
import { readStatus, statusColumn } from '../plan/checklist';
import type { Field, PlanModel } from '../plan/model';
import { templateFields } from '../rules/rule';
import type { Range } from '../types';
import { isEnvName } from './repository';

// What a plan names in its repository: paths (in code spans, link targets and table cells), patterns of paths
// (`<timestamp>_x.sql`, `{connector}/…`, `*.sql`) and env var names where the plan lists env vars. Each one says
// whether the plan claims it exists (a file inventory, a delivery log, a "files created" list, the owner's
// migration list, a phase or wave marked done, a table row whose status says done) or only mentions it (a phase not
// done yet names files to create, a line says the file is still to be created or was deleted).

export type ReferenceKind = 'path' | 'pattern' | 'env';

export interface PlanReference {
  kind: ReferenceKind;
  /** As written (a path without its `./`, a link target without its `#anchor`). */
  text: string;
  /** Where it is written (0-based), exactly its text: what a quick fix replaces. */
  range: Range;
  /** The plan says it exists: a path that matches nothing is a finding. Env vars in the owner's setup always are. */
  claim: boolean;
  /** A link target or a path written `./`, `../`: read from the plan's folder first. */
  relative: boolean;
  /** Written in the owner setup's env field (a variable it lists, or a file such as `.env.example` it points to). */
  setupEnv?: true;
}

/** Labels and headings of lists that say files exist. */
const INVENTORY = /\b(?:file inventory|files? (?:created|modified|changed|added|touched|delivered)|delivery log|created files|modified files|changed files)\b/i;
const MIGRATIONS = /\bmigrations?\b/i;
const ENV_VARS = /\b(?:env(?:ironment)?(?: vars?| variables?)?|secrets?)\b/i;
/** Fenced code whose lines are env assignments, not a language's constants. */
const ENV_FENCES = new Set(['', 'env', 'dotenv', 'bash', 'sh', 'shell', 'zsh', 'ini', 'properties', 'text', 'txt', 'conf']);
/**
 * A line that says its files do not exist (yet): still to be created (`Phase 3 will create …`, `(to be created)`,
 * `not yet written`), or gone (`(deleted)`, `removed`, `renamed from`). Its paths are no claims, whatever list or
 * phase holds the line.
 */
const NOT_THERE = /\b(?:will (?:be )?(?:create|created|add|added|write|written|introduce|introduced)|(?:to be|yet to be|still to be) (?:created|added|written|introduced)|not (?:yet )?(?:created|added|written|committed)|(?:deleted|removed|renamed from)\b)/i;

/** The owner setup's fields that list env vars (the secrets/env field), once the plan says work is delivered; none before. */
export function setupEnvFields(plan: PlanModel): Field[] {
  return setupFields(plan).filter((f) => !MIGRATIONS.test(f.template?.label ?? f.label) && ENV_VARS.test(f.template?.label ?? f.label));
}

/** The setup's fields that hold claims or env vars, once a phase or wave is marked done (before that, they list what the work will create). */
function setupFields(plan: PlanModel): Field[] {
  const delivering = plan.sections.some((s) => s.subsections.some((sub) => sub.kind && sub.heading.status === 'complete'));
  return delivering ? templateFields(plan, { includeSetAside: true }).map((p) => p.field) : [];
}

export function extractReferences(plan: PlanModel): PlanReference[] {
  const lines = plan.lines;
  const claim = new Uint8Array(lines.length);
  const envLine = new Uint8Array(lines.length);
  const fence = fencedLines(lines);
  const valueStarts = new Map<number, number>();

  // The owner's setup: a migration list claims its files and the secrets/env field lists env vars, once the plan
  // says work is delivered (a phase or wave marked done); before that they are what the work will create.
  for (const field of setupFields(plan)) {
    const label = field.template?.label ?? field.label;
    if (MIGRATIONS.test(label)) claim.fill(1, field.startLine, Math.max(field.startLine + 1, field.endLine));
    else if (ENV_VARS.test(label)) {
      envLine.fill(1, field.startLine, Math.max(field.startLine + 1, field.endLine));
      valueStarts.set(field.line, field.valueRange.start.character);
    }
  }
  // Inventories and "files created" lists: a heading's lines up to the next heading as high, a label's nested lines.
  markInventories(lines, fence, claim);
  // A phase or wave that is done claims what it names; one not done names files still to create.
  for (const section of plan.sections) {
    for (const sub of section.subsections) {
      if (!sub.kind) continue;
      claim.fill(sub.heading.status === 'complete' ? 1 : 0, sub.startLine, sub.endLine);
    }
  }
  // A row of a table with a status column claims its paths when its status says done, and only then.
  markTableRows(lines, fence, claim);

  const out: PlanReference[] = [];
  const seen = new Set<string>();
  const add = (ref: PlanReference) => {
    const key = `${ref.range.start.line}:${ref.range.start.character}`;
    if (!seen.has(key) && seen.add(key)) out.push(ref);
  };
  for (let line = 0; line < lines.length; line++) {
    const text = lines[line];
    const start = valueStarts.get(line) ?? 0;
    if (fence[line]) {
      if (envLine[line] && fence[line] === 2) envAssignment(text, line, add);
      continue;
    }
    const table = /^\s*\|/.test(text);
    const claimed = Boolean(claim[line]) && !NOT_THERE.test(text);
    for (const span of candidates(text, table)) {
      if (span.start < start) continue;
      const range = { start: { line, character: span.start }, end: { line, character: span.start + span.text.length } };
      if (envLine[line]) {
        const name = envNameOf(span.text);
        if (name) {
          add({ kind: 'env', text: name, range: { start: range.start, end: { line, character: span.start + name.length } }, claim: true, relative: false, setupEnv: true });
          continue;
        }
      }
      const path = pathOf(span.text, span.link);
      // A file the env field names (`copy .env.example`) is no claim: what it lists counts as listed (env-var-unlisted).
      if (path) add({ kind: /[<>{}*]|…|\.\.\.(?!\/)/.test(path.text) ? 'pattern' : 'path', text: path.text, range: { start: { line, character: span.start + path.offset }, end: { line, character: span.start + path.offset + path.text.length } }, claim: claimed && !envLine[line], relative: span.link || /^\.\.?\//.test(path.text), ...(envLine[line] ? { setupEnv: true as const } : {}) });
    }
    // A bare env var name opening a list item of the env field (`- SLACK_BOT_TOKEN — the bot's token`).
    if (envLine[line]) {
      const bare = /^(\s*(?:[-*+]|\d+[.)])\s+)([A-Z][A-Z0-9_]*)/.exec(text);
      if (bare && bare[1].length >= start && isEnvName(bare[2])) add({ kind: 'env', text: bare[2], range: { start: { line, character: bare[1].length }, end: { line, character: bare[1].length + bare[2].length } }, claim: true, relative: false, setupEnv: true });
    }
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Marks the lines of each inventory: under a heading that names one, up to the next heading as high; under a label, its nested lines. */
function markInventories(lines: string[], fence: Uint8Array, claim: Uint8Array): void {
  let heading: number | undefined;
  let item: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    if (fence[i]) {
      if (heading !== undefined || item !== undefined) claim[i] = 1;
      continue;
    }
    const text = lines[i];
    const h = /^ {0,3}(#{1,6})[ \t]/.exec(text);
    if (h) {
      item = undefined;
      if (heading !== undefined && h[1].length <= heading) heading = undefined;
      if (heading === undefined && INVENTORY.test(text)) heading = h[1].length;
      if (heading !== undefined) claim[i] = 1;
      continue;
    }
    const indent = text.length - text.trimStart().length;
    if (item !== undefined && text.trim() && indent <= item) item = undefined;
    if (item === undefined && INVENTORY.test(text) && /^\s*(?:(?:[-*+]|\d+[.)])\s+)?(?:\*\*|__)?[^:]{0,60}:/.test(text) && INVENTORY.test(text.slice(0, text.indexOf(':') + 1))) item = indent;
    if (heading !== undefined || item !== undefined) claim[i] = 1;
  }
}

/**
 * Marks the rows of each table with a status column (read as go/no-go tables are: `✅ Done`, `⏳ Pending`): a row
 * whose status says done claims what it names, any other row does not, whatever list or phase holds the table.
 */
function markTableRows(lines: string[], fence: Uint8Array, claim: Uint8Array): void {
  const isRow = (i: number) => i < lines.length && !fence[i] && /^\s*\|/.test(lines[i]);
  for (let i = 0; i < lines.length; i++) {
    if (!isRow(i) || !isRow(i + 1) || !/^[\s|:-]+$/.test(lines[i + 1]) || !lines[i + 1].includes('-')) continue;
    let end = i + 2;
    while (isRow(end)) end++;
    const header = splitTableRow(lines[i]).map((cell) => cell.text);
    const body: string[][] = [];
    for (let row = i + 2; row < end; row++) body.push(splitTableRow(lines[row]).map((cell) => cell.text));
    const column = statusColumn(header, body);
    if (column >= 0) for (let row = i + 2; row < end; row++) claim[row] = readStatus(body[row - i - 2][column] ?? '')?.done ? 1 : 0;
    i = end - 1;
  }
}

/** 1 for a fence line, 2 for a line inside fenced code whose language may hold env assignments, 3 for other code. */
function fencedLines(lines: string[]): Uint8Array {
  const out = new Uint8Array(lines.length);
  let open: { char: string; size: number; kind: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*(?:(?:[-*+]|\d+[.)])\s+)?(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i]);
    if (open) {
      out[i] = m && m[1][0] === open.char && m[1].length >= open.size && !m[2] ? 1 : open.kind;
      if (out[i] === 1) open = undefined;
    } else if (m) {
      out[i] = 1;
      open = { char: m[1][0], size: m[1].length, kind: ENV_FENCES.has(m[2].toLowerCase()) ? 2 : 3 };
    }
  }
  return out;
}

/** `NAME=value` or `export NAME=value` in fenced code of the env field. */
function envAssignment(text: string, line: number, add: (ref: PlanReference) => void): void {
  const m = /^(\s*(?:export\s+)?)([A-Z][A-Z0-9_]*)\s*=/.exec(text);
  if (m && isEnvName(m[2])) add({ kind: 'env', text: m[2], range: { start: { line, character: m[1].length }, end: { line, character: m[1].length + m[2].length } }, claim: true, relative: false, setupEnv: true });
}

/** An env var a code span or cell names: `NAME` or `NAME=value`. */
function envNameOf(text: string): string | undefined {
  const m = /^([A-Z][A-Z0-9_]*)(?:=|$)/.exec(text);
  return m && isEnvName(m[1]) ? m[1] : undefined;
}

interface Span {
  text: string;
  start: number;
  link: boolean;
}

/** Code spans, link targets and (in a table row) bare cells: each a place a path may be written. */
function candidates(text: string, table: boolean): Span[] {
  const out: Span[] = [];
  // Code spans: a run of backticks up to the same run (markdown's rule, one pass).
  let i = 0;
  const code: [number, number][] = [];
  while (i < text.length) {
    const at = text.indexOf('`', i);
    if (at < 0) break;
    let run = at;
    while (text[run] === '`') run++;
    const ticks = text.slice(at, run);
    const close = text.indexOf(ticks, run);
    if (close < 0) {
      i = run;
      continue;
    }
    const inner = text.slice(run, close);
    const trimmed = inner.trim();
    out.push({ text: trimmed, start: run + inner.indexOf(trimmed), link: false });
    code.push([at, close + ticks.length]);
    i = close + ticks.length;
  }
  const inCode = (pos: number) => code.some(([a, b]) => pos >= a && pos < b);
  // Link targets: `](target)`.
  for (let at = text.indexOf(']('); at >= 0; at = text.indexOf('](', at + 2)) {
    if (inCode(at)) continue;
    const end = text.indexOf(')', at + 2);
    if (end < 0) break;
    const target = text.slice(at + 2, end).trim().split(/\s/)[0];
    out.push({ text: target, start: text.indexOf(target, at + 2), link: true });
  }
  if (table) {
    let pos = text.indexOf('|');
    while (pos >= 0) {
      const next = text.indexOf('|', pos + 1);
      if (next < 0) break;
      const cell = text.slice(pos + 1, next);
      const trimmed = cell.trim();
      if (trimmed && !/[`\s[\]()]/.test(trimmed)) out.push({ text: trimmed, start: pos + 1 + cell.indexOf(trimmed), link: false });
      pos = next;
    }
  }
  return out;
}

/** Words that look like file names but are hosts (`api.slack.com`), or abbreviations. */
const NOT_EXTENSIONS = new Set(['com', 'org', 'net', 'io', 'dev', 'app', 'ai', 'co', 'us', 'eu', 'uk', 'de', 'g', 'e', 'i', 'etc', 'example']);
/** A bare name (no folder) is a file only with one of these extensions: `user.id` or `team.key` is a field. */
const FILE_EXTENSIONS = new Set('ts tsx js jsx mjs cjs mts cts json jsonc sql md mdx yml yaml toml py rb go rs java kt kts swift sh bash zsh ps1 css scss sass less html htm vue svelte astro php cs fs c h cc cpp hpp m xml ini conf cfg env txt csv tsv prisma graphql gql proto tf hcl lock dockerfile gradle properties plist ex exs erl dart scala clj lua r sol ipynb'.split(' '));

/** A dotenv file's name: `.env`, `.env.example`, `.env.local`. */
export const DOTENV = /^\.env(?:\.[A-Za-z0-9_-]+)*$/;

/** The path a written span stands for, or undefined for a URL, a scope, a command, a word. */
export function pathOf(text: string, link: boolean): { text: string; offset: number } | undefined {
  let value = text;
  let offset = 0;
  if (link) {
    const hash = value.indexOf('#');
    if (hash >= 0) value = value.slice(0, hash);
    const query = value.indexOf('?');
    if (query >= 0) value = value.slice(0, query);
  }
  if (!value || value.length > 300 || /\s/.test(value) || value.includes(':') || value.startsWith('//') || value.startsWith('@')) return undefined;
  if (value.startsWith('./')) {
    value = value.slice(2);
    offset = 2;
  }
  if (/^[-=$%#&!|]/.test(value) || value.includes('=') || /[",;'\\]/.test(value)) return undefined;
  // A template placeholder (`{DB/app}`, `<owner / team>`) is no pattern: a wildcard stands for one name part.
  if (/[<{][^<>{}]*\//.test(value)) return undefined;
  const withoutSlash = value.endsWith('/') ? value.slice(0, -1) : value;
  const name = withoutSlash.slice(withoutSlash.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1) : '';
  const hasExtension = /^[A-Za-z][A-Za-z0-9]{0,7}$/.test(ext) && !NOT_EXTENSIONS.has(ext.toLowerCase());
  const slash = withoutSlash.includes('/');
  // A bare word is a file only with an extension (or a dotenv file: `.env.example`); a path needs a folder and a name
  // that is a file or a folder.
  if (!slash && !(hasExtension && FILE_EXTENSIONS.has(ext.toLowerCase())) && !DOTENV.test(name)) return undefined;
  if (slash && !hasExtension && !value.endsWith('/') && !/[<>{}*]|…/.test(value)) {
    // `src/lib/slack` may be a folder; `read/write` or `A/B` is a word pair: a folder path is lower case with no dots.
    if (!/^\.{0,2}\/?[a-z0-9_-]+(?:\/[a-z0-9_.-]+)+$/.test(withoutSlash)) return undefined;
  }
  // A host with a path (`api.slack.com/apps`) is a URL without its scheme.
  if (slash && /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|dev|app|ai|co)(?:\/|$)/i.test(value)) return undefined;
  return { text: value, offset };
}
