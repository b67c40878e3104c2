import * as l10n from '@vscode/l10n';
import type { CheckedFile } from '../analyze-inputs';

export interface GateOptions {
  maxWarnings?: number;
  requireGo: boolean;
}

export interface GateResult {
  failed: boolean;
  /** Why it failed, beyond the errors already listed in the output. */
  messages: string[];
}

/** Exit 1 when errors remain, warnings exceed --max-warnings, or (with --require-go) a plan is not GO. Info never fails. */
export function evaluateGate(files: CheckedFile[], options: GateOptions): GateResult {
  const findings = files.flatMap((file) => file.report.findings);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  const messages: string[] = [];
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    messages.push(warnings === 1 ? l10n.t('1 warning, more than --max-warnings {0} allows', options.maxWarnings) : l10n.t('{0} warnings, more than --max-warnings {1} allows', warnings, options.maxWarnings));
  }
  if (options.requireGo) {
    const plans = files.filter((file) => file.report.isPlan);
    if (plans.length === 0) messages.push(l10n.t('--require-go: no connector plans were checked'));
    for (const { path, report } of plans) {
      const goNoGo = report.progress?.goNoGo;
      if (goNoGo?.verdict === 'GO') continue;
      const [checked, total] = [goNoGo?.checked ?? 0, goNoGo?.total ?? 0];
      messages.push(goNoGo && goNoGo.reasons.length > 0
        ? l10n.t('{0} is NO-GO ({1}/{2} go/no-go items checked): {3}', path, checked, total, goNoGo.reasons.join('; '))
        : l10n.t('{0} is NO-GO ({1}/{2} go/no-go items checked)', path, checked, total));
    }
  }
  return { failed: errors > 0 || messages.length > 0, messages };
}
