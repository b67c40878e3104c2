// The repository `npm run bench:references` measures (issue 19, point 5): 20,000 indexed files (nested packages of
// .ts, .sql, .json and .yml files of a few KB, markdown docs, a few binary assets) and 100 connector rollout plans
// that name some of them, plus what the index must skip: a .gitignore'd folder of many files, node_modules and .git.
// Generated from a seeded generator, so every run writes the same bytes.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface GeneratedRepository {
  root: string;
  /** Files the index should list (everything but the ignored folder, node_modules and .git). */
  indexed: number;
  /** Files written in all, skipped ones included. */
  written: number;
  bytes: number;
  plans: string[];
}

export const INDEXED_FILES = 20_000;
export const PLANS = 100;

const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Wonka', 'Tyrell', 'Cyberdyne'];
const PRODUCTS = ['CRM', 'Billing', 'Support', 'Chat', 'Analytics', 'Calendar', 'Storage', 'Payroll', 'Tickets', 'Docs'];
const ENTITIES = ['users', 'accounts', 'contacts', 'invoices', 'events', 'messages', 'tickets', 'projects', 'teams', 'files'];
const AREAS = ['lib', 'jobs', 'handlers', 'models', 'utils', 'mappers', 'queries', 'webhooks'];
const VERBS = ['fetch', 'sync', 'map', 'load', 'store', 'merge', 'resolve', 'validate', 'retry', 'batch'];
const WORDS = ['cursor', 'page', 'record', 'batch', 'token', 'window', 'offset', 'owner', 'status', 'source', 'target', 'payload'];

/** mulberry32: a small seeded generator, so the repository is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Connector {
  name: string;
  slug: string;
  /** The env var prefix (`ACME_CRM`). */
  env: string;
  entities: string[];
}

export function connectors(): Connector[] {
  const out: Connector[] = [];
  for (let i = 0; i < PLANS; i++) {
    const name = `${COMPANIES[i % 10]} ${PRODUCTS[Math.floor(i / 10) % 10]}`;
    const slug = name.toLowerCase().replace(/ /g, '-');
    out.push({ name, slug, env: slug.toUpperCase().replace(/-/g, '_'), entities: [0, 3, 7].map((k) => ENTITIES[(i + k) % ENTITIES.length]) });
  }
  return out;
}

const cap = (word: string) => word[0].toUpperCase() + word.slice(1);

/** TypeScript of about `size` bytes: imports, constants, a schema and functions, with the env reads given. */
function tsSource(next: () => number, size: number, name: string, envReads: string[]): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const entity = pick(ENTITIES);
  const parts = [
    `import { z } from 'zod';\nimport { db } from '../lib/db';\nimport { logger } from '../lib/logger';\n`,
    `const MAX_RETRIES = ${1 + Math.floor(next() * 6)};\nconst DEFAULT_PAGE_SIZE = ${50 * (1 + Math.floor(next() * 4))};\n`,
    ...envReads.map((env) => `const ${env.toLowerCase().replace(/_(.)/g, (_m, c: string) => c.toUpperCase())} = process.env.${env} ?? '';\n`),
    `\nexport const ${cap(entity)}Schema = z.object({\n  id: z.string(),\n  externalId: z.string(),\n  updatedAt: z.string().datetime(),\n  ${pick(WORDS)}: z.number().int().nonnegative(),\n});\n`,
  ];
  let text = parts.join('');
  for (let n = 0; text.length < size; n++) {
    const verb = pick(VERBS);
    const word = pick(WORDS);
    text += `
/** ${cap(verb)}s one ${word} of ${entity} for ${name}; retried up to MAX_RETRIES times. */
export async function ${verb}${cap(entity)}${cap(word)}${n}(${word}: string | undefined, limit = DEFAULT_PAGE_SIZE): Promise<number> {
  let attempts = 0;
  for (;;) {
    try {
      const rows = await db.from('${entity}').select('*').eq('${word}', ${word} ?? null).limit(limit);
      logger.info({ ${word}, count: rows.length }, '${verb} ${entity}');
      return rows.length;
    } catch (error) {
      if (++attempts >= MAX_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2 ** attempts * ${100 + n}));
    }
  }
}
`;
  }
  return text;
}

