import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzePlan, fixAllEdits, getDefaultSchema, inspectPlan, type Finding, type TextEdit } from '../../../src/core';
import { sectionAt } from '../../../src/core/plan/model';
import { applyAsEditor } from './plan-text';

/** Plans per property; `FIX_ALL_RUNS=20000 npm run test:unit` searches harder. */
const RUNS = Number(process.env.FIX_ALL_RUNS) || 2000;
const schema = getDefaultSchema();
const template = (id: string) => schema.sections.find((s) => s.id === id)!;

/** What may follow any part of a plan, now and then: things that swallow or end the lines after them (fences, HTML blocks, tables…). */
const hazard = fc.oneof(
  { weight: 12, arbitrary: fc.constant<string[]>([]) },
  fc.constantFrom<string[]>(
    ['Some prose that ends the part.'],
    ['```', 'an unclosed fence'],
    ['~~~~', 'closed fence', '~~~~'],
    ['<details>', '<summary>More</summary>', '', 'Hidden words.', '', '</details>'],
    ['<details><summary>Notes</summary>', 'still in the block'],
    ['<div>'],
    ['<!-- a note -->'],
    ['<!-- an unclosed comment'],
    ['| Note | Value |', '|---|---|', '| a | b |'],
    ['> quoted'],
    ['    indented code'],
    ['- a plain item', '  continued lazily'],
    ['  - Detail:'],
    ['1. a numbered step'],
    ['---'],
  ),
);

/** One labelled field: written, empty, empty with an empty label nested under it, bold, or left out. */
const field = (label: string) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom<string[]>([`- ${label}: written`], [`- ${label}:`], []) },
    fc.constantFrom<string[]>([`- ${label}:`, '  - Detail:'], [`- **${label}:** written`], [`**${label}:**`], [`- ${label}:`, '  written below']),
  );

const fields = (labels: string[]) => fc.tuple(...labels.map(field)).map((parts) => parts.flat());

/** `##` for level 2. */
const hashes = (level: number) => '#'.repeat(level);

/** A phase or wave under its own sub-heading (or in a `<details>` toggle), with some of its fields and maybe a hazard after them. */
const workItem = (id: string, n: number, level: number) => {
  const { subsectionKind, subsectionFields } = template(id);
  const name = subsectionKind === 'phase' ? `Phase ${n}: Part ${n}` : `Wave ${n}`;
  const sub = hashes(level + 1);
  const heading = fc.constantFrom([`${sub} ${name}`], [`${sub} ${name}`, ''], [`${sub} ${name} — COMPLETE`], ['<details>', `<summary>${name}</summary>`, '']);
  return fc.tuple(heading, fields(subsectionFields.map((f) => f.label)), hazard, blanks).map(([head, lines, after, gap]) => [...head, ...lines, ...(head[0] === '<details>' ? ['', '</details>'] : []), ...after, ...gap]);
};

const blanks = fc.integer({ min: 0, max: 2 }).map((n) => Array<string>(n).fill(''));

const risk = (n: number) =>
  fc.constantFrom<string[]>(
    [`- Risk ${n}: rate limits ${n}`, '  - Mitigation: backoff'],
    [`- Risk ${n}: rate limits ${n}`],
    [`- Risk ${n}: rate limits ${n}`, '  - Mitigation:'],
    [`- Risk ${n}: rate limits ${n}`, '- Mitigation: a flat one'],
    [`- Risk ${n}:`],
    [`- Token expiry ${n}`],
  );

const mappingTable = fc.constantFrom<string[]>(
  [],
  ['| Mapping Purpose | source | External ID | Internal Entity | Cardinality | Enforced In |', '|---|---|---|---|---|---|', '| Team | `team` | `team.id` | `partners` | 1:1 | DB |'],
  ['| Mapping Purpose | source | External ID | Internal Entity | Cardinality | Enforced In |', '', '|---|---|---|---|---|---|', '| Team | `team` | `team.id` | `partners` | 1:1 | DB |'],
  ['| Mapping Purpose | source | External ID | Internal Entity |', '|---|---|---|---|'],
);

