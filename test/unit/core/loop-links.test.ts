import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { answerLinks, readLoop, roundLabel, type AnswerLink, type LoopFile, type ReviewLoop } from '../../../src/core';
import { REPO_ROOT } from './repo-paths';

// The links from a round's answers back to the findings they answer (the editor's document links in a revision).

const ROOT = path.join(REPO_ROOT, 'test/fixtures/loops');

function loopFiles(folder: string): LoopFile[] {
  return fs.readdirSync(folder).filter((name) => name.endsWith('.md')).sort().map((name) => ({ path: name, text: fs.readFileSync(path.join(folder, name), 'utf8') }));
}

describe('answerLinks', () => {
  it('links the xero revision headings `### F1 — FIXED` to the review rows that raised them', () => {
    const files = loopFiles(path.join(ROOT, 'xero'));
    const loop = readLoop(files, { folder: 'xero' }) as ReviewLoop;
    const revision = files.find((f) => f.path === '03-maya-revision.md')!;
    const links = answerLinks(loop, revision);
    assert.deepEqual(links.map((l) => [l.line + 1, l.id, l.finding.raisedIn, l.finding.line]), [
      [7, 'F1', '02-codex-review.md', 12],
      [14, 'F2', '02-codex-review.md', 13],
      [20, 'F3', '02-codex-review.md', 14],
      [25, 'F4', '02-codex-review.md', 15],
      [30, 'F5', '02-codex-review.md', 16],
    ]);
    const line = revision.text.split('\n')[links[0].line];
    assert.equal(line.slice(links[0].start, links[0].end), 'F1');
    // The review itself answers nothing raised before it, and the context note is no answer.
    assert.deepEqual(answerLinks(loop, files.find((f) => f.path === '02-codex-review.md')!), []);
    assert.deepEqual(answerLinks(loop, files.find((f) => f.path === '00-context.md')!), []);
  });

  it('links every resolving statement of every fixture loop whose line names the id', () => {
    let checked = 0;
    for (const folder of fs.readdirSync(ROOT, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)) {
      const files = loopFiles(path.join(ROOT, folder));
      const loop = readLoop(files, { folder });
      if (!loop.isLoop) continue;
      for (const finding of loop.findings) {
        if (!finding.resolvedIn) continue;
        const file = files.find((f) => f.path === finding.resolvedIn)!;
        const text = file.text.split(/\r?\n/)[finding.resolvedLine! - 1];
        const links: AnswerLink[] = answerLinks(loop, file).filter((l) => l.line === finding.resolvedLine! - 1 && l.finding === finding);
        if (!/\b(P[1-3][.-]\d|F\d|[Ff]inding)/.test(text)) continue;
        assert.equal(links.length >= 1, true, `${folder}/${finding.resolvedIn}:${finding.resolvedLine} answers ${finding.id}`);
        checked++;
      }
    }
    assert.ok(checked > 20, `only ${checked} answers checked`);
  });

  it('links the id in a delta section\'s heading when the status is on a line below it (linear: `**Outcome:** fixed.`)', () => {
    const files = loopFiles(path.join(ROOT, 'linear'));
    const loop = readLoop(files, { folder: 'linear' }) as ReviewLoop;
    const response = files.find((f) => f.path === '03-claude-response.md')!;
    const lines = response.text.split('\n');
    const links = answerLinks(loop, response);
    assert.deepEqual(links.map((l) => [lines[l.line].slice(0, 20), l.id, lines[l.line].slice(l.start, l.end)]), [
      ['### Delta for P1-1 —', 'P1-1', 'P1-1'],
      ['### Delta for P2-1 —', 'P2-1', 'P2-1'],
      ['### Delta for P2-2 —', 'P2-2', 'P2-2'],
      ['### Delta for P3-1 —', 'P3-1', 'P3-1'],
      ['### Delta for P3-2 —', 'P3-2', 'P3-2'],
    ]);
  });

  it('names a round by its number, the final plan by its file name', () => {
    assert.equal(roundLabel('docs/x/04-claude-revision.md'), '04');
    assert.equal(roundLabel('FINAL-APPROVED-PLAN.md'), 'FINAL-APPROVED-PLAN.md');
  });
});
