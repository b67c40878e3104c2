import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../core/repo-paths';
import { runCli } from './run-cli';
import { makeFifo, makeSparseFile, stopFifoWriters } from './special-files';
import { makeTempTree, removeTempTrees } from './temp-tree';

// `connector-plan loop <folder>`, run from the fixtures' parent folder (test/fixtures/loops): every path the CLI
// prints starts with the loop's folder, where the oracle's paths are relative to the loop folder itself.

const LOOPS = path.join(REPO_ROOT, 'test/fixtures/loops');

interface Oracle {
  folder: string;
  isLoop: boolean;
  [field: string]: unknown;
}

/** The oracle with every path made relative to the fixtures' parent folder, as the CLI prints it from there. */
function fromParent(oracle: Oracle): Record<string, unknown> {
  const at = (p: string | null) => (p === null ? null : `${oracle.folder}/${p}`);
  const rounds = oracle.rounds as { path: string }[];
  const findings = oracle.findings as { raisedIn: string; resolvedIn: string | null }[];
  const final = oracle.final as { path: string } | null;
  const unknownAnswers = oracle.unknownAnswers as { path: string }[];
  return {
    folder: oracle.folder,
    name: oracle.name,
    stage: oracle.stage,
    rounds: rounds.map((r) => ({ ...r, path: at(r.path) })),
    findings: findings.map((f) => ({ ...f, raisedIn: at(f.raisedIn), resolvedIn: at(f.resolvedIn) })),
    open: oracle.open,
    final: final && { ...final, path: at(final.path) },
    unknownAnswers: unknownAnswers.map((u) => ({ ...u, path: at(u.path) })),
  };
}

