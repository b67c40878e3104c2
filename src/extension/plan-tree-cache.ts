// What the Plans view keeps between sessions (workspace state): each row as it showed it, so that after a reload the
// view lists its rows at once, before any file is read; the scan then puts each file's real analysis in its place.
// Only what a row shows is kept: names (the core hands them out redacted, as the view shows them), numbers, counts.
// Never a plan's text, never a finding's message. No `vscode` import: the view hands in plain data, unit tests too.
import type { FindingSeverity, LoopStage, Severity, Verdict } from '../core';

/** A file's modification time and size, as `workspace.fs.stat` gives them. */
export interface FileStamp {
  mtime: number;
  size: number;
}

/** A plan's row: its name, progress and verdict; its findings per severity (the icon); why it is NO-GO besides unchecked items (the tooltip). */
export interface CachedPlanRow {
  kind: 'plan';
  /** The plan's URI. */
  uri: string;
  /** Its file when the row was shown; none when an editor held unsaved changes. */
  stamp?: FileStamp;
  name: string;
  percent: number;
  verdict: Verdict;
  checked: number;
  total: number;
  findings: Record<Severity, number>;
  /** `2 errors remain (empty-field)`: what the tooltip says besides the unchecked items (rule ids, no plan text). */
  reasons: string[];
}

/** A copy of a template: listed, never checked. */
export interface CachedTemplateRow {
  kind: 'template';
  uri: string;
  stamp?: FileStamp;
  name: string;
  /** Settings or `.connector-plan.json` name it as a template. */
  configured: boolean;
}

/** A review loop's row, as `connector-plan status` shows the loop. */
export interface CachedLoopRow {
  kind: 'loop';
  /** The loop's folder URI. */
  uri: string;
  /** The file whose reading gives the loop: its plan of record, else its first round. */
  file: string;
  stamp?: FileStamp;
  /** The plan of record's URI, or the latest draft's, as the loop's reading names it (a click on the row opens it). */
  record?: string;
  /** The record was read as a plan (the tooltip gives its progress); not a proposal in prose, not a final stub. */
  recordIsPlan: boolean;
  name: string;
  /** The folder as the tooltip shows it. */
  folder: string;
  stage: LoopStage;
  /** The loop has a final plan. */
  final: boolean;
  rounds: number;
  percent: number;
  verdict: Verdict;
  checked: number;
  total: number;
  open: Record<FindingSeverity, number>;
  /** The plan of record's findings per severity (an error makes the icon red). */
  findings: Record<Severity, number>;
}

export type CachedRow = CachedPlanRow | CachedTemplateRow | CachedLoopRow;

/** A file the rows depend on (`.connector-plan.json`, a team template) and its stamp then; null when it was missing. */
export interface Dependency {
  uri: string;
  stamp: FileStamp | null;
}

/** What workspace state holds. `key` names the extension version and the settings the rows were read with. */
export interface StoredRows {
  format: typeof FORMAT;
  key: string;
  deps: Dependency[];
  rows: CachedRow[];
}

const FORMAT = 1;

/** At most this many rows, this many characters of JSON in all, each name this long, so workspace state stays small. */
export const ROW_LIMITS = { rows: 2_000, bytes: 512 * 1024, text: 300, uri: 2_048, reasons: 4, deps: 200 };

/** The rows to store: each one checked and its texts shortened, the first ones that fit the limits (the view's order). */
export function storedRows(key: string, deps: readonly Dependency[], rows: readonly CachedRow[], limits = ROW_LIMITS): StoredRows {
  const kept: CachedRow[] = [];
  let bytes = 0;
  for (const row of rows) {
    if (kept.length >= limits.rows) break;
    const clean = cleanRow(row, limits);
    if (!clean) continue;
    bytes += JSON.stringify(clean).length;
    if (bytes > limits.bytes) break;
    kept.push(clean);
  }
  const cleanDeps = deps.flatMap((d) => cleanDependency(d, limits) ?? []);
  // Rows whose dependencies are not all named could not be confirmed next time: none are stored.
  return cleanDeps.length > limits.deps ? { format: FORMAT, key, deps: [], rows: [] } : { format: FORMAT, key, deps: cleanDeps, rows: kept };
}

/**
 * The rows workspace state holds, if they were stored under `key` (same extension version, same settings); whatever
 * is malformed is left out. Dependencies over the limit make the rows unusable: they could not be confirmed.
 */
export function readStoredRows(value: unknown, key: string, limits = ROW_LIMITS): { rows: CachedRow[]; deps: Dependency[] } | undefined {
  if (!isRecord(value) || value.format !== FORMAT || value.key !== key || !Array.isArray(value.rows) || !Array.isArray(value.deps)) return undefined;
  if (value.deps.length > limits.deps) return undefined;
  const deps: Dependency[] = [];
  for (const dep of value.deps) {
    const clean = cleanDependency(dep, limits);
    if (!clean) return undefined;
    deps.push(clean);
  }
  const rows: CachedRow[] = [];
  for (const row of value.rows.slice(0, limits.rows)) {
    const clean = cleanRow(row, limits);
    if (clean) rows.push(clean);
  }
  return { rows, deps };
}

