import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readLoop, type LoopFile } from '../../../src/core';
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

  it('is no loop with one numbered file, or numbered files that are all other', () => {
    assert.deepEqual(readLoop([{ path: '01-a-plan.md', text: '# Acme Connector Rollout Plan\n' }]), { isLoop: false, folder: undefined, reason: 'rounds' });
    assert.equal(readLoop([{ path: '01-x.md', text: '# One\n' }, { path: '02-y.md', text: '# Two\n' }]).isLoop, false);
    assert.equal(readLoop([{ path: '01-a-plan.md', text: '# Acme Connector Rollout Plan\n' }, { path: 'FINAL-PLAN.md', text: '# Acme Connector Rollout Plan\n' }]).isLoop, true);
  });
});
