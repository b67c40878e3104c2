import assert from 'node:assert/strict';
import { analyzePlan, goNoGoChange, inspectPlan } from '../../../src/core';
import { applyEdits, GOOD_PLAN, lines, withSection } from './plan-text';

const table = (...rows: string[]) => withSection(GOOD_PLAN, 'I', lines('## I) Operational Go/No-Go', '| Criterion | Owner | Status |', '|---|---|---|', ...rows));
const rowLine = (text: string, start: string) => text.split('\n').findIndex((r) => r.startsWith(start));

/** The plan once the row that starts with `start` is ticked (or unticked), or why nothing was written. */
function ticked(text: string, start: string, checked: boolean): string {
  const change = goNoGoChange(inspectPlan(text).plan, rowLine(text, start), checked);
  return 'edit' in change ? applyEdits(text, [change.edit]) : `refused: ${change.message}`;
}

/** Just the row, once ticked (or unticked). */
const tick = (text: string, start: string, checked: boolean) => {
  const after = ticked(text, start, checked);
  return after.startsWith('refused') ? after : after.split('\n')[rowLine(text, start)];
};

const goNoGo = (text: string) => {
  const { checked, total } = analyzePlan(text).progress!.goNoGo;
  return `${checked}/${total}`;
};

describe('go/no-go ticks write the whole status cell', () => {
  it('drops what the old status said after its word: `Pending setup` becomes `Done`', () => {
    const plan = table('| Auth passes | Ana | Done |', '| Sync resumes | Ana | Pending setup |');
    assert.equal(tick(plan, '| Sync resumes', true), '| Sync resumes | Ana | Done |');
    assert.equal(tick(plan, '| Auth passes', false), '| Auth passes | Ana | Pending |');
  });

  it('keeps the column\'s emoji form: `⏳ Pending` becomes `✅ Done`, not `✅ Pending`', () => {
    const open = table('| Auth passes | Ana | ⏳ Pending |', '| Sync resumes | Ana | ⏳ Pending |');
    assert.equal(tick(open, '| Auth passes', true), '| Auth passes | Ana | ✅ Done |');
    const both = table('| Auth passes | Ana | ✅ Done |', '| Sync resumes | Ana | ⏳ Pending |');
    assert.equal(tick(both, '| Sync resumes', true), '| Sync resumes | Ana | ✅ Done |');
    assert.equal(tick(both, '| Auth passes', false), '| Auth passes | Ana | ⏳ Pending |');
    const done = table('| Auth passes | Ana | ✅ Done |');
    assert.equal(tick(done, '| Auth passes', false), '| Auth passes | Ana | ❌ Pending |');
  });

  it('fills an empty status cell with the column\'s done word', () => {
    const plan = table('| Auth passes | Ana | Done |', '| Sync resumes | Ana | |');
    assert.equal(tick(plan, '| Sync resumes', true), '| Sync resumes | Ana | Done |');
  });

  it('leaves the plan counting what the cell now says', () => {
    const plan = table('| Auth passes | Ana | ⏳ Pending |', '| Sync resumes | Ana | ⏳ Pending setup |');
    assert.equal(goNoGo(plan), '0/2');
    const once = ticked(plan, '| Auth passes', true);
    assert.equal(goNoGo(once), '1/2');
    const twice = ticked(once, '| Sync resumes', true);
    assert.equal(goNoGo(twice), '2/2');
    assert.deepEqual(twice.split('\n').filter((l) => l.startsWith('| Auth') || l.startsWith('| Sync')), ['| Auth passes | Ana | ✅ Done |', '| Sync resumes | Ana | ✅ Done |']);
  });

  it('refuses when the column writes done two ways, naming the statuses it uses', () => {
    const plan = table('| Auth passes | Ana | ✅ |', '| Mappings | Raj | ✅ Done |', '| Sync resumes | Ana | ⏳ Pending |');
    assert.equal(tick(plan, '| Sync resumes', true), 'refused: the status column of "Sync resumes" uses "✅", "✅ Done", "⏳ Pending", so it is not clear what to write for done: edit the cell by hand');
  });

  it('offers the same whole cell as the quick fix of go-no-go-open', () => {
    const plan = table('| Auth passes | Ana | ✅ Done |', '| Sync resumes | Ana | ⏳ Pending (vendor) |');
    const [finding] = analyzePlan(plan).findings.filter((f) => f.ruleId === 'go-no-go-open');
    const fix = finding.fixes![0];
    assert.equal(fix.title, 'Mark this go/no-go item "✅ Done"');
    assert.equal(applyEdits(plan, fix.edits).split('\n')[rowLine(plan, '| Sync resumes')], '| Sync resumes | Ana | ✅ Done |');
  });
});
