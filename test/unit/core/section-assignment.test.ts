import assert from 'node:assert/strict';
import { buildSchema, explainPlan, inspectPlan } from '../../../src/core';
import { GOOD_PLAN, gaps, lines, withSection } from './plan-text';

/** Each section of the explanation as `line: id (how)`, the way a person checks what a heading was taken for. */
function assigned(text: string, options = {}): string[] {
  return explainPlan(text, options).sections.map((s) => `${s.heading.line}: ${s.id ?? '-'} (${s.how})`);
}

/** The section statuses of a plan, by id. */
function statuses(text: string, options = {}): Record<string, string> {
  return Object.fromEntries(inspectPlan(text, options).report.progress!.sections.map((s) => [s.id, s.status]));
}

/** GOOD_PLAN's E written as phases at the top level, each phase organised by numbered parts. */
const BY_PHASE = (() => {
  const withoutE = withSection(GOOD_PLAN, 'E', '');
  const phases = lines(
    '## Phase 1: Connection + Mapping',
    '### 1.1 Goal',
    'OAuth and the test-connection route.',
    '### 1.2 Migrations',
    '- `20261101_linear.sql`',
    '### 1.3 Routes',
    '- `POST /api/linear/test-connection`',
    '### 1.4 Go/No-Go',
    '- [x] a revoked token returns a handled 401',
    '',
    '## Phase 2: Sync Engine',
    '### 2.1 Goal',
    'Incremental issue sync.',
    '### 2.2 Routes',
    '- `POST /api/linear/sync`',
    '### 2.3 Go/No-Go',
    '- [x] a re-run inserts nothing new',
    '',
  );
  return withoutE.replace('## F) Agent-Team Plan', `${phases}\n## F) Agent-Team Plan`);
})();

