import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzePlan, loopFindings, readLoop, type Finding, type LoopFile, type ReviewLoop } from '../../../src/core';
import { REPO_ROOT } from './repo-paths';

// Review-loop fixtures (test/fixtures/loops/<name>/): a planning folder with loop.expected.json saying what the loop
// reader must find there (rounds, findings, statuses, open counts, final verdict). Written without reading src/.

const ROOT = path.join(REPO_ROOT, 'test/fixtures/loops');

/**
 * Fields of a fixture the reader does not yet read as the oracle does, as `<folder> <field>`, with the reason.
 * Strict: an entry that starts agreeing fails here until it is taken off, so the list only shrinks.
 */
const NOT_YET: Record<string, string> = {};

const FIELDS = ['folder', 'isLoop', 'name', 'stage', 'rounds', 'findings', 'open', 'final', 'unknownAnswers'] as const;

/** The markdown files of a fixture folder, as the CLI hands them in: name and text. */
export function loopFiles(folder: string): LoopFile[] {
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ path: name, text: fs.readFileSync(path.join(folder, name), 'utf8') }));
}

describe('review loops (test/fixtures/loops)', () => {
  const folders = fs.readdirSync(ROOT, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

  it('has fixtures, and NOT_YET names only fixtures and fields that exist', () => {
    assert.ok(folders.length >= 9);
    for (const key of Object.keys(NOT_YET)) {
      const [folder, field] = key.split(' ');
      assert.ok(folders.includes(folder) && (FIELDS as readonly string[]).includes(field), `NOT_YET: ${key}`);
    }
  });

  for (const folder of folders) {
    const expected = JSON.parse(fs.readFileSync(path.join(ROOT, folder, 'loop.expected.json'), 'utf8')) as Record<string, unknown>;
    describe(folder, () => {
      const reading = readLoop(loopFiles(path.join(ROOT, folder)), { folder }) as unknown as Record<string, unknown>;
      for (const field of FIELDS) {
        if (!(field in expected)) continue;
        const key = `${folder} ${field}`;
        it(`${field} is as the oracle says${NOT_YET[key] ? ' (not yet)' : ''}`, () => {
          if (!NOT_YET[key]) {
            assert.deepEqual(reading[field], expected[field]);
            return;
          }
          assert.notDeepEqual(reading[field], expected[field], `${key} now agrees with the oracle: take it off NOT_YET`);
        });
      }
      if (expected.isLoop === false) {
        it('has no rounds, findings or verdict', () => assert.deepEqual(Object.keys(reading).sort(), ['folder', 'isLoop', 'reason']));
      }
    });
  }
});

/** A loop of a plan, a review and a revision, each given as lines. */
function loopOf(review: string[], revision: string[], more: LoopFile[] = []): LoopFile[] {
  return [
    { path: '01-a-plan.md', text: '# Acme Connector Rollout Plan\n' },
    { path: '02-b-review.md', text: ['# Acme — review', '', ...review].join('\n') },
    { path: '03-a-revision.md', text: ['# Acme — revision', '', ...revision].join('\n') },
    ...more,
  ];
}

/** `id severity status@line` for each finding. */
function ledger(files: LoopFile[]): string[] {
  const reading = readLoop(files);
  assert.ok(reading.isLoop);
  return reading.findings.map((f) => `${f.id} ${f.severity} ${f.status}${f.resolvedLine ? `@${f.resolvedLine}` : ''}`);
}

describe('review loops: forms beyond the fixtures', () => {
  it('reads ids joined by "and", a status in parentheses, and a verb before the id', () => {
    const files = loopOf(['### P1-1 — a', '### P2-1 — b', '### P2-2 — c', '### P3-1 — d'], ['P1-1 and P2-1 are fixed.', 'The new test covers P2-2 (deferred).', 'This reopens P3-1.']);
    assert.deepEqual(ledger(files), ['P1-1 P1 fixed@3', 'P2-1 P2 fixed@3', 'P2-2 P2 deferred@4', 'P3-1 P3 open@5']);
  });

  it('takes a severity in brackets after a bold id or an F id in a heading, and drops a finding with no severity', () => {
    const files = loopOf(['- **F1** [P2] — items in a list', '### F2 (P3) — a heading', '### F3 — no severity anywhere'], ['| Finding | Status |', '|---|---|', '| F1 | Done |', '| F2 | Open |']);
    assert.deepEqual(ledger(files), ['F1 P2 fixed@5', 'F2 P3 open@6']);
  });

  it('a mention without a status word leaves a finding open, and a status table with unknown words makes it unclear', () => {
    assert.deepEqual(ledger(loopOf(['### P1-1 — a'], ['We looked at P1-1 again.'])), ['P1-1 P1 open']);
    assert.deepEqual(ledger(loopOf(['### P1-1 — a'], ['| ID | Status |', '|---|---|', '| P1-1 | Talked about it |'])), ['P1-1 P1 unclear@5']);
  });

  it('a re-review that restates a status in a list raises no new finding', () => {
    const files = loopOf(['### P1-1 — a'], ['P1-1 is fixed.'], [{ path: '04-b-re-review.md', text: '# Re-review\n\n- **P1-1** — reopened\n' }]);
    assert.deepEqual(ledger(files), ['P1-1 P1 open@3']);
  });

  it('reads the status after a bold lead of the id and a few words (`- **P1-1 short name** — *fixed.*`)', () => {
    const files = loopOf(['### P1-1 — a', '### P2-1 — b', '### P3-1 — c'], ['- **P1-1 staff tickets** — *fixed.* Requesters of our own domain are skipped.', '- **P2-1 merged users** — *partially fixed.* A test is added.', '- **P3-1 alert thresholds** — *deferred* to the runbook review.']);
    assert.deepEqual(ledger(files), ['P1-1 P1 fixed@3', 'P2-1 P2 partial@4', 'P3-1 P3 deferred@5']);
  });

  it('takes the last of several status columns of a table (what a re-review says over what the revision said)', () => {
    const files = loopOf(['### P1-1 — a', '### P2-1 — b'], ['| Finding | Round 02 says | Re-review |', '|---|---|---|', '| P1-1 | fixed | **closed** — covered by the new test |', '| P2-1 | partial | **closed** — enough for v1 |']);
    assert.deepEqual(ledger(files), ['P1-1 P1 fixed@5', 'P2-1 P2 fixed@6']);
  });

  it('shows a credential in a finding title as <redacted>', () => {
    const reading = readLoop(loopOf(['### P1-1 — The key ghp_0123456789abcdefghijABCDEFGHIJ012345 is pasted in the plan'], ['P1-1 is fixed.']));
    assert.ok(reading.isLoop);
    assert.equal(reading.findings[0].title, 'The key <redacted> is pasted in the plan');
  });

  it('is no loop with one numbered file, or numbered files that are all other', () => {
    assert.deepEqual(readLoop([{ path: '01-a-plan.md', text: '# Acme Connector Rollout Plan\n' }]), { isLoop: false, folder: undefined, reason: 'rounds' });
    assert.equal(readLoop([{ path: '01-x.md', text: '# One\n' }, { path: '02-y.md', text: '# Two\n' }]).isLoop, false);
    assert.equal(readLoop([{ path: '01-a-plan.md', text: '# Acme Connector Rollout Plan\n' }, { path: 'FINAL-PLAN.md', text: '# Acme Connector Rollout Plan\n' }]).isLoop, true);
  });
});

interface OracleFinding {
  id: string;
  severity: 'P1' | 'P2' | 'P3';
  raisedIn: string;
  line: number;
  status: string;
}

/** `rule severity line: message` of each loop finding, 1-based lines. */
function shown(findings: Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.severity} ${f.range.start.line + 1}: ${f.message}`);
}

describe('the review gate on the fixture loops (open-review-finding, unknown-review-finding)', () => {
  const folders = fs.readdirSync(ROOT, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  for (const folder of folders) {
    const expected = JSON.parse(fs.readFileSync(path.join(ROOT, folder, 'loop.expected.json'), 'utf8')) as { isLoop: boolean; findings?: OracleFinding[]; final?: { path: string; verdict: string } | null; unknownAnswers?: { path: string; line: number; id: string }[] };
    it(`${folder}: the oracle's open findings are exactly the open-review-finding findings of its plan of record`, () => {
      const files = loopFiles(path.join(ROOT, folder));
      const reading = readLoop(files, { folder });
      const byFile = new Map(files.map((file) => [file.path, loopFindings(reading, file)]));
      const open = (expected.findings ?? []).filter((f) => f.status === 'open' || f.status === 'partial' || f.status === 'unclear');
      for (const [file, findings] of byFile) {
        const gate = findings.filter((f) => f.ruleId === 'open-review-finding');
        if (!expected.final || file !== expected.final.path) {
          assert.deepEqual(shown(gate), [], `${file} is not the plan of record`);
          continue;
        }
        assert.deepEqual(gate.map((f) => f.severity), open.map((f) => (f.severity === 'P3' ? 'warning' : 'error')), file);
        gate.forEach((f, i) => {
          assert.ok(f.message.startsWith(`Review finding ${open[i].id} (${open[i].severity}) `), f.message);
          assert.ok(f.message.includes(`raised at ${open[i].raisedIn}:${open[i].line}`), f.message);
          assert.equal(f.range.start.line, files.find((x) => x.path === file)!.text.split('\n').findIndex((l) => l.startsWith('# ')), 'at the title');
        });
        const { progress } = analyzePlan(files.find((x) => x.path === file)!.text, { path: file, loop: { reading, path: file } });
        assert.equal(progress!.goNoGo.reasons.some((r) => r.includes('open-review-finding')), expected.final.verdict === 'NO-GO', 'the gate counts in the plan\'s verdict');
      }
      if (expected.final === null) assert.deepEqual([...byFile.values()].flat().filter((f) => f.ruleId === 'open-review-finding'), [], 'no plan of record yet: no gate');
      const unknown = [...byFile].flatMap(([file, findings]) => findings.filter((f) => f.ruleId === 'unknown-review-finding').map((f) => ({ path: file, line: f.range.start.line + 1, id: f.message.split(' ')[0] })));
      assert.deepEqual(unknown, expected.unknownAnswers ?? []);
    });
  }
});