function sqlSource(next: () => number, table: string, size: number): string {
  let text = `-- ${table}: created by the connector's sync\ncreate table if not exists ${table} (\n  id uuid primary key default gen_random_uuid(),\n  external_id text not null,\n  source text not null,\n  synced_at timestamptz not null default now(),\n  unique (source, external_id)\n);\n`;
  for (let n = 0; text.length < size; n++) {
    const column = `${WORDS[Math.floor(next() * WORDS.length)]}_${n}`;
    text += `alter table ${table} add column if not exists ${column} text;\ncreate index if not exists ${table}_${column}_idx on ${table} (${column});\ncomment on column ${table}.${column} is 'Read from the source record by the mapper, NULL until the first sync.';\n`;
  }
  return text;
}

function jsonSource(next: () => number, size: number): string {
  const records: unknown[] = [];
  let length = 2;
  for (let n = 0; length < size; n++) {
    const record = { id: `rec_${Math.floor(next() * 1e9).toString(36)}`, status: WORDS[n % WORDS.length], updated_at: `2026-0${1 + (n % 9)}-1${n % 10}T10:00:00Z`, amount: Math.floor(next() * 100000) / 100, tags: [VERBS[n % VERBS.length], ENTITIES[n % ENTITIES.length]] };
    records.push(record);
    length += JSON.stringify(record, null, 2).length + 2;
  }
  return `${JSON.stringify({ data: records, has_more: next() < 0.5 }, null, 2)}\n`;
}

function yamlSource(name: string, slug: string, env: string[], size: number): string {
  let text = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${slug}-sync\n  labels:\n    app: ${slug}\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: sync\n          image: registry.example.com/${slug}-sync:latest\n          env:\n`;
  for (const name of env) text += `            - name: ${name}\n              valueFrom:\n                secretKeyRef:\n                  name: ${slug}-secrets\n                  key: ${name.toLowerCase()}\n`;
  for (let n = 0; text.length < size; n++) text += `        # ${name}: probe ${n} checks the sync's health endpoint every ${10 + n} seconds\n          readinessProbe:\n            httpGet:\n              path: /healthz\n              port: ${8000 + n}\n`;
  return text;
}

function packageJson(slug: string): string {
  return `${JSON.stringify({ name: `@relay/${slug}`, version: '1.0.0', private: true, main: 'src/index.ts', scripts: { build: 'tsc -p .', test: 'vitest run' }, dependencies: { zod: '^3.23.0' } }, null, 2)}\n`;
}

/**
 * A plan of the built-in template's shape for one connector, naming files (some that moved), patterns and env vars.
 * `clean`: every claim of every plan holds (no moved file, no typo, every env var mentioned somewhere).
 */
