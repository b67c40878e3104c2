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

describe('a team template read as its team means it', () => {
  const TEMPLATE = [
    '# {Feature Name} Plan',
    '',
    '## Outcome',
    '- Problem:',
    '- Success metric:',
    '',
    '## Scoring Baseline',
    '| Category | Baseline | Target |',
    '|---|---|---|',
    '| Performance | | |',
    '| Accessibility | | |',
    '| Error rate | | |',
    '',
    '## Task Matrix',
    '| Task | Owner | Status |',
    '|---|---|---|',
    '| | | |',
    '',
    '## Risk Register',
    '- [P1]',
    '  - Mitigation:',
    '',
    '## Verification Checklist',
    '- [ ] Rollback rehearsed',
    '',
  ].join('\n');
  const schema = buildSchema(TEMPLATE);
  const PLAN = [
    '# Saved Search Plan',
    '',
    '## Outcome',
    '- Problem: searches are lost on logout.',
    '- Success metric: 20% of searches saved.',
    '',
    '## Scoring Baseline',
    '| Category | Baseline | Target |',
    '|---|---|---|',
    '| Performance | 180 ms | 200 ms |',
    '| Accessibility | axe clean | axe clean |',
    '| Error rate | 0.2% | 0.3% |',
    '| Relevance | 0.61 | 0.70 |',
    '',
    '## Task Matrix',
    '| Task | Owner | Status |',
    '|---|---|---|',
    '| Storage | Ana | Done |',
    '',
    '## Risk Register',
    '- [P1] Saved searches leak between accounts.',
    '  - Mitigation: rows keyed by account.',
    '',
    '## Verification Checklist',
    '- [x] Rollback rehearsed',
    '',
  ].join('\n');
  const messages = (text: string, options = { schema }) => analyzePlan(text, options).findings.map((f) => `${f.range.start.line + 1} ${f.ruleId}: ${f.message}`);

  it('describes its tables as tables of rows, with the rows it names in the first column required', () => {
    const sections = readTemplate(TEMPLATE).description.sections;
    const scoring = sections.find((s) => s.title === 'Scoring Baseline')!;
    const tasks = sections.find((s) => s.title === 'Task Matrix')!;
    assert.equal(scoring.table, 'rows');
    assert.deepEqual(scoring.fixedRows, ['Performance', 'Accessibility', 'Error rate']);
    assert.equal(tasks.table, 'rows');
    assert.equal(tasks.fixedRows, undefined);
    assert.equal(readTemplate(TEMPLATE.replace('## Task Matrix', '## Mapping Rules')).description.sections.find((s) => s.title === 'Mapping Rules')!.table, 'mapping');
  });

  it('takes the finished plan as it is: an extra row is welcome', () => {
    assert.deepEqual(messages(PLAN), []);
    assert.equal(analyzePlan(PLAN, { schema }).progress!.percent, 100);
  });

  it('asks for a named row the plan leaves out, in the template\'s words, and its fix adds the row', () => {
    const text = PLAN.replace('| Accessibility | axe clean | axe clean |\n', '');
    const report = analyzePlan(text, { schema });
    const found = report.findings.filter((f) => f.severity !== 'info');
    assert.deepEqual(found.map((f) => `${f.range.start.line + 1} ${f.message}`), ['8 Section B) Scoring Baseline has no row for Accessibility: the template asks for it; add it and fill its cells.']);
    assert.equal(report.progress!.sections.find((s) => s.id === 'B')!.status, 'partial');
    const edit = found[0].fixes![0].edits[0];
    assert.deepEqual([edit.range.start.line, edit.newText], [12, '| Accessibility | | |\n']);
  });

  it('speaks of rows, never of mapping or cardinality, in every message on a plan of its template', () => {
    const draft = PLAN.replace('| Storage | Ana | Done |', '| Storage | | Done |').replace(/\| Performance .*\n/, '| Performance | 180 ms |\n').replace('## Task Matrix\n| Task | Owner | Status |\n|---|---|---|\n| Storage | | Done |\n', '## Task Matrix\nTo do.\n');
    const all = analyzePlan(draft, { schema }).findings.map((f) => f.message);
    assert.ok(all.length >= 2, all.join('\n'));
    for (const m of all) assert.doesNotMatch(m, /mapping|cardinality/i);
    assert.ok(all.some((m) => /Task Matrix has no table rows/.test(m)), all.join('\n'));
  });

  it('asks for a mitigation only where the template names one, and finds it in the risk\'s own sentence', () => {
    const unasked = buildSchema(TEMPLATE.replace('## Risk Register\n- [P1]\n  - Mitigation:', '## Risks\n- Risk 1:'));
    const plan = PLAN.replace('## Risk Register\n- [P1] Saved searches leak between accounts.\n  - Mitigation: rows keyed by account.', '## Risks\n- Risk 1: saved searches leak between accounts.');
    assert.deepEqual(messages(plan, { schema: unasked }), []);
    assert.equal(readTemplate(TEMPLATE.replace('## Risk Register\n- [P1]\n  - Mitigation:', '## Risks\n- Risk 1:')).description.sections.find((s) => s.title === 'Risks')!.mitigation, false);
    const bare = PLAN.replace('\n  - Mitigation: rows keyed by account.', '');
    assert.deepEqual(messages(bare).map((m) => m.split(':')[0]), ['21 risk-without-mitigation']);
    assert.deepEqual(messages(bare.replace('leak between accounts.', 'leak between accounts; fall back to per-account tables.')), []);
  });
});
