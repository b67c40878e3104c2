import assert from 'node:assert/strict';
import { analyzePlan, fixAllEdits, inspectPlan } from '../../../src/core';
import { applyAsEditor, GOOD_PLAN, lines, withSection } from './plan-text';

/** The plan after Fix All, applied as the editor applies it. */
const fixAllOf = (text: string) => applyAsEditor(text, fixAllEdits(analyzePlan(text).findings));
const count = (text: string, severity: string) => analyzePlan(text).findings.filter((f) => f.severity === severity).length;

describe('fix-all', () => {
  it('inserts nothing into an unclosed code fence, where a stub would never be seen', () => {
    const plan = lines('# Acme Connector Rollout Plan', '', 'Draft, pasted from the wiki:', '', '```', '## A) Business Goal', '- Why this connector exists: partner escalations');
    assert.equal(analyzePlan(plan).findings.filter((f) => f.ruleId === 'missing-section').length, 10);
    assert.equal(fixAllOf(plan), plan);
    const unclosedInH = GOOD_PLAN.replace('- First smoke-test sequence: test-connection, then a one-team sync.', lines('- First smoke-test sequence:', '```sh', 'npm run smoke')).replace(/\n\n## I\)[\s\S]*$/, '');
    assert.equal(fixAllOf(unclosedInH), unclosedInH);
  });

  it('puts a wave stub in its wave and a missing section after it when both go at one point, once', () => {
    const plan = GOOD_PLAN.replace(lines('- Tasks: cursor table migration.', '- Blocks/unblocks: unblocks the sync route.', '', '## G) Risks + Mitigations', '- Risk 1: rate limits during backfill.', '  - Mitigation: backoff and a resumable cursor.', '', '## H)'), lines('- Blocks/unblocks: unblocks the sync route.', '## H)'));
    const fixed = fixAllOf(plan);
    assert.match(fixed, /- Blocks\/unblocks: unblocks the sync route\.\n- Tasks:\n\n## G\) Risks \+ Mitigations\n- Risk 1:\n- Risk 2:\n- Risk 3:\n\n## H\)/);
    assert.equal(fixAllOf(fixed), fixed);
  });

  it('adds the stub of a phase whose content ends in a <details> block where markdown reads it, once', () => {
    const plan = GOOD_PLAN.replace(lines('- Scope: incremental issue sync.', '- Deliverables: sync route and cursor table.', '- Validation tests: a re-run inserts nothing new.'), lines('<details>', '<summary>Notes</summary>', '', 'Cursor notes.', '', '</details>'));
    const fixed = fixAllOf(plan);
    assert.match(fixed, /<\/details>\n\n- Scope:\n- Deliverables:\n- Validation tests:\n/);
    assert.equal(fixAllOf(fixed), fixed);
  });

  it('inserts inside a document without a final newline', () => {
    const noJ = withSection(GOOD_PLAN, 'J', '').replace(/\n+$/, '');
    const fixed = fixAllOf(noJ);
    assert.match(fixed, /- \[x\] Mappings validated \(manual \+ auto-match\)\n\n## J\) Open Questions and Assumptions\n- Q1:\n/);
    assert.equal(fixAllOf(fixed), fixed);
    const tableLast = `${withSection(GOOD_PLAN, 'D', '')}\n## D) Mapping Rules + Cardinality`;
    assert.match(fixAllOf(tableLast), /\n## D\) Mapping Rules \+ Cardinality\n\n\| Mapping Purpose \| source \|.*\n\|---\|/);
  });

  it('leaves a mapping table whose header is apart from its |---| row for the writer to join, and says so', () => {
    const plan = GOOD_PLAN.replace('| Mapping Purpose | source | External ID | Internal Entity | Cardinality | Enforced In |\n|', '| Mapping Purpose | source | External ID | Internal Entity | Cardinality | Enforced In |\n\n|');
    const [finding] = analyzePlan(plan).findings.filter((f) => f.ruleId === 'mapping-table');
    assert.match(finding.message, /\|---\| row \(line 21\) right under its header row \(line 19\)/);
    assert.equal(finding.fixes, undefined);
    assert.equal(fixAllOf(plan), plan);
  });

  it('inserts a missing section at the heading level of the plan\'s sections', () => {
    const plan = withSection(GOOD_PLAN, 'F', '').replace(/^(#{2,3}) /gm, '#$1 ').replace(/^# Linear/, '## Linear');
    const fixed = fixAllOf(plan);
    assert.match(fixed, /\n### F\) Agent-Team Plan\n#### Wave 1\n- Agent:\n/);
    const waves = inspectPlan(fixed).plan.sections.find((s) => s.id === 'F')!.subsections;
    assert.deepEqual(waves.map((w) => w.heading.text), ['Wave 1', 'Wave 2', 'Wave 3']);
  });

  it('counts the Mitigation stub it adds as one gap, not two', () => {
    const plan = GOOD_PLAN.replace('- Risk 1: rate limits during backfill.\n  - Mitigation: backoff and a resumable cursor.', '- Risk 1: rate limits');
    const fixed = fixAllOf(plan);
    assert.match(fixed, /- Risk 1: rate limits\n {2}- Mitigation: \n/);
    assert.deepEqual([count(plan, 'warning'), count(fixed, 'warning')], [1, 1]);
    assert.deepEqual(analyzePlan(fixed).findings.map((f) => f.ruleId), ['risk-without-mitigation']);
  });
});
