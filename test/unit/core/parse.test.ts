import assert from 'node:assert/strict';
import { analyzePlan, inspectPlan } from '../../../src/core';
import { GOOD_PLAN, findingLines, gaps, lines, withSection } from './plan-text';

describe('parsing real plans', () => {
  it('finds no gap in a finished plan', () => {
    assert.deepEqual(gaps(GOOD_PLAN), []);
    const report = analyzePlan(GOOD_PLAN);
    assert.equal(report.isPlan, true);
    assert.equal(report.connectorName, 'Linear');
    assert.equal(report.progress!.percent, 100);
    assert.deepEqual(report.progress!.goNoGo, { checked: 2, total: 2, verdict: 'GO', reasons: [], reasonKinds: [] });
  });

  describe('labels', () => {
    for (const label of ['- **External system:** Linear', '- **External system**: Linear', '- __External system:__ Linear', '- *External system:* Linear', '- external SYSTEM: Linear']) {
      it(`reads ${label}`, () => {
        const plan = GOOD_PLAN.replace('- External system: Linear GraphQL API', label);
        assert.deepEqual(gaps(plan), []);
        const field = inspectPlan(plan).plan.sections[1].fields[0];
        assert.equal(field.template?.key, 'external-system');
      });
    }

    it('reads bold paragraph labels, one per line', () => {
      const plan = withSection(GOOD_PLAN, 'B', lines('## B) Source Model', '**External system:** Linear', '**Auth:** OAuth', '**Plan/tier constraints:** none', '**Pull mode:** incremental'));
      assert.deepEqual(gaps(plan), []);
      assert.deepEqual(inspectPlan(plan).plan.sections[1].fields.map((f) => f.template?.key), ['external-system', 'authentication-model', 'plan-tier-constraints', 'data-pull-mode']);
    });

    it('matches renamed fields by meaning', () => {
      const plan = withSection(GOOD_PLAN, 'B', lines('## B) Source Model', '- Source: Linear', '- Auth model: OAuth', '- Plan limits known: none', '- Pull style: snapshot nightly'));
      const keys = inspectPlan(plan).plan.sections[1].fields.map((f) => f.template?.key);
      assert.deepEqual(keys, [undefined, 'authentication-model', 'plan-tier-constraints', 'data-pull-mode']);
      assert.deepEqual(gaps(plan), []);
    });

    it('does not take an unrelated field for a template one', () => {
      const plan = GOOD_PLAN.replace('- Plan/tier constraints: 1,500 requests per hour', '- Data retention: 90 days');
      assert.equal(inspectPlan(plan).plan.sections[1].fields[2].template, undefined);
      assert.deepEqual(gaps(plan), []);
    });

    it('does not read a URL or a time as a label', () => {
      const plan = GOOD_PLAN.replace('- Tasks: cursor table migration.', '- Tasks:\n  - https://linear.app/docs at 10:30');
      assert.deepEqual(gaps(plan), []);
    });
  });

  describe('values', () => {
    const cases: [string, string][] = [
      ['nested lines', '- Scope:\n  OAuth and the route.'],
      ['a nested list', '- Scope:\n  - OAuth\n  - the route'],
      ['a code block', '- Scope:\n\n```ts\nconnect();\n```'],
      ['a table', '- Scope:\n\n| what | when |\n|---|---|\n| OAuth | week 1 |'],
      ['a numbered list', '- Scope:\n  1. OAuth\n  2. the route'],
    ];
    for (const [name, scope] of cases) {
      it(`counts ${name} under the label as the value`, () => {
        const plan = GOOD_PLAN.replace('- Scope: OAuth and the test-connection route.', scope);
        assert.deepEqual(gaps(plan), []);
      });
    }

    it('does not count an HTML comment as a value', () => {
      const plan = GOOD_PLAN.replace('- Scope: OAuth and the test-connection route.', '- Scope: <!-- fill in -->');
      assert.deepEqual(gaps(plan), ['29 empty-field']);
    });

    it('takes a sub-heading as a field', () => {
      const plan = GOOD_PLAN.replace('- onConflict strategy: upsert on `(source, external_id)`.', '### onConflict strategy\nUpsert on the pair.\n');
      assert.deepEqual(gaps(plan), []);
      const empty = GOOD_PLAN.replace('- onConflict strategy: upsert on `(source, external_id)`.', '### onConflict strategy\n');
      assert.deepEqual(gaps(empty), ['24 empty-field']);
    });

    it('reads bold template labels later on the same line as fields of their own', () => {
      const plan = GOOD_PLAN.replace(
        '- Scope: incremental issue sync.\n- Deliverables: sync route and cursor table.\n- Validation tests: a re-run inserts nothing new.',
        '- **Scope:** incremental issue sync. **Deliverables:** sync route. **Validation tests:** a re-run inserts nothing new.',
      );
      assert.deepEqual(gaps(plan), []);
      const empty = plan.replace('**Deliverables:** sync route.', '**Deliverables:**');
      const line = empty.split('\n').findIndex((l) => l.includes('**Deliverables:**'));
      const findings = analyzePlan(empty).findings.filter((f) => f.ruleId === 'empty-field');
      assert.deepEqual(findings.map((f) => [f.range.start.line, f.range.start.character, f.message.split(' is ')[0]]), [[line, empty.split('\n')[line].indexOf('Deliverables'), '"Deliverables"']]);
    });

    it('reads key/value tables where the template has a list', () => {
      const plan = withSection(GOOD_PLAN, 'B', lines('## B) Source Model', '| Field | Value |', '|---|---|', '| External system | Linear |', '| Auth | OAuth |', '| Pull mode | |'));
      assert.deepEqual(gaps(plan), ['13 empty-field']);
    });
  });

  describe('sections', () => {
    it('accepts headings without letters, with suffixes, and --- separators', () => {
      const plan = GOOD_PLAN.replace('## A) Business Goal', '## Business Goal (updated Oct)').replace('## B) Source Model', '---\n\n## B. Source Model — v2').replace('## C) Linking Points (Identity Graph)', '## C - Linking Points');
      assert.deepEqual(gaps(plan), []);
    });

    it('ignores front matter, extra sections and code fences', () => {
      const plan = lines('---', 'title: x', 'tags: [a]', '---', GOOD_PLAN, '', '## K) Rollback', '- Scope:', '- Owner: {name}', '', '## Appendix', '```md', '## A) Business Goal', '- Why this connector exists:', '- {placeholder}', '```');
      assert.deepEqual(gaps(plan), []);
      assert.equal(inspectPlan(plan).plan.sections.filter((s) => !s.id).length, 2);
    });

    it('is not misled by many phase headings into taking them for sections', () => {
      const phases = Array.from({ length: 30 }, (_, i) => `### Phase ${i + 3}: Part ${i}\n- Scope: a\n- Deliverables: b\n- Validation tests: c\n`).join('\n');
      const plan = GOOD_PLAN.replace('## F) Agent-Team Plan', `${phases}\n## F) Agent-Team Plan`);
      assert.equal(inspectPlan(plan).plan.sectionLevel, 2);
      assert.deepEqual(gaps(plan), []);
    });

    it('reads a plan that so far has only section E with the template phases', () => {
      const plan = lines('# Acme Connector Rollout Plan', '', '## E) Delivery Phases', '### Phase 1: Connection + Mapping', '- Scope: a', '### Phase 3: Analytics', '- Scope: b', '### Phase 4: Operational Readiness', '- Scope: c');
      assert.equal(inspectPlan(plan).plan.sectionLevel, 2);
      assert.equal(findingLines(plan).filter((f) => f.endsWith('phase-incomplete')).length, 3);
    });

    it('reads a plan whose sections are H1 headings', () => {
      const plan = GOOD_PLAN.replace(/^## /gm, '# ').replace(/^### /gm, '## ').replace('# Linear Connector Rollout Plan\n', '');
      assert.equal(inspectPlan(plan).plan.sectionLevel, 1);
      assert.deepEqual(gaps(plan), []);
    });
  });

  describe('phases and waves', () => {
    it('reads the status suffix of a phase heading', () => {
      const plan = GOOD_PLAN.replace('### Phase 1: Connection + Mapping', '### Phase 1: Connect — COMPLETE').replace('### Phase 2: Sync Engine', '### Phase 2: Sync — PARTIAL (contacts only)');
      const subs = inspectPlan(plan).plan.sections[4].subsections;
      assert.deepEqual(subs.map((s) => [s.kind, s.heading.number, s.heading.status]), [['phase', 1, 'complete'], ['phase', 2, 'partial']]);
    });

    for (const suffix of ['— DEFERRED', '(Optional)', '- deferred to Q3']) {
      it(`owes nothing for a phase marked ${suffix}`, () => {
        const plan = GOOD_PLAN.replace('## F) Agent-Team Plan', `### Phase 3: Analytics ${suffix}\n- Scope:\n\n## F) Agent-Team Plan`);
        assert.deepEqual(gaps(plan), []);
      });
    }
  });

  describe('go/no-go items', () => {
    it('reads [ ], [x], [X] and evidence notes', () => {
      const plan = withSection(GOOD_PLAN, 'I', lines('## I) Operational Go/No-Go', '- [x] Auth passes — verified 2026-10-02 (run #412)', '- [X] Mappings validated', '- [ ] Sync resumes'));
      const report = analyzePlan(plan);
      assert.deepEqual(report.progress!.goNoGo, { checked: 2, total: 3, verdict: 'NO-GO', reasons: ['1 of 3 go/no-go items unchecked'], reasonKinds: ['unchecked'] });
      assert.deepEqual(inspectPlan(plan).plan.sections[8].tasks.map((t) => t.text), ['Auth passes — verified 2026-10-02 (run #412)', 'Mappings validated', 'Sync resumes']);
    });
  });

  describe('text encodings and whitespace', () => {
    it('reads CRLF line endings with the same findings', () => {
      const plan = GOOD_PLAN.replace('- Scope: OAuth and the test-connection route.', '- Scope:');
      assert.deepEqual(gaps(plan.replace(/\n/g, '\r\n')), gaps(plan));
      assert.deepEqual(gaps(plan), ['29 empty-field']);
    });

    it('reads a BOM, tab-indented lists and non-ASCII text', () => {
      const plan = '\ufeff' + GOOD_PLAN.replace('- Success in the next 2-4 weeks: every escalation links to its Linear issue.', '- Success in the next 2-4 weeks:\n\t- Zufriedenheit ↑ — 客户满意 🎉');
      assert.deepEqual(gaps(plan), []);
      assert.equal(analyzePlan(plan).connectorName, 'Linear');
    });
  });

  describe('not a plan', () => {
    it('gives no findings to an ordinary markdown file', () => {
      const report = analyzePlan(lines('# Connector Plan', '', 'A VS Code extension.', '', '## Install', '- npm i'));
      assert.equal(report.isPlan, false);
      assert.deepEqual(report.findings, []);
      assert.equal(report.progress, undefined);
    });

    it('gives no findings to a playbook that quotes the template in a code fence', () => {
      const report = analyzePlan(lines('# Connector Playbook', '', '## 1. How to use', 'Copy this:', '', '```md', GOOD_PLAN, '```'));
      assert.equal(report.isPlan, false);
    });

    it('reads the connector name before or after the plan title words', () => {
      assert.equal(analyzePlan(GOOD_PLAN.replace('# Linear Connector Rollout Plan', '# Connector Rollout Plan: Linear Issues')).connectorName, 'Linear Issues');
      assert.equal(analyzePlan(GOOD_PLAN.replace('# Linear Connector Rollout Plan', '# Linear — Rollout Plan')).connectorName, 'Linear');
      assert.equal(analyzePlan(GOOD_PLAN.replace('# Linear Connector Rollout Plan', '# {ConnectorName} Connector Rollout Plan')).connectorName, undefined);
    });

    it('knows a plan without a title by its sections', () => {
      assert.equal(analyzePlan(GOOD_PLAN.replace('# Linear Connector Rollout Plan', '')).isPlan, true);
    });
  });

  it('never throws, whatever the input', () => {
    const pieces = ['# ', '## A) ', '- ', '**', ':', '|', '---', '```', '\n', '\r\n', '{', '}', '[ ]', '\t', '\ufeff', '<!--', '-->', 'Risk 1:', 'Phase 1', '\u0000', '🎉', '> '];
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let n = 0; n < 300; n++) {
      let text = '';
      for (let k = 0; k < 60; k++) text += pieces[Math.floor(random() * pieces.length)] + (random() < 0.3 ? 'word ' : '');
      assert.doesNotThrow(() => analyzePlan(text), text);
      assert.doesNotThrow(() => analyzePlan(GOOD_PLAN.slice(0, Math.floor(random() * GOOD_PLAN.length)) + text));
    }
    assert.doesNotThrow(() => analyzePlan(undefined as unknown as string));
  });
});