function planText(c: Connector, i: number, clean: boolean): string {
  const [main, second, third] = c.entities;
  const renamed = !clean && i % 5 === 0;
  const broken = !clean && i % 7 === 0;
  const envStyle = i % 3;
  const envVars = [`${c.env}_CLIENT_ID`, `${c.env}_CLIENT_SECRET`, `${c.env}_WEBHOOK_SECRET`, `${c.env}_SYNC_CRON`, ...(!clean && i % 4 === 0 ? [`${c.env}_REGION_HINT`] : []), ...(!clean && i % 6 === 0 ? [`${c.env}_CLIENT_SECRT`] : [])];
  const envBlock =
    envStyle === 0
      ? envVars.map((v) => `  - \`${v}\``).join('\n')
      : envStyle === 1
        ? ['', '  | Variable | Where it comes from |', '  |---|---|', ...envVars.map((v) => `  | \`${v}\` | the ${c.name} admin console |`), ''].join('\n')
        : ['', '  ```env', ...envVars.map((v) => `  ${v}=`), '  ```', ''].join('\n');
  return `# ${c.name} Connector Rollout Plan

## A) Business Goal
- Why this connector exists: account teams copy ${main} and ${second} from ${c.name} by hand every week.
- Decisions/metrics this should unlock: which accounts need a call before renewal; time to first reply.
- Success in the next 2-4 weeks: 95% of ${main} linked to a Relay account within an hour of a change.

## B) Source Model
- External system: ${c.name} REST API v2
- Authentication model: OAuth 2.0 with a refresh token per workspace
- Plan/tier constraints: 600 requests a minute on the business tier; bulk export on enterprise only
- Data pull mode: hybrid
  - Hybrid: a nightly snapshot of ${main}, webhooks for ${second} in between.

## C) Linking Points (Identity Graph)
- Link 1: \`${main}.email\` -> \`contacts.email\`
- Link 2: \`${second}.account_id\` -> \`accounts.external_id\`
- Link 3: \`${third}.owner_id\` -> \`users.external_id\`

## D) Mapping Rules + Cardinality
| Mapping Purpose | source | External ID | Internal Entity | Cardinality | Enforced In |
|---|---|---|---|---|---|
| Primary | ${c.slug} | \`${main}.id\` | contacts | 1:1 | DB |
| Secondary | ${c.slug} | \`${second}.id\` | accounts | 1:N | DB + app |
| Tertiary | ${c.slug} | \`${third}.id\` | users | 1:1 | app |

- onConflict strategy: upsert on (source, external_id), the newest updated_at wins.
- Required metadata per mapping: source, external id, synced at.

## E) Delivery Phases
### Phase 1: Connection + Mapping — COMPLETE
- Scope: OAuth install, ${main} and ${second} mapping.
- Deliverables: the client, the ${main} route and the mapper.
- Files created:
  - \`packages/${c.slug}/src/client.ts\`
  - \`packages/${c.slug}/src/mapping.ts\`
  - \`api/${main}/route.ts\`
  - \`sync.ts\`
  - \`packages/${c.slug}/src/${broken ? 'mapers' : 'mappers'}/${main}.ts\`
- Validation tests: install on the sandbox, map twenty ${main} by hand and compare.

### Phase 2: Sync Engine — COMPLETE
- Scope: incremental sync with a cursor per ${second} and webhook intake.
- Deliverables: the sync job (see [the sync module](../../packages/${c.slug}/src/sync.ts)) and the [API reference](https://developers.example.com/${c.slug}/v2).
- Files modified: \`packages/${c.slug}/src/webhook.ts\`, \`packages/${c.slug}/src/**/*.ts\`
- Validation tests: a resumed sync after a crash starts at the saved cursor.

### Phase 3: Analytics — PARTIAL (charts only)
- Scope: response-time charts per ${third}.
- Deliverables: \`packages/${c.slug}/src/analytics.ts\` (to be created) and \`apps/web/src/charts/${c.slug}.tsx\`.
- Validation tests: chart totals match a hand count of one week.

### Phase 4: Operational Readiness
- Scope: alerts on stuck syncs and failed webhooks.
- Deliverables: \`deploy/k8s/${c.slug}/alerts.yml\` (new).
- Validation tests: a sync held for an hour raises the alert.

## F) Agent-Team Plan
### Wave 1
- Agent: backend agent
- Tasks: OAuth, client, mapping.
- Blocks/unblocks: unblocks Wave 2.

### Wave 2
- Agent: sync agent
- Tasks: cursor sync, webhooks and retries.
- Blocks/unblocks: unblocks Wave 3.

### Wave 3
- Agent: analytics agent
- Tasks: charts and alerts.
- Blocks/unblocks: none.

## G) Risks + Mitigations
- Risk 1: rate limits during the first backfill.
  - Mitigation: backfill one ${second} at a time with backoff.
- Risk 2: ${main} without an email.
  - Mitigation: leave them unmatched and list them for manual mapping.
- Risk 3: an admin revokes the app.
  - Mitigation: alert the owner and pause the sync.

## H) Manual Setup Handoff (Owner Actions)
- External app creation: create the Relay app in the ${c.name} developer console.
- Required permissions/scopes: \`${main}:read\`, \`${second}:read\`, \`webhooks:write\`.
- Secrets/env vars (\`.env.local\` + deployment):${envStyle === 0 ? '\n' : ''}${envBlock}
- Migration files to apply:
  1. \`supabase/migrations/20260207_${c.slug.replace(/-/g, '_')}_${main}.sql\`
  2. \`supabase/migrations/<timestamp>_${c.slug.replace(/-/g, '_')}_${second}.sql\`
  3. \`supabase/migrations/${renamed ? '20260209' : '2026020903'}_${c.slug.replace(/-/g, '_')}_${third}.sql\`
- First smoke-test sequence: apply the migrations, then run

  \`\`\`bash
  npx supabase db push
  curl https://relay.example.com/api/${c.slug}/${main}
  \`\`\`

## I) Operational Go/No-Go
- [x] Auth and connection test pass
- [x] Mappings validated (manual + auto-match)
- [ ] Sync completes with safe resume behavior
- [ ] Metrics spot-checked against raw source samples
- [ ] Logs/alerts in place for stuck runs and repeated failures

## J) Open Questions and Assumptions
- Q1: Do we sync archived ${main}? Not in the pilot.
- Q2: Do we keep the history of edits? Only the latest.
- Q3: Who owns the ${c.name} app? The platform team.
- Assumptions made: one ${c.name} workspace per Relay account.
`;
}

