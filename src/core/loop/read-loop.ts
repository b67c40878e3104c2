import { inspectPlan, type PlanReport } from '../analyze';
import { folderWords } from '../document-name';
import type { TemplateSchema } from '../plan/model';
import { readOutline, type Outline } from '../plan/outline';
import { secretRedactor } from '../redaction';
import { openReviewFinding } from '../rules/open-review-finding';
import type { RuleConfig, Verdict } from '../types';
import { readAnswers, type Answer } from './answers';
import { raisedFindings, type RaisedFinding } from './raised';
import { baseName, isFinalName, kindByName, roundNumber, type RoundKind } from './rounds';
import { statusOfPhrase, type FindingStatus, type Severity } from './words';

// A review loop read from its folder's files (names and texts handed in): the rounds, the findings each review
// raises, the status the latest round naming a finding gives it, and the final plan's verdict on what is still open.

export interface LoopFile {
  /** As the host shows it (relative to the loop folder or to the current folder); its last segment is the file name. */
  path: string;
  text: string;
}

export interface LoopOptions {
  /** The folder as the host shows it (`docs/connectors/xero`, `.`), handed back in the reading. */
  folder?: string;
  /** The folder's own name (`xero`): the loop's name when no plan's title gives one; the last segment of `folder` by default. */
  folderName?: string;
  /** The team template the plans are written from; the built-in one by default. */
  schema?: TemplateSchema;
  /** The rule settings of the folder (`.connector-plan.json`, editor settings): `open-review-finding` decides what makes the final verdict NO-GO. */
  rules?: RuleConfig;
  /**
   * `.connector-plan.json` names the folder as a loop (`"loops"`): one numbered round, or a final plan alone, is
   * enough; by default a loop needs two numbered rounds, or a final beside one.
   */
  named?: boolean;
}

export interface LoopRound {
  path: string;
  /** The number of the `NN-` prefix; null for the final plan. */
  round: number | null;
  kind: RoundKind;
}

export interface LoopFinding {
  /** Normalized: `P1-2`, `F3`. With `raisedIn` it identifies the finding (a second review cycle numbers from 1 again). */
  id: string;
  severity: Severity;
  title: string;
  raisedIn: string;
  /** 1-based line of the heading, list item or table row that raises it. */
  line: number;
  status: FindingStatus;
  /** The round and 1-based line of the statement that set the status; null while no later round names it. */
  resolvedIn: string | null;
  resolvedLine: number | null;
}

export interface UnknownAnswer {
  path: string;
  /** 1-based. */
  line: number;
  id: string;
}

export type LoopStage = 'proposal' | 'in review' | 'revised' | 'final';

export interface ReviewLoop {
  isLoop: true;
  folder?: string;
  name: string;
  stage: LoopStage;
  rounds: LoopRound[];
  findings: LoopFinding[];
  /** Findings still open, partial or unclear, per severity. */
  open: Record<Severity, number>;
  /**
   * The plan of record (the final file, or the latest plan round when the final only points to it) and its review
   * gate: NO-GO while a finding whose `open-review-finding` severity is error stays open on it (P1 or P2 by default).
   */
  final: { path: string; verdict: Verdict } | null;
  /** Answers in a revision to an id no earlier review raised. */
  unknownAnswers: UnknownAnswer[];
}

export interface NotALoop {
  isLoop: false;
  folder?: string;
  /** `rounds`: fewer than two numbered rounds (and no final beside one); `kinds`: numbered files, none a proposal, plan, review or revision. */
  reason: 'rounds' | 'kinds';
}

export type LoopReading = ReviewLoop | NotALoop;

const LOOP_KINDS = new Set<RoundKind>(['proposal', 'plan', 'review', 'revision']);
const STAGES: Partial<Record<RoundKind, LoopStage>> = { proposal: 'proposal', plan: 'proposal', review: 'in review', revision: 'revised' };
const OPEN = new Set<FindingStatus>(['open', 'partial', 'unclear']);
const OPEN_REVIEW_FINDING = openReviewFinding.id;