/** `0.4.0:1f3a…`: the extension version and a hash of what else decides the rows (settings, language, trust, folders). */
export function rowsKey(version: string, settings: unknown): string {
  return `${version}:${hash(JSON.stringify(settings) ?? '')}`;
}

/** Whether two stamps say the same file (both missing counts as the same). */
export function sameStamp(a: FileStamp | null | undefined, b: FileStamp | null | undefined): boolean {
  return !a || !b ? !a && !b : a.mtime === b.mtime && a.size === b.size;
}

/** Whether the files the rows depended on are as they were: each stored one unchanged, and none of `now` new. */
export function sameDependencies(stored: readonly Dependency[], now: readonly Dependency[]): boolean {
  const before = new Map(stored.map((d) => [d.uri, d.stamp]));
  return now.every((d) => before.has(d.uri) && sameStamp(before.get(d.uri), d.stamp));
}

/** The file a row's stamp is of: the plan, or the file the loop is read from. */
export function stampedFile(row: CachedRow): string {
  return row.kind === 'loop' ? row.file : row.uri;
}

function cleanRow(row: unknown, limits: typeof ROW_LIMITS): CachedRow | undefined {
  if (!isRecord(row) || !isUri(row.uri, limits) || !isText(row.name)) return undefined;
  const stamp = row.stamp === undefined ? undefined : cleanStamp(row.stamp);
  if (stamp === null) return undefined;
  const base = { uri: row.uri, ...(stamp ? { stamp } : {}), name: shortened(row.name, limits.text) };
  switch (row.kind) {
    case 'template':
      return typeof row.configured === 'boolean' ? { kind: 'template', ...base, configured: row.configured } : undefined;
    case 'plan': {
      const progress = cleanProgress(row);
      const findings = cleanCounts(row.findings, SEVERITIES);
      if (!progress || !findings || !Array.isArray(row.reasons) || !row.reasons.every(isText)) return undefined;
      const reasons = row.reasons.slice(0, limits.reasons).map((r: string) => shortened(r, limits.text));
      return { kind: 'plan', ...base, ...progress, findings, reasons };
    }
    case 'loop': {
      const progress = cleanProgress(row);
      const open = cleanCounts(row.open, LOOP_SEVERITIES);
      const findings = cleanCounts(row.findings, SEVERITIES);
      const record = row.record === undefined || isUri(row.record, limits) ? (row.record as string | undefined) : null;
      if (!progress || !open || !findings || record === null || !isUri(row.file, limits) || !isText(row.folder) || !STAGES.has(row.stage as LoopStage)) return undefined;
      if (typeof row.final !== 'boolean' || typeof row.recordIsPlan !== 'boolean' || !isCount(row.rounds)) return undefined;
      return {
        kind: 'loop',
        ...base,
        file: row.file,
        ...(record ? { record } : {}),
        recordIsPlan: row.recordIsPlan,
        folder: shortened(row.folder, limits.text),
        stage: row.stage as LoopStage,
        final: row.final,
        rounds: row.rounds,
        ...progress,
        open,
        findings,
      };
    }
    default:
      return undefined;
  }
}

function cleanProgress(row: Record<string, unknown>): { percent: number; verdict: Verdict; checked: number; total: number } | undefined {
  const { percent, verdict, checked, total } = row;
  if (!isCount(percent) || percent > 100 || (verdict !== 'GO' && verdict !== 'NO-GO') || !isCount(checked) || !isCount(total) || checked > total) return undefined;
  return { percent, verdict, checked, total };
}

function cleanCounts<K extends string>(value: unknown, keys: readonly K[]): Record<K, number> | undefined {
  if (!isRecord(value)) return undefined;
  const counts = {} as Record<K, number>;
  for (const key of keys) {
    const count = value[key];
    if (!isCount(count)) return undefined;
    counts[key] = count;
  }
  return counts;
}

function cleanStamp(value: unknown): FileStamp | null {
  if (!isRecord(value) || !isTime(value.mtime) || !isCount(value.size)) return null;
  return { mtime: value.mtime, size: value.size };
}

function cleanDependency(value: unknown, limits: typeof ROW_LIMITS): Dependency | undefined {
  if (!isRecord(value) || !isUri(value.uri, limits)) return undefined;
  const stamp = value.stamp === null ? null : cleanStamp(value.stamp);
  if (stamp === null && value.stamp !== null) return undefined;
  return { uri: value.uri, stamp };
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const LOOP_SEVERITIES: readonly FindingSeverity[] = ['P1', 'P2', 'P3'];
const STAGES = new Set<LoopStage>(['proposal', 'in review', 'revised', 'final']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string';
}

/** A URI is kept whole or not at all: a shortened one would name another file. */
function isUri(value: unknown, limits: typeof ROW_LIMITS): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= limits.uri;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** A modification time: some file systems give fractions of a millisecond. */
function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function shortened(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** cyrb53: a 53-bit string hash, enough to tell settings apart (a collision would only show rows the scan replaces). */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
