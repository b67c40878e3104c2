import assert from 'node:assert/strict';
import { analyzePlan, completionsAt, getDefaultSchema, hoverAt, inspectPlan, type PlanCompletion } from '../../../src/core';
import { acceptedValues, chosenValue, isOptionList } from '../../../src/core/plan/choices';
import { readPlan } from '../../../src/core/plan/parse-plan';
import { buildSchema } from '../../../src/core/template/schema';
import { DEFAULT_TEMPLATE_TEXT } from '../../../src/core/template/default-template.generated';
import { applyEdits, GOOD_PLAN, lines, withSection } from './plan-text';

const CURSOR = '‸';

/** The text without its cursor mark, and where the mark was. */
function cursorIn(marked: string): { text: string; line: number; character: number } {
  const rows = marked.split('\n');
  const line = rows.findIndex((r) => r.includes(CURSOR));
  assert.ok(line >= 0, 'the test text has no cursor mark');
  const character = rows[line].indexOf(CURSOR);
  rows[line] = rows[line].replace(CURSOR, '');
  return { text: rows.join('\n'), line, character };
}

function complete(marked: string): PlanCompletion[] {
  const { text, line, character } = cursorIn(marked);
  return completionsAt(inspectPlan(text).plan, line, character);
}

/** The document's line at the cursor after accepting the completion with that label. */
function accept(marked: string, label: string): string {
  const { text, line } = cursorIn(marked);
  const item = complete(marked).find((c) => c.label === label);
  assert.ok(item, `no completion "${label}"`);
  assert.ok(item.range, 'completions carry the range they replace');
  return applyEdits(text, [{ range: item.range, newText: item.insertText }]).split('\n')[line];
}

function hover(marked: string): string | undefined {
  const { text, line, character } = cursorIn(marked);
  const { plan, report } = inspectPlan(text);
  return hoverAt(plan, report, line, character)?.contents;
}

const labels = (items: PlanCompletion[]) => items.map((c) => c.label);

