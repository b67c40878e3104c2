import assert from 'node:assert/strict';
import { analyzePlan, explainPlan, fixAllEdits, type RepositoryIndex } from '../../../src/core';
import { gitignoreMatcher } from '../../../src/core';
import { GOOD_PLAN } from './plan-text';

function index(files: Record<string, string>): RepositoryIndex {
  return { files: () => Object.keys(files), read: (p) => files[p] };
}

const PLAN = GOOD_PLAN.replace(/### Phase 1: ([^\n]*)/, '### Phase 1: $1 — COMPLETE').replace(
  '## H) Manual Setup Handoff (Owner Actions)',
  '## H) Manual Setup Handoff (Owner Actions)\n- Migration files to apply: `db/20260207_users.sql`, `db/<timestamp>_teams.sql`\n- Secrets/env vars (`.env.local` + deployment): `ACME_API_KEY`, `ACME_WEBHOOK_SECRT`',
);

describe('references (issue 19)', () => {
  const repository = { index: index({ 'db/2026020703_users.sql': '', 'db/20260208_teams.sql': '', 'src/acme.ts': 'process.env.ACME_API_KEY; process.env.ACME_WEBHOOK_SECRET' }), planPath: 'docs/acme-plan.md' };

  it('gives nothing without a repository index', () => {
    assert.deepEqual(analyzePlan(PLAN).findings.filter((f) => f.ruleId === 'reference-not-found' || f.ruleId === 'env-var-unknown'), []);
  });

  it('flags a renamed migration and a misspelt env var, with suggestions Fix All never applies', () => {
    // GOOD_PLAN's own setup names files and env vars this index does not have: only the added ones are looked at.
    const findings = analyzePlan(PLAN, { repository }).findings.filter((f) => (f.ruleId === 'reference-not-found' || f.ruleId === 'env-var-unknown') && /ACME|db\//.test(f.message));
    assert.deepEqual(findings.map((f) => [f.ruleId, f.fixes?.[0].edits[0].newText]), [
      ['reference-not-found', 'db/2026020703_users.sql'],
      ['env-var-unknown', 'ACME_WEBHOOK_SECRET'],
    ]);
    assert.deepEqual(fixAllEdits(findings), []);
  });

  it('says nothing of the setup before any phase is done', () => {
    const notDone = PLAN.replace(' — COMPLETE', '');
    assert.deepEqual(analyzePlan(notDone, { repository }).findings.filter((f) => f.ruleId === 'reference-not-found' || f.ruleId === 'env-var-unknown'), []);
  });

  it('explain lists each reference with how it resolved', () => {
    const refs = explainPlan(PLAN, { repository }).references!.filter((r) => /ACME|db\//.test(r.text));
    assert.deepEqual(refs.map((r) => `${r.text} ${r.how}`), ['db/20260207_users.sql missing', 'db/<timestamp>_teams.sql pattern', 'ACME_API_KEY mentioned', 'ACME_WEBHOOK_SECRT missing']);
  });

  it('reads a .gitignore: names at any depth, anchored paths, folders only, negation', () => {
    const ignored = gitignoreMatcher('# c\nnode_modules/\n/build\n*.log\n!keep.log\ngenerated/\n');
    assert.equal(ignored('a/debug.log', false), true);
    assert.equal(ignored('a/keep.log', false), false);
    assert.equal(ignored('build', true), true);
    assert.equal(ignored('src/build', true), false);
    assert.equal(ignored('generated', true), true);
    assert.equal(ignored('generated', false), false);
  });
});