describe('the review gate: settings, suppressions, other files', () => {
  const review = ['### P1-1 — Requesters are matched by email only', '### P2-1 — Merged users have no test', '### P3-1 — Alert thresholds are missing'];
  const revision = ['| Finding | Status |', '|---|---|', '| P1-1 | Fixed |', '| P2-1 | Partially fixed |', '| P2-9 | Fixed |'];
  const FINAL = { path: 'FINAL-PLAN.md', text: '# Acme Connector Rollout Plan\n\n## A) Business Goal\n' };
  const files = loopOf(review, revision, [FINAL]);
  const reading = readLoop(files) as ReviewLoop;

  it('reports each open finding on the plan of record, P1/P2 as errors and P3 as a warning, and makes the verdict NO-GO', () => {
    assert.deepEqual(shown(loopFindings(reading, FINAL)), [
      'open-review-finding error 1: Review finding P2-1 (P2) is only partly fixed (03-a-revision.md:6): "Merged users have no test", raised at 02-b-review.md:4. Finish it and say so in a revision, or record it as deferred or accepted.',
      'open-review-finding warning 1: Review finding P3-1 (P3) is still open: "Alert thresholds are missing", raised at 02-b-review.md:5. Fix it and say so in a revision, or record it as deferred or accepted.',
    ]);
    assert.deepEqual(reading.final, { path: 'FINAL-PLAN.md', verdict: 'NO-GO' });
  });

  it('reports an answer to an id no review raised on its id in the revision, and nothing on the other rounds', () => {
    const [finding] = loopFindings(reading, files[2]);
    assert.deepEqual([finding.ruleId, finding.severity, finding.range], ['unknown-review-finding', 'warning', { start: { line: 6, character: 2 }, end: { line: 6, character: 6 } }]);
    assert.deepEqual(loopFindings(reading, files[0]), []);
    assert.deepEqual(loopFindings(reading, files[1]), []);
  });

  it('takes the rule setting for P1 and P2 and one step milder for P3; off reports nothing and leaves the verdict GO', () => {
    assert.deepEqual(loopFindings(reading, FINAL, { rules: { 'open-review-finding': 'warning' } }).map((f) => f.severity), ['warning', 'info']);
    assert.deepEqual(loopFindings(reading, FINAL, { rules: { 'open-review-finding': 'off', 'unknown-review-finding': 'off' } }), []);
    assert.deepEqual(loopFindings(reading, files[2], { rules: { 'unknown-review-finding': 'error' } }).map((f) => f.severity), ['error']);
    assert.deepEqual((readLoop(files, { rules: { 'open-review-finding': 'warning' } }) as ReviewLoop).final, { path: 'FINAL-PLAN.md', verdict: 'GO' });
  });

  it('honours suppression comments on the plan of record and in the revision, in the findings and in the verdict', () => {
    const quiet = { path: FINAL.path, text: FINAL.text.replace('\n', ' <!-- connector-plan-disable-line open-review-finding -->\n') };
    const suppressed = [...files.slice(0, 2), { path: files[2].path, text: files[2].text.replace('| P2-9 | Fixed |', '| P2-9 | Fixed | <!-- connector-plan-disable-line unknown-review-finding -->') }, quiet];
    const again = readLoop(suppressed) as ReviewLoop;
    assert.deepEqual(loopFindings(again, quiet), []);
    assert.deepEqual(loopFindings(again, suppressed[2]), []);
    assert.deepEqual(again.final, { path: 'FINAL-PLAN.md', verdict: 'GO' });
  });

  it('gives nothing to a file of a folder that is no loop, and nothing before there is a final plan', () => {
    const guide = [{ path: '01-x.md', text: '# One\n' }, { path: '02-y.md', text: '# Two\n' }];
    assert.deepEqual(loopFindings(readLoop(guide), guide[0]), []);
    const draft = loopOf(review, revision);
    assert.deepEqual(draft.flatMap((file) => loopFindings(readLoop(draft), file)).map((f) => f.ruleId), ['unknown-review-finding']);
  });

  it('reads a folder that .connector-plan.json names as a loop with one round and a final, or a final alone', () => {
    const one = [{ path: 'FINAL-PLAN.md', text: '# Acme Connector Rollout Plan\n' }];
    assert.equal(readLoop(one).isLoop, false);
    assert.equal(readLoop(one, { named: true }).isLoop, true);
    assert.equal(readLoop([{ path: '01-notes.md', text: '# Notes\n' }], { named: true }).isLoop, false, 'still needs a round that is part of a loop');
  });
});
