import assert from 'node:assert/strict';
import { readStoredRows, ROW_LIMITS, rowsKey, sameDependencies, sameStamp, stampedFile, storedRows, type CachedLoopRow, type CachedPlanRow, type CachedRow, type CachedTemplateRow, type Dependency } from '../../../src/extension/plan-tree-cache';

const KEY = rowsKey('0.1.0', { rules: {}, language: 'en' });

const plan: CachedPlanRow = {
  kind: 'plan',
  uri: 'file:///w/docs/globex-plan.md',
  stamp: { mtime: 1_700_000_000_123, size: 4_096 },
  name: 'Globex',
  percent: 85,
  verdict: 'NO-GO',
  checked: 2,
  total: 3,
  findings: { error: 1, warning: 2, info: 0 },
  reasons: ['1 error remains (empty-field)'],
};
const template: CachedTemplateRow = { kind: 'template', uri: 'file:///w/templates/team.md', stamp: { mtime: 5, size: 10 }, name: 'Team template', configured: true };
const loop: CachedLoopRow = {
  kind: 'loop',
  uri: 'file:///w/greenhouse',
  file: 'file:///w/greenhouse/04-final-plan.md',
  stamp: { mtime: 9, size: 99 },
  record: 'file:///w/greenhouse/04-final-plan.md',
  recordIsPlan: true,
  name: 'Greenhouse',
  folder: 'greenhouse',
  stage: 'final',
  final: true,
  rounds: 4,
  percent: 62,
  verdict: 'NO-GO',
  checked: 4,
  total: 5,
  open: { P1: 1, P2: 1, P3: 0 },
  findings: { error: 0, warning: 1, info: 0 },
};
const deps: Dependency[] = [
  { uri: 'file:///w/.connector-plan.json', stamp: { mtime: 3, size: 120 } },
  { uri: 'file:///w/templates/missing.md', stamp: null },
];