describe('assist: completion', () => {
  describe('choice fields', () => {
    it('offers the template choices after the label and inserts the one picked', () => {
      const marked = GOOD_PLAN.replace('- Data pull mode: incremental', `- Data pull mode: ${CURSOR}`);
      assert.deepEqual(labels(complete(marked)), ['incremental', 'snapshot', 'hybrid']);
      assert.ok(complete(marked).every((c) => c.kind === 'value'));
      assert.equal(accept(marked, 'snapshot'), '- Data pull mode: snapshot');
    });

    it('adds the space when the cursor is right after the colon', () => {
      const marked = GOOD_PLAN.replace('- Data pull mode: incremental', `- **Data pull mode:**${CURSOR}`);
      assert.equal(accept(marked, 'hybrid'), '- **Data pull mode:** hybrid');
    });

    it('replaces the option list left from the template, keeping every option visible', () => {
      const marked = GOOD_PLAN.replace('- Data pull mode: incremental', `- Data pull mode: incremental / snapshot / hybrid${CURSOR}`);
      const items = complete(marked);
      assert.ok(items.every((c) => c.filterText?.startsWith('incremental / snapshot / hybrid')));
      assert.equal(accept(marked, 'hybrid'), '- Data pull mode: hybrid');
    });

    it('completes what is being typed', () => {
      const marked = GOOD_PLAN.replace('- Data pull mode: incremental', `- Data pull mode: sna${CURSOR}`);
      assert.equal(complete(marked)[0].filterText, undefined);
      assert.equal(accept(marked, 'snapshot'), '- Data pull mode: snapshot');
    });

    it('offers nothing on a field without choices', () => {
      assert.deepEqual(complete(GOOD_PLAN.replace('- External system: Linear GraphQL API', `- External system: ${CURSOR}`)), []);
    });

    it('reads the choices from the template, not from a list of its own', () => {
      const schema = buildSchema(DEFAULT_TEMPLATE_TEXT.replace('incremental / snapshot / hybrid', 'push / pull'));
      const { text, line, character } = cursorIn(GOOD_PLAN.replace('- Data pull mode: incremental', `- Data pull mode: ${CURSOR}`));
      assert.deepEqual(labels(completionsAt(readPlan(text, schema), line, character)), ['push', 'pull', 'push + pull']);
    });
  });

  describe('mapping table cells', () => {
    const row = '| Team to partner | `linear_team` | `team.id` | `partners` | 1:1 | DB |';

    it('offers cardinalities in an empty Cardinality cell', () => {
      const marked = GOOD_PLAN.replace(row, `| Team to partner | \`linear_team\` | \`team.id\` | \`partners\` | ${CURSOR} | DB |`);
      assert.deepEqual(labels(complete(marked)), ['1:1', '1:N', 'N:1', 'N:M']);
      assert.equal(accept(marked, '1:N'), '| Team to partner | `linear_team` | `team.id` | `partners` | 1:N | DB |');
    });

    it('replaces a choice placeholder in an Enforced In cell', () => {
      const marked = GOOD_PLAN.replace(row, `| Team to partner | \`linear_team\` | \`team.id\` | \`partners\` | 1:1 | {DB/${CURSOR}app} |`);
      assert.deepEqual(labels(complete(marked)), ['DB', 'app', 'DB + app']);
      assert.equal(accept(marked, 'app'), '| Team to partner | `linear_team` | `team.id` | `partners` | 1:1 | app |');
    });

    it('tolerates a row being typed: no closing pipe, no space after the pipe', () => {
      const typing = `${row}\n| Extra | \`x\` | \`x.id\` | \`x\` | 1:N | ap${CURSOR}`;
      assert.equal(accept(GOOD_PLAN.replace(row, typing), 'app'), '| Extra | `x` | `x.id` | `x` | 1:N | app');
      const justPiped = `${row}\n| Extra | \`x\` | \`x.id\` | \`x\` |${CURSOR}`;
      assert.equal(accept(GOOD_PLAN.replace(row, justPiped), '1:1'), '| Extra | `x` | `x.id` | `x` | 1:1');
    });

    it('offers nothing in a column without choices', () => {
      assert.deepEqual(complete(GOOD_PLAN.replace('| `linear_team` |', `| \`linear${CURSOR}_team\` |`)), []);
    });
  });

  describe('field labels', () => {
    const sourceModel = (marked: string) => withSection(GOOD_PLAN, 'B', lines('## B) Source Model', '- External system: Linear GraphQL API', marked));

    it('offers the section fields not written yet at the start of a list item', () => {
      const items = complete(sourceModel(`- ${CURSOR}`));
      assert.deepEqual(labels(items), ['Authentication model', 'Plan/tier constraints', 'Data pull mode']);
      assert.ok(items.every((c) => c.kind === 'field'));
      assert.equal(items.find((c) => c.label === 'Data pull mode')?.offersValues, true);
      assert.equal(accept(sourceModel(`- Pla${CURSOR}`), 'Plan/tier constraints'), '- Plan/tier constraints: ');
    });

    it('writes labels in bold when the section does', () => {
      const marked = withSection(GOOD_PLAN, 'B', lines('## B) Source Model', '- **External system:** Linear GraphQL API', `- ${CURSOR}`));
      assert.equal(accept(marked, 'Data pull mode'), '- **Data pull mode:** ');
    });

    it('offers a phase its missing fields', () => {
      const marked = GOOD_PLAN.replace('- Deliverables: sync route and cursor table.', `- ${CURSOR}`);
      assert.deepEqual(labels(complete(marked)), ['Deliverables']);
    });

    it('offers the next number of a series, written as the template writes it', () => {
      assert.deepEqual(labels(complete(GOOD_PLAN.replace('- Assumptions made: one Linear team per partner.', `- ${CURSOR}`))), ['Q2', 'Assumptions made']);
      assert.deepEqual(labels(complete(GOOD_PLAN.replace('  - Mitigation: backoff and a resumable cursor.', `  - Mitigation: backoff.\n- ${CURSOR}`))), ['Risk 2']);
    });

    it('offers the go/no-go items the checklist lacks', () => {
      const items = complete(GOOD_PLAN.replace('- [x] Mappings validated (manual + auto-match)', `- [x] Mappings validated (manual + auto-match)\n- ${CURSOR}`));
      assert.deepEqual(labels(items), ['Sync completes with safe resume behavior', 'Metrics spot-checked against raw source samples', 'Logs/alerts in place for stuck runs and repeated failures']);
      assert.equal(items[0].insertText, '[ ] Sync completes with safe resume behavior');
    });

    it('stays quiet on nested lines, on an existing label and in code', () => {
      assert.deepEqual(complete(sourceModel(`- Authentication model:\n  - ${CURSOR}`)), []);
      assert.deepEqual(complete(sourceModel(`- Auth${CURSOR}entication model: OAuth`)), []);
      assert.deepEqual(complete(sourceModel(`\n\`\`\`\n- ${CURSOR}\n\`\`\``)), []);
    });
  });

  describe('section headings', () => {
    const withoutCAndG = withSection(withSection(GOOD_PLAN, 'C', ''), 'G', '');

    it('offers the template sections missing from the plan at a heading start', () => {
      const marked = `${withoutCAndG}\n\n## ${CURSOR}`;
      const items = complete(marked);
      assert.deepEqual(labels(items), ['C) Linking Points (Identity Graph)', 'G) Risks + Mitigations']);
      assert.ok(items.every((c) => c.kind === 'section'));
      assert.equal(accept(marked, 'G) Risks + Mitigations'), '## G) Risks + Mitigations');
      assert.equal(accept(`${withoutCAndG}\n\n#${CURSOR}`, 'C) Linking Points (Identity Graph)'), '## C) Linking Points (Identity Graph)');
    });

    it('offers nothing at a phase-level heading', () => {
      assert.deepEqual(complete(`${withoutCAndG}\n\n### ${CURSOR}`), []);
    });
  });
});

