import assert from 'node:assert/strict';
import { inspectPlan, scaffoldPlan, sectionFixes, sectionSummaries, TEMPLATE_TEXT_RULES } from '../../../src/core';
import { applyEdits, GOOD_PLAN, lines, withSection } from './plan-text';

function summariesOf(text: string) {
  const { plan, report } = inspectPlan(text);
  return sectionSummaries(plan, report);
}

const shown = (text: string) => summariesOf(text).map((s) => `${s.line + 1} ${s.sectionId}: ${s.text}${s.fixes ? ` [fix ${s.fixes.count}]` : ''}`);

describe('sectionSummaries', () => {
  it('says "complete" above every section of a finished plan, and the verdict above its checklist', () => {
    assert.deepEqual(shown(GOOD_PLAN), [
      '3 A: complete', '8 B: complete', '14 C: complete', '18 D: complete', '27 E: complete',
      '38 F: complete', '44 G: complete', '48 H: complete', '55 I: 2/2 · GO', '59 J: complete',
    ]);
  });

  it('counts filled slots and gaps as the progress does, and offers the fixes the section has', () => {
    const plan = withSection(GOOD_PLAN, 'G', lines('## G) Risks + Mitigations', '- Risk 1: rate limits during backfill.', '- Risk 2: token expiry.', '  - Mitigation: refresh ahead of expiry.'));
    const plan2 = withSection(plan, 'B', lines('## B) Source Model', '- External system: Linear GraphQL API', '- Authentication model:', '- Plan/tier constraints: 1,500 requests per hour', '- Data pull mode: incremental / snapshot / hybrid'));
    const { plan: model, report } = inspectPlan(plan2);
    const progress = report.progress!.sections;
    const summaries = sectionSummaries(model, report);
    const b = summaries.find((s) => s.sectionId === 'B')!;
    const g = summaries.find((s) => s.sectionId === 'G')!;
    const pb = progress.find((s) => s.id === 'B')!;
    const pg = progress.find((s) => s.id === 'G')!;
    assert.equal(b.text, `${pb.filled}/${pb.total} filled · 2 gaps`);
    assert.equal(b.text, '2/4 filled · 2 gaps');
    assert.equal(b.fixes, undefined, 'choosing a pull mode is the user\'s call, not a mechanical fix');
    assert.match(b.detail, /Still to write: Authentication model; Data pull mode\./);
    assert.equal(g.text, `${pg.filled}/${pg.total} filled · 1 gap`);
    assert.deepEqual(g.fixes, { count: 1, titles: ['Add a Mitigation: line'] });
  });

  it('applies only the fixes of the one section', () => {
    const plan = withSection(
      withSection(GOOD_PLAN, 'G', lines('## G) Risks + Mitigations', '- Risk 1: rate limits during backfill.')),
      'E',
      lines('## E) Delivery Phases', '### Phase 1: Connection + Mapping', '- Scope: OAuth'),
    );
    const { report } = inspectPlan(plan);
    const fix = sectionFixes(report, 'G');
    assert.equal(fix.edits.length, 1);
    const after = applyEdits(plan, fix.edits);
    assert.match(after, /- Risk 1: rate limits during backfill\.\n {2}- Mitigation: \n/);
    assert.match(after, /### Phase 1: Connection \+ Mapping\n- Scope: OAuth\n\n## F\)/, 'E is left alone');
    assert.equal(sectionFixes(report, 'E').edits.length, 1);
    assert.equal(sectionFixes(report, 'A').edits.length, 0);
  });

  it('says NO-GO with the checked count, and why in its detail', () => {
    const open = GOOD_PLAN.replace('- [x] Mappings validated', '- [ ] Mappings validated');
    const i = summariesOf(open).find((s) => s.sectionId === 'I')!;
    assert.equal(i.text, '1/2 · NO-GO', 'the unchecked item\'s own finding is the count, not a gap');
    assert.equal(i.detail, 'NO-GO: 1 item still to check.');
    const withError = withSection(GOOD_PLAN, 'C', '');
    const i2 = summariesOf(withError).find((s) => s.sectionId === 'I')!;
    assert.equal(i2.text, '2/2 · NO-GO');
    assert.equal(i2.detail, 'NO-GO: 1 error remains (missing-section).');
  });

  it('gives a missing section no summary (its diagnostic is enough)', () => {
    assert.deepEqual(summariesOf(withSection(GOOD_PLAN, 'C', '')).map((s) => s.sectionId), ['A', 'B', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
  });

  it('names the section when one heading is read as two', () => {
    const plan = withSection(withSection(GOOD_PLAN, 'F', ''), 'E', lines(
      '## E+F) Delivery Phases and Agent Waves',
      '### Phase 1: Connection + Mapping',
      '- Scope: OAuth and the test-connection route.',
      '- Deliverables: `src/lib/linear/client.ts`',
      '- Validation tests: a revoked token returns a handled 401.',
    ));
    const line = plan.split('\n').indexOf('## E+F) Delivery Phases and Agent Waves');
    const texts = summariesOf(plan).filter((s) => s.line === line).map((s) => s.text);
    assert.equal(texts.length, 2, JSON.stringify(summariesOf(plan)));
    assert.match(texts[0], /^E\) complete$/);
    assert.match(texts[1], /^F\) \d+\/\d+ filled/);
  });

  it('on a new plan, says one short line per section: its filled count and gaps, the verdict above the checklist', () => {
    const summaries = summariesOf(scaffoldPlan('Acme'));
    assert.equal(summaries.length, 10);
    assert.equal(summaries.find((s) => s.sectionId === 'B')!.text, '0/4 filled · 4 gaps');
    assert.equal(summaries.find((s) => s.sectionId === 'I')!.text, '0/5 · NO-GO');
  });
});

describe('TEMPLATE_TEXT_RULES', () => {
  it('are the rules whose findings cover exactly the text the template left: placeholders and option lists', () => {
    assert.deepEqual([...TEMPLATE_TEXT_RULES].sort(), ['unchosen-option', 'unfilled-placeholder']);
    const text = scaffoldPlan('Acme');
    const rows = text.split('\n');
    const { report } = inspectPlan(text);
    const covered = report.findings.filter((f) => TEMPLATE_TEXT_RULES.has(f.ruleId)).map((f) => rows[f.range.start.line].slice(f.range.start.character, f.range.end.character));
    assert.ok(covered.length > 0);
    for (const piece of covered) assert.match(piece, /^\{[^{}]+\}$|^incremental \/ snapshot \/ hybrid$/);
  });
});
