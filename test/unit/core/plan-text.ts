import { analyzePlan, type AnalyzeOptions, type TextEdit } from '../../../src/core';

/** Joins lines with `\n`: tests build their documents line by line. */
export function lines(...rows: string[]): string {
  return rows.join('\n');
}

/** A finished plan with no gaps: tests change one part of it and look at what that part alone produces. */
export const GOOD_PLAN = lines(
  '# Linear Connector Rollout Plan',
  '',
  '## A) Business Goal',
  '- Why this connector exists: engineering issues explain partner escalations.',
  '- Decisions/metrics this should unlock: escalation age per partner.',
  '- Success in the next 2-4 weeks: every escalation links to its Linear issue.',
  '',
  '## B) Source Model',
  '- External system: Linear GraphQL API',
  '- Authentication model: OAuth app, workspace scope',
  '- Plan/tier constraints: 1,500 requests per hour',
  '- Data pull mode: incremental',
  '',
  '## C) Linking Points (Identity Graph)',
  '- Link 1: `issue.team.key` -> `partners.linear_team_key`',
  '- Link 2: `assignee.email` -> `staff.email`',
  '',
  '## D) Mapping Rules + Cardinality',
  '| Mapping Purpose | source | External ID | Internal Entity | Cardinality | Enforced In |',
  '|---|---|---|---|---|---|',
  '| Team to partner | `linear_team` | `team.id` | `partners` | 1:1 | DB |',
  '| Assignee to staff | `linear_user` | `user.id` | `staff` | 1:1 | app |',
  '',
  '- onConflict strategy: upsert on `(source, external_id)`.',
  '- Required metadata per mapping: `team_key`, `synced_at`.',
  '',
  '## E) Delivery Phases',
  '### Phase 1: Connection + Mapping',
  '- Scope: OAuth and the test-connection route.',
  '- Deliverables: `src/lib/linear/client.ts`',
  '- Validation tests: a revoked token returns a handled 401.',
  '',
  '### Phase 2: Sync Engine',
  '- Scope: incremental issue sync.',
  '- Deliverables: sync route and cursor table.',
  '- Validation tests: a re-run inserts nothing new.',
  '',
  '## F) Agent-Team Plan',
  '### Wave 1',
  '- Agent: `schema-sync`',
  '- Tasks: cursor table migration.',
  '- Blocks/unblocks: unblocks the sync route.',
  '',
  '## G) Risks + Mitigations',
  '- Risk 1: rate limits during backfill.',
  '  - Mitigation: backoff and a resumable cursor.',
  '',
  '## H) Manual Setup Handoff (Owner Actions)',
  '- External app creation: Linear OAuth app by the workspace admin.',
  '- Required permissions/scopes: `read`',
  '- Secrets/env vars (`.env.local` + deployment): `LINEAR_CLIENT_ID`, `LINEAR_CLIENT_SECRET`',
  '- Migration files to apply: `20261101_linear.sql`',
  '- First smoke-test sequence: test-connection, then a one-team sync.',
  '',
  '## I) Operational Go/No-Go',
  '- [x] Auth and connection test pass',
  '- [x] Mappings validated (manual + auto-match)',
  '',
  '## J) Open Questions and Assumptions',
  '- Q1: Do we sync archived issues? No, not in phase 1.',
  '- Assumptions made: one Linear team per partner.',
);

/** Replaces the section with the given letter (heading included) by `text`. */
export function withSection(plan: string, letter: string, text: string): string {
  const rows = plan.split('\n');
  const start = rows.findIndex((r) => r.startsWith(`## ${letter})`));
  let end = rows.findIndex((r, i) => i > start && r.startsWith('## '));
  if (end < 0) end = rows.length;
  return [...rows.slice(0, start), ...text.split('\n'), '', ...rows.slice(end)].join('\n');
}

/** Findings as `line rule-id` (1-based), the way fixture expectations are written. */
export function findingLines(text: string, options?: AnalyzeOptions): string[] {
  return analyzePlan(text, options).findings.map((f) => `${f.range.start.line + 1} ${f.ruleId}`);
}

/** Findings other than go-no-go-open, which most tests are not about. */
export function gaps(text: string, options?: AnalyzeOptions): string[] {
  return findingLines(text, options).filter((f) => !f.endsWith('go-no-go-open'));
}

/** Applies non-overlapping edits to text (the way an editor would). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const rows = text.split('\n');
  const offset = (p: { line: number; character: number }) => rows.slice(0, p.line).reduce((n, r) => n + r.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** Applies edits as VS Code does: every position must be in the document, inserted text takes the document's line ends, inserts at one point keep their order. */
export function applyAsEditor(text: string, edits: TextEdit[]): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const rows = text.split(eol);
  const starts: number[] = [];
  rows.reduce((at, row) => (starts.push(at), at + row.length + eol.length), 0);
  const offset = ({ line, character }: { line: number; character: number }) => {
    if (line < 0 || line >= rows.length || character < 0 || character > rows[line].length) throw new Error(`edit outside the document: line ${line}, character ${character} of ${rows.length} lines`);
    return starts[line] + character;
  };
  const ordered = edits.map((e, i) => ({ start: offset(e.range.start), end: offset(e.range.end), text: e.newText.replace(/\r\n|\r|\n/g, eol), i }));
  ordered.sort((a, b) => b.start - a.start || b.i - a.i);
  let out = text;
  for (const e of ordered) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
