// Hostile plans for `npm run bench:adversarial` and the unit test of growth: each shape puts one long line or one large
// structure of `n` units into an otherwise ordinary plan, where the checker reads it.

import { GOOD_PLAN } from '../unit/core/plan-text';

type Sections = Partial<Record<'title' | 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J', string[]>>;

/**
 * The unit tests' finished plan (GOOD_PLAN), with extra lines added at the end of the sections named (in D, right
 * after the mapping table's rows, so extra rows stay in the table) and a title in place of its own.
 */
export function planWith(extra: Sections): string {
  const out: string[] = [];
  let current: keyof Sections | undefined;
  let held: string[] = [];
  const flush = () => {
    // What a section ends with (blank lines) goes after its extra lines.
    let end = held.length;
    while (end > 0 && !held[end - 1].trim()) end--;
    out.push(...held.slice(0, end), ...(current && current !== 'D' ? extra[current] ?? [] : []), ...held.slice(end));
    held = [];
  };
  const source = GOOD_PLAN.split('\n');
  source.forEach((line, i) => {
    if (line.startsWith('# ')) return void out.push(...(extra.title ?? [line]));
    const section = /^## ([A-J])\)/.exec(line);
    if (section) {
      flush();
      current = section[1] as keyof Sections;
    }
    held.push(line);
    // After the last row of D's table: extra rows join the table.
    if (current === 'D' && line.startsWith('|') && !source[i + 1]?.startsWith('|')) held.push(...(extra.D ?? []));
  });
  flush();
  return `${out.join('\n')}\n`;
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
