// Hostile plans for `npm run bench:adversarial` and the unit test of growth: each shape puts one long line or one large
// structure of `n` units into an otherwise ordinary plan, where the checker reads it.

type Sections = Partial<Record<'title' | 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J', string[]>>;

/** A finished plan, with extra lines appended to the sections named (and a title in place of its own). */
export function planWith(extra: Sections): string {
  const add = (key: keyof Sections) => extra[key] ?? [];
  return [
    ...(extra.title ?? ['# Linear Connector Rollout Plan']),
    '',
    '## A) Business Goal',
    '- Why this connector exists: engineering issues explain partner escalations.',
    '- Decisions/metrics this should unlock: escalation age per partner.',
    '- Success in the next 2-4 weeks: every escalation links to its Linear issue.',
    ...add('A'),
    '',
    '## B) Source Model',
    '- External system: Linear GraphQL API',
    '- Authentication model: OAuth app, workspace scope',
    '- Plan/tier constraints: 1,500 requests per hour',
    '- Data pull mode: incremental',
    ...add('B'),
    '',
    '## C) Linking Points (Identity Graph)',
    '- Link 1: `issue.team.key` -> `partners.linear_team_key`',
    '- Link 2: `assignee.email` -> `staff.email`',
    ...add('C'),
    '',
    '## D) Mapping Rules + Cardinality',
    '| Mapping Purpose | source | External ID | Internal Entity | Cardinality | Enforced In |',
    '|---|---|---|---|---|---|',
    '| Team to partner | `linear_team` | `team.id` | `partners` | 1:1 | DB |',
    '| Assignee to staff | `linear_user` | `user.id` | `staff` | 1:1 | app |',
    ...add('D'),
    '',
    '- onConflict strategy: upsert on `(source, external_id)`.',
    '- Required metadata per mapping: `team_key`, `synced_at`.',
    '',
    '## E) Delivery Phases',
    '### Phase 1: Connection + Mapping',
    '- Scope: OAuth and the test-connection route.',
    '- Deliverables: `src/lib/linear/client.ts`',
    '- Validation tests: a revoked token returns a handled 401.',
    ...add('E'),
    '',
    '## F) Agent-Team Plan',
    '### Wave 1',
    '- Agent: `schema-sync`',
    '- Tasks: cursor table migration.',
    '- Blocks/unblocks: unblocks the sync route.',
    ...add('F'),
    '',
    '## G) Risks + Mitigations',
    '- Risk 1: rate limits during backfill.',
    '  - Mitigation: backoff and a resumable cursor.',
    ...add('G'),
    '',
    '## H) Manual Setup Handoff (Owner Actions)',
    '- External app creation: Linear OAuth app by the workspace admin.',
    '- Required permissions/scopes: `read`',
    '- Secrets/env vars (`.env.local` + deployment): `LINEAR_CLIENT_ID`, `LINEAR_CLIENT_SECRET`',
    '- Migration files to apply: `20261101_linear.sql`',
    '- First smoke-test sequence: test-connection, then a one-team sync.',
    ...add('H'),
    '',
    '## I) Operational Go/No-Go',
    '- [x] Auth and connection test pass',
    '- [x] Mappings validated (manual + auto-match)',
    ...add('I'),
    '',
    '## J) Open Questions and Assumptions',
    '- Q1: Do we sync archived issues? No, not in phase 1.',
    '- Assumptions made: one Linear team per partner.',
    ...add('J'),
    '',
  ].join('\n');
}