/** The body of each template section, by its role, with sub-headings one level under `level`. */
const bodies = (level: number): Record<string, fc.Arbitrary<string[]>> => ({
  A: fields(template('A').fields.map((f) => f.label)),
  B: fields(template('B').fields.map((f) => f.label)),
  C: fc.constantFrom<string[]>(['- Link 1: `a.id` -> `b.id`'], ['- Link 1:'], ['- Link 1: a', '- Link 2: `x` -> `y`'], []),
  D: fc.tuple(mappingTable, blanks, fields(template('D').fields.map((f) => f.label))).map((parts) => parts.flat()),
  E: fc.integer({ min: 0, max: 3 }).chain((n) => fc.tuple(...[1, 2, 3].slice(0, n).map((i) => workItem('E', i, level)))).map((parts) => parts.flat()),
  F: fc.integer({ min: 0, max: 2 }).chain((n) => fc.tuple(...[1, 2].slice(0, n).map((i) => workItem('F', i, level)))).map((parts) => parts.flat()),
  G: fc.tuple(fc.boolean(), risk(1), risk(2)).map(([grouped, ...risks]) => [...(grouped ? [`${hashes(level + 1)} Technical risks`] : []), ...risks.flat()]),
  H: fields(template('H').fields.map((f) => f.label)),
  I: fc.constantFrom<string[]>(['- [ ] Auth and connection test pass', '- [x] Mappings validated'], ['| Criterion | Status |', '|---|---|', '| Auth passes | Pending |'], []),
  J: fields(['Q1', 'Assumptions made']),
});

const section = (id: string, level: number) =>
  fc.tuple(fc.constantFrom(`${hashes(level)} ${id}) ${template(id).title}`, `${hashes(level)} ${id}) ${template(id).title}:`), bodies(level)[id], hazard, blanks).map(([heading, body, after, gap]) => [heading, ...body, ...after, ...gap]);

const ids = schema.sections.map((s) => s.id);

/** A plan: a title, most sections (at level 2, or 1 or 3; in template order or not), `\n` or `\r\n`, with or without a final newline. */
const planText = fc.constantFrom(2, 2, 2, 1, 3).chain((level) => fc
  .record({
    title: fc.constantFrom(['# Acme Connector Rollout Plan', ''], ['# Acme Connector Rollout Plan'], [], ['---', 'owner: ana', '---', '# Acme Connector Rollout Plan'], ['Draft.', '', '# Acme Connector Rollout Plan', '']),
    order: fc.oneof({ weight: 4, arbitrary: fc.constant(ids) }, { weight: 1, arbitrary: fc.shuffledSubarray(ids, { minLength: ids.length }) }),
    present: fc.tuple(...ids.map(() => fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }))),
    sections: fc.tuple(...ids.map((id) => section(id, level))),
    eol: fc.constantFrom('\n', '\r\n'),
    finalNewline: fc.boolean(),
  })
  .map(({ title, order, present, sections, eol, finalNewline }) => {
    const rows = [...title, ...order.flatMap((id) => (present[ids.indexOf(id)] ? sections[ids.indexOf(id)] : []))];
    while (!finalNewline && rows.length && rows[rows.length - 1] === '') rows.pop();
    return rows.join(eol) + (finalNewline ? eol : '');
  }));

/** The preferred fixes Fix All takes, each with its finding. */
function appliedFixes(findings: Finding[], edits: TextEdit[]): { finding: Finding; edit: TextEdit }[] {
  const taken = new Set(edits);
  return findings.flatMap((finding) => (finding.fixes?.find((f) => f.isPreferred)?.edits ?? []).filter((e) => taken.has(e)).map((edit) => ({ finding, edit })));
}

/** The line each edit's first written line lands on once all the edits are in (all of Fix All's edits insert). */
function landingLines(edits: TextEdit[]): Map<TextEdit, number> {
  const order = edits.map((edit, i) => ({ edit, i })).sort((a, b) => a.edit.range.start.line - b.edit.range.start.line || a.edit.range.start.character - b.edit.range.start.character || a.i - b.i);
  const lines = new Map<TextEdit, number>();
  let shift = 0;
  for (const { edit } of order) {
    const parts = edit.newText.split('\n');
    const first = parts.findIndex((p, k) => p.trim() && (k > 0 || edit.range.start.character === 0));
    lines.set(edit, edit.range.start.line + shift + first);
    shift += parts.length - 1;
  }
  return lines;
}

