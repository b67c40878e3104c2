import assert from 'node:assert/strict';
import { analyzePlan, buildSchema, parseConfig, readTemplate, scaffoldPlan } from '../../../src/core';
import { nearestName } from '../../../src/core/config';

const FEATURE = [
  '# {Feature} Feature Rollout Plan',
  '',
  '## A) Goal',
  '- Problem solved:',
  '- Success metric:',
  '',
  '## B) Scope',
  '- Audience: internal / beta / everyone',
  '- Out of scope:',
  '',
  '## C) Rollout Stages',
  '### Stage 1: Internal',
  '- Owner:',
  '- Exit criteria:',
  '',
  '### Stage 2: Beta',
  '- Owner:',
  '- Exit criteria:',
  '',
  '## D) Risks',
  '- Risk 1:',
  '',
  '## E) Launch Checklist',
  '- [ ] Flag defaults reviewed',
  '- [ ] Support briefed',
  '',
].join('\n');

describe('a team template', () => {
  const schema = buildSchema(FEATURE);

  it('is read by its shape: roles, fields, choices, stages and checklist', () => {
    const { description, problems, usable } = readTemplate(FEATURE);
    assert.equal(usable, true);
    assert.deepEqual(problems, []);
    assert.deepEqual(description.sections.map((s) => `${s.id}:${s.role}`), ['A:fields', 'B:fields', 'C:work', 'D:risks', 'E:checklist']);
    assert.deepEqual(description.sections[1].fields[0], { label: 'Audience', choices: ['internal', 'beta', 'everyone'] });
    assert.deepEqual(description.sections[2].subsections, { kind: 'stage', count: 2, fields: ['Owner', 'Exit criteria'] });
    assert.deepEqual(description.planTitles, ['Feature Rollout Plan', 'Rollout Plan', 'Feature Plan']);
    assert.equal(description.minSections, 3);
  });

  it('scaffolds a plan with the name in its title, which checks as a plan of that template with every blank flagged', () => {
    const text = scaffoldPlan('Dark Mode', schema);
    assert.equal(text.split('\n')[0], '# Dark Mode Feature Rollout Plan');
    const report = analyzePlan(text, { schema });
    assert.equal(report.isPlan, true);
    assert.equal(report.connectorName, 'Dark Mode');
    assert.equal(report.progress!.percent, 0);
    const rules = new Set(report.findings.map((f) => f.ruleId));
    for (const id of ['empty-field', 'unchosen-option', 'go-no-go-open']) assert.ok(rules.has(id), `${id} missing: ${[...rules]}`);
    assert.ok(!rules.has('missing-section'));
  });

  it('checks a stage for its own fields, as phases are checked', () => {
    const text = scaffoldPlan('Dark Mode', schema).replace('### Stage 2: Beta\n- Owner:\n- Exit criteria:', '### Stage 2: Beta\n- Owner: Ana');
    const findings = analyzePlan(text, { schema }).findings.filter((f) => f.ruleId === 'phase-incomplete');
    assert.deepEqual(findings.map((f) => f.message), ['Stage 2 has no Exit criteria: add "- Exit criteria:" with its value.']);
  });

  it('a plain note is no plan of it; the built-in template is used without one', () => {
    assert.equal(analyzePlan('# Notes\n\n## Goal\n- x\n', { schema }).isPlan, false);
    assert.equal(analyzePlan(scaffoldPlan('Dark Mode', schema)).findings.some((f) => f.ruleId === 'missing-section'), true);
  });

  it('says what is wrong with a template: no title placeholder, a section with nothing to fill, one letter twice, no sections', () => {
    const bad = readTemplate('# Feature Plan\n\n## A) Goal\n- Why:\n\n## A) Scope\n\n## C) Risks\n- Risk 1:\n');
    assert.deepEqual(bad.problems.map((p) => `${p.severity} ${p.line ?? '-'} ${p.message.split(':')[0]}`), [
      'warning 1 the title "Feature Plan" has no {placeholder} for the plan\'s name (as in `# {Feature} Feature Rollout Plan`)',
      'error 6 two sections have the letter A ("A) Goal", "A) Scope")',
      'warning 6 section A) Scope has no fields (`- Label',
    ]);
    const none = readTemplate('Just some text.\n');
    assert.equal(none.usable, false);
    assert.deepEqual(none.problems.map((p) => p.severity), ['warning', 'error']);
  });
});

describe('.connector-plan.json: templates and unknown keys', () => {
  it('reads "template" and "templates", each entry a glob list and a path', () => {
    const parsed = parseConfig('{ "template": "t/plan.md", "templates": [{ "files": "features/**/*.md", "template": "t/feature.md" }, { "files": ["a/*.md", "b/*.md"], "template": "t/b.md" }] }', 'cfg.json');
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.template, 't/plan.md');
    assert.deepEqual(parsed.templates, [{ files: ['features/**/*.md'], template: 't/feature.md' }, { files: ['a/*.md', 'b/*.md'], template: 't/b.md' }]);
  });

  it('names an unknown key and the nearest known one', () => {
    const { problems } = parseConfig('{ "rule": {}, "template_path": "x.md", "templates": [{ "glob": "a/*.md", "template": "t.md" }], "rules": { "empty-fields": "off" }, "colour": 1 }', 'cfg.json');
    const messages = problems.map((p) => p.message);
    assert.ok(messages.some((m) => /unknown setting "rule" \(did you mean "rules"\?\)/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /unknown setting "template_path" \(did you mean "template"\?\)/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /templates\[0\]: unknown key "glob"/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /unknown rule "empty-fields" \(did you mean "empty-field"\?\)/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /unknown setting "colour"; known settings/.test(m)), messages.join('\n'));
  });

  it('nearestName suggests nothing for a word that is far from every known one', () => {
    assert.equal(nearestName('banana', ['rules', 'files', 'template']), undefined);
    assert.equal(nearestName('Files', ['rules', 'files']), 'files');
  });

  it('reads `- [P1]` / `- [P2]` risk items as slots for risks by severity, and does not call the section empty', () => {
    const read = readTemplate(['# {Feature Name} Plan', '', '## Outcome', '- Problem:', '', '## Risk Register', '- [P1]', '  - Mitigation:', '- [P2]', '  - Mitigation:', '', '## Open Questions', '- Q1:', ''].join('\n'));
    const risks = read.description.sections.find((s) => s.title === 'Risk Register')!;
    assert.equal(risks.role, 'risks');
    assert.deepEqual(risks.severities, ['P1', 'P2']);
    assert.deepEqual(read.problems.filter((p) => /Risk Register/.test(p.message)), []);
  });
});
