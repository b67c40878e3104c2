import type { CheckedFile } from '../analyze-inputs';
import { oneBased } from './positions';

/** The stable `--format json` document (documented in the README); fixes are left out on purpose. */
export function formatJson(files: CheckedFile[]): string {
  const document = {
    files: files.map(({ path, report }) => ({
      path,
      isPlan: report.isPlan,
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
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