interface Entry {
  file: LoopFile;
  name: string;
  number?: number;
}

/** Reads a folder's files as a review loop; `isLoop: false` for anything else (a numbered guide, a single plan). */
export function readLoop(files: readonly LoopFile[], options: LoopOptions = {}): LoopReading {
  const entries: Entry[] = [];
  for (const file of files) {
    const name = baseName(file.path);
    const number = roundNumber(name);
    if (number !== undefined || isFinalName(name)) entries.push({ file, name, number });
  }
  entries.sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const numbered = entries.filter((e) => e.number !== undefined).length;
  const finals = entries.length - numbered;
  const enough = options.named ? numbered + finals > 0 : numbered >= 2 || (numbered === 1 && finals > 0);
  if (!enough) return { isLoop: false, folder: options.folder, reason: 'rounds' };

  const reports = new Map<string, PlanReport>();
  const report = (file: LoopFile) => {
    let found = reports.get(file.path);
    if (!found) reports.set(file.path, (found = inspectPlan(file.text, { path: file.path, schema: options.schema }).report));
    return found;
  };

  const rounds: LoopRound[] = [];
  const findings: LoopFinding[] = [];
  /** The findings each review raised, by id, in round order: an answer's id belongs to the latest review before it that raised it. */
  const reviews: { index: number; byId: Map<string, LoopFinding> }[] = [];
  const setBy = new Map<LoopFinding, { index: number; clear: boolean }>();
  const unknownAnswers: UnknownAnswer[] = [];
  const unknownSeen = new Set<string>();

  entries.forEach((entry, index) => {
    const outline = readOutline(entry.file.text);
    let kind: RoundKind | undefined = entry.number === undefined ? 'final' : kindByName(entry.name);
    let raised: RaisedFinding[] = [];
    let answers: Answer[] = [];
    if (kind === 'review') raised = newFindings(outline);
    if (kind !== 'context') answers = readAnswers(outline, new Set(raised.map((r) => r.line)));
    // A round whose name says nothing: a plan, a revision (it answers earlier findings), a review (it raises some), or other.
    if (kind === undefined) {
      if (report(entry.file).kind === 'plan') kind = 'plan';
      else if (answers.some((a) => raisedBefore(reviews, index, a.id))) kind = 'revision';
      else if ((raised = newFindings(outline)).length) {
        kind = 'review';
        answers = readAnswers(outline, new Set(raised.map((r) => r.line)));
      } else kind = 'other';
    }
    rounds.push({ path: entry.file.path, round: entry.number ?? null, kind });

    for (const answer of answers) {
      const finding = raisedBefore(reviews, index, answer.id);
      if (!finding) {
        const key = `${index}:${answer.line}:${answer.id}`;
        if (kind === 'revision' && !unknownSeen.has(key)) {
          unknownSeen.add(key);
          unknownAnswers.push({ path: entry.file.path, line: answer.line + 1, id: answer.id });
        }
        continue;
      }
      const clear = answer.status !== 'unclear';
      const before = setBy.get(finding);
      // In one round, a status word wins over a word that is none (a table's `Fixed` over a later vague mention).
      if (before && before.index === index && before.clear && !clear) continue;
      setBy.set(finding, { index, clear });
      finding.status = answer.status;
      finding.resolvedIn = entry.file.path;
      finding.resolvedLine = answer.line + 1;
    }

    if (raised.length) {
      const byId = new Map<string, LoopFinding>();
      // A title quotes the review: a credential in it is shown as every output shows one.
      const redact = secretRedactor(outline.lines);
      for (const r of raised) {
        if (byId.has(r.id)) continue;
        const finding: LoopFinding = { id: r.id, severity: r.severity, title: redact(r.title), raisedIn: entry.file.path, line: r.line + 1, status: 'open', resolvedIn: null, resolvedLine: null };
        byId.set(r.id, finding);
        findings.push(finding);
      }
      reviews.push({ index, byId });
    }
  });

  if (!rounds.some((r) => (r.round !== null || options.named) && (LOOP_KINDS.has(r.kind) || (options.named && r.kind === 'final')))) return { isLoop: false, folder: options.folder, reason: 'kinds' };

  const open: Record<Severity, number> = { P1: 0, P2: 0, P3: 0 };
  for (const f of findings) if (OPEN.has(f.status)) open[f.severity]++;
  const finalRound = [...rounds].reverse().find((r) => r.kind === 'final');
  const latest = [...rounds].reverse().find((r) => LOOP_KINDS.has(r.kind));
  const stage: LoopStage = finalRound ? 'final' : STAGES[latest!.kind]!;
  const fileOf = (path: string) => entries.find((e) => e.file.path === path)!.file;

  let final: ReviewLoop['final'] = null;
  let record: LoopFile | undefined;
  if (finalRound) {
    record = fileOf(finalRound.path);
    // A final that is no plan of its own (a stub pointing to a round): the plan of record is the latest plan round.
    if (report(record).kind !== 'plan') {
      const plan = [...rounds].reverse().find((r) => r.kind === 'plan');
      if (plan) record = fileOf(plan.path);
    }
    final = { path: record.path, verdict: 'GO' };
  }
  const loop: ReviewLoop = { isLoop: true, folder: options.folder, name: loopName(rounds, record, fileOf, report, options.folderName ?? baseName(options.folder ?? '')), stage, rounds, findings, open, final, unknownAnswers };
  if (final && record) final.verdict = gateVerdict(loop, record, options);
  return loop;
}

