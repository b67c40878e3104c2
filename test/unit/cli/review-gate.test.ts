import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { GOOD_PLAN } from '../core/plan-text';
import { runCli } from './run-cli';
import { makeSparseFile } from './special-files';
import { makeTempTree, removeTempTrees, type Tree } from './temp-tree';

// The review loop's gate in the CLI (issue 18): `check` adds open-review-finding to the plan of record and
// unknown-review-finding to a revision, in every format; `status` shows a loop as one row; `.connector-plan.json`
// "loops" names loop folders or turns loops off.

const REVIEW = ['# Linear — review', '', '### P1-1 — Archived issues are never synced', '### P3-1 — The smoke test skips a revoked token', ''].join('\n');
const REVISION = ['# Linear — revision', '', '| Finding | Status |', '|---|---|', '| P3-1 | Deferred |', '| P2-7 | Fixed |', ''].join('\n');

/** A loop whose final plan is a finished plan (GO on its own) with P1-1 still open, and a revision answering an id no review raised. */
function loopTree(extra: Tree = {}): string {
  return makeTempTree({
    'acme/01-a-plan.md': GOOD_PLAN,
    'acme/02-b-review.md': REVIEW,
    'acme/03-a-revision.md': REVISION,
    'acme/FINAL-APPROVED-PLAN.md': GOOD_PLAN,
    ...extra,
  });
}

const OPEN_P1 = 'acme/FINAL-APPROVED-PLAN.md:1:3 error open-review-finding Review finding P1-1 (P1) is still open: "Archived issues are never synced", raised at acme/02-b-review.md:3. Fix it and say so in a revision, or record it as deferred or accepted.';
const UNKNOWN = 'acme/03-a-revision.md:6:3 warning unknown-review-finding P2-7 is answered here, but no review before this round raised a finding P2-7: check the id against the review, or say which finding this answers.';

interface StatusJson {
  plans: { path: string; name: string; percent: number; goNoGo: { checked: number; total: number; verdict: string }; loop?: { folder: string; stage: string; open: Record<string, number> } }[];
}