describe('connector-plan loop', () => {
  afterEach(() => {
    stopFifoWriters();
    removeTempTrees();
  });

  for (const folder of fs.readdirSync(LOOPS, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)) {
    const oracle = JSON.parse(fs.readFileSync(path.join(LOOPS, folder, 'loop.expected.json'), 'utf8')) as Oracle;
    it(`--format json prints the ledger of ${folder} as its oracle says`, async () => {
      const run = await runCli(['loop', folder, '--format', 'json'], { cwd: LOOPS });
      const printed = JSON.parse(run.stdout) as Record<string, unknown>;
      if (!oracle.isLoop) {
        assert.equal(run.code, 2);
        assert.deepEqual(printed, { folder, isLoop: false, reason: 'kinds' });
        assert.equal(run.stderr, `connector-plan: ${folder} is not a review loop: none of its numbered files is a proposal, plan, review or revision\n`);
        return;
      }
      assert.equal(run.stderr, '');
      assert.equal(run.code, 0);
      assert.deepEqual(printed, fromParent(oracle));
      assert.deepEqual(Object.keys(printed), ['folder', 'name', 'stage', 'rounds', 'findings', 'open', 'final', 'unknownAnswers']);
    });
  }

  it('prints the rounds and the ledger as text', async () => {
    const run = await runCli(['loop', 'mixpanel'], { cwd: LOOPS });
    assert.equal(run.code, 0);
    assert.equal(run.stderr, '');
    const lines = run.stdout.split('\n');
    assert.deepEqual(lines.slice(0, 12), [
      'Mixpanel · final · mixpanel',
      'Plan of record: mixpanel/FINAL-APPROVED-PLAN.md · NO-GO',
      'Open findings: P1 1 · P2 0 · P3 0',
      '',
      'Rounds:',
      '  00  context   mixpanel/00-context.md',
      '  01  plan      mixpanel/01-gemini-plan.md',
      '  02  review    mixpanel/02-codex-review.md',
      '  03  revision  mixpanel/03-gemini-revision.md',
      '  04  review    mixpanel/04-codex-re-review.md',
      '      final     mixpanel/FINAL-APPROVED-PLAN.md',
      '',
    ]);
    assert.ok(run.stdout.includes('\n  P1-2  P1  open      Late events are never picked up and a re-run doubles a day\n                      raised at mixpanel/02-codex-review.md:18; status from mixpanel/04-codex-re-review.md:12\n'), run.stdout);
    assert.ok(run.stdout.includes('  P2-2  P2  deferred  Events without a company are silently dropped\n'), run.stdout);
  });

  it('names answers to findings no review raised, and a loop with no final yet', async () => {
    const run = await runCli(['loop', 'asana'], { cwd: LOOPS });
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^Asana · revised · asana\nNo final plan yet\.\nOpen findings: P1 0 · P2 2 · P3 0\n/);
    assert.match(run.stdout, /\nAnswers to findings no review raised:\n {2}asana\/03-claude-revision\.md:13 {2}P2-4\n$/);
  });

  it('run inside the loop folder, prints paths as the oracle has them', async () => {
    const run = await runCli(['loop', '.', '--format', 'json'], { cwd: path.join(LOOPS, 'xero') });
    const printed = JSON.parse(run.stdout) as { folder: string; name: string; final: { path: string } };
    assert.equal(printed.folder, '.');
    assert.equal(printed.name, 'Xero');
    assert.deepEqual(printed.final, { path: 'FINAL-PLAN.md', verdict: 'GO' });
  });

  it('refuses a folder with fewer than two rounds, a file, and a missing argument (exit 2)', async () => {
    const cwd = makeTempTree({ 'one/01-plan.md': '# Acme Connector Rollout Plan\n', 'notes.md': '# Notes\n' });
    const one = await runCli(['loop', 'one'], { cwd });
    assert.deepEqual(one, { code: 2, stdout: '', stderr: 'connector-plan: one is not a review loop: it needs two or more numbered rounds (01-….md, 02-….md), or a FINAL*PLAN*.md beside one\n' });
    const file = await runCli(['loop', 'notes.md'], { cwd });
    assert.equal(file.code, 2);
    assert.match(file.stderr, /^connector-plan: notes\.md is not a folder; loop takes the folder that holds a loop's rounds\nUsage: connector-plan loop <folder>/);
    const none = await runCli(['loop'], { cwd });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /^connector-plan: missing the folder of the review loop\n/);
    const missing = await runCli(['loop', 'nowhere'], { cwd });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^connector-plan: cannot read nowhere: no such file or directory \(ENOENT\)\n/);
  });

  it('never opens a named pipe, and names a file over the size limit (exit 2, the rest still read)', async () => {
    const cwd = makeTempTree({
      'acme/01-a-plan.md': '# Acme Connector Rollout Plan\n',
      'acme/02-a-review.md': '# Review\n\n### P1-1 — the plan has no owner\n',
    });
    makeFifo(path.join(cwd, 'acme/03-a-revision.md'));
    makeSparseFile(path.join(cwd, 'acme/04-a-review.md'), 2 * 1024 * 1024);
    const run = await runCli(['loop', 'acme', '--format', 'json', '--max-file-size', '1'], { cwd });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^connector-plan: cannot read acme\/04-a-review\.md: .*--max-file-size/);
    const printed = JSON.parse(run.stdout) as { rounds: { path: string }[]; open: Record<string, number> };
    assert.deepEqual(printed.rounds.map((r) => r.path), ['acme/01-a-plan.md', 'acme/02-a-review.md']);
    assert.deepEqual(printed.open, { P1: 1, P2: 0, P3: 0 });
  });

  it('is listed in the general help, with its own --help', async () => {
    const cwd = makeTempTree();
    assert.match((await runCli(['--help'], { cwd })).stdout, /\n {2}loop {5}show a review loop's rounds, findings and what is still open\n/);
    const help = await runCli(['loop', '--help'], { cwd });
    assert.equal(help.code, 0);
    assert.ok(help.stdout.startsWith('Usage: connector-plan loop <folder> [--format text|json] [--template <file>]\n'), help.stdout);
  });
});