describe('section assignment: every shape a team writes', () => {
  describe('a plan organised by phase at the top level', () => {
    it('reads the run of phase headings as E and their parts as the phase\'s fields, never as sections', () => {
      assert.deepEqual(gaps(BY_PHASE), []);
      const e = explainPlan(BY_PHASE).sections.find((s) => s.id === 'E')!;
      assert.match(e.how, /phases are headings of their own/);
      assert.deepEqual(e.work.map((w) => [w.heading, w.slots.map((s) => `${s.field}: ${s.filled ? 'filled' : 'open'}`)]), [
        ['Phase 1: Connection + Mapping', ['Scope: filled', 'Deliverables: filled', 'Validation tests: filled']],
        ['Phase 2: Sync Engine', ['Scope: filled', 'Deliverables: filled', 'Validation tests: filled']],
      ]);
      // `1.1 Goal` is the phase's scope, not a second Business Goal.
      assert.equal(explainPlan(BY_PHASE).sections.filter((s) => s.id === 'A').length, 1);
    });

    it('still reports a part left empty and a phase with no gate', () => {
      const empty = BY_PHASE.replace('Incremental issue sync.', '').replace('### 2.3 Go/No-Go\n- [x] a re-run inserts nothing new\n', '');
      const found = gaps(empty);
      assert.deepEqual(found, [`${empty.split('\n').indexOf('## Phase 2: Sync Engine') + 1} phase-incomplete`]);
      const phase2 = explainPlan(empty).sections.find((s) => s.id === 'E')!.work[1];
      assert.deepEqual(phase2.slots.map((s) => `${s.field}: ${s.present ? (s.filled ? 'filled' : 'empty') : 'not written'}`), ['Scope: empty', 'Deliverables: filled', 'Validation tests: not written']);
    });

    it('finds the owner setup written as a part of the last phase, its remark in brackets holding a dash', () => {
      const withoutH = withSection(BY_PHASE, 'H', '');
      const plan = withoutH.replace('### 2.1 Goal', lines(
        '### 2.0 Linear App Setup (Manual — Owner: Dana)',
        '- Create the OAuth app: Settings → API → New application.',
        '- Permissions to tick: `read`',
        '- Secrets: `LINEAR_CLIENT_ID`, `LINEAR_CLIENT_SECRET`',
        '- Migrations: `20261101_linear.sql`',
        '- Smoke test: test-connection, then a one-team sync.',
        '### 2.1 Goal',
      ));
      assert.deepEqual(gaps(plan), []);
      const h = explainPlan(plan).sections.find((s) => s.id === 'H')!;
      assert.match(h.how, /written inside "Phase 2: Sync Engine"/);
      assert.equal(h.progress!.status, 'complete');
    });
  });

  describe('titles', () => {
    it('takes a hyphenated or compound title for the same words (Agent Team Plan = Agent-Team Plan)', () => {
      const plan = GOOD_PLAN.replace('## F) Agent-Team Plan', '## Agent Team Plan: Linear build').replace(/^## ([A-J])\) /gm, '## ');
      assert.deepEqual(gaps(plan), []);
      assert.ok(assigned(plan).some((a) => /Agent Team Plan: Linear build/.test(a) || a.includes(': F (')), assigned(plan).join('\n'));
    });

    it('lets the title win over a letter that disagrees, and a letter used twice with two titles is no duplicate', () => {
      const plan = GOOD_PLAN.replace('## C) Linking Points (Identity Graph)', '## D) Linking Points (Identity Graph)').replace('## D) Mapping Rules + Cardinality', '## C) Mapping Rules + Cardinality');
      assert.deepEqual(gaps(plan).filter((g) => !g.endsWith('section-order')), []);
      const how = explainPlan(plan).sections.map((s) => [s.heading.text, s.id]);
      assert.deepEqual(how.filter(([, id]) => id === 'C' || id === 'D'), [['D) Linking Points (Identity Graph)', 'C'], ['C) Mapping Rules + Cardinality', 'D']]);
    });
  });

  describe('a team template: synonyms, and waves that stand for its phases', () => {
    const template = lines(
      '# {Feature Name} Plan',
      '## Outcome',
      '- Problem:',
      '- Success metric:',
      '## Scoring Baseline',
      '| Category | Baseline | Target |',
      '|---|---|---|',
      '| Performance | | |',
      '## Phases',
      '### Phase 1: Foundations',
      '- Goal:',
      '- Deliverables:',
      '- Exit criteria:',
      '## Agent Team',
      '### Wave 1',
      '- Agent:',
      '- Tasks:',
      '## Risk Register',
      '- [P1]',
      '  - Mitigation:',
      '## Verification Checklist',
      '- [ ] Rollback rehearsed',
    );
    const schema = buildSchema(template);
    const plan = lines(
      '# Saved Search Plan',
      '## Outcome',
      '- Problem: searches are lost on logout.',
      '- Success metric: 20% of searches saved.',
      '## Scorecard',
      '| Category | Today | Target |',
      '|---|---|---|',
      '| Performance | 180 ms | 200 ms |',
      '## Agent-Team',
      '### Wave 1: Storage',
      '- Goal: searches persist.',
      '- Agent: `storage`',
      '- Tasks: table and API.',
      '- Deliverables: `saved_searches` table.',
      '- Exit criteria: a saved search survives a logout.',
      '### Wave 2: UI',
      '- Goal: people can save and reopen a search.',
      '- Agent: `web`',
      '- Tasks: save button, list page.',
      '- Deliverables: the list page.',
      '- Exit criteria: usability test passes.',
      '## Failure Modes',
      '- [P1] Saved searches leak between accounts.',
      '  - Mitigation: rows keyed by account, checked in the API.',
      '## Sign-off Checklist',
      '- [x] Rollback rehearsed',
    );

    it('reads Scorecard, Agent-Team, Failure Modes and Sign-off Checklist as the template\'s sections', () => {
      const by = Object.fromEntries(explainPlan(plan, { schema }).sections.map((s) => [s.heading.text, s.id]));
      assert.equal(by['Scorecard'], 'B');
      assert.equal(by['Failure Modes'], 'E');
      assert.equal(by['Sign-off Checklist'], 'F');
    });

    it('reads the waves for the phases when there is no phases section, and says why', () => {
      assert.deepEqual(gaps(plan, { schema }), []);
      const phases = explainPlan(plan, { schema }).sections.find((s) => s.title === 'Phases')!;
      assert.match(phases.how, /waves carry the fields of a phase/);
      assert.deepEqual(phases.work.map((w) => w.heading), ['Wave 1: Storage', 'Wave 2: UI']);
      assert.equal(statuses(plan, { schema })[phases.id!], 'complete');
    });

    it('still reports the phases missing when the waves carry only their own fields', () => {
      const bare = plan.replace(/^- (Goal|Deliverables|Exit criteria): .*\n/gm, '');
      assert.ok(gaps(bare, { schema }).some((g) => g.endsWith('missing-section')), gaps(bare, { schema }).join(', '));
    });

    it('does not take one wave with phase fields among several for the phases', () => {
      // Wave 1 alone carries Goal, Deliverables and Exit criteria; Waves 2 and 3 carry only an agent and tasks.
      const one = plan.replace(/^- (Goal|Deliverables|Exit criteria): (people|the list|usability).*\n/gm, '');
      const third = one.replace('## Failure Modes', '### Wave 3: Docs\n- Agent: `docs`\n- Tasks: help page.\n\n## Failure Modes');
      assert.ok(gaps(third, { schema }).some((g) => g.endsWith('missing-section')), gaps(third, { schema }).join(', '));
    });
  });
});
