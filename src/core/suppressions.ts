import type { Directive } from './plan/model';
import type { Finding } from './types';

/** Drops findings switched off by `<!-- connector-plan-disable… -->` comments, markdownlint-style. */
export function applySuppressions(findings: Finding[], directives: Directive[]): Finding[] {
  if (!directives.length) return findings;
  const sorted = [...directives].sort((a, b) => a.line - b.line);
  return findings.filter((finding) => {
    const line = finding.range.start.line;
    let disabled = false;
    const applies = (d: Directive) => !d.rules.length || d.rules.includes(finding.ruleId);
    for (const d of sorted) {
      if (d.line > line) break;
      if (!applies(d)) continue;
      if (d.kind === 'disable') disabled = true;
      else if (d.kind === 'enable') disabled = false;
    }
    if (disabled) return false;
    return !sorted.some((d) => applies(d) && ((d.kind === 'disable-line' && d.line === line) || (d.kind === 'disable-next-line' && d.line + 1 === line)));
  });
}
