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
    messages.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, more than --max-warnings ${options.maxWarnings} allows`);
  }
  if (options.requireGo) {
    const plans = files.filter((file) => file.report.isPlan);
    if (plans.length === 0) messages.push('--require-go: no connector plans were checked');
    for (const { path, report } of plans) {
      const goNoGo = report.progress?.goNoGo;
      if (goNoGo?.verdict === 'GO') continue;
      const reasons = goNoGo && goNoGo.reasons.length > 0 ? `: ${goNoGo.reasons.join('; ')}` : '';
      messages.push(`${path} is NO-GO (${goNoGo?.checked ?? 0}/${goNoGo?.total ?? 0} go/no-go items checked)${reasons}`);
    }
  }
  return { failed: errors > 0 || messages.length > 0, messages };
}
