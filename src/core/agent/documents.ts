import type { PlanReport } from '../analyze';
import type { DocumentKind } from '../document-kind';
import { documentName } from '../document-name';
import type { LoopStage, ReviewLoop } from '../loop/read-loop';
import type { Severity as FindingSeverity } from '../loop/words';
import type { GoNoGoStatus, Range, SectionStatus, Severity, Verdict } from '../types';

// The CLI's stable JSON documents as plain data: `check --format json`, `status --format json`. The CLI prints them;
// the language-model tools and the MCP server hand the same objects to agents, so all three agree by construction.

/** 1-based lines and columns (columns count UTF-16 code units), as terminals, JSON and SARIF readers expect. */
export interface OneBasedRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function oneBased(range: Range): OneBasedRange {
  return {
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

export interface FileDocument {
  path: string;
  isPlan: boolean;
  /** `plan`, `template` (a copy of a template: not checked) or `other` (not checked). */
  kind: DocumentKind;
  /** What people call the plan (`Zendesk · 01 proposal`); null for a file that is not a plan. */
  name: string | null;
  /** The team template a plan was checked against (its path); null for the built-in template or a file that is not a plan. */
  template: string | null;
  findings: ({ ruleId: string; severity: Severity; message: string } & OneBasedRange)[];
  progress: {
    percent: number;
    sections: { id: string; title: string; filled: number; total: number; status: SectionStatus }[];
    goNoGo: Pick<GoNoGoStatus, 'checked' | 'total' | 'verdict'>;
  } | null;
}

/** One file of `check --format json` (fixes are left out on purpose). */
export function fileDocument(path: string, report: PlanReport): FileDocument {
  return {
    path,
    isPlan: report.isPlan,
    kind: kindOf(report),
    name: report.isPlan ? nameOf(path, report) : null,
    template: report.isPlan ? (report.template ?? null) : null,
    findings: report.findings.map((finding) => ({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      ...oneBased(finding.range),
    })),
    progress: report.isPlan && report.progress
      ? {
          percent: report.progress.percent,
          sections: report.progress.sections.map(({ id, title, filled, total, status }) => ({ id, title, filled, total, status })),
          goNoGo: {
            checked: report.progress.goNoGo.checked,
            total: report.progress.goNoGo.total,
            verdict: report.progress.goNoGo.verdict,
          },
        }
      : null,
  };
}

/** What the report says the file is; a report made before kinds existed says it by `isPlan`. */
export function kindOf(report: PlanReport): DocumentKind {
  return report.kind ?? (report.isPlan ? 'plan' : 'other');
}

function nameOf(path: string, report: PlanReport): string {
  return report.name ?? documentName(report.connectorName, path) ?? path;
}

export interface PlanStatus {
  path: string;
  /** The name the title gives, else the folder's for a generic file name, with the file's role; else the file name. */
  name: string;
  percent: number;
  goNoGo: { checked: number; total: number; verdict: Verdict };
  /** On the row of a review loop (whose rounds get no rows of their own): its folder, stage and open findings per severity. */
  loop?: { folder: string; stage: LoopStage; open: Record<FindingSeverity, number> };
}

/** One row of `status`; a file that is not a plan has none. */
export function planStatus(path: string, report: PlanReport): PlanStatus | undefined {
  if (!report.isPlan) return undefined;
  return {
    path,
    name: nameOf(path, report),
    percent: report.progress?.percent ?? 0,
    goNoGo: {
      checked: report.progress?.goNoGo.checked ?? 0,
      total: report.progress?.goNoGo.total ?? 0,
      verdict: report.progress?.goNoGo.verdict ?? 'NO-GO',
    },
  };
}

/**
 * The one row of `status` for a review loop, named after it: the progress and verdict of `record`, the check of the
 * file loopRecordPath names (the plan of record, with the loop's findings in it). Before there is a final plan the
 * row shows the latest draft's progress and is NO-GO: nothing is approved yet.
 */
export function loopStatus(loop: ReviewLoop, record?: { path: string; report: PlanReport }): PlanStatus {
  const row = record && planStatus(record.path, record.report);
  const folder = loop.folder ?? '.';
  return {
    path: record?.path ?? folder,
    name: loop.name,
    percent: row?.percent ?? 0,
    goNoGo: { checked: row?.goNoGo.checked ?? 0, total: row?.goNoGo.total ?? 0, verdict: loop.final && row ? row.goNoGo.verdict : 'NO-GO' },
    loop: { folder, stage: loop.stage, open: { ...loop.open } },
  };
}

/** The `loop --format json` document (and MCP `review_status`'s): the reading's fields in a fixed order. */
export function loopDocument(loop: ReviewLoop) {
  const { folder, name, stage, rounds, findings, open, final, unknownAnswers } = loop;
  return { folder, name, stage, rounds, findings, open, final, unknownAnswers };
}