export interface AdversarialShape {
  name: string;
  /** What grows, in a few words. */
  what: string;
  /** The plan with `n` units of the shape; a unit is a few bytes, so n of 2^14 is a plan of tens of KB. */
  build(n: number): string;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const spaces = (n: number) => ' '.repeat(n);

/** The causes of issue 17 point 1 first, then more of the same kinds. */
export const SHAPES: AdversarialShape[] = [
  { name: 'mitigation-spaces', what: '`- Mitigation` and a run of spaces', build: (n) => planWith({ G: ['- Risk 2: webhooks dropped.', `  - Mitigation${spaces(n)}x`, `  - Mitigation${spaces(n)}`] }) },
  { name: 'choice-commas', what: 'a choice value with many commas', build: (n) => planWith({ B: [`- Data pull mode: incremental${','.repeat(n)} x`, `- Data pull mode: ${', '.repeat(n)}snapshot`] }) },
  { name: 'choice-parens', what: 'a choice value with many `(`', build: (n) => planWith({ B: [`- Data pull mode: ${'('.repeat(n)}`], D: [`| Extra | \`x\` | \`id\` | \`e\` | ${'('.repeat(n)} | DB |`] }) },
  { name: 'bracket-runs', what: 'a line of `[`', build: (n) => planWith({ A: [`- Notes: ${'['.repeat(n)}](`, `  ${'[]('.repeat(n)}`] }) },
  { name: 'title-dashes', what: 'a title with many dashes', build: (n) => planWith({ title: [`# Linear ${'- '.repeat(n)}Connector Rollout Plan`], E: [`### Phase 2: Sync${' -'.repeat(n)}x`] }) },
  { name: 'title-parens', what: 'a title with many `(`', build: (n) => planWith({ title: [`# Linear ${'( '.repeat(n)}Connector Rollout Plan`], E: [`### Phase 2: Sync ${'('.repeat(n)}`] }) },
  { name: 'heading-words', what: 'a heading of many distinct words', build: (n) => planWith({ J: [`## ${range(n).map((i) => `w${i.toString(36)}x`).join(' ')}`] }) },
  { name: 'url-passwords', what: 'URL-like runs in the secret rule', build: (n) => planWith({ H: [`- Notes: ${'a+'.repeat(n)}://user:password@`, `- More: https://u:${'p'.repeat(n)}`, `- Host: ${'a.'.repeat(n)}@`] }) },
  { name: 'jwt-runs', what: 'JWT-like runs in the secret rule', build: (n) => planWith({ H: [`- Token: ${'eyJJe-e-y0-'.repeat(Math.ceil(n / 8))}`, `- Other: ${'eyJaaaaaaaaaaaa.'.repeat(Math.ceil(n / 12))}`] }) },
  { name: 'agent-backticks', what: 'backtick runs in an agent line', build: (n) => planWith({ F: [`- Agent x${'`a`a'.repeat(Math.ceil(n / 4))}`, `- Agents ${'`'.repeat(n)}`] }) },
  { name: 'comment-opens', what: 'a run of `<!--`', build: (n) => planWith({ A: [`- Notes: ${'<!--'.repeat(Math.ceil(n / 4))}`], J: [`<!--${'<!-- connector-plan-disable x'.repeat(Math.ceil(n / 24))}`] }) },
  { name: 'table-comments', what: 'comments in a table row', build: (n) => planWith({ D: [`| Extra | \`x\` | \`id\` | \`e\` | 1:1 | DB ${'<!-- c --> '.repeat(Math.ceil(n / 11))}x |`, `| More | \`y\` | \`id\` | \`e\` | 1:1 | ${'<!--'.repeat(Math.ceil(n / 4))} |`] }) },
  { name: 'nested-lists', what: 'lists nested n/64 deep (bytes grow as depth²)', build: (n) => planWith({ J: range(Math.ceil(n / 64)).map((i) => `${spaces(2 * i)}- level ${i}: note`) }) },
  { name: 'go-no-go-table', what: 'a go/no-go table of n/8 rows', build: (n) => planWith({ I: ['', '| Check | Status |', '|---|---|', ...range(Math.ceil(n / 8)).map((i) => `| Check ${i} | ${i % 3 ? 'Pending' : 'Done'} |`)] }) },
  { name: 'suppressions', what: 'n/16 directives and n/16 findings', build: (n) => planWith({ J: range(Math.ceil(n / 16)).flatMap((i) => [`<!-- connector-plan-disable-next-line empty-field, r${i} -->`, `- Q${i + 2}:`]) }) },
  { name: 'label-spaces', what: 'labels and numbers followed by spaces', build: (n) => planWith({ C: [`- Link 3${spaces(n)}x`, `- Link 4:${spaces(n)}#x`], E: [`### Phase 2${spaces(n)}x`, `### Phase 3:${spaces(n)}:x`], F: [`### Wave 2${spaces(n)}x`] }) },
  { name: 'placeholder-braces', what: 'runs of `{`', build: (n) => planWith({ A: [`- Notes: ${'{'.repeat(n)}`, `- More: ${'{a'.repeat(n)}}`] }) },
  { name: 'emphasis-runs', what: 'runs of `*` and `_`', build: (n) => planWith({ A: [`- Notes: ${'**a'.repeat(Math.ceil(n / 3))}:`, `  ${'_ '.repeat(n)}x`, `**${'x '.repeat(n)}**`] }) },
  { name: 'html-tags', what: 'runs of `<` and `<summary>`', build: (n) => planWith({ F: ['<details>', `<summary>${'<summary>'.repeat(Math.ceil(n / 9))}`, `${'<a'.repeat(n)}`, '</details>'] }) },
  { name: 'table-pipes', what: 'a table row of many cells', build: (n) => planWith({ D: [`| Extra | ${'x | '.repeat(Math.ceil(n / 4))}` ] }) },
  { name: 'blockquote-depth', what: 'a line of many `>`', build: (n) => planWith({ J: [`${'> '.repeat(Math.ceil(n / 2))}- Q9: x`, `${'>'.repeat(n)}`] }) },
  { name: 'many-headings', what: 'n/16 sub-headings', build: (n) => planWith({ G: range(Math.ceil(n / 16)).flatMap((i) => [`### Risk ${i} webhook`, `- Mitigation: r${i}`]) }) },
  { name: 'many-phases', what: 'n/32 phases with fields', build: (n) => planWith({ E: range(Math.ceil(n / 32)).flatMap((i) => ['', `### Phase ${i + 2}: Part ${i}`, '- Scope:', `- Deliverables: d${i}`, '- Validation tests:']) }) },
  { name: 'many-risks', what: 'n/16 risks', build: (n) => planWith({ G: range(Math.ceil(n / 16)).flatMap((i) => [`- Risk ${i + 2}: r${i} x`, ...(i % 2 ? ['  - Mitigation:'] : [])]) }) },
  { name: 'secret-assignments', what: 'a line of `key=` runs', build: (n) => planWith({ H: [`- Notes: ${'API_KEY'.repeat(Math.ceil(n / 7))} = x`, `- Bearer ${'a'.repeat(n)} @`, `- ${'token_'.repeat(Math.ceil(n / 6))}`] }) },
];