describe('shapes found by bug hunts on real-looking plans', () => {
  it('flags the option list left on the line under its label', () => {
    const plan = GOOD_PLAN.replace('- Data pull mode: incremental', '### Data pull mode\nincremental / snapshot / hybrid\n');
    const found = analyzePlan(plan).findings.filter((f) => f.ruleId === 'unchosen-option');
    const line = plan.split('\n').indexOf('incremental / snapshot / hybrid');
    assert.deepEqual(found.map((f) => [f.range.start.line, f.range.start.character, f.range.end.character]), [[line, 0, 'incremental / snapshot / hybrid'.length]]);
    assert.deepEqual(gaps(plan.replace('incremental / snapshot / hybrid\n', 'incremental / snapshot / hybrid\n- Hybrid: backfill, then a cursor.\n')), []);
  });

  it('takes a repeated title with a remark in parentheses for a duplicate', () => {
    const plan = `${GOOD_PLAN}\n\n## Agent-Team Plan (revised 2 Dec)\n### Wave 1\n- Agent: \`schema-sync\`\n- Tasks: migrations.\n`;
    assert.ok(gaps(plan).some((g) => g.endsWith('duplicate-section')), gaps(plan).join(', '));
  });

  it('reads template labels after a to-do box in an owner checklist', () => {
    const plan = GOOD_PLAN.replace('- Migration files to apply: `20261101_linear.sql`', '- [ ] Migration files to apply:');
    assert.deepEqual(gaps(plan), [`${plan.split('\n').indexOf('- [ ] Migration files to apply:') + 1} empty-field`]);
  });

  it('does not take a wrapper heading named with a word of the template title (## Plan) for a section', () => {
    const body = GOOD_PLAN.split('\n').slice(1).map((l) => (l.startsWith('## ') ? `#${l}` : l.startsWith('### ') ? `#${l}` : l));
    const plan = ['# Linear Connector Rollout Plan', '', '## Context', 'Why we write this.', '', '## Plan', ...body].join('\n');
    assert.deepEqual(gaps(plan), []);
    assert.equal(inspectPlan(plan).plan.sectionLevel, 3);
  });

  it('reads several mapping tables in D, one per entity, as one mapping', () => {
    const plan = GOOD_PLAN.replace('| Assignee to staff | `linear_user` | `user.id` | `staff` | 1:1 | app |', '\n### Staff\n| Mapping Purpose | source | External ID | Internal Entity | Cardinality | Enforced In |\n|---|---|---|---|---|---|\n| Assignee to staff | `linear_user` | `user.id` | `staff` | several | both |\n| Team again | `linear_team` | `team.id` | `partners` | 1:1 | DB |');
    const lines = plan.split('\n');
    assert.deepEqual(gaps(plan), [`${lines.findIndex((l) => l.includes('several')) + 1} invalid-choice`, `${lines.findIndex((l) => l.startsWith('| Team again')) + 1} mapping-table`]);
  });

  it('reads a link table by its External and Internal columns, whatever else it has', () => {
    const plan = withSection(GOOD_PLAN, 'C', lines('## C) Linking Points (Identity Graph)', '| # | External field | Internal entity + key | Status |', '|---|---|---|---|', '| 1 | `issue.team.key` | `partners.linear_team_key` | 🟢 |', '| 2 | `assignee.email` | | 🟢 |'));
    assert.deepEqual(gaps(plan), [`${plan.split('\n').findIndex((l) => l.startsWith('| 2 |')) + 1} linking-point-format`]);
  });

  it('reads risks and D fields written as Field | Answer tables', () => {
    const plan = withSection(GOOD_PLAN, 'G', lines('## G) Risks + Mitigations', '| Field | Answer |', '|---|---|', '| Risk 1 | rate limits during backfill — mitigation: backoff and a cursor |', '| Risk 2 | the OAuth app is deleted |'))
      .replace('- onConflict strategy: upsert on `(source, external_id)`.\n- Required metadata per mapping: `team_key`, `synced_at`.', '| Field | Answer |\n|---|---|\n| onConflict strategy | upsert on the pair |\n| Required metadata per mapping | |');
    const rows = plan.split('\n');
    assert.deepEqual(gaps(plan), [`${rows.findIndex((l) => l.startsWith('| Required metadata')) + 1} empty-field`, `${rows.findIndex((l) => l.startsWith('| Risk 2')) + 1} risk-without-mitigation`]);
  });

  it('reads bold lines as headings in a plan whose # headings name no section', () => {
    const body = GOOD_PLAN.split('\n').slice(1).map((l) => l.replace(/^#{2,3} (.*)$/, '**$1**'));
    const plan = ['# Linear Connector Rollout Plan', ...body].join('\n');
    assert.deepEqual(gaps(plan), []);
    assert.equal(analyzePlan(plan).progress!.percent, 100);
  });

  it('reads a long plan of bold-line headings the same every time: the parse it shares with the next is never changed', () => {
    // Over the size a document is parsed in pieces, each piece's blocks kept for the next parse of the same text.
    const body = GOOD_PLAN.split('\n').slice(1).map((l) => l.replace(/^#{2,3} (.*)$/, '**$1**'));
    const notes = Array.from({ length: 400 }, (_, i) => `Note ${i}: the sync's cursor is kept per team and page.`).join('\n\n');
    const plan = ['# Linear Connector Rollout Plan', ...body, '', notes].join('\n');
    assert.ok(plan.length > 20_000, 'parsed in pieces');
    const first = JSON.stringify(analyzePlan(plan));
    assert.deepEqual(JSON.parse(first).findings, []);
    assert.equal(JSON.stringify(analyzePlan(plan)), first);
    // A line added above: the pieces after it are moved copies of the kept ones.
    const moved = analyzePlan(`\n${plan}`);
    assert.equal(moved.progress!.percent, 100);
    assert.deepEqual(moved.findings, []);
  });
});
