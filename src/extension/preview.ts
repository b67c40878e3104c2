// The markdown preview plugin. No `vscode` import: VS Code hands us its markdown-it, and unit tests hand us theirs.
import type MarkdownIt from 'markdown-it';
import { analyzePlan, mightBePlan, type Finding, type PlanReport } from '../core';
import { blocksOf } from './preview/blocks';
import { badgeHtml, BADGE, BADGE_ROW, markGaps, type BadgeData } from './preview/gap-marks';
import { markPlaceholders, PLACEHOLDER_CLOSE, PLACEHOLDER_OPEN } from './preview/placeholders';
import { SUMMARY, summaryHtml, type SummaryData } from './preview/summary';
import { markTaskLists, TASK_BOX, taskBoxHtml } from './preview/task-lists';
import { metaOf, TokenEdits, type Token, type TokenClass } from './preview/token-edits';

/** Where the plugin gets the report the Problems panel shows, so that both agree (severities, rules off, exclusions). */
export interface PreviewReports {
  /**
   * The checked report of the document at `uri` (VS Code's `env.currentDocument`) whose text is `text`; null when the
   * extension does not check that document (not a plan, excluded, checks off); undefined when it has no result for it.
   */
  reportFor(uri: unknown, text: string): PlanReport | null | undefined;
}

/**
 * Marks a plan's gaps in the rendered markdown: a progress, go/no-go and gap count summary on top, a badge for every
 * finding on the block of its line, template placeholders wrapped in a span, task items as disabled checkboxes.
 * Anything that is not a plan renders untouched. Marks are made at render time, on copies of the tokens: VS Code
 * parses a document version once and renders it again when the findings change.
 */
export function extendMarkdownIt(md: MarkdownIt.MarkdownIt, reports?: PreviewReports): MarkdownIt.MarkdownIt {
  const sources = new WeakMap<Token[], string>();
  const marked = new WeakMap<Token[], { report: PlanReport; tokens: Token[] }>();
  const ownReports = new WeakMap<Token[], PlanReport | undefined>();
  const Token = new md.core.State('', md, {}).Token as TokenClass;
  const escape = md.utils.escapeHtml;

  md.core.ruler.push('connector_plan_source', (state) => {
    if (!state.inlineMode) sources.set(state.tokens, state.src);
  });

  const render = md.renderer.render.bind(md.renderer);
  md.renderer.render = (tokens, options, env) => {
    const src = sources.get(tokens);
    if (src === undefined) return render(tokens, options, env);
    let out = tokens;
    try {
      const uri = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
      const checked = uri === undefined ? undefined : reports?.reportFor(uri, src);
      if (checked === undefined && !ownReports.has(tokens)) ownReports.set(tokens, mightBePlan(src) ? analyzePlan(src) : undefined);
      const report = checked === null ? undefined : (checked ?? ownReports.get(tokens));
      if (report?.isPlan && report.progress) {
        const known = marked.get(tokens);
        out = known?.report === report ? known.tokens : markPlan(tokens, report, src, Token);
        marked.set(tokens, { report, tokens: out });
      }
    } catch {
      // A preview that renders without marks beats one that does not render.
    }
    return render(out, options, env);
  };

  const rules = md.renderer.rules;
  rules[SUMMARY] = (tokens, idx) => summaryHtml(metaOf<SummaryData>(tokens[idx]), escape);
  rules[BADGE] = (tokens, idx) => badgeHtml(metaOf<BadgeData>(tokens[idx]), escape);
  rules[BADGE_ROW] = (tokens, idx) => `<p class="connector-plan-badges">${metaOf<BadgeData[]>(tokens[idx]).map((b) => badgeHtml(b, escape)).join(' ')}</p>\n`;
  rules[PLACEHOLDER_OPEN] = (tokens, idx) => `<span class="connector-plan-placeholder" title="${escape(metaOf<Finding>(tokens[idx]).message)}">`;
  rules[PLACEHOLDER_CLOSE] = () => '</span>';
  rules[TASK_BOX] = (tokens, idx) => taskBoxHtml(metaOf<{ checked: boolean }>(tokens[idx]).checked);
  return md;
}

function markPlan(tokens: Token[], report: PlanReport, src: string, Token: TokenClass): Token[] {
  const edits = new TokenEdits(tokens, Token);
  const blocks = blocksOf(tokens);
  const lines = src.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  markTaskLists(edits);
  const wrapped = markPlaceholders(edits, blocks, report.findings, lines);
  const unplaced = markGaps(edits, blocks, report.findings.filter((f) => !wrapped.has(f)));
  const summary: SummaryData = { report, unplaced };
  return [edits.make(SUMMARY, 'div', 0, { block: true, meta: summary }), ...edits.result()];
}
