import assert from 'node:assert/strict';
import { analyzePlan, goNoGoChange, inspectPlan } from '../../../src/core';
import { applyEdits, GOOD_PLAN, lines, withSection } from './plan-text';

const withChecklist = (...rows: string[]) => withSection(GOOD_PLAN, 'I', lines('## I) Operational Go/No-Go', ...rows));
const table = (...rows: string[]) => withChecklist('| Criterion | Owner | Status |', '|---|---|:---:|', ...rows);
const rowLine = (text: string, start: string) => text.split('\n').findIndex((r) => r.startsWith(start));

/** Ticks (or unticks) the row that starts with `start` and gives the edited plan, or the reason nothing was written. */
function tick(text: string, start: string, checked: boolean, criterion: string): string {
  const change = goNoGoChange(inspectPlan(text).plan, rowLine(text, start), checked, criterion);
  return 'edit' in change ? applyEdits(text, [change.edit]) : `refused (${change.problem}): ${change.message}`;
}

describe('go/no-go in any form', () => {
  it('reads a table with a Status column: rows are items, done words are checked', () => {
    const plan = table('| Auth and connection test pass | Ana | Done |', '| Mappings validated | Raj | ✅ |', '| Sync resumes safely | Ana | Pending |', '| Alerts in place | Ops | Blocked |', '| Metrics spot-checked | Raj | [x] |', '| Logs shipped | Ops | No |');
    const { goNoGo } = analyzePlan(plan).progress!;
    assert.deepEqual([goNoGo.checked, goNoGo.total, goNoGo.verdict], [3, 6, 'NO-GO']);
    const open = analyzePlan(plan).findings.filter((f) => f.ruleId === 'go-no-go-open').map((f) => f.message);
    assert.deepEqual(open, ['Go/no-go item not checked yet: "Sync resumes safely". Tick it once it is true.', 'Go/no-go item not checked yet: "Alerts in place". Tick it once it is true.', 'Go/no-go item not checked yet: "Logs shipped". Tick it once it is true.']);
  });

  it('finds the status column by its words when its header says nothing (a Yes/No column)', () => {
    const plan = withChecklist('| Check | Evidence | Met? |', '|---|---|---|', '| Auth works | run 12 | Yes |', '| Sync resumes | run 14 | No |');
    assert.deepEqual(analyzePlan(plan).progress!.goNoGo, { checked: 1, total: 2, verdict: 'NO-GO', reasons: ['1 of 2 go/no-go items unchecked'], reasonKinds: ['unchecked'] });
  });

  it('does not take a table without status words for a checklist', () => {
    const plan = withChecklist('- [x] Auth and connection test pass', '', '| Contact | Role |', '|---|---|', '| Ana | on call |');
    assert.deepEqual([analyzePlan(plan).progress!.goNoGo.checked, analyzePlan(plan).progress!.goNoGo.total], [1, 1]);
  });

  it("ticks a row with its column's own done word, and unticks with its open word", () => {
    const plan = table('| Auth passes | Ana | Done |', '| Sync resumes | Ana | Pending |');
    assert.equal(tick(plan, '| Sync resumes', true, 'Sync resumes'), plan.replace('| Sync resumes | Ana | Pending |', '| Sync resumes | Ana | Done |'));
    assert.equal(tick(plan, '| Auth passes', false, 'Auth passes'), plan.replace('| Auth passes | Ana | Done |', '| Auth passes | Ana | Pending |'));
  });

  it('writes the counterpart of the only words the column uses, in their case', () => {
    const emoji = table('| Auth passes | Ana | ❌ |');
    assert.equal(tick(emoji, '| Auth passes', true, 'Auth passes'), emoji.replace('❌', '✅'));
    const shouting = table('| Auth passes | Ana | PENDING |');
    assert.equal(tick(shouting, '| Auth passes', true, 'Auth passes'), shouting.replace('PENDING', 'DONE'));
    const boxes = table('| Auth passes | Ana | [ ] |');
    assert.equal(tick(boxes, '| Auth passes', true, 'Auth passes'), boxes.replace('[ ]', '[x]'));
  });

  it('writes the whole status cell: a note after the old status goes with it', () => {
    const plan = table('| Auth passes | Ana | Done (run 12) |', '| Sync resumes | Ana | Pending (vendor) |');
    assert.equal(tick(plan, '| Sync resumes', true, 'Sync resumes'), plan.replace('Pending (vendor)', 'Done'));
  });

  it('refuses when the column uses two done words, or none it can pair', () => {
    const two = table('| Auth passes | Ana | Done |', '| Mappings | Raj | Yes |', '| Sync resumes | Ana | Pending |');
    assert.match(tick(two, '| Sync resumes', true, 'Sync resumes'), /^refused \(unclear\): the status column of "Sync resumes" uses "Done", "Yes", "Pending"/);
    const blank = withChecklist('| Criterion | Status |', '|---|---|', '| Auth passes | |');
    assert.match(tick(blank, '| Auth passes', true, 'Auth passes'), /^refused \(unclear\)/);
  });

  it('refuses a line that no longer holds the item the caller saw', () => {
    const plan = table('| Auth passes | Ana | Pending |');
    assert.match(tick(plan, '| Auth passes', true, 'Auth and connection test pass'), /^refused \(stale\): line \d+ is no longer the go\/no-go item "Auth and connection test pass"/);
  });

  it('keeps a phase gate out of the plan count, with no go-no-go-open for it', () => {
    const plan = GOOD_PLAN.replace('- Validation tests: a re-run inserts nothing new.', lines('- Validation tests: a re-run inserts nothing new.', '', '#### Go/No-Go Criteria (Phase 2)', '- [ ] Backfill of 90 days done', '- [ ] Cursor survives a restart'));
    const report = analyzePlan(plan);
    assert.deepEqual(report.findings, []);
    assert.deepEqual([report.progress!.goNoGo.checked, report.progress!.goNoGo.total, report.progress!.goNoGo.verdict], [2, 2, 'GO']);
    const phase = inspectPlan(plan).plan.sections.find((s) => s.id === 'E')!.subsections[1];
    assert.deepEqual(phase.tasks.map((t) => t.text), ['Backfill of 90 days done', 'Cursor survives a restart']);
  });

  it("offers a quick fix that writes the column's own done word, and none when the words are unclear", () => {
    const fixes = (text: string) => analyzePlan(text).findings.filter((f) => f.ruleId === 'go-no-go-open').map((f) => f.fixes?.map((x) => `${x.title}: ${x.edits[0].newText}`) ?? []);
    assert.deepEqual(fixes(table('| Auth passes | Ana | ✅ |', '| Sync resumes | Ana | ❌ |')), [['Mark this go/no-go item "✅": ✅']]);
    assert.deepEqual(fixes(table('| Auth passes | Ana | Done |', '| Mappings | Raj | Yes |', '| Sync resumes | Ana | Pending |')), [[]]);
    assert.deepEqual(fixes(withChecklist('- [ ] Auth and connection test pass')), [['Check this go/no-go item: [x]']]);
  });

  it('ends a field where a section written inside its section starts', () => {
    const plan = withSection(GOOD_PLAN, 'I', '').replace('- External app creation: Linear OAuth app by the workspace admin.', lines('- External app creation:', '', '### Operational Go/No-Go Checklist', '- [x] Auth and connection test pass'));
    const report = analyzePlan(plan);
    assert.deepEqual(report.findings.map((f) => `${f.range.start.line + 1} ${f.ruleId}`), [`${rowLine(plan, '- External app creation:') + 1} empty-field`]);
    assert.equal(inspectPlan(plan).plan.sections.find((s) => s.id === 'I')?.tasks.length, 1);
  });

  it('finds the go/no-go written as a sub-heading inside another section', () => {
    const plan = withSection(GOOD_PLAN, 'I', '').replace('- Validation tests: a re-run inserts nothing new.', lines('- Validation tests: a re-run inserts nothing new.', '', '### Operational Go/No-Go Checklist', '- [x] Auth and connection test pass', '- [ ] Metrics spot-checked'));
    const report = analyzePlan(plan);
    assert.deepEqual(report.findings.map((f) => f.ruleId), ['go-no-go-open']);
    assert.deepEqual([report.progress!.goNoGo.checked, report.progress!.goNoGo.total], [1, 2]);
    assert.equal(inspectPlan(plan).plan.sections.find((s) => s.id === 'I')?.nestedIn, rowLine(plan, '## E)'));
  });
});

