import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzePlan } from '../../../src/core';
import { CORPUS } from './repo-paths';

// The shared corpus of real-world plans lives beside the repository, not in it; where it is absent there is nothing to run.
const read = (name: string) => fs.readFileSync(path.join(CORPUS, name), 'utf8');

if (!fs.existsSync(CORPUS)) console.log(`corpus tests not registered: ${CORPUS} does not exist on this machine`);
else describe('real-world corpus (../shared/corpus)', () => {
  it('a real filled plan gets no warning or error, and NO-GO 0/5', () => {
    const report = analyzePlan(read('suptask-rollout-plan.md'));
    assert.equal(report.isPlan, true);
    assert.deepEqual(report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.range.start.line + 1} ${f.ruleId}: ${f.message}`), []);
    assert.deepEqual(report.findings.map((f) => f.ruleId), Array(5).fill('go-no-go-open'));
    const { verdict, checked, total } = report.progress!.goNoGo;
    assert.deepEqual([verdict, checked, total], ['NO-GO', 0, 5]);
  });

  it('a playbook that quotes the template is not a plan', () => {
    const report = analyzePlan(read('connector-playbook-not-a-plan.md'));
    assert.equal(report.isPlan, false);
    assert.deepEqual(report.findings, []);
  });

  it('the upstream template is a template, not a plan: never checked on its own', () => {
    const report = analyzePlan(read('upstream-rollout-template.md'));
    assert.equal(report.kind, 'template');
    assert.equal(report.isPlan, false);
    assert.deepEqual(report.findings, []);
  });

  it('the upstream template, named by a files glob, is a plan full of gaps and placeholders', () => {
    const report = analyzePlan(read('upstream-rollout-template.md'), { assumePlan: true });
    assert.equal(report.isPlan, true);
    const count = (id: string) => report.findings.filter((f) => f.ruleId === id).length;
    assert.ok(count('empty-field') >= 40, `empty-field: ${count('empty-field')}`);
    assert.ok(count('unfilled-placeholder') >= 20, `unfilled-placeholder: ${count('unfilled-placeholder')}`);
    assert.equal(count('unchosen-option'), 1);
    assert.equal(count('go-no-go-open'), 5);
    assert.ok(report.progress!.percent < 10);
  });

  for (const name of ['review-round-10-review.md', 'review-round-11-revision.md', 'review-round-12-re-review.md', 'review-loop-convention.md']) {
    it(`${name} is not a plan`, () => {
      const report = analyzePlan(read(name), { path: `docs/features/view-builder/${name}` });
      assert.equal(report.kind, 'other', report.reading?.why);
      assert.deepEqual(report.findings, []);
    });
  }
});
