import type { Finding, PlanProgress, PlanReport, Severity } from '../../../src/core';
import type { CheckedFile } from '../../../src/cli/analyze-inputs';

/** A finding at 0-based [line, character] .. [endLine, endCharacter]. */
export function finding(ruleId: string, severity: Severity, at: [number, number, number, number], message = `${ruleId} says so`): Finding {
  const [line, character, endLine, endCharacter] = at;
  return { ruleId, severity, message, range: { start: { line, character }, end: { line: endLine, character: endCharacter } } };
}

export function progress(percent: number, checked: number, total: number, reasons: string[] = []): PlanProgress {
  return {
    percent,
    sections: [
      { id: 'A', title: 'Business Goal', filled: 3, total: 3, status: 'complete', missing: [] },
      { id: 'B', title: 'Source Model', filled: 1, total: 4, status: 'partial', missing: ['Success in the next 2-4 weeks'] },
    ],
    goNoGo: { checked, total, verdict: checked === total && reasons.length === 0 ? 'GO' : 'NO-GO', reasons, reasonKinds: reasons.map((r) => (/unchecked/.test(r) ? 'unchecked' : 'errors')) },
  };
}

export function plan(path: string, findings: Finding[], planProgress = progress(50, 2, 5, ['3 go/no-go items unchecked']), connectorName?: string): CheckedFile {
  const report: PlanReport = { isPlan: true, title: connectorName && `${connectorName} Connector Rollout Plan`, connectorName, findings, progress: planProgress };
  return { path, report };
}

export function notAPlan(path: string): CheckedFile {
  return { path, report: { isPlan: false, findings: [] } };
}