describe('the review gate in the CLI', () => {
  afterEach(removeTempTrees);

  it('check: an open P1 is an error on the plan of record and makes it NO-GO; a revision answering an unknown id gets a warning (exit 1)', async () => {
    const cwd = loopTree();
    const run = await runCli(['check', '.'], { cwd });
    assert.deepEqual(run, { code: 1, stdout: `${UNKNOWN}\n${OPEN_P1}\n2 plans checked (2 other markdown files skipped): 1 error, 1 warning, 0 info\n`, stderr: '' });
    const gate = await runCli(['check', '.', '--require-go'], { cwd });
    assert.match(gate.stderr, /acme\/FINAL-APPROVED-PLAN\.md is NO-GO \(2\/2 go\/no-go items checked\): 1 error remains \(open-review-finding\)/);
    assert.doesNotMatch(gate.stderr, /01-a-plan/, 'an earlier round is checked as a plan, and the loop gives it nothing');
  });

  it('check: the loop findings come out in json, sarif and github, and with --quiet', async () => {
    const cwd = loopTree();
    const json = JSON.parse((await runCli(['check', '.', '--format', 'json'], { cwd })).stdout) as { files: { path: string; isPlan: boolean; findings: { ruleId: string; severity: string; line: number; column: number }[]; progress: { goNoGo: { verdict: string } } | null }[] };
    const byPath = new Map(json.files.map((file) => [file.path, file]));
    assert.deepEqual(byPath.get('acme/FINAL-APPROVED-PLAN.md')!.findings.map((f) => [f.ruleId, f.severity, f.line, f.column]), [['open-review-finding', 'error', 1, 3]]);
    assert.equal(byPath.get('acme/FINAL-APPROVED-PLAN.md')!.progress!.goNoGo.verdict, 'NO-GO');
    assert.deepEqual(byPath.get('acme/01-a-plan.md')!.findings, []);
    assert.equal(byPath.get('acme/03-a-revision.md')!.isPlan, false);
    assert.deepEqual(byPath.get('acme/03-a-revision.md')!.findings.map((f) => [f.ruleId, f.line, f.column]), [['unknown-review-finding', 6, 3]]);

    const sarif = JSON.parse((await runCli(['check', '.', '--format', 'sarif'], { cwd })).stdout);
    const rules = sarif.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id) as string[];
    assert.deepEqual(sarif.runs[0].results.map((r: { ruleId: string; ruleIndex: number; level: string }) => [r.ruleId, rules[r.ruleIndex], r.level]), [
      ['unknown-review-finding', 'unknown-review-finding', 'warning'],
      ['open-review-finding', 'open-review-finding', 'error'],
    ]);

    const github = await runCli(['check', '.', '--format', 'github'], { cwd });
    assert.equal(github.code, 1);
    assert.match(github.stdout, /^::error file=acme\/FINAL-APPROVED-PLAN\.md,line=1,.*open-review-finding.*Review finding P1-1 \(P1\) is still open/m);
    assert.match(github.stdout, /^::warning file=acme\/03-a-revision\.md,line=6,.*unknown-review-finding/m);

    const quiet = await runCli(['check', '.', '--quiet'], { cwd });
    assert.equal(quiet.stdout, `${OPEN_P1}\n2 plans checked (2 other markdown files skipped): 1 error\n`);
  });

  it('check of the final plan alone reads the other rounds of its folder for the gate', async () => {
    const cwd = loopTree();
    const run = await runCli(['check', 'acme/FINAL-APPROVED-PLAN.md'], { cwd });
    assert.deepEqual(run, { code: 1, stdout: `${OPEN_P1}\n1 plan checked: 1 error, 0 warnings, 0 info\n`, stderr: '' });
  });

  it('check: a round that cannot be read is named and the run exits 2 (the gate was read without it)', async () => {
    const cwd = loopTree();
    makeSparseFile(path.join(cwd, 'acme/02-b-review.md'), 2 * 1024 * 1024);
    const run = await runCli(['check', 'acme/FINAL-APPROVED-PLAN.md', '--max-file-size', '1'], { cwd });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^connector-plan: cannot read acme\/02-b-review\.md, a round of a review loop: .*--max-file-size/);
  });

  it('check: a suppression comment on the title of the plan of record silences the gate, and status and loop agree (GO)', async () => {
    const quiet = GOOD_PLAN.replace('# Linear Connector Rollout Plan', '# Linear Connector Rollout Plan <!-- connector-plan-disable-line open-review-finding -->');
    const cwd = loopTree({ 'acme/FINAL-APPROVED-PLAN.md': quiet });
    const run = await runCli(['check', '.'], { cwd });
    assert.deepEqual(run, { code: 0, stdout: `${UNKNOWN}\n2 plans checked (2 other markdown files skipped): 0 errors, 1 warning, 0 info\n`, stderr: '' });
    const status = JSON.parse((await runCli(['status', '.', '--format', 'json'], { cwd })).stdout) as StatusJson;
    assert.deepEqual(status.plans.map((p) => p.goNoGo.verdict), ['GO']);
    const loop = JSON.parse((await runCli(['loop', 'acme', '--format', 'json'], { cwd })).stdout) as { final: unknown };
    assert.deepEqual(loop.final, { path: 'acme/FINAL-APPROVED-PLAN.md', verdict: 'GO' });
  });

  it('check: the rule setting of .connector-plan.json applies (P1/P2 at it, P3 milder), and loop --format json agrees', async () => {
    const cwd = loopTree({ '.connector-plan.json': '{ "rules": { "open-review-finding": "warning", "unknown-review-finding": "off" } }', 'acme/03-a-revision.md': REVISION.replace('| P3-1 | Deferred |', '| P3-1 | Discussed |') });
    const run = await runCli(['check', '.', '--format', 'json'], { cwd });
    assert.equal(run.code, 0);
    const files = (JSON.parse(run.stdout) as { files: { path: string; findings: { ruleId: string; severity: string }[] }[] }).files;
    assert.deepEqual(files.flatMap((f) => f.findings.map((x) => `${f.path} ${x.ruleId} ${x.severity}`)), ['acme/FINAL-APPROVED-PLAN.md open-review-finding warning', 'acme/FINAL-APPROVED-PLAN.md open-review-finding info']);
    const loop = JSON.parse((await runCli(['loop', 'acme', '--format', 'json'], { cwd })).stdout) as { final: { verdict: string }; open: Record<string, number> };
    assert.deepEqual([loop.final.verdict, loop.open], ['GO', { P1: 1, P2: 0, P3: 1 }]);
  });

  it('"loops": false reads no folder as a loop: no gate, each round a plan of its own in status, and loop refuses it', async () => {
    const cwd = loopTree({ '.connector-plan.json': '{ "loops": false }' });
    const run = await runCli(['check', '.'], { cwd });
    assert.deepEqual(run, { code: 0, stdout: '2 plans checked (2 other markdown files skipped): 0 errors, 0 warnings, 0 info\n', stderr: '' });
    const status = JSON.parse((await runCli(['status', '.', '--format', 'json'], { cwd })).stdout) as StatusJson;
    assert.deepEqual(status.plans.map((p) => [p.path, 'loop' in p]), [['acme/01-a-plan.md', false], ['acme/FINAL-APPROVED-PLAN.md', false]]);
    const loop = await runCli(['loop', 'acme', '--format', 'json'], { cwd });
    assert.equal(loop.code, 2);
    assert.deepEqual(JSON.parse(loop.stdout), { folder: 'acme', isLoop: false, reason: 'off' });
    assert.equal(loop.stderr, 'connector-plan: acme is not read as a review loop: its .connector-plan.json turns review loops off ("loops": false)\n');
  });

  it('"loops" globs name folders that are loops with fewer rounds; bad values are named with a fix', async () => {
    const tree = { 'drafts/beta/FINAL-PLAN.md': GOOD_PLAN, 'drafts/notes.md': '# Notes\n' };
    const plain = JSON.parse((await runCli(['status', '.', '--format', 'json'], { cwd: makeTempTree(tree) })).stdout) as StatusJson;
    assert.deepEqual(plain.plans.map((p) => [p.path, p.loop]), [['drafts/beta/FINAL-PLAN.md', undefined]]);
    const named = JSON.parse((await runCli(['status', '.', '--format', 'json'], { cwd: makeTempTree({ ...tree, '.connector-plan.json': '{ "loops": ["drafts/*/"] }' }) })).stdout) as StatusJson;
    assert.deepEqual(named.plans.map((p) => [p.path, p.loop]), [['drafts/beta/FINAL-PLAN.md', { folder: 'drafts/beta', stage: 'final', open: { P1: 0, P2: 0, P3: 0 } }]]);
    const bad = await runCli(['check', '.'], { cwd: makeTempTree({ ...tree, '.connector-plan.json': '{ "loops": "drafts/*" }' }) });
    assert.equal(bad.stderr, 'connector-plan: warning: .connector-plan.json: "loops" must be a list of globs naming review-loop folders, like ["docs/connectors/*"], or false to read no folder as a review loop.\n');
  });

  it('status: one row per loop, named after it, with its stage, open P1/P2 and the plan of record\'s progress and verdict; rounds get no rows', async () => {
    const cwd = loopTree({
      'beta/01-a-plan.md': GOOD_PLAN.replace('# Linear Connector', '# Beta Connector'),
      'beta/02-b-review.md': REVIEW,
      'single/gamma-rollout-plan.md': GOOD_PLAN.replace('# Linear Connector', '# Gamma Connector'),
    });
    const json = JSON.parse((await runCli(['status', '.', '--format', 'json'], { cwd })).stdout) as StatusJson;
    assert.deepEqual(json.plans, [
      { path: 'acme/FINAL-APPROVED-PLAN.md', name: 'Linear', percent: 100, goNoGo: { checked: 2, total: 2, verdict: 'NO-GO' }, loop: { folder: 'acme', stage: 'final', open: { P1: 1, P2: 0, P3: 0 } } },
      { path: 'beta/01-a-plan.md', name: 'Beta', percent: 100, goNoGo: { checked: 2, total: 2, verdict: 'NO-GO' }, loop: { folder: 'beta', stage: 'in review', open: { P1: 1, P2: 0, P3: 1 } } },
      { path: 'single/gamma-rollout-plan.md', name: 'Gamma', percent: 100, goNoGo: { checked: 2, total: 2, verdict: 'GO' } },
    ]);
    const text = await runCli(['status', '.'], { cwd });
    assert.deepEqual(text, {
      code: 0,
      stderr: '',
      stdout: [
        'Plan    Progress  Go/No-Go  Verdict  Review                    File',
        'Linear      100%       2/2  NO-GO    final · 1 open P1/P2      acme/FINAL-APPROVED-PLAN.md',
        'Beta        100%       2/2  NO-GO    in review · 1 open P1/P2  beta/01-a-plan.md',
        'Gamma       100%       2/2  GO                                 single/gamma-rollout-plan.md',
        '',
      ].join('\n'),
    });
    const markdown = (await runCli(['status', '.', '--format', 'markdown'], { cwd })).stdout;
    assert.match(markdown, /^\| Plan \| Progress \| Go\/No-Go \| Verdict \| Review \| File \|\n\| --- \| ---: \| ---: \| --- \| --- \| --- \|\n\| Linear \| 100% \| 2\/2 \| \*\*NO-GO\*\* \| final · 1 open P1\/P2 \| \[acme\/FINAL-APPROVED-PLAN\.md\]/m);
    assert.match(markdown, /^### Connector plans: 3 plans · 1 GO · 2 NO-GO$/m);
  });

  it('status of one round shows its loop\'s row, with the plan of record read for it', async () => {
    const cwd = loopTree();
    const json = JSON.parse((await runCli(['status', 'acme/02-b-review.md', '--format', 'json'], { cwd })).stdout) as StatusJson;
    assert.deepEqual(json.plans.map((p) => [p.path, p.name, p.percent, p.goNoGo.verdict, p.loop?.stage]), [['acme/FINAL-APPROVED-PLAN.md', 'Linear', 100, 'NO-GO', 'final']]);
  });

  describe('with --changed-since', function () {
    this.timeout(30_000);

    function git(cwd: string, ...args: string[]): void {
      const env = { ...process.env, GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.test', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.test' };
      const result = spawnSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 });
      if (result.error || result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.error?.message ?? result.stderr}`);
    }

    it('keeps the gate (about the whole plan) of a plan of record that changed, and drops what is on unchanged lines', async () => {
      const cwd = loopTree();
      git(cwd, 'init', '--quiet');
      git(cwd, 'add', '-A');
      git(cwd, 'commit', '--quiet', '-m', 'loop');
      assert.equal((await runCli(['check', '.', '--changed-since', 'HEAD'], { cwd })).code, 0, 'nothing changed');
      writeFileSync(path.join(cwd, 'acme/FINAL-APPROVED-PLAN.md'), GOOD_PLAN.replace('- Assumptions made: one Linear team per partner.', '- Assumptions made: one Linear team per partner, archived teams left out.'));
      const run = await runCli(['check', '.', '--changed-since', 'HEAD'], { cwd });
      assert.deepEqual(run, { code: 1, stdout: `${OPEN_P1}\n2 plans checked (2 other markdown files skipped): 1 error, 0 warnings, 0 info\n`, stderr: '' });
    });
  });
});
