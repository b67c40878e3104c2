// The markdown preview plugin. No `vscode` import: VS Code hands us its markdown-it, and unit tests hand us theirs.
import type MarkdownIt from 'markdown-it';
import { analyzePlan, mightBePlan, type Finding, type PlanReport } from '../core';

type Token = MarkdownIt.Token;
type StateCore = MarkdownIt.StateCore;

const SUMMARY = 'connector_plan_summary';
const PLACEHOLDER = 'connector_plan_placeholder';

/** Findings that mark their whole line (list item, table row, paragraph) in the preview, and the class they give it. */
const LINE_CLASSES: Record<string, string> = {
  'empty-field': 'connector-plan-empty',
  'unchosen-option': 'connector-plan-unchosen',
};

/**
 * Marks a plan's gaps in the rendered markdown: a progress and go/no-go summary on top, template placeholders
 * wrapped in a span, empty fields' lines given a class. Anything that is not a plan renders untouched.
 */
export function extendMarkdownIt(md: MarkdownIt.MarkdownIt): MarkdownIt.MarkdownIt {
  md.core.ruler.push('connector_plan', (state) => {
    try {
      markPlan(state);
    } catch {
      // A preview that renders without marks beats one that does not render.
    }
  });
  md.renderer.rules[SUMMARY] = (tokens, idx) => tokens[idx].content;
  md.renderer.rules[PLACEHOLDER] = (tokens, idx) =>
    `<span class="connector-plan-placeholder" title="Template placeholder: replace it">${md.utils.escapeHtml(tokens[idx].content)}</span>`;
  return md;
}

function markPlan(state: StateCore): void {
  if (state.inlineMode) return;
  if (!mightBePlan(state.src)) return;
  const report = analyzePlan(state.src);
  if (!report.isPlan || !report.progress) return;
  const lines = state.src.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  markPlaceholders(state, placeholdersByLine(report.findings, lines));
  markLines(state.tokens, report.findings);
  const summary = new state.Token(SUMMARY, 'div', 0);
  summary.block = true;
  summary.content = summaryHtml(report, state.md.utils.escapeHtml);
  state.tokens.unshift(summary);
}

function placeholdersByLine(findings: Finding[], lines: string[]): Map<number, string[]> {
  const byLine = new Map<number, string[]>();
  for (const f of findings) {
    if (f.ruleId !== 'unfilled-placeholder' || f.range.start.line !== f.range.end.line) continue;
    const text = lines[f.range.start.line]?.slice(f.range.start.character, f.range.end.character);
    if (!text) continue;
    byLine.set(f.range.start.line, [...(byLine.get(f.range.start.line) ?? []), text]);
  }
  return byLine;
}

/** Wraps each reported placeholder's text in the inline tokens rendered from its line (table cells use their row's line). */
function markPlaceholders(state: StateCore, byLine: Map<number, string[]>): void {
  if (!byLine.size) return;
  let blockMap: [number, number] | null = null;
  for (const token of state.tokens) {
    if (token.map && token.nesting >= 0) blockMap = token.map;
    if (token.type !== 'inline' || !token.children) continue;
    const map = token.map ?? blockMap;
    if (!map) continue;
    const wanted: string[] = [];
    for (let line = map[0]; line < map[1]; line++) wanted.push(...(byLine.get(line) ?? []));
    if (wanted.length) token.children = token.children.flatMap((child) => (child.type === 'text' ? splitText(state, child, wanted) : [child]));
  }
}

/** The text token cut around the wanted placeholders it holds (each one used once). */
function splitText(state: StateCore, token: Token, wanted: string[]): Token[] {
  const out: Token[] = [];
  let rest = token.content;
  for (;;) {
    let at = -1;
    let which = -1;
    wanted.forEach((w, i) => {
      const found = rest.indexOf(w);
      if (found >= 0 && (at < 0 || found < at)) [at, which] = [found, i];
    });
    if (at < 0) break;
    if (at > 0) out.push(textToken(state, token, rest.slice(0, at)));
    const mark = new state.Token(PLACEHOLDER, 'span', 0);
    mark.content = wanted[which];
    out.push(mark);
    rest = rest.slice(at + wanted[which].length);
    wanted.splice(which, 1);
  }
  if (!out.length) return [token];
  if (rest) out.push(textToken(state, token, rest));
  return out;
}

function textToken(state: StateCore, like: Token, content: string): Token {
  const token = new state.Token('text', '', 0);
  token.content = content;
  token.level = like.level;
  return token;
}

/** Gives the list item (else table row, paragraph or heading) that starts on a finding's line the finding's class and message. */
function markLines(tokens: Token[], findings: Finding[]): void {
  const starts = new Map<number, Token>();
  const rank = (t: Token) => ['list_item_open', 'tr_open', 'heading_open', 'paragraph_open'].indexOf(t.type);
  for (const token of tokens) {
    if (!token.map || token.nesting !== 1 || rank(token) < 0 || (token.type === 'paragraph_open' && token.hidden)) continue;
    const known = starts.get(token.map[0]);
    if (!known || rank(token) < rank(known)) starts.set(token.map[0], token);
  }
  for (const f of findings) {
    const className = LINE_CLASSES[f.ruleId];
    const token = className && starts.get(f.range.start.line);
    if (!token || String(token.attrGet('class') ?? '').split(' ').includes(className)) continue;
    token.attrJoin('class', className);
    token.attrSet('title', f.message);
  }
}

/** `72% complete · NO-GO 3/5`, the reasons, and how many gaps of each severity. */
function summaryHtml(report: PlanReport, escape: (text: string) => string): string {
  const { percent, goNoGo } = report.progress!;
  const go = goNoGo.verdict === 'GO';
  const counts = (['error', 'warning', 'info'] as const)
    .map((severity) => [severity, report.findings.filter((f) => f.severity === severity).length] as const)
    .filter(([, n]) => n > 0)
    .map(([severity, n]) => `${n} ${severity}${n > 1 && severity !== 'info' ? 's' : ''}`);
  const reasons = goNoGo.reasons.map((r) => `<li>${escape(r)}</li>`).join('');
  return [
    `<div class="connector-plan-summary ${go ? 'connector-plan-go' : 'connector-plan-nogo'}" role="note" aria-label="Connector plan summary">`,
    `<p class="connector-plan-summary-line"><strong>${percent}% complete</strong> · <span class="connector-plan-verdict">${goNoGo.verdict}</span> ${goNoGo.checked}/${goNoGo.total}</p>`,
    reasons ? `<ul class="connector-plan-reasons">${reasons}</ul>` : '',
    counts.length ? `<p class="connector-plan-gaps">Gaps: ${counts.join(', ')}</p>` : '',
    '</div>\n',
  ].join('');
}
