// npm run bench: checking ~1 MB plans of several shapes, each as a ratio to markdown-it's own parse of the same text
// (one run, same process). `npm run bench -- <shape>` measures one shape.
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { analyzePlan, buildSchema, type AnalyzeOptions } from '../../src/core';
import { forgetParsedPieces } from '../../src/core/markdown/blocks';

/** One plan, sections A–J once each, grown until it weighs `targetBytes`: long lists, a big mapping table, many phases and risks. */
export function largePlan(targetBytes: number): string {
  const prose = 'The connector keeps partner health honest: every record carries its source, its external ID and the time it was seen.';
  const scale = Math.max(1, Math.round(targetBytes / 880));
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  return [
    '# Benchmark Connector Rollout Plan',
    '',
    '## A) Business Goal',
    `- Why this connector exists: ${prose}`,
    '- Decisions/metrics this should unlock:',
    ...range(scale).map((i) => `  - metric ${i}: ${prose}`),
    '- Success in the next 2-4 weeks: **95%** linked.',
    '',
    '## B) Source Model',
    '- **External system:** Example API',
    '- **Auth**: OAuth',
    '- Plan/tier constraints: 100 rps',
    '- Data pull mode: incremental / snapshot / hybrid',
    '  - Hybrid: backfill then cursor.',
    '',
    '## C) Linking Points (Identity Graph)',
    ...range(scale).map((i) => `- Link ${i + 1}: \`field_${i}\` -> \`entity_${i}.key\``),
    '',
    '## D) Mapping Rules + Cardinality',
    '| Mapping Purpose | source | External ID | Internal Entity | Cardinality | Enforced In |',
    '|---|---|---|---|---|---|',
    ...range(scale * 3).map((i) => `| Row ${i} | \`src_${i}\` | \`id_${i}\` | \`entity\` | ${i % 7 ? '1:N (account → contacts)' : 'many'} | DB + app |`),
    '',
    '- onConflict strategy: upsert.',
    '- Required metadata per mapping: {source}',
    '',
    '## E) Delivery Phases',
    ...range(Math.ceil(scale / 4)).flatMap((i) => [`### Phase ${i + 1}: Part ${i} — ${i % 3 ? 'COMPLETE' : 'PARTIAL (auth only)'}`, `**Scope:** ${prose}`, '**Deliverables:**', '- `src/lib/client.ts`', '```ts', 'export const client = createClient({ token: process.env.API_TOKEN });', '```', i % 5 ? '- Validation tests: idempotent upsert' : '', '']),
    '## F) Agent-Team Plan',
    ...range(Math.ceil(scale / 8)).flatMap((i) => [`### Wave ${i + 1}`, '- Agent: `schema-sync`', i % 4 ? '- Tasks: migrations' : '', '']),
    '## G) Risks + Mitigations',
    ...range(scale).flatMap((i) => [`${i + 1}. Risk: ${prose}`, i % 6 ? '   - Mitigation: retries and alerts.' : '   - Owner: ops']),
    '',
    '## H) Manual Setup Handoff (Owner Actions)',
    '- External app creation: admin',
    '- Required permissions/scopes: read',
    '- Secrets/env vars (`.env.local` + deployment): `API_TOKEN=<paste token here>`',
    '- Migration files to apply: `001.sql`',
    '- First smoke-test sequence: ping',
    '',
    '## I) Operational Go/No-Go',
    ...range(20).map((i) => `- [${i % 2 ? 'x' : ' '}] Check ${i} — verified in run #${i}`),
    '',
    '## J) Open Questions and Assumptions',
    ...range(scale).map((i) => `- Q${i + 1}: ${i % 9 ? prose : ''}`),
    '- Assumptions made:',
    ...range(scale).map(() => `  ${prose}`),
    '',
  ].join('\n');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeOnce(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const ROOT = path.resolve(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** `text` with the part matching `unit` repeated (each copy renumbered by `renumber`) until it weighs ~`targetBytes`. */
function grow(text: string, start: number, end: number, renumber: (part: string, n: number) => string, targetBytes: number): string {
  const part = text.slice(start, end);
  const out: string[] = [];
  for (let n = 0, size = text.length - part.length; size < targetBytes; n++) {
    const copy = renumber(part, n + 1);
    out.push(copy);
    size += copy.length;
  }
  return text.slice(0, start) + out.join('') + text.slice(end);
}

/** The shapes a team writes, each ~`targetBytes`: the plan and the options it is checked with. */
export function shapes(targetBytes: number): Record<string, { text: string; options?: AnalyzeOptions }> {
  // The finished example with its phases repeated: one long E section of `### Phase N` sub-sections.
  const example = read('examples/stripe-billing-rollout-plan.md');
  const eStart = example.indexOf('### Phase ', example.indexOf('## E)'));
  const eEnd = example.indexOf('\n## F)', eStart) + 1;
  // Organised by phase at the top level: `## Phase N` headings with numbered parts, repeated.
  const byPhase = read('test/fixtures/repos/plan-shapes/plans/greenhouse-integration-plan.md');
  const pStart = byPhase.indexOf('## Phase 2:');
  const pEnd = byPhase.indexOf('## Phase 4:');
  // A team template's plan, its task matrix grown.
  const feature = read('test/fixtures/repos/feature-template/docs/features/checkout/plan.md');
  const schema = buildSchema(read('test/fixtures/repos/feature-template/templates/feature-plan.md'));
  const tStart = feature.indexOf('\n', feature.indexOf('|---', feature.indexOf('## Task Matrix'))) + 1;
  const tEnd = feature.indexOf('\n\n', tStart) + 1;
  return {
    mixed: { text: largePlan(targetBytes) },
    'repeated-phases': { text: grow(example, eStart, eEnd, (part, n) => part.replace(/### Phase (\d+)/g, (_m, k) => `### Phase ${(n - 1) * 10 + Number(k)}`), targetBytes) },
    'by-phase': { text: grow(byPhase, pStart, pEnd, (part, n) => part.replace(/## Phase (\d+)/g, (_m, k) => `## Phase ${n * 2 + Number(k)}`).replace(/### (\d+)\./g, (_m, k) => `### ${n * 2 + Number(k)}.`), targetBytes) },
    'team-template': { text: grow(feature, tStart, tEnd, (part, n) => part.replace(/^\| /gm, `| ${n}. `), targetBytes), options: { schema } },
  };
}

function main(): void {
  const only = process.argv[2];
  const md = new MarkdownIt('default', { html: true });
  const rounds = Number(process.env.BENCH_ROUNDS ?? 11);
  const all = Object.entries(shapes(1024 * 1024)).filter(([name]) => !only || name === only);
  if (!all.length) throw new Error(`no shape named ${only}: ${Object.keys(shapes(1024)).join(', ')}`);
  for (const [name, { text, options }] of all) {
    const parse = () => md.parse(text, {});
    // A first check: nothing of the text parsed before (an editor's next check reuses the unchanged pieces, below).
    const check = () => {
      forgetParsedPieces();
      analyzePlan(text, options);
    };
    const edited = text.replace(/\n$/, '\nx\n');
    const again = () => analyzePlan(edited, options);
    for (let i = 0; i < 2; i++) {
      parse();
      check();
    }
    // Interleaved, so that whatever else the machine is doing weighs on both sides alike.
    const parseTimes: number[] = [];
    const checkTimes: number[] = [];
    const ratios: number[] = [];
    const againRatios: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const p = timeOnce(parse);
      const c = timeOnce(check);
      parseTimes.push(p);
      checkTimes.push(c);
      ratios.push(c / p);
      // The text checked, then a line added at its end: what a keystroke's check costs once a plan was checked.
      analyzePlan(text, options);
      againRatios.push(timeOnce(again) / c);
    }
    const report = analyzePlan(text, options);
    console.log(`${name}: ${(text.length / 1024).toFixed(0)} KiB, ${text.split('\n').length} lines, ${report.findings.length} findings (${report.progress?.percent}% complete)`);
    console.log(`  markdown-it parse: ${median(parseTimes).toFixed(1)} ms, connector-plan check: ${median(checkTimes).toFixed(1)} ms (medians of ${rounds} interleaved runs)`);
    console.log(`  ratio check / parse: ${median(ratios).toFixed(2)} (median of per-run ratios; target <= 1.5)`);
    console.log(`  a line added at the end, checked again: ${median(againRatios).toFixed(2)} of the first check (the unchanged pieces' parse kept)`);
  }
}

if (require.main === module) main();
