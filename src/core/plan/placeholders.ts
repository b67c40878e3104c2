import { maskCode } from '../markdown/inline';
import type { PlanModel } from './model';

export interface PlaceholderHit {
  line: number;
  start: number;
  end: number;
  inner: string;
}

const PLACEHOLDER = /(?<![$\{])\{([^{}\n"]{1,80})\}(?!\})/g;

/** Template placeholders `{…}` left in prose: outside code, HTML and extra sections. */
export function findPlaceholders(plan: PlanModel): PlaceholderHit[] {
  const hits: PlaceholderHit[] = [];
  const extra = extraLines(plan);
  plan.lines.forEach((line, i) => {
    if (plan.nonProse[i] || extra[i] || line.indexOf('{') < 0) return;
    for (const m of maskCode(line).matchAll(PLACEHOLDER)) {
      if (!isPlaceholder(m[1])) continue;
      hits.push({ line: i, start: m.index!, end: m.index! + m[0].length, inner: m[1] });
    }
  });
  return hits;
}

/** 1 for lines of sections that are not template sections (kept, never flagged); a template section written inside one is its own. */
export function extraLines(plan: PlanModel): Uint8Array {
  const extra = new Uint8Array(plan.lines.length);
  for (const section of plan.sections) if (!section.template) extra.fill(1, section.startLine, section.endLine);
  for (const section of plan.sections) if (section.template && section.nestedIn !== undefined) extra.fill(0, section.startLine, section.endLine);
  return extra;
}

/** True when text (one line of prose) holds a placeholder outside code spans. */
export function hasPlaceholder(text: string): boolean {
  if (text.indexOf('{') < 0) return false;
  return [...maskCode(text).matchAll(PLACEHOLDER)].some((m) => isPlaceholder(m[1]));
}

/** `{ x }` with spaces is prose; `{#anchor}` and `{.class}` after a heading are attributes (pandoc, kramdown, Confluence). */
function isPlaceholder(inner: string): boolean {
  return !/^\s.*\s$/.test(inner) && !/^[#.][\w-]/.test(inner);
}
