import assert from 'node:assert/strict';
import { analyzePlan, explainPlan, fixAllEdits, repositoryFileFacts, type Finding, type RepositoryIndex } from '../../../src/core';
import { gitignoreMatcher } from '../../../src/core';
import { GOOD_PLAN, withSection } from './plan-text';

function index(files: Record<string, string>): RepositoryIndex {
  return { files: () => Object.keys(files), read: (p) => files[p] };
}

const PLAN = GOOD_PLAN.replace(/### Phase 1: ([^\n]*)/, '### Phase 1: $1 — COMPLETE').replace(
  '## H) Manual Setup Handoff (Owner Actions)',
  '## H) Manual Setup Handoff (Owner Actions)\n- Migration files to apply: `db/20260207_users.sql`, `db/<timestamp>_teams.sql`\n- Secrets/env vars (`.env.local` + deployment): `ACME_API_KEY`, `ACME_WEBHOOK_SECRT`',
);

describe('references (issue 19)', () => {
  const repository = { index: index({ 'db/2026020703_users.sql': '', 'db/20260208_teams.sql': '', 'src/acme.ts': 'process.env.ACME_API_KEY; process.env.ACME_WEBHOOK_SECRET' }), planPath: 'docs/acme-plan.md' };

  it('reads no file for env var names when env-var-unknown is off (reading every file is most of the cost)', () => {
    const read: string[] = [];
    const counting: RepositoryIndex = { files: () => ['db/2026020703_users.sql', 'src/acme.ts'], read: (p) => (read.push(p), '') };
    const findings = analyzePlan(PLAN, { repository: { index: counting, planPath: 'docs/acme-plan.md' }, rules: { 'env-var-unknown': 'off' } }).findings;
    assert.deepEqual(read, []);
    assert.ok(findings.some((f) => f.ruleId === 'reference-not-found'), 'paths are still checked');
    analyzePlan(PLAN, { repository: { index: { ...counting }, planPath: 'docs/acme-plan.md' } });
    assert.ok(read.length > 0, 'on, the files are read');
  });

  it('reads the files that list env vars first, and no more once every name of the setup is found', () => {
    const read: string[] = [];
    const files: Record<string, string> = { 'src/a.ts': 'x', 'src/b.ts': 'y', '.env.example': 'ACME_API_KEY=\nACME_WEBHOOK_SECRT=\nLINEAR_CLIENT_ID=\nLINEAR_CLIENT_SECRET=\n', 'db/2026020703_users.sql': '' };
    const listing: RepositoryIndex = { files: () => Object.keys(files), read: (p) => (read.push(p), files[p]) };
    const findings = analyzePlan(PLAN, { repository: { index: listing, planPath: 'docs/acme-plan.md' } }).findings;
    assert.ok(!findings.some((f) => f.ruleId === 'env-var-unknown'), 'every name of the setup is in .env.example');
    assert.deepEqual(read, ['.env.example']);
  });

  it('looks for a name first in the files whose path has its words, and reads no other file once it is found', () => {
    const read: string[] = [];
    const files: Record<string, string> = {
      '.env.example': 'ACME_API_KEY=\n',
      'ci.yml': 'name: ci\n',
      'src/billing/invoice.ts': 'x',
      'src/zeta.ts': 'y',
      'src/acme/webhook.ts': 'const secret = process.env.ACME_WEBHOOK_SECRT;\n',
      'src/acme/client.ts': 'z',
    };
    const listing: RepositoryIndex = { files: () => Object.keys(files), read: (p) => (read.push(p), files[p]) };
    const findings = analyzePlan(PLAN, { repository: { index: listing, planPath: 'docs/acme-plan.md' } }).findings;
    assert.ok(!findings.some((f) => f.ruleId === 'env-var-unknown' && /ACME/.test(f.message)), 'both names are found');
    // The dotenv file, then the files under acme/ with webhook in their path before those with acme alone.
    assert.deepEqual(read.slice(0, 2), ['.env.example', 'src/acme/webhook.ts']);
    assert.ok(!read.includes('src/billing/invoice.ts') || read.indexOf('src/billing/invoice.ts') > 2);
  });

  it('reads each file once per index, however many plans name env vars no file mentions', () => {
    const read: string[] = [];
    const files: Record<string, string> = { '.env.example': 'ACME_API_KEY=\n', 'src/acme.ts': 'process.env.ACME_WEBHOOK_SECRET', 'src/b.ts': 'x', 'ci.yml': 'y', 'README.md': 'ACME_WEBHOOK_SECRT' };
    const listing: RepositoryIndex = { files: () => Object.keys(files), read: (p) => (read.push(p), files[p]) };
    for (const plan of ['docs/a-plan.md', 'docs/b-plan.md', 'docs/c-plan.md']) {
      const unknown = analyzePlan(PLAN, { repository: { index: listing, planPath: plan } }).findings.filter((f) => f.ruleId === 'env-var-unknown');
      assert.ok(unknown.some((f) => f.message.includes('ACME_WEBHOOK_SECRT')), 'each plan names ACME_WEBHOOK_SECRT, which no file but markdown mentions');
    }
    assert.deepEqual([...read].sort(), ['.env.example', 'ci.yml', 'src/acme.ts', 'src/b.ts']);
  });

  it('looks for a near name for the first 100 unknown env vars of a plan, and no more (each look compares with every name mentioned)', () => {
    const names = Array.from({ length: 150 }, (_, i) => `ACME_TOKEN_${i}`);
    const plan = PLAN.replace('`ACME_API_KEY`, `ACME_WEBHOOK_SECRT`', names.map((name) => `\`${name.replace('TOKEN', 'TOKN')}\``).join(', '));
    const files = { 'src/acme.ts': names.map((name) => `process.env.${name};`).join('\n') };
    const unknown = analyzePlan(plan, { repository: { index: index(files), planPath: 'docs/acme-plan.md' } }).findings.filter((f) => f.ruleId === 'env-var-unknown' && f.message.includes('ACME_TOKN_'));
    assert.equal(unknown.length, 150);
    // Each suggestion is the name as the file writes it, in the plan's order, for the first hundred.
    assert.deepEqual(unknown.map((f) => /did you mean (\S+)\?/.exec(f.message)?.[1]), [...names.slice(0, 100), ...Array<undefined>(50).fill(undefined)]);
  });

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

  /** The 0-based line of Phase 1's deliverables in PLAN, where the tests below write their references. */
  const DELIVERABLES = PLAN.split('\n').indexOf('- Deliverables: `src/lib/linear/client.ts`');

  describe('claims', () => {
    const repo = { index: index({ 'src/a.ts': '', 'src/b.ts': '', 'next.config.js': '' }), planPath: 'docs/p.md' };
    const claimed = (plan: string) => explainPlan(plan, { repository: repo }).references!.filter((r) => r.kind !== 'env').map((r) => `${r.text} ${r.claim ? 'claim' : 'mention'}`);
    const table = ['| Piece | File | Status |', '|---|---|---|', '| A | `src/a.ts` | ✅ Done |', '| B | src/gone.ts | ⏳ Pending |', '| C | `src/c.ts` | Complete |', '| D | `src/d.ts` |  |'].join('\n');

    it('a table row whose status says done claims its paths; any other row does not, even in a done phase', () => {
      const inPhase = PLAN.replace('- Deliverables: `src/lib/linear/client.ts`', `- Deliverables:\n\n${table}\n`);
      assert.deepEqual(claimed(inPhase).filter((r) => r.startsWith('src/')), ['src/a.ts claim', 'src/gone.ts mention', 'src/c.ts claim', 'src/d.ts mention']);
      const notDone = PLAN.replace(' — COMPLETE', '').replace('- Deliverables: `src/lib/linear/client.ts`', `- Deliverables:\n\n${table}\n`);
      assert.deepEqual(claimed(notDone).filter((r) => r.startsWith('src/')), ['src/a.ts claim', 'src/gone.ts mention', 'src/c.ts claim', 'src/d.ts mention']);
      // A table without a status column follows the phase it is in.
      const plain = PLAN.replace('- Deliverables: `src/lib/linear/client.ts`', '- Deliverables:\n\n| Piece | File |\n|---|---|\n| B | src/gone.ts |\n');
      assert.deepEqual(claimed(plain).filter((r) => r.startsWith('src/')), ['src/gone.ts claim']);
    });

    it('a line that says its file is still to be created, or was deleted, claims nothing', () => {
      const plan = PLAN.replace('- Deliverables: `src/lib/linear/client.ts`', [
        '- Deliverables: `src/a.ts`',
        '- Files created:',
        '  - `src/b.ts`',
        '  - `src/c.ts` (to be created in Phase 2)',
        '  - `src/d.ts` (deleted: merged into b.ts)',
        '- Next: Phase 2 will create `src/e.ts`; `src/f.ts` is not yet written.',
      ].join('\n'));
      assert.deepEqual(claimed(plan).filter((r) => /^src\/[a-f]\.ts/.test(r)), ['src/a.ts claim', 'src/b.ts claim', 'src/c.ts mention', 'src/d.ts mention', 'src/e.ts mention', 'src/f.ts mention']);
    });

    it('modules, endpoints and dotenv files of real values are outside the repository: explained, never a finding', () => {
      // `src/a.ts` is there: the plan is one of this repository.
      const plan = PLAN.replace('- Deliverables: `src/lib/linear/client.ts`', '- Deliverables: `src/a.ts`, `next/server`, `/issues/search`, `.env.local`, `src/missing`, `.env.example`, `zod/v4.ts`');
      const refs = explainPlan(plan, { repository: repo }).references!.filter((r) => r.line === DELIVERABLES + 1);
      assert.deepEqual(refs.map((r) => `${r.text} ${r.how}`), ['src/a.ts root', 'next/server outside', '/issues/search outside', '.env.local outside', 'src/missing missing', '.env.example missing', 'zod/v4.ts missing']);
      const found = analyzePlan(plan, { repository: repo }).findings.filter((f) => f.ruleId === 'reference-not-found' && f.range.start.line === DELIVERABLES);
      assert.deepEqual(found.map((f) => f.message.split(' ')[0]), ['src/missing', '.env.example', 'zod/v4.ts']);
    });

    it('a file of the machine (an absolute path outside the repository folders, a home folder file) is outside it', () => {
      const plan = PLAN.replace('- Deliverables: `src/lib/linear/client.ts`', '- Deliverables: `src/a.ts`, `/etc/nginx/conf.d/linear.conf`, `~/.config/linear/config.toml`, `/src/b.ts`, `/src/gone.ts`');
      const refs = explainPlan(plan, { repository: repo }).references!.filter((r) => r.line === DELIVERABLES + 1);
      assert.deepEqual(refs.map((r) => `${r.text} ${r.how}`), ['src/a.ts root', '/etc/nginx/conf.d/linear.conf outside', '~/.config/linear/config.toml outside', '/src/b.ts root', '/src/gone.ts missing']);
      const found = analyzePlan(plan, { repository: repo }).findings.filter((f) => f.ruleId === 'reference-not-found' && f.range.start.line === DELIVERABLES);
      assert.deepEqual(found.map((f) => f.message.split(' ')[0]), ['/src/gone.ts']);
    });

    it('a pattern ending with a slash is matched by folders', () => {
      const plan = PLAN.replace('- Deliverables: `src/lib/linear/client.ts`', '- Deliverables: `src/{connector}/`, `lib/<name>/`');
      const refs = explainPlan(plan, { repository: { index: index({ 'src/linear/x.ts': '' }), planPath: 'p.md' } }).references!.filter((r) => r.line === DELIVERABLES + 1);
      assert.deepEqual(refs.map((r) => `${r.text} ${r.how} ${r.matches.join(',')}`), ['src/{connector}/ pattern src/linear', 'lib/<name>/ missing ']);
    });
  });

  describe('a plan of another repository (kept apart from its code, in a docs repository)', () => {
    const docs = { index: index({ 'README.md': '# Handbook', 'mkdocs.yml': 'site_name: Handbook\n', 'docs/index.md': '' }), planPath: 'docs/connectors/acme-plan.md' };
    const findingsIn = (plan: string, repository: typeof docs, rules = {}) => analyzePlan(plan, { repository, rules }).findings.filter((f) => f.ruleId === 'reference-not-found' || f.ruleId === 'env-var-unknown');

    it('names nothing of the repository: no finding, and explain says why', () => {
      assert.deepEqual(findingsIn(PLAN, docs), []);
      const explained = explainPlan(PLAN, { repository: docs });
      assert.equal(explained.otherRepository, true);
      assert.ok(explained.references!.filter((r) => r.claim).length >= 2, 'the plan claims several things');
    });

    it('names one thing the repository has: each miss is a finding again', () => {
      const withOne = { ...docs, index: index({ 'README.md': '', 'db/20260208_teams.sql': '' }) };
      assert.ok(findingsIn(PLAN, withOne).length >= 2);
      assert.equal(explainPlan(PLAN, { repository: withOne }).otherRepository, undefined);
    });

    it('names a file close to one the repository has (a renamed migration): the miss is a finding with its suggestion', () => {
      const renamed = { ...docs, index: index({ 'README.md': '', 'db/2026020703_users.sql': '' }) };
      assert.ok(findingsIn(PLAN, renamed).some((f) => f.fixes?.[0].edits[0].newText === 'db/2026020703_users.sql'));
    });

    it('names only env vars, or one file and env vars not looked up: too little to tell, each miss is a finding', () => {
      const noFiles = (plan: string) => plan.replace('- Deliverables: `src/lib/linear/client.ts`', '- Deliverables: the client').replace('- Migration files to apply: `20261101_linear.sql`', '- Migration files to apply: none');
      const envOnly = noFiles(GOOD_PLAN.replace(/### Phase 1: ([^\n]*)/, '### Phase 1: $1 — COMPLETE'));
      assert.deepEqual(explainPlan(envOnly, { repository: docs }).references!.filter((r) => r.how !== 'outside').map((r) => r.text), ['LINEAR_CLIENT_ID', 'LINEAR_CLIENT_SECRET']);
      assert.deepEqual(findingsIn(envOnly, docs).map((f) => f.ruleId), ['env-var-unknown', 'env-var-unknown']);
      const oneFile = noFiles(PLAN).replace(', `db/<timestamp>_teams.sql`', '');
      const off = { 'env-var-unknown': 'off' } as const;
      assert.deepEqual(explainPlan(oneFile, { repository: docs, rules: off }).references!.filter((r) => r.kind !== 'env' && r.how !== 'outside').map((r) => r.text), ['db/20260207_users.sql']);
      assert.deepEqual(findingsIn(oneFile, docs, off).map((f) => f.message.split(' ')[0]), ['db/20260207_users.sql']);
      // With the env vars looked up, a file and two names all missing: a plan of another repository.
      assert.deepEqual(findingsIn(oneFile, docs), []);
    });
  });

  describe('suggestions for a path written from the plan\'s folder', () => {
    const repo = { index: index({ 'src/lib/linear/client.ts': '', 'db/2026110103_linear.sql': '', 'docs/other/notes.ts': '' }), planPath: 'docs/plans/linear.md' };
    const suggestions = (written: string) => {
      const plan = PLAN.replace('- Deliverables: `src/lib/linear/client.ts`', `- Deliverables: ${written}`);
      return analyzePlan(plan, { repository: repo }).findings.filter((f) => f.ruleId === 'reference-not-found' && f.range.start.line === DELIVERABLES).map((f) => f.fixes?.[0].edits[0].newText ?? null);
    };

    it('keeps the plan\'s ../ prefix', () => {
      assert.deepEqual(suggestions('`../../src/lib/linear/clent.ts`'), ['../../src/lib/linear/client.ts']);
      assert.deepEqual(suggestions('[the client](../../src/lib/linear/clent.ts)'), ['../../src/lib/linear/client.ts']);
      assert.deepEqual(suggestions('`../../db/20261101_linear.sql`'), ['../../db/2026110103_linear.sql']);
    });

    it('goes up further when the file is not below the folder the prefix leads to', () => {
      assert.deepEqual(suggestions('`../other/note.ts`'), ['../other/notes.ts']);
      const moved = { index: index({ 'src/lib/linear/client.ts': '', 'docs/plans/x.md': '' }), planPath: 'docs/plans/linear.md' };
      const plan = PLAN.replace('- Deliverables: `src/lib/linear/client.ts`', '- Deliverables: `../lib/linear/client.ts`');
      const fix = analyzePlan(plan, { repository: moved }).findings.find((f) => f.ruleId === 'reference-not-found' && f.range.start.line === DELIVERABLES)?.fixes?.[0].edits[0].newText;
      assert.equal(fix, '../../src/lib/linear/client.ts');
    });
  });

  describe('env var reads', () => {
    const reads = (text: string) => repositoryFileFacts(text).envRead;

    it('reads each language\'s way of reading a variable by name, and no constant', () => {
      assert.deepEqual(reads([
        "const a = process.env.A_ONE; const b = process.env['A_TWO'] ?? process.env?.A_THREE;",
        'const c = import.meta.env.VITE_A_FOUR; const d = Deno.env.get("A_FIVE"); const e = Bun.env.A_SIX;',
        "x = os.environ['A_SEVEN']; y = os.environ.get('A_EIGHT'); z = os.getenv(\"A_NINE\")",
        'v := os.Getenv("A_TEN"); w, ok := os.LookupEnv("A_ELEVEN")',
        "k = ENV['A_TWELVE']; l = ENV.fetch('A_THIRTEEN')",
        'let m = std::env::var("A_FOURTEEN"); let n = env!("A_FIFTEEN");',
        'String o = System.getenv("A_SIXTEEN"); var p = Environment.GetEnvironmentVariable("A_SEVENTEEN");',
        "$q = getenv('A_EIGHTEEN'); $r = env('A_NINETEEN');",
        'const NOT_READ = 1; const s = config.A_TWENTY; log("A_TWENTY_ONE"); process.env.lower_case; process.env.PORT;',
      ].join('\n')), ['A_ONE', 'A_TWO', 'A_THREE', 'VITE_A_FOUR', 'A_FIVE', 'A_SIX', 'A_SEVEN', 'A_EIGHT', 'A_NINE', 'A_TEN', 'A_ELEVEN', 'A_TWELVE', 'A_THIRTEEN', 'A_FOURTEEN', 'A_FIFTEEN', 'A_SIXTEEN', 'A_SEVENTEEN', 'A_EIGHTEEN', 'A_NINETEEN']);
    });

    it('reads destructuring from the env object, names before a rename or a default', () => {
      assert.deepEqual(reads('const {\n  SLACK_BOT_TOKEN,\n  SLACK_SIGNING_SECRET: secret,\n  SLACK_TEAM_ID = "T1",\n  port,\n} = process.env;\nconst { NOT_ENV_NAME } = other;'), ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_TEAM_ID']);
      // Braces too far back, or a destructuring whose `{` was used by the one before, read nothing twice.
      assert.deepEqual(reads(`const { FAR_AWAY${' '.repeat(3000)}} = process.env;`), []);
      assert.deepEqual(reads('const { A_ONE } = process.env; } = process.env;'), ['A_ONE']);
    });

    it('reads a hostile file as large as the CLI reads (1 MB) in well under a second', () => {
      // The regular expressions themselves pass recheck in linear-time.test.ts; this bounds the whole reading.
      for (const unit of ['{'.repeat(50) + '} = process.env ', 'process.env[ \t \t', 'getenv(   \t  ', 'os.environ[ ', '} = process.env;', 'env( "AAAAAAAAAAAAAAAA', 'const { A_B, '.repeat(9) + '} = process.env;']) {
        const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
        const start = process.hrtime.bigint();
        reads(text);
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        assert.ok(ms < 1500, `${JSON.stringify(unit.slice(0, 30))}: ${ms.toFixed(0)} ms`);
      }
    });
  });

  describe('env-var-unlisted', () => {
    const files = {
      '.env.example': 'ACME_API_KEY=\nACME_FROM_EXAMPLE=\n',
      'src/acme/client.ts': 'const key = process.env.ACME_API_KEY;\nconst a = process.env.ACME_REGION;\nconst b = process.env.NODE_ENV;\nconst c = process.env.DATABASE_URL;\nconst d = process.env.ACME_FROM_EXAMPLE;\nconst e = process.env.VERCEL_URL;\nconst ACME_PAGE_SIZE = 5;',
      'src/acme/sync.ts': 'const { ACME_REGION, ACME_CURSOR_TABLE } = process.env;',
      'src/acme/sync.test.ts': 'process.env.ACME_TEST_TENANT',
      'src/db.ts': 'export const url = process.env.DATABASE_URL;',
      'db/20261101_linear.sql': '',
    };
    const unlistedPlan = (setup: string, deliverables = '`src/acme/client.ts`, `sync.ts`, `src/acme/sync.test.ts`') =>
      withSection(PLAN.replace('- Deliverables: `src/lib/linear/client.ts`', `- Deliverables: ${deliverables}`), 'H', [
        '## H) Manual Setup Handoff (Owner Actions)',
        '- External app creation: an Acme app.',
        '- Required permissions/scopes: `read`',
        setup,
        '- Migration files to apply: `db/20261101_linear.sql`',
        '- First smoke-test sequence: connect, then sync.',
      ].join('\n'));
    const on = { 'env-var-unlisted': 'info' as const };
    const unlisted = (plan: string, rules: Record<string, 'info' | 'off' | 'warning'> = on, repoFiles: Record<string, string> = files): Finding[] =>
      analyzePlan(plan, { repository: { index: index(repoFiles), planPath: 'docs/acme.md' }, rules }).findings.filter((f) => f.ruleId === 'env-var-unlisted');
    const LIST = '- Secrets/env vars (`.env.local` + deployment): `ACME_API_KEY`';

    it('is off by default', () => {
      assert.deepEqual(unlisted(unlistedPlan(LIST), {}), []);
    });

    it('names each variable a created file reads that the setup does not list, on the env field\'s label, with every file that reads it', () => {
      const plan = unlistedPlan(LIST);
      const found = unlisted(plan);
      assert.deepEqual(found.map((f) => f.message), [
        "Env var ACME_REGION is read by src/acme/client.ts, which the plan says it created, but the owner's setup does not list it.",
        "Env var ACME_FROM_EXAMPLE is read by src/acme/client.ts, which the plan says it created, but the owner's setup does not list it.",
        "Env var ACME_CURSOR_TABLE is read by src/acme/sync.ts, which the plan says it created, but the owner's setup does not list it.",
      ]);
      const label = plan.split('\n').findIndex((l) => l.startsWith('- Secrets/env vars'));
      for (const f of found) assert.deepEqual([f.severity, f.range.start.line, f.range.start.character], ['info', label, 2]);
      assert.deepEqual(found[0].related!.map((r) => [r.message, r.range.start.line]), [['src/acme/client.ts reads ACME_REGION', DELIVERABLES], ['src/acme/sync.ts reads ACME_REGION', DELIVERABLES]]);
      assert.deepEqual(fixAllEdits(found), []);
    });

    it('counts what a dotenv file the setup points to lists', () => {
      const found = unlisted(unlistedPlan('- Secrets/env vars (`.env.local` + deployment): copy `.env.example` to `.env.local`, then set `ACME_REGION`.'));
      assert.deepEqual(found.map((f) => f.message.split(' ')[2]), ['ACME_CURSOR_TABLE']);
    });

    it('says nothing without an env var list in the setup, before a phase is done, or for files not created', () => {
      assert.deepEqual(unlisted(unlistedPlan('- Secrets/env vars (`.env.local` + deployment): none new.')), []);
      assert.deepEqual(unlisted(unlistedPlan(LIST).replace(' — COMPLETE', '')), []);
      assert.deepEqual(unlisted(unlistedPlan(LIST, 'nothing in the repository yet')), []);
    });

    it('lists the env var table and NAME=value block as listed', () => {
      const setup = ['- Secrets/env vars (`.env.local` + deployment):', '', '  | Variable | Where |', '  |---|---|', '  | `ACME_API_KEY` | the app |', '', '  ```env', '  ACME_REGION=eu', '  ACME_CURSOR_TABLE=acme_cursor', '  ACME_FROM_EXAMPLE=1', '  ```'].join('\n');
      assert.deepEqual(unlisted(unlistedPlan(setup)), []);
    });

    it('takes a host\'s facts gathered ahead, and facts of an older host without reads', () => {
      const ahead: RepositoryIndex = { files: () => Object.keys(files), read: () => undefined, facts: (p) => repositoryFileFacts((files as Record<string, string>)[p]) };
      const plan = unlistedPlan(LIST);
      const found = analyzePlan(plan, { repository: { index: ahead, planPath: 'docs/acme.md' }, rules: on }).findings.filter((f) => f.ruleId === 'env-var-unlisted');
      assert.equal(found.length, 3);
      const older: RepositoryIndex = { files: () => Object.keys(files), read: () => undefined, facts: (p) => ({ envNames: repositoryFileFacts((files as Record<string, string>)[p]).envNames }) as never };
      assert.deepEqual(analyzePlan(plan, { repository: { index: older, planPath: 'docs/acme.md' }, rules: on }).findings.filter((f) => f.ruleId === 'env-var-unlisted'), []);
    });
  });
});