/** What the plan of record's check says of the loop's findings: NO-GO while one of them is an error there (its suppression comments count). */
function gateVerdict(loop: ReviewLoop, record: LoopFile, options: LoopOptions): Verdict {
  const { findings } = inspectPlan(record.text, { path: record.path, schema: options.schema, rules: options.rules, loop: { reading: loop, path: record.path } }).report;
  return findings.some((f) => f.ruleId === OPEN_REVIEW_FINDING && f.severity === 'error') ? 'NO-GO' : 'GO';
}

/**
 * The file whose progress and verdict stand for the loop (its row in `status`): the plan of record, or before there
 * is a final plan, the latest plan or proposal round (the draft under review); undefined when there is none.
 */
export function loopRecordPath(loop: ReviewLoop): string | undefined {
  return loop.final?.path ?? [...loop.rounds].reverse().find((r) => r.kind === 'plan' || r.kind === 'proposal')?.path;
}

/** A review's findings, less the lines that only restate an earlier finding's status (`- **P1.1** — closed`). */
function newFindings(outline: Outline): RaisedFinding[] {
  return raisedFindings(outline).filter((r) => !(r.title.split(/\s+/).length <= 4 && statusOfPhrase(r.title)));
}

function raisedBefore(reviews: { index: number; byId: Map<string, LoopFinding> }[], index: number, id: string): LoopFinding | undefined {
  for (let i = reviews.length - 1; i >= 0; i--) {
    if (reviews[i].index >= index) continue;
    const found = reviews[i].byId.get(id);
    if (found) return found;
  }
  return undefined;
}

/** The connector's name as the plans' titles give it (the plan of record first, then the latest plan or proposal), else the folder's. */
function loopName(rounds: LoopRound[], record: LoopFile | undefined, fileOf: (path: string) => LoopFile, report: (file: LoopFile) => PlanReport, folder: string | undefined): string {
  const candidates = [...(record ? [record] : []), ...[...rounds].reverse().filter((r) => r.kind === 'plan' || r.kind === 'proposal').map((r) => fileOf(r.path))];
  for (const file of candidates) {
    const name = report(file).connectorName;
    if (name) return name;
  }
  return folderWords(folder ?? '');
}