/**
 * Writes the repository under `root` (an empty folder), `files` indexed files in all (at least the ~2,600 that the
 * 100 connectors' packages, migrations, deployments and plans make). `clean`: plans whose every claim holds.
 */
export function generateRepository(root: string, files = INDEXED_FILES, clean = false): GeneratedRepository {
  const next = random(19);
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low));
  let indexed = 0;
  let written = 0;
  let bytes = 0;
  const made = new Set<string>();
  const write = (relative: string, text: string | Buffer, counted = true) => {
    const file = path.join(root, ...relative.split('/'));
    const folder = path.dirname(file);
    if (!made.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    fs.writeFileSync(file, text);
    written++;
    bytes += typeof text === 'string' ? Buffer.byteLength(text) : text.length;
    if (counted) indexed++;
  };
  const all = connectors();
  const plans: string[] = [];

  // What the index skips: .git, node_modules, and the .gitignore'd coverage/ folder and logs.
  write('.git/HEAD', 'ref: refs/heads/main\n', false);
  write('.git/config', '[core]\n\trepositoryformatversion = 0\n\tbare = false\n', false);
  for (let n = 0; n < 600; n++) write(`.git/objects/${(n % 256).toString(16).padStart(2, '0')}/${(n * 2654435761 >>> 0).toString(16).padStart(38, '0')}`, Buffer.from([120, 1, n % 256, 0, 7, 9]), false);
  for (let n = 0; n < 3000; n++) {
    const pkg = `pkg-${n % 300}`;
    write(`node_modules/${pkg}/${['index.js', 'package.json', 'README.md', 'lib/util.js', 'lib/types.d.ts', 'LICENSE', 'lib/a.js', 'lib/b.js', 'lib/c.js', 'CHANGELOG.md'][Math.floor(n / 300)]}`, `// ${pkg}\nmodule.exports = { NODE_ENV: process.env.NODE_ENV, PKG_${n}_FLAG: true };\n`, false);
  }
  for (let n = 0; n < 2500; n++) write(`coverage/${all[n % PLANS].slug}/src/file-${n}.ts.html`, `<html><body><pre>${'covered line\n'.repeat(40)}</pre></body></html>\n`, false);
  write('sync-errors.log', 'ERROR_ONLY_IN_A_LOG=1\n', false);
  write('.env', 'SHOULD_NOT_BE_READ=1\n', false);
  write('.gitignore', '# build output and local files\nnode_modules/\ncoverage/\ndist/\n*.log\n.env\n.env.local\n!.env.example\n');

  // Per connector: a package of nested sources, tests and fixtures, its migrations and deployment files, its plan.
  const migrations = 'supabase/migrations';
  for (let i = 0; i < PLANS; i++) {
    const c = all[i];
    const table = c.slug.replace(/-/g, '_');
    const pkg = `packages/${c.slug}`;
    const [main, second, third] = c.entities;
    const plan = `docs/connectors/${c.slug}-rollout-plan.md`;
    write(plan, planText(c, i, clean));
    plans.push(plan);
    write(`${pkg}/package.json`, packageJson(c.slug));
    write(`${pkg}/tsconfig.json`, `${JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { outDir: 'dist' }, include: ['src'] }, null, 2)}\n`);
    write(`${pkg}/README.md`, `# ${c.name}\n\nThe ${c.name} connector. Set \`${c.env}_CLIENT_ID\` and friends; see the rollout plan.\n`);
    // Most connectors list their client env vars in .env.example; the others only read them in code.
    if (i % 10 < 7) write(`${pkg}/.env.example`, `# ${c.name}\n${c.env}_CLIENT_ID=\n${c.env}_CLIENT_SECRET=\n`);
    write(`${pkg}/src/client.ts`, tsSource(next, between(2000, 5000), c.name, [`${c.env}_CLIENT_ID`, `${c.env}_CLIENT_SECRET`]));
    write(`${pkg}/src/webhook.ts`, tsSource(next, between(2000, 5000), c.name, [`${c.env}_WEBHOOK_SECRET`]));
    for (const name of ['mapping', 'sync', 'index', 'types']) write(`${pkg}/src/${name}.ts`, tsSource(next, between(1500, 5000), c.name, []));
    for (const entity of c.entities) {
      write(`${pkg}/src/api/${entity}/route.ts`, tsSource(next, between(1500, 4000), c.name, []));
      write(`${pkg}/src/mappers/${entity}.ts`, tsSource(next, between(1500, 4000), c.name, []));
    }
    // Migrations: the first entity's as the plans write it, the second's with any timestamp (a pattern in the
    // plans), the third's renamed when committed (20260209_ became 2026020903_; one plan in five still says 20260209_).
    write(`${migrations}/20260207_${table}_${main}.sql`, sqlSource(next, `${table}_${main}`, between(1000, 4000)));
    write(`${migrations}/202602${String(10 + (i % 18)).padStart(2, '0')}_${table}_${second}.sql`, sqlSource(next, `${table}_${second}`, between(1000, 4000)));
    write(`${migrations}/2026020903_${table}_${third}.sql`, sqlSource(next, `${table}_${third}`, between(1000, 4000)));
    write(`deploy/k8s/${c.slug}/deployment.yml`, yamlSource(c.name, c.slug, [`${c.env}_CLIENT_ID`, `${c.env}_CLIENT_SECRET`, `${c.env}_SYNC_CRON`], between(1500, 3000)));
    for (const name of ['service', 'hpa', 'configmap']) write(`deploy/k8s/${c.slug}/${name}.yml`, yamlSource(c.name, c.slug, [], between(800, 2000)));
  }
  write('.github/workflows/ci.yml', `name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    env:\n      DATABASE_URL: \${{ secrets.DATABASE_URL }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci && npm test\n`);
  for (let n = 0; n < 60; n++) write(`docs/guides/guide-${n}.md`, `# Guide ${n}\n\nHow the sync handles ${ENTITIES[n % 10]}. Example: \`EXAMPLE_TOKEN=abc\`.\n\n${'Prose about retries, cursors and owners. '.repeat(40)}\n`);
  for (let n = 0; n < 150; n++) write(`assets/icons/icon-${n}.png`, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, n % 256]));

  // Then the bulk, until `files`: deeper modules of the packages (sources, tests, fixtures, a few migrations)
  // and the web app.
  for (let n = 0; indexed < files; n++) {
    const c = all[n % PLANS];
    const area = AREAS[Math.floor(n / PLANS) % AREAS.length];
    const entity = ENTITIES[n % ENTITIES.length];
    const kind = n % 20;
    if (kind < 11) write(`packages/${c.slug}/src/${area}/${entity}/${VERBS[n % VERBS.length]}-${n}.ts`, tsSource(next, between(1000, 6000), c.name, []));
    else if (kind < 14) write(`packages/${c.slug}/test/${area}/${entity}-${n}.test.ts`, tsSource(next, between(1000, 4000), c.name, []));
    else if (kind < 16) write(`packages/${c.slug}/fixtures/${entity}/${entity}-${n}.json`, jsonSource(next, between(800, 4000)));
    else if (kind < 17) write(`${migrations}/2025${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(n).padStart(6, '0')}_${entity}_${n}.sql`, sqlSource(next, `${entity}_${n}`, between(800, 3000)));
    else write(`apps/web/src/${area}/${entity}/${c.slug}-${n}.tsx`, tsSource(next, between(1000, 5000), c.name, []));
  }
  return { root, indexed, written, bytes, plans };
}

/** Writes the plans of a generated repository again, with claims that hold (`clean`) or with the usual misses. */
export function writePlans(root: string, clean: boolean): void {
  connectors()
    .slice(0, PLANS)
    .forEach((c, i) => fs.writeFileSync(path.join(root, 'docs', 'connectors', `${c.slug}-rollout-plan.md`), planText(c, i, clean)));
}
