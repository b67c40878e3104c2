import assert from 'node:assert/strict';
import { inspectPlan, planOverview } from '../../../src/core';
import { GOOD_PLAN, lines, withSection } from './plan-text';

function overviewOf(text: string) {
  const { plan, report } = inspectPlan(text);
  return planOverview(plan, report);
}

const at = (findings: { ruleId: string; range: { start: { line: number } } }[]) => findings.map((f) => `${f.range.start.line + 1} ${f.ruleId}`);

describe('planOverview', () => {
  it('lists the template sections in order with their progress and headings', () => {
    const { sections, otherFindings } = overviewOf(GOOD_PLAN);
    assert.deepEqual(sections.map((s) => `${s.id} ${s.filled}/${s.total} ${s.status}`), [
      'A 3/3 complete', 'B 4/4 complete', 'C 2/2 complete', 'D 4/4 complete', 'E 6/6 complete',
      'F 3/3 complete', 'G 1/1 complete', 'H 5/5 complete', 'I 2/2 complete', 'J 2/2 complete',
    ]);
    assert.equal(sections[0].heading?.line, 2);
    assert.deepEqual(otherFindings, []);
  });

  it('gives a missing section no heading and its missing-section finding', () => {
    const c = overviewOf(withSection(GOOD_PLAN, 'C', '')).sections.find((s) => s.id === 'C')!;
    assert.equal(c.status, 'missing');
    assert.equal(c.heading, undefined);
    assert.deepEqual(c.findings.map((f) => f.ruleId), ['missing-section']);
  });

  it('puts each gap of a section of work under its phase, with the status the heading gives', () => {
    const plan = withSection(GOOD_PLAN, 'E', lines(
      '## E) Delivery Phases',
      '- Owner: platform team',
      '### Phase 1: Connection + Mapping — COMPLETE',
      '- Scope: OAuth',
      '- Deliverables: client',
      '- Validation tests: 401 handled',
      '',
      '### Phase 2: Sync Engine',
      '- Scope: incremental sync',
      '- Deliverables:',
      '',
      '### Phase 3: Analytics (Optional)',
    ));
    const e = overviewOf(plan).sections.find((s) => s.id === 'E')!;
    assert.deepEqual(e.subsections.map((s) => `${s.kind} ${s.heading.line + 1} ${s.status ?? '-'}`), ['phase 29 complete', 'phase 34 -', 'phase 38 optional']);
    assert.deepEqual(at(e.subsections[1].findings), ['34 phase-incomplete', '36 empty-field']);
    assert.deepEqual(at(e.findings), at(e.subsections[1].findings));
  });

  it('lists the go/no-go items of the checklist section, and only there', () => {
    const plan = GOOD_PLAN.replace('- [x] Mappings validated (manual + auto-match)', '- [ ] Mappings validated (manual + auto-match)');
    const { sections } = overviewOf(plan);
    const i = sections.find((s) => s.id === 'I')!;
    assert.deepEqual(i.items.map((t) => `${t.line + 1} ${t.checked ? 'x' : ' '} ${t.text}`), ['56 x Auth and connection test pass', '57   Mappings validated (manual + auto-match)']);
    assert.deepEqual(at(i.findings), ['57 go-no-go-open']);
    assert.deepEqual(sections.filter((s) => s.id !== 'I').flatMap((s) => s.items), []);
  });

  it('keeps findings outside every template section apart', () => {
    const plan = GOOD_PLAN.replace('# Linear Connector Rollout Plan', '# Linear Connector Rollout Plan\n\nAPI key: sk_live_4eC39HqLyjWDarjtT1zdp7dc');
    const { sections, otherFindings } = overviewOf(plan);
    assert.deepEqual(at(otherFindings), ['3 secret-value']);
    assert.deepEqual(sections.flatMap((s) => s.findings), []);
  });

  it('is empty for markdown that is not a plan', () => {
    assert.deepEqual(overviewOf('# Notes\n\n- Scope:\n'), { sections: [], otherFindings: [] });
  });
});