/** Through JSON, as workspace state keeps it. */
const roundTrip = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('Plans view rows kept between sessions', () => {
  it('reads back the rows it stored, under the same key', () => {
    const stored = roundTrip(storedRows(KEY, deps, [plan, template, loop]));
    assert.deepEqual(readStoredRows(stored, KEY), { rows: [plan, template, loop], deps });
  });

  it('keeps a row without a stamp (an editor held unsaved changes), a loop without a plan of record and one whose record is no plan', () => {
    const { stamp: _, ...unsaved } = plan;
    const { record: __, ...proposal } = { ...loop, final: false, stage: 'in review' as const, recordIsPlan: false };
    const prose = { ...loop, final: false, stage: 'in review' as const, record: 'file:///w/greenhouse/01-proposal.md', recordIsPlan: false };
    assert.deepEqual(readStoredRows(roundTrip(storedRows(KEY, [], [unsaved, proposal, prose])), KEY)?.rows, [unsaved, proposal, prose]);
  });

  it('uses nothing stored under another key (extension version, settings) or in another format', () => {
    const stored = roundTrip(storedRows(KEY, deps, [plan]));
    assert.equal(readStoredRows(stored, rowsKey('0.2.0', { rules: {}, language: 'en' })), undefined);
    assert.equal(readStoredRows(stored, rowsKey('0.1.0', { rules: { 'empty-field': 'off' }, language: 'en' })), undefined);
    assert.equal(readStoredRows({ ...(stored as object), format: 2 }, KEY), undefined);
    for (const junk of [undefined, null, 'rows', 42, [], { format: 1, key: KEY }, { format: 1, key: KEY, rows: {}, deps: [] }]) assert.equal(readStoredRows(junk, KEY), undefined, JSON.stringify(junk));
  });

  it('leaves out each malformed row and keeps the others', () => {
    const bad: unknown[] = [
      { ...plan, verdict: 'MAYBE' },
      { ...plan, percent: 101 },
      { ...plan, checked: 4, total: 3 },
      { ...plan, findings: { error: -1, warning: 0, info: 0 } },
      { ...plan, findings: { error: 1 } },
      { ...plan, name: 7 },
      { ...plan, uri: '' },
      { ...plan, stamp: { mtime: 'yesterday', size: 1 } },
      { ...plan, reasons: [{ text: 'x' }] },
      { ...template, configured: 'yes' },
      { ...loop, stage: 'abandoned' },
      { ...loop, file: undefined },
      { ...loop, open: { P1: 0, P2: 0 } },
      { ...loop, record: 5 },
      { ...loop, recordIsPlan: 'yes' },
      { ...loop, recordIsPlan: undefined },
      { ...plan, kind: 'section' },
      null,
      'row',
    ];
    const stored = roundTrip({ ...storedRows(KEY, deps, []), rows: [bad[0], plan, ...bad.slice(1), template] });
    assert.deepEqual(readStoredRows(stored, KEY)?.rows, [plan, template]);
    assert.deepEqual(storedRows(KEY, deps, bad as CachedRow[]).rows, [], 'nothing malformed is stored either');
  });

  it('stores only the fields a row shows: text that came along with a row (a message, the plan) is dropped', () => {
    const leaky = { ...plan, text: '# Globex Connector Rollout Plan\n- API key: sk_live_…', findings: { ...plan.findings, messages: ['"Owner" is empty'] } } as CachedPlanRow;
    const json = JSON.stringify(storedRows(KEY, deps, [leaky]));
    assert.ok(!json.includes('Rollout Plan') && !json.includes('is empty'), json);
    assert.deepEqual(readStoredRows(JSON.parse(json), KEY)?.rows, [plan]);
  });

  it('stays small: at most so many rows, so many bytes, names and reasons shortened, an over-long URI left out', () => {
    const many = Array.from({ length: 30 }, (_, i): CachedPlanRow => ({ ...plan, uri: `file:///w/p${i}.md`, name: `Plan ${i}` }));
    assert.deepEqual(storedRows(KEY, [], many, { ...ROW_LIMITS, rows: 10 }).rows.map((r) => r.name), many.slice(0, 10).map((r) => r.name));
    const oneRow = JSON.stringify(storedRows(KEY, [], [many[0]]).rows[0]).length;
    assert.equal(storedRows(KEY, [], many, { ...ROW_LIMITS, bytes: oneRow * 3 + 1 }).rows.length, 3);
    assert.equal(readStoredRows(roundTrip(storedRows(KEY, [], many)), KEY, { ...ROW_LIMITS, rows: 5 })?.rows.length, 5, 'reading stops at the limit too');

    const [long] = storedRows(KEY, [], [{ ...plan, name: 'N'.repeat(5_000), reasons: Array.from({ length: 9 }, () => 'R'.repeat(1_000)) }]).rows as CachedPlanRow[];
    assert.equal(long.name.length, ROW_LIMITS.text);
    assert.ok(long.name.endsWith('…'));
    assert.equal(long.reasons.length, ROW_LIMITS.reasons);
    assert.ok(long.reasons.every((r) => r.length === ROW_LIMITS.text));
    assert.deepEqual(storedRows(KEY, [], [{ ...plan, uri: `file:///w/${'d/'.repeat(2_000)}plan.md` }, template]).rows, [template]);
  });

  it('stores no rows when it cannot name every file they depend on, and uses none whose dependency list is malformed', () => {
    const tooMany = Array.from({ length: ROW_LIMITS.deps + 1 }, (_, i): Dependency => ({ uri: `file:///w/${i}/.connector-plan.json`, stamp: { mtime: 1, size: 1 } }));
    assert.deepEqual(storedRows(KEY, tooMany, [plan]).rows, []);
    const stored = roundTrip(storedRows(KEY, deps, [plan])) as { deps: unknown[] };
    assert.equal(readStoredRows({ ...stored, deps: [...stored.deps, { uri: 'file:///w/t.md', stamp: 'now' }] }, KEY), undefined);
  });

  it('keys the rows by extension version and settings', () => {
    assert.equal(rowsKey('0.1.0', { a: [1, 2] }), rowsKey('0.1.0', { a: [1, 2] }));
    assert.notEqual(rowsKey('0.1.0', { a: [1, 2] }), rowsKey('0.1.1', { a: [1, 2] }));
    assert.notEqual(rowsKey('0.1.0', { a: [1, 2] }), rowsKey('0.1.0', { a: [1, 3] }));
    assert.match(rowsKey('0.1.0', undefined), /^0\.1\.0:[0-9a-z]+$/);
  });

  it('tells whether the files the rows depend on changed: a stamp differs, a config appeared, one went', () => {
    assert.ok(sameDependencies(deps, deps));
    assert.ok(sameDependencies(deps, [deps[0]]), 'a dependency not looked at again is taken as it was');
    assert.ok(!sameDependencies(deps, [{ ...deps[0], stamp: { mtime: 4, size: 120 } }]));
    assert.ok(!sameDependencies(deps, [{ ...deps[0], stamp: null }]), 'a config deleted');
    assert.ok(!sameDependencies(deps, [{ ...deps[1], stamp: { mtime: 1, size: 1 } }]), 'a template written since');
    assert.ok(!sameDependencies(deps, [...deps, { uri: 'file:///w/sub/.connector-plan.json', stamp: { mtime: 1, size: 1 } }]), 'a new config');
  });

  it('compares stamps by modification time and size, and names the file a row was read from', () => {
    assert.ok(sameStamp({ mtime: 1, size: 2 }, { mtime: 1, size: 2 }));
    assert.ok(!sameStamp({ mtime: 1, size: 2 }, { mtime: 1, size: 3 }));
    assert.ok(!sameStamp({ mtime: 1, size: 2 }, { mtime: 2, size: 2 }));
    assert.ok(!sameStamp({ mtime: 1, size: 2 }, undefined));
    assert.ok(sameStamp(null, undefined));
    assert.equal(stampedFile(plan), plan.uri);
    assert.equal(stampedFile(loop), loop.file);
  });
});
