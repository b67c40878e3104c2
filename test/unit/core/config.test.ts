import assert from 'node:assert/strict';
import { analyzePlan, parseConfig } from '../../../src/core';
import { GOOD_PLAN, findingLines, lines } from './plan-text';

describe('configuration', () => {
  it('reads per-rule severities and off', () => {
    const { rules, problems } = parseConfig('{ "rules": { "empty-field": "error", "go-no-go-open": "off" } }', '.connector-plan.json');
    assert.deepEqual(problems, []);
    const plan = GOOD_PLAN.replace('- Tasks: cursor table migration.', '- Tasks:').replace('- [x] Auth', '- [ ] Auth');
    const report = analyzePlan(plan, { rules });
    assert.deepEqual(report.findings.map((f) => `${f.ruleId}:${f.severity}`), ['empty-field:error']);
    assert.equal(report.progress!.goNoGo.verdict, 'NO-GO');
  });

  for (const [text, pattern] of [
    ['{ "rules": ', /cfg\.json: not valid JSON/],
    ['[]', /cfg\.json: expected an object/],
    ['{ "rules": { "empty-feild": "off" } }', /cfg\.json: unknown rule "empty-feild"/],
    ['{ "rules": { "empty-field": "loud" } }', /cfg\.json: rule "empty-field" has severity "loud"; use one of error, warning, info, off/],
    ['{ "rules": [] }', /cfg\.json: "rules" must be an object/],
    ['{ "rulez": {} }', /cfg\.json: unknown setting "rulez"/],
  ] as const) {
    it(`explains ${text} and keeps the defaults`, () => {
      const { rules, problems } = parseConfig(text, 'cfg.json');
      assert.deepEqual(rules, {});
      assert.equal(problems.length, 1);
      assert.match(problems[0].message, pattern);
    });
  }
});

describe('configuration: "loops"', () => {
  it('reads folder globs (trailing slashes and ./ dropped), false, and true as the default', () => {
    assert.deepEqual(parseConfig('{ "loops": ["docs/connectors/*/", "./plans/x"] }', 'c.json'), { rules: {}, files: [], template: undefined, templates: [], loops: ['docs/connectors/*', 'plans/x'], problems: [] });
    assert.equal(parseConfig('{ "loops": false }', 'c.json').loops, false);
    assert.ok(!('loops' in parseConfig('{ "loops": true }', 'c.json')));
    assert.ok(!('loops' in parseConfig('{}', 'c.json')));
  });

  it('names a bad value and keeps the good globs', () => {
    assert.deepEqual(parseConfig('{ "loops": "docs/*" }', 'c.json').problems.map((p) => p.message), ['c.json: "loops" must be a list of globs naming review-loop folders, like ["docs/connectors/*"], or false to read no folder as a review loop.']);
    const mixed = parseConfig('{ "loops": ["ok/*", 3, "../out", "/abs"] }', 'c.json');
    assert.deepEqual(mixed.loops, ['ok/*']);
    assert.deepEqual(mixed.problems.map((p) => p.message), [
      'c.json: "loops" holds 3; each entry must be a glob naming folders, such as "docs/connectors/*".',
      'c.json: "loops" glob "../out" leaves the config\'s folder; write it relative to the folder of c.json, without "..".',
      'c.json: "loops" glob "/abs" leaves the config\'s folder; write it relative to the folder of c.json, without "..".',
    ]);
    assert.match(parseConfig('{ "loop": [] }', 'c.json').problems[0].message, /unknown setting "loop" \(did you mean "loops"\?\)/);
  });
});

describe('inline comments', () => {
  const plan = (gap: string) => GOOD_PLAN.replace('- Tasks: cursor table migration.', gap);

  it('disable-next-line, disable-line, disable/enable with and without a rule id', () => {
    assert.deepEqual(findingLines(plan('<!-- connector-plan-disable-next-line empty-field -->\n- Tasks:')), []);
    assert.deepEqual(findingLines(plan('- Tasks: <!-- connector-plan-disable-line -->')), []);
    assert.deepEqual(findingLines(plan('- Tasks: <!-- connector-plan-disable-line section-order -->')), ['41 empty-field']);
    assert.deepEqual(findingLines(lines('<!-- connector-plan-disable empty-field -->', plan('- Tasks:'))), []);
    assert.deepEqual(findingLines(lines('<!-- connector-plan-disable -->', plan('- Tasks:\n<!-- connector-plan-enable -->\n- Agent:'))), ['44 empty-field']);
  });

  it('ignores directives inside code fences', () => {
    assert.deepEqual(findingLines(plan('```\n<!-- connector-plan-disable -->\n```\n- Tasks:')), ['44 empty-field']);
  });
});