/** Where a line of the plan is once the edits are in. */
function movedLine(edits: TextEdit[], line: number): number {
  const before = edits.filter((e) => e.range.start.line < line || (e.range.start.line === line && e.range.start.character === 0));
  return line + before.reduce((n, e) => n + e.newText.split('\n').length - 1, 0);
}

const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error').length;
const gaps = (findings: Finding[]) => findings.filter((f) => f.severity !== 'info').length;
/** What one fix leaves to write: each empty label it inserts, or the one empty table. */
const stubGaps = (edit: TextEdit) => (edit.newText.match(/^[ \t]*- [^:\n]+:[ \t]*$/gm)?.length ?? 0) || 1;

/** Every way Fix All broke its promises on `text`, in words. */
function brokenPromises(text: string): string[] {
  const { report } = inspectPlan(text);
  if (!report.isPlan) return [];
  const edits = fixAllEdits(report.findings);
  if (!edits.length) return [];
  const broken: string[] = [];
  if (edits.some((e) => e.range.start.line !== e.range.end.line || e.range.start.character !== e.range.end.character)) broken.push('an edit replaces text');
  let fixed: string;
  try {
    fixed = applyAsEditor(text, edits);
  } catch (error) {
    return [(error as Error).message];
  }
  const after = inspectPlan(fixed);
  const again = fixAllEdits(after.report.findings);
  if (again.length) broken.push(`a second Fix All changes the plan again: ${JSON.stringify(again.map((e) => `${e.range.start.line}: ${e.newText}`))}`);
  const [before, now] = [report.progress!, after.report.progress!];
  if (now.percent > before.percent) broken.push(`progress rose from ${before.percent}% to ${now.percent}%`);
  for (const s of now.sections) {
    const was = before.sections.find((x) => x.id === s.id)!;
    if (s.filled > was.filled) broken.push(`${s.id} rose from ${was.filled}/${was.total} to ${s.filled}/${s.total}`);
  }
  if (errors(after.report.findings) > errors(report.findings)) broken.push(`errors rose from ${errors(report.findings)} to ${errors(after.report.findings)}`);
  const landed = landingLines(edits);
  for (const { finding, edit } of appliedFixes(report.findings, edits)) {
    const line = landed.get(edit)!;
    const where = sectionAt(after.plan, line);
    if (where?.id !== finding.sectionId) broken.push(`the fix of "${finding.message}" landed on line ${line + 1}, in ${where?.id ?? 'no section'} instead of ${finding.sectionId}`);
    if (finding.ruleId === 'phase-incomplete' || finding.ruleId === 'wave-incomplete') {
      const heading = movedLine(edits, finding.range.start.line);
      const sub = where?.subsections.find((s) => s.heading.line === heading);
      if (!sub || line < sub.startLine || line >= sub.endLine) broken.push(`the stub of "${finding.message}" landed on line ${line + 1}, outside its part (line ${heading + 1})`);
    }
  }
  // Stubs of existing parts: each is one gap where there was the one it fixes, never two.
  const stubs = appliedFixes(report.findings, edits).filter(({ finding }) => finding.ruleId !== 'missing-section');
  if (stubs.length) {
    const stubEdits = stubs.map((s) => s.edit);
    const stubbed = analyzePlan(applyAsEditor(text, stubEdits)).findings;
    const expected = gaps(report.findings) - stubs.length + stubEdits.reduce((n, e) => n + stubGaps(e), 0);
    if (gaps(stubbed) > expected) broken.push(`stubs were reported twice: ${gaps(report.findings)} gaps became ${gaps(stubbed)}, expected at most ${expected}`);
  }
  return broken;
}

describe('fix-all on generated plans (fast-check)', function () {
  this.timeout(120_000);

  it(`keeps every edit inside the document, changes nothing the second time, raises no progress and no error, and puts each stub in its section (${RUNS} plans)`, () => {
    fc.assert(
      fc.property(planText, (text) => {
        const broken = brokenPromises(text);
        assert.deepEqual(broken, [], `${broken.join('\n')}\n--- plan ---\n${text}`);
      }),
      { numRuns: RUNS },
    );
  });
});
