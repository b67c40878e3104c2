// npm run bench: checking a ~1 MB plan, as a ratio to markdown-it's own parse of the same text (one run, same process).
import MarkdownIt from 'markdown-it';
import { analyzePlan } from '../../src/core';

function largePlan(targetBytes: number): string {
  const out: string[] = ['# Benchmark Connector Rollout Plan', ''];
  const prose = 'The connector keeps partner health honest: every record carries its source, its external ID and the time it was seen.';
  let n = 0;
  const section = (heading: string, body: () => string[]) => {
    out.push(heading, ...body(), '');
  };
  while (out.join('\n').length < targetBytes) {
    n++;
    section(`## A) Business Goal`, () => [`- Why this connector exists: ${prose}`, '- Decisions/metrics this should unlock:', ...Array.from({ length: 20 }, (_, i) => `  - metric ${n}.${i}: ${prose}`), '- Success in the next 2-4 weeks: **95%** linked.']);
    section('## B) Source Model', () => ['- **External system:** Example API', '- **Auth**: OAuth', '- Plan/tier constraints: 100 rps', '- Data pull mode: incremental / snapshot / hybrid', '  - Hybrid: backfill then cursor.']);
    section('## C) Linking Points (Identity Graph)', () => Array.from({ length: 30 }, (_, i) => `- Link ${i + 1}: \`field_${i}\` -> \`entity_${i}.key\``));
    section('## D) Mapping Rules + Cardinality', () => [
      '| Mapping Purpose | source | External ID | Internal Entity | Cardinality | Enforced In |',
      '|---|---|---|---|---|---|',
      ...Array.from({ length: 120 }, (_, i) => `| Row ${i} | \`src_${n}_${i}\` | \`id_${i}\` | \`entity\` | 1:N (account → contacts) | DB + app |`),
      '',
      '- onConflict strategy: upsert.',
      '- Required metadata per mapping: {source}',
    ]);
    section('## E) Delivery Phases', () => Array.from({ length: 8 }, (_, i) => [`### Phase ${i + 1}: Part ${i} — COMPLETE`, `**Scope:** ${prose}`, '**Deliverables:**', '- `src/lib/client.ts`', '```ts', 'export const client = createClient({ token: process.env.API_TOKEN });', '```', '- Validation tests: idempotent upsert', '']).flat());
    section('## F) Agent-Team Plan', () => ['### Wave 1', '- Agent: `schema-sync`', '- Tasks: migrations', '### Wave 2', '- Tasks: client']);
    section('## G) Risks + Mitigations', () => Array.from({ length: 40 }, (_, i) => [`${i + 1}. Risk: ${prose}`, '   - Mitigation: retries and alerts.']).flat());
    section('## H) Manual Setup Handoff (Owner Actions)', () => ['- External app creation: admin', '- Required permissions/scopes: read', '- Secrets/env vars (`.env.local` + deployment): `API_TOKEN=<paste token here>`', '- Migration files to apply: `001.sql`', '- First smoke-test sequence: ping']);
    section('## I) Operational Go/No-Go', () => ['- [x] Auth and connection test pass — verified', '- [ ] Mappings validated']);
    section('## J) Open Questions and Assumptions', () => ['- Q1: backfill window?', '- Assumptions made:', ...Array.from({ length: 30 }, () => `  ${prose}`)]);
  }
  return out.join('\n');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(run: () => void, rounds: number): number {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

const text = largePlan(1024 * 1024);
const md = new MarkdownIt('default', { html: true });
const rounds = Number(process.env.BENCH_ROUNDS ?? 9);
time(() => md.parse(text, {}), 2);
time(() => analyzePlan(text), 2);
const parseMs = time(() => md.parse(text, {}), rounds);
const checkMs = time(() => analyzePlan(text), rounds);
const findings = analyzePlan(text).findings.length;
console.log(`plan: ${(text.length / 1024).toFixed(0)} KiB, ${text.split('\n').length} lines, ${findings} findings`);
console.log(`markdown-it parse: ${parseMs.toFixed(1)} ms (median of ${rounds})`);
console.log(`connector-plan check: ${checkMs.toFixed(1)} ms (median of ${rounds})`);
console.log(`ratio check / parse: ${(checkMs / parseMs).toFixed(2)} (target <= 1.5)`);
