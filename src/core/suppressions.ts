import type { Directive } from './plan/model';
import type { Finding } from './types';

/** Drops findings switched off by `<!-- connector-plan-disable… -->` comments, markdownlint-style. */
export function applySuppressions(findings: Finding[], directives: Directive[]): Finding[] {
  if (!directives.length) return findings;
  const sorted = [...directives].sort((a, b) => a.line - b.line);
  // One sweep down the document: the last disable/enable so far for every rule, and the line directives by line.
  const order = findings.map((_, i) => i).sort((a, b) => findings[a].range.start.line - findings[b].range.start.line);
  const off = new Uint8Array(findings.length);
  const lastForAll: { kind?: Directive['kind']; at: number } = { at: -1 };
  const lastFor = new Map<string, { kind: Directive['kind']; at: number }>();
  const lineRules = new Map<number, Directive[]>();
  for (const d of sorted) {
    const line = d.kind === 'disable-line' ? d.line : d.kind === 'disable-next-line' ? d.line + 1 : -1;
    if (line < 0) continue;
    const onLine = lineRules.get(line);
    if (onLine) onLine.push(d);
    else lineRules.set(line, [d]);
  }
  let next = 0;
  for (const i of order) {
    const finding = findings[i];
    const line = finding.range.start.line;
    for (; next < sorted.length && sorted[next].line <= line; next++) {
      const d = sorted[next];
      if (d.kind !== 'disable' && d.kind !== 'enable') continue;
      if (!d.rules.length) Object.assign(lastForAll, { kind: d.kind, at: next });
      for (const rule of new Set(d.rules)) lastFor.set(rule, { kind: d.kind, at: next });
    }
    const own = lastFor.get(finding.ruleId);
    const last = own && own.at > lastForAll.at ? own : lastForAll;
    const applies = (d: Directive) => !d.rules.length || d.rules.includes(finding.ruleId);
    off[i] = last.kind === 'disable' || (lineRules.get(line) ?? []).some(applies) ? 1 : 0;
  }
  return findings.filter((_, i) => !off[i]);
}
