import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { analyzePlan, LOOP_RULES, RULES, type PlanReport } from '../../../src/core';
import { REPOSITORY_RULES } from '../../../src/core/rules';
import { extendMarkdownIt, type PreviewReports } from '../../../src/extension/preview';
import { GAP_MARKS } from '../../../src/extension/preview/gap-marks';
import { GOOD_PLAN, lines, withSection } from '../core/plan-text';
import { REPO_ROOT } from '../core/repo-paths';

const render = (text: string) => extendMarkdownIt(new MarkdownIt({ html: true })).render(text);
const plainRender = (text: string) => new MarkdownIt({ html: true }).render(text);
const escape = new MarkdownIt().utils.escapeHtml;
const placeholder = (text: string) => `<span class="connector-plan-placeholder" title="Placeholder ${text} is still here: [^"]*">${text.replace(/[{}]/g, '\\$&')}</span>`;
const SECRET = 'lin_oauth_8f3k2j4h5g6f7d8s9a0p1o2i3u4y5t6r';

/** Like VS Code's preview engine, which tags each block with the line it starts on after the plugins' rules; `null` for no plugin. */
function vscodeLike(reports?: PreviewReports | null): MarkdownIt.MarkdownIt {
  const md = reports === null ? new MarkdownIt({ html: true }) : extendMarkdownIt(new MarkdownIt({ html: true }), reports);
  md.core.ruler.push('source_map_data_attribute', (state) => {
    for (const token of state.tokens) if (token.map && token.type !== 'inline') token.attrSet('data-line', String(token.map[0]));
  });
  return md;
}