describe('assist: hover', () => {
  it('shows a section heading its state and gaps', () => {
    const plan = GOOD_PLAN.replace('- Plan/tier constraints: 1,500 requests per hour', '- Plan/tier constraints:');
    const text = hover(plan.replace('## B) Source Model', `## B) Source ${CURSOR}Model`))!;
    assert.match(text, /^\*\*B\) Source Model\*\* — 3\/4 filled · partial/);
    assert.match(text, /- warning: "Plan\/tier constraints" is empty: .* \(line 11\)/);
    assert.match(hover(GOOD_PLAN.replace('## A) Business Goal', `#${CURSOR}# A) Business Goal`))!, /3\/3 filled · complete\n\nNo gaps\./);
  });

  it('says what a partial section still lacks, never "No gaps." next to a partial count', () => {
    const plan = GOOD_PLAN.replace('- Link 2: `assignee.email` -> `staff.email`', '- Link 2: {external field} -> {internal entity + key}').replace('- Q1: Do we sync archived issues? No, not in phase 1.\n', '');
    const links = hover(plan.replace('## C) Linking Points', `## C) ${CURSOR}Linking Points`))!;
    assert.match(links, /— 1\/2 filled · partial\n\nStill to write: links with an .+ shape\.\n\nGaps:/);
    const questions = hover(plan.replace('## J) Open Questions', `## J) ${CURSOR}Open Questions`))!;
    assert.equal(questions, '**J) Open Questions and Assumptions** — 1/2 filled · partial\n\nStill to write: Q1.');
    assert.doesNotMatch(questions, /No gaps/);
  });

  it('a field with no template guidance hovers its state only, never a stock sentence', () => {
    const plan = GOOD_PLAN.replace('- Plan/tier constraints: 1,500 requests per hour', '- Plan/tier constraints:');
    const text = hover(plan.replace('- Plan/tier constraints:', `- Plan/tier ${CURSOR}constraints:`))!;
    assert.match(text, /^\*\*Plan\/tier constraints\*\* — template field of B\) Source Model\n\nEmpty: /);
    assert.doesNotMatch(text, /template leaves it blank/i);
  });

  it('never shows a section complete while a finding sits in it, an info one too', () => {
    const reordered = withSection(GOOD_PLAN, 'H', '') + '\n\n' + /## H\)[^]*?(?=\n## I\))/.exec(GOOD_PLAN)![0];
    const report = analyzePlan(reordered);
    const order = report.findings.find((f) => f.ruleId === 'section-order');
    assert.ok(order && order.severity === 'info', report.findings.map((f) => f.ruleId).join(', '));
    const section = report.progress!.sections.find((s) => s.id === order.sectionId)!;
    assert.equal(section.filled, section.total);
    assert.equal(section.status, 'partial');
  });

  it('says a phase marked done owes nothing, and what a phase still lacks', () => {
    const done = hover(GOOD_PLAN.replace('- Deliverables: sync route and cursor table.\n', '').replace('### Phase 2: Sync Engine', `### Phase 2: ${CURSOR}Sync Engine — DONE`))!;
    assert.match(done, /Done: it owes nothing\./);
    const open = hover(GOOD_PLAN.replace('- Deliverables: sync route and cursor table.\n', '').replace('### Phase 2: Sync Engine', `### Phase 2: ${CURSOR}Sync Engine`))!;
    assert.match(open, /Still to write: Deliverables\./);
  });

  it('shows the plan title the overall progress and verdict', () => {
    const plan = GOOD_PLAN.replace('- [x] Auth and connection test pass', '- [ ] Auth and connection test pass');
    assert.equal(hover(plan.replace('# Linear', `# ${CURSOR}Linear`)), '**Linear Connector Rollout Plan** — 96% complete · NO-GO 1/2');
    assert.equal(hover(GOOD_PLAN.replace('# Linear', `# ${CURSOR}Linear`)), '**Linear Connector Rollout Plan** — 100% complete · GO 2/2');
  });

  it('shows a phase heading its fields and gaps', () => {
    const plan = GOOD_PLAN.replace('- Deliverables: sync route and cursor table.\n', '');
    const text = hover(plan.replace('### Phase 2: Sync Engine', `### Phase 2: ${CURSOR}Sync Engine`))!;
    assert.match(text, /\*\*Phase 2: Sync Engine\*\* — 2\/3 filled · E\) Delivery Phases/);
    assert.match(text, /Phase 2 has no Deliverables/);
  });

  it('shows a field label the template guidance, the allowed values and whether it is filled', () => {
    const text = hover(GOOD_PLAN.replace('- Data pull mode: incremental', `- Data pu${CURSOR}ll mode: incremental`))!;
    assert.match(text, /^\*\*Data pull mode\*\* — template field of B\) Source Model/);
    assert.match(text, /Allowed values: `incremental` · `snapshot` · `hybrid`/);
    assert.match(text, /Template:\n\n> incremental \/ snapshot \/ hybrid/);
    assert.match(text, /\n\nFilled\.$/);
  });

  it('says when a field is empty, not chosen, or renamed', () => {
    assert.match(hover(GOOD_PLAN.replace('- Tasks: cursor table migration.', `- ${CURSOR}Tasks:`))!, /Empty: write its value/);
    assert.match(hover(GOOD_PLAN.replace('- Data pull mode: incremental', `- ${CURSOR}Data pull mode: incremental / snapshot / hybrid`))!, /Not chosen yet[\s\S]*warning: "Data pull mode" still lists every option/);
    assert.match(hover(GOOD_PLAN.replace('- Data pull mode: incremental', `- ${CURSOR}Pull style: incremental`))!, /\*\*Data pull mode\*\*[\s\S]*Written here as "Pull style"/);
  });

  it('has nothing to say on values, prose or non-plans', () => {
    assert.equal(hover(GOOD_PLAN.replace('- Data pull mode: incremental', `- Data pull mode: incr${CURSOR}emental`)), undefined);
    assert.equal(hover(`# Notes\n\n## B) Source ${CURSOR}Model\n- External system: x`), undefined);
  });

  it('agrees with the report on the section state', () => {
    const report = analyzePlan(GOOD_PLAN);
    const d = report.progress!.sections.find((s) => s.id === 'D')!;
    assert.match(hover(GOOD_PLAN.replace('## D) Mapping', `## ${CURSOR}D) Mapping`))!, new RegExp(`${d.filled}/${d.total} filled · ${d.status}`));
  });
});

describe('assist: offered values are the checker\'s', () => {
  const schema = getDefaultSchema();
  const lists = [
    ...schema.sections.flatMap((s) => [...s.fields, ...s.subsectionFields]).flatMap((f) => (f.choices ? [f.choices] : [])),
    ...schema.sections.flatMap((s) => s.columns).flatMap((c) => (c.choices ? [c.choices] : [])),
  ];

  it('every template choice list offers its choices and the other forms the checker accepts', () => {
    assert.ok(lists.length >= 3);
    const offered = lists.map((choices) => acceptedValues(choices).join(', '));
    assert.ok(offered.includes('1:1, 1:N, N:1, N:M'), offered.join(' | '));
    assert.ok(offered.includes('DB, app, DB + app'), offered.join(' | '));
    assert.ok(offered.includes('incremental, snapshot, hybrid'), offered.join(' | '));
  });

  it('every value offered is one the checker takes as a choice, and none is an option list', () => {
    for (const choices of lists) {
      for (const value of acceptedValues(choices)) {
        assert.ok(chosenValue(value, choices), `${value} is offered but not accepted`);
        assert.ok(!isOptionList(value, choices), `${value} is offered but reads as an unchosen option list`);
      }
    }
  });
});