describe('phases and waves written without sub-headings', () => {
  const phases = (...items: string[]) => withSection(GOOD_PLAN, 'E', lines('## E) Delivery Phases', ...items));

  it('reads a labelled list item per phase, its fields on the same line or nested', () => {
    const plan = phases(
      '- **Phase 1 — Connection:** scope: OAuth and the test route; deliverables: `client.ts`; tests: a revoked token gives a handled 401.',
      '- **Phase 2 — Sync:**',
      '  - Scope: incremental issue sync.',
      '  - Deliverables: sync route.',
      '  - Validation tests: a re-run inserts nothing new.',
    );
    assert.deepEqual(analyzePlan(plan).findings, []);
    const e = inspectPlan(plan).plan.sections.find((s) => s.id === 'E')!;
    assert.deepEqual(e.subsections.map((s) => [s.form, s.kind, s.heading.number, s.slots.every((slot) => slot.filled)]), [['item', 'phase', 1, true], ['item', 'phase', 2, true]]);
  });

  it('reports a phase item without its tests, with no stub to insert', () => {
    const plan = phases('- **Phase 1 — Connection:** scope: OAuth; deliverables: `client.ts`.');
    const findings = analyzePlan(plan).findings.filter((f) => f.ruleId === 'phase-incomplete');
    assert.deepEqual(findings.map((f) => [f.message, f.fixes]), [['Phase 1 has no Validation tests: add "- Validation tests:" with its value.', undefined]]);
  });

  it('reads phases in toggles (<details><summary>Phase 1: …</summary>), each gap once', () => {
    const plan = phases('<details>', '<summary><strong>Phase 1: Connection</strong></summary>', '', '- Scope: OAuth.', '- Deliverables: `client.ts`.', '- Validation tests:', '', '</details>', '', '<details>', '<summary>Phase 2: Sync</summary>', '', '- Scope: the cursor loop.', '', '</details>');
    const findings = analyzePlan(plan).findings.map((f) => `${f.range.start.line} ${f.ruleId}`);
    assert.deepEqual(findings, [`${rowLine(plan, '- Validation tests:')} empty-field`, `${rowLine(plan, '<summary>Phase 2')} phase-incomplete`]);
  });

  it('reads a table with a Wave column as one wave per row', () => {
    const plan = withSection(GOOD_PLAN, 'F', lines('## F) Agent-Team Plan', '| Wave | Agent | Tasks | Blocks/unblocks |', '|---|---|---|---|', '| 1 | `schema-sync` | migrations | unblocks 2 |', '| 2 | | sync route | — |'));
    const findings = analyzePlan(plan).findings.filter((f) => f.ruleId === 'wave-incomplete');
    assert.deepEqual(findings.map((f) => [f.range.start.line, f.message]), [[rowLine(plan, '| 2 |'), 'Wave 2 has no Agent: add "- Agent:" with its value.']]);
    const f = inspectPlan(plan).plan.sections.find((s) => s.id === 'F')!;
    assert.deepEqual(f.subsections.map((s) => [s.form, s.heading.number, s.slots.map((slot) => slot.filled)]), [['row', 1, [true, true, true]], ['row', 2, [false, true, false]]]);
    assert.equal(analyzePlan(plan).progress!.sections.find((s) => s.id === 'F')!.status, 'partial');
  });
});