/** The HTML of the innermost element tagged with `line` (a row, not its table body), up to the next tagged element. */
function elementAt(html: string, line: number): string {
  const start = [...html.matchAll(new RegExp(`<[a-z0-9]+ [^>]*data-line="${line}"`, 'g'))].at(-1)?.index;
  if (start === undefined) return '';
  const next = html.slice(start + 1).search(/<[a-z0-9]+ [^>]*data-line="/);
  return next < 0 ? html.slice(start) : html.slice(start, start + 1 + next);
}

/** One gap of every kind the core finds, each on its own line. */
const EVERY_GAP = (() => {
  let plan = GOOD_PLAN.replace('- Validation tests: a re-run inserts nothing new.\n', '')
    .replace('- Tasks: cursor table migration.\n', '')
    .replace('  - Mitigation: backoff and a resumable cursor.\n', '')
    .replace('- Link 2: `assignee.email` -> `staff.email`', '- Link 2: the assignee')
    .replace('| Assignee to staff | `linear_user` | `user.id` |', '| Assignee to staff | `linear_user` | |')
    .replace('| `team.id` | `partners` | 1:1 |', '| `team.id` | `partners` | many |')
    .replace('- Data pull mode: incremental', '- Data pull mode: incremental / snapshot / hybrid')
    .replace('- Authentication model: OAuth app, workspace scope', `- Authentication model: OAuth, \`LINEAR_CLIENT_SECRET=${SECRET}\``)
    .replace('- [x] Mappings validated (manual + auto-match)', '- [ ] Mappings validated (manual + auto-match)')
    .replace('- Deliverables: `src/lib/linear/client.ts`', '- Deliverables:')
    .replace('- Q1: Do we sync archived issues? No, not in phase 1.', '- Q1: ask {owner}')
    .replace('## J) Open Questions', '## B) Source Model\n- External system: again\n\n## J) Open Questions');
  plan = withSection(withSection(plan, 'H', ''), 'A', '');
  return plan.replace('## I) Operational', lines('## A) Business Goal', '- Why this connector exists: escalations.', '- Decisions/metrics this should unlock: age.', '- Success in the next 2-4 weeks: links.', '', '## I) Operational'));
})();

describe('preview plugin', () => {
  const plan = GOOD_PLAN.replace('- [x] Auth and connection test pass', '- [ ] Auth and connection test pass')
    .replace('- Tasks: cursor table migration.', '- Tasks:')
    .replace('- Link 2: `assignee.email` -> `staff.email`', '- Link 2: {external field} -> `staff.email`')
    .replace('| `linear_user` |', '| {source_b} |');

  it('puts the progress and go/no-go summary with its reasons and gap counts on top of a plan', () => {
    const html = render(plan);
    const { progress } = analyzePlan(plan);
    assert.ok(html.startsWith('<div class="connector-plan-summary connector-plan-nogo"'), html.slice(0, 200));
    const text = html.slice(0, html.indexOf('</div>')).replace(/<[^>]+>/g, '');
    assert.equal(progress!.goNoGo.checked, 1);
    assert.match(text, new RegExp(`^${progress!.percent}% complete · NO-GO 1/2`));
    assert.doesNotMatch(text, /unchecked/, "NO-GO 1/2 already says how many items are checked");
    assert.match(text, /Gaps: 3 warnings, 1 info/);
  });

  it('says GO for a finished plan', () => {
    assert.match(render(GOOD_PLAN), /^<div class="connector-plan-summary connector-plan-go"[^>]*><p class="connector-plan-summary-line"><strong>100% complete<\/strong> · <span class="connector-plan-verdict">GO<\/span> 2\/2<\/p><\/div>/);
  });

  it('wraps placeholders in prose and in mapping cells, with the finding as tooltip, not in code', () => {
    const html = render(plan.replace('- Q1: Do we sync archived issues? No, not in phase 1.', '- Q1: ask `{owner}` about it'));
    assert.match(html, new RegExp(`<li>Link 2: ${placeholder('{external field}')} -&gt; <code>staff.email</code></li>`));
    assert.match(html, new RegExp(`<td>${placeholder('{source_b}')}</td>`));
    assert.ok(html.includes('<code>{owner}</code>'));
    assert.equal(html.split('connector-plan-placeholder').length - 1, 2);
    assert.doesNotMatch(html, />placeholder</, 'a wrapped placeholder needs no badge');
  });

  it('marks the list item of an empty field and gives it a badge, with the finding as tooltip', () => {
    assert.match(render(plan), /<li class="connector-plan-gap connector-plan-empty" title="&quot;Tasks&quot; is empty: [^"]*">Tasks:<span class="connector-plan-badge connector-plan-badge-warning" title="&quot;Tasks&quot; is empty: [^"]* \(empty-field, warning\)">empty<\/span><\/li>/);
  });

  it('marks an option list left as is', () => {
    const html = render(GOOD_PLAN.replace('- Data pull mode: incremental', '- Data pull mode: incremental / snapshot / hybrid'));
    assert.match(html, /<li class="connector-plan-gap connector-plan-unchosen" title="[^"]*">Data pull mode: incremental \/ snapshot \/ hybrid<span class="connector-plan-badge connector-plan-badge-warning" [^>]*>choose one<\/span><\/li>/);
  });

  it('shows every finding of every kind on the element of its line: a badge with its message, or a placeholder span', () => {
    const { findings } = analyzePlan(EVERY_GAP);
    // A plan alone has no review loop and no repository: those rules have their marks checked below.
    assert.deepEqual([...new Set(findings.map((f) => f.ruleId))].sort(), RULES.map((r) => r.id).filter((id) => !LOOP_RULES.has(id) && !REPOSITORY_RULES.has(id)).sort(), 'the plan has a gap of every kind');
    const html = vscodeLike().render(EVERY_GAP);
    for (const finding of findings) {
      const element = elementAt(html, finding.range.start.line);
      const shown = finding.ruleId === 'unfilled-placeholder'
        ? `<span class="connector-plan-placeholder" title="${escape(finding.message)}">`
        : `<span class="connector-plan-badge connector-plan-badge-${finding.severity}" title="${escape(finding.message)} (${finding.ruleId}, ${finding.severity})">${GAP_MARKS[finding.ruleId].label}</span>`;
      assert.ok(element.includes(shown), `line ${finding.range.start.line} ${finding.ruleId}: ${element}`);
      if (finding.ruleId !== 'unfilled-placeholder') assert.match(element, new RegExp(`class="[^"]*\\b${GAP_MARKS[finding.ruleId].className}\\b`));
    }
  });

  it('has a visible label and a class for every rule of the core', () => {
    for (const { id } of RULES) {
      assert.ok(GAP_MARKS[id]?.label, id);
      assert.match(GAP_MARKS[id].className, /^connector-plan-[a-z-]+$/, id);
    }
    assert.equal(new Set(Object.values(GAP_MARKS).map((m) => m.className)).size, RULES.length, 'one class per rule');
  });

  it('badges a phase heading that misses a field, in the heading', () => {
    const html = render(GOOD_PLAN.replace('- Validation tests: a re-run inserts nothing new.\n', ''));
    assert.match(html, /<h3 class="connector-plan-gap connector-plan-phase-incomplete" title="Phase 2 has no Validation tests: [^"]*">Phase 2: Sync Engine<span class="connector-plan-badge connector-plan-badge-warning" [^>]*>phase incomplete<\/span><\/h3>/);
  });

  it('never puts a secret in a badge or tooltip', () => {
    const html = render(EVERY_GAP);
    assert.match(html, />secret<\/span>/);
    for (const [, title] of html.matchAll(/title="([^"]*)"/g)) assert.ok(!title.includes(SECRET), title);
  });

  it('badges a code block from just above it, and lists the gaps with no block in the summary', () => {
    const fenced = GOOD_PLAN.replace('- Migration files to apply: `20261101_linear.sql`', `- Migration files to apply: \`20261101_linear.sql\`\n\n\`\`\`sh\nexport LINEAR_CLIENT_SECRET=${SECRET}\n\`\`\`\n`);
    assert.match(render(fenced), /<p class="connector-plan-badges"><span class="connector-plan-badge connector-plan-badge-error" [^>]*>secret<\/span><\/p>\n<pre><code class="connector-plan-gap connector-plan-secret language-sh">/);

    const untitled = `\n${withSection(GOOD_PLAN.replace('# Linear Connector Rollout Plan\n', ''), 'H', '')}`;
    assert.deepEqual(analyzePlan(untitled).findings.map((f) => `${f.range.start.line} ${f.ruleId}`), ['0 missing-section']);
    const html = render(untitled);
    const summary = html.slice(0, html.indexOf('</div>'));
    assert.match(summary, /<ul class="connector-plan-unplaced"><li><span class="connector-plan-badge connector-plan-badge-error" [^>]*>missing section<\/span> Section H\) Manual Setup Handoff \(Owner Actions\) is missing: [^<]*<\/li><\/ul>/);
  });

  it('marks every blank of the template once one field is written (a blank copy is a template, not checked)', () => {
    const template = fs.readFileSync(path.join(REPO_ROOT, 'src/core/template/connector-rollout-plan.md'), 'utf8').replace('- External system:', '- External system: Acme CRM');
    assert.equal(render(template.replace('Acme CRM', '')).includes('connector-plan-empty'), false, 'the blank copy is not marked');
    const html = render(template);
    assert.match(html, new RegExp(`<h1>${placeholder('{ConnectorName}')} Connector Rollout Plan</h1>`));
    const emptyLines = new Set(analyzePlan(template).findings.filter((f) => f.ruleId === 'empty-field').map((f) => f.range.start.line));
    assert.equal(html.match(/class="[^"]*\bconnector-plan-empty\b/g)?.length, emptyLines.size);
  });

  it('shows every finding of every plan fixture', () => {
    const dir = path.join(REPO_ROOT, 'test/fixtures/plans');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const report = analyzePlan(text);
      const html = vscodeLike({ reportFor: () => report }).render(text, { currentDocument: { scheme: 'file', path: `/${file}` } });
      const titles = [...html.matchAll(/title="([^"]*)"/g)].map(([, title]) => title);
      for (const finding of report.findings) assert.ok(titles.some((t) => t.includes(escape(finding.message))), `${file}: ${finding.range.start.line + 1} ${finding.ruleId}`);
    }
  });

  it('renders task items as disabled checkboxes, checked for x or X, keeping the text after the box', () => {
    const html = render(GOOD_PLAN.replace('- [x] Mappings validated (manual + auto-match)', '- [ ] Mappings **validated** [x] twice\n- [X] Rollback tested'));
    assert.match(html, /<ul class="connector-plan-task-list">\n<li class="connector-plan-task"><input type="checkbox" class="connector-plan-task-box" disabled checked> Auth and connection test pass<\/li>/);
    assert.match(html, /<li class="connector-plan-task connector-plan-gap connector-plan-open" [^>]*><input type="checkbox" class="connector-plan-task-box" disabled> Mappings <strong>validated<\/strong> \[x\] twice<span class="connector-plan-badge/);
    assert.match(html, /<li class="connector-plan-task"><input type="checkbox" class="connector-plan-task-box" disabled checked> Rollback tested<\/li>/);
    assert.doesNotMatch(html, /<input(?![^>]*disabled)/);
  });

  it('renders markdown that is not a plan exactly as markdown-it does, task items included', () => {
    const notes = lines('# Team notes', '', '- Owner: {someone}', '- Empty:', '- [ ] call Ann', '- [x] book room', '', '| a | b |', '|---|---|', '| {x} | |');
    assert.equal(render(notes), plainRender(notes));
    const quoted = lines('# Notes', '', '```md', GOOD_PLAN, '```');
    assert.equal(render(quoted), plainRender(quoted));
    const dir = path.join(REPO_ROOT, 'test/fixtures/plans');
    for (const file of fs.readdirSync(dir).filter((f) => f.startsWith('not-a-plan') && f.endsWith('.md'))) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      assert.equal(render(text), plainRender(text), file);
    }
  });

  describe('with the extension\'s reports', () => {
    const gappy = GOOD_PLAN.replace('- Tasks: cursor table migration.', '- Tasks:').replace('- [x] Auth and connection test pass', '- [ ] Auth and connection test pass');
    const uri = { scheme: 'file', path: '/plans/linear.md' };
    const reportsGiving = (report: PlanReport | null | undefined) => {
      const asked: unknown[] = [];
      return { asked, reportFor: (at: unknown, text: string) => (asked.push(at), text === gappy ? report : undefined) };
    };

    it('shows the report the Problems panel shows for the previewed document', () => {
      const report = analyzePlan(gappy, { rules: { 'empty-field': 'error', 'go-no-go-open': 'off' } });
      const reports = reportsGiving(report);
      const html = vscodeLike(reports).render(gappy, { currentDocument: uri });
      assert.deepEqual(reports.asked, [uri]);
      assert.match(html.slice(0, html.indexOf('</div>')), /Gaps: <span class="connector-plan-count-error">1 error<\/span><\/p>/);
      assert.match(html, /connector-plan-badge-error" [^>]*>empty</);
      assert.doesNotMatch(html, />open</);
    });

    it('leaves a document the extension does not check untouched, and analyses one it has no result for', () => {
      assert.equal(vscodeLike(reportsGiving(null)).render(gappy, { currentDocument: uri }), vscodeLike(null).render(gappy));
      assert.match(vscodeLike(reportsGiving(undefined)).render(gappy, { currentDocument: uri }), /Gaps: <span class="connector-plan-count-warning">1 warning<\/span>, <span class="connector-plan-count-info">1 info<\/span>/);
      const reports = reportsGiving(null);
      assert.match(vscodeLike(reports).render(gappy), /connector-plan-summary/, 'a string rendered with no document is analysed with the default rules');
      assert.deepEqual(reports.asked, []);
    });

    it('renders the same parsed tokens again with a newer report, leaving the tokens as parsed', () => {
      let report: PlanReport = analyzePlan(gappy);
      const md = vscodeLike({ reportFor: () => report });
      const tokens = md.parse(gappy, {});
      const parsed = JSON.stringify(tokens);
      const first = md.renderer.render(tokens, md.options, { currentDocument: uri });
      assert.match(first, /connector-plan-badge-warning" [^>]*>empty</);
      report = analyzePlan(gappy, { rules: { 'empty-field': 'error' } });
      const second = md.renderer.render(tokens, md.options, { currentDocument: uri });
      assert.match(second, /connector-plan-badge-error" [^>]*>empty</);
      assert.doesNotMatch(second, /connector-plan-badge-warning" [^>]*>empty</);
      assert.equal(JSON.stringify(tokens), parsed);
      assert.equal(md.renderer.render(tokens, md.options, { currentDocument: uri }), second);
    });
  });

  it('keeps one markdown-it instance stateless between documents, and leaves renderInline alone', () => {
    const md = extendMarkdownIt(new MarkdownIt());
    assert.match(md.render(plan), /connector-plan-summary/);
    assert.equal(md.render('# Just a title'), '<h1>Just a title</h1>\n');
    assert.equal(md.renderInline('{x} Rollout Plan'), '{x} Rollout Plan');
  });
});
