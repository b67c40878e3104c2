import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../../src/core';
import { runCli } from './run-cli';
import { makeTempTree, removeTempTrees } from './temp-tree';

const fixtures = path.resolve(__dirname, '../../../../test/fixtures/cli');
const readyPlan = readFileSync(path.join(fixtures, 'ready/acme-crm-rollout-plan.md'), 'utf8');

/** The clean fixture plan with `[from, to]` line edits applied. */
function readyPlanWith(...edits: [RegExp, string][]): string {
  return edits.reduce((text, [from, to]) => {
    assert.match(text, from);
    return text.replace(from, to);
  }, readyPlan);
}

const twoEmptyFields = readyPlanWith([/^- Q1: .*$/m, '- Q1:'], [/^- Q2: .*$/m, '- Q2:']);
const oneItemOpen = readyPlanWith([/^- \[x\] Auth and connection test pass$/m, '- [ ] Auth and connection test pass']);

describe('check and status on real plans (end to end through the core)', () => {
  afterEach(removeTempTrees);

  it('passes a complete plan, even with --max-warnings 0 --require-go', async () => {
    const expected = { code: 0, stdout: '1 plan checked: 0 errors, 0 warnings, 0 info\n', stderr: '' };
    assert.deepEqual(await runCli(['check', 'ready'], { cwd: fixtures }), expected);
    assert.deepEqual(await runCli(['check', 'ready', '--max-warnings', '0', '--require-go'], { cwd: fixtures }), expected);
  });

  it('exits 1 for an error and lists every finding with 1-based positions', async () => {
    const run = await runCli(['check', 'gaps'], { cwd: fixtures });
    assert.equal(run.code, 1);
    assert.equal(run.stderr, '');
    const lines = run.stdout.split('\n');
    assert.deepEqual(
      lines.map((line) => line.split(' ').slice(0, 3).join(' ')),
      ['gaps/globex-rollout-plan.md:1:3 error missing-section', 'gaps/globex-rollout-plan.md:6:3 warning empty-field', 'gaps/globex-rollout-plan.md:85:3 info go-no-go-open', '1 plan checked', ''],
    );
    assert.equal(lines[3], '1 plan checked (1 other markdown file skipped): 1 error, 1 warning, 1 info');
  });

  it('--quiet shows errors only, in text and JSON', async () => {
    const text = await runCli(['check', 'gaps', '--quiet'], { cwd: fixtures });
    assert.equal(text.code, 1);
    assert.match(text.stdout, /^gaps\/globex-rollout-plan\.md:1:3 error missing-section .*\n1 plan checked \(1 other markdown file skipped\): 1 error\n$/);
    const json = JSON.parse((await runCli(['check', 'gaps', '--quiet', '--format', 'json'], { cwd: fixtures })).stdout);
    assert.deepEqual(json.files[0].findings.map((f: { ruleId: string }) => f.ruleId), ['missing-section']);
  });

  it('fails on warnings only over --max-warnings, and still counts them under --quiet', async () => {
    const cwd = makeTempTree({ 'initech-rollout-plan.md': twoEmptyFields });
    assert.equal((await runCli(['check'], { cwd })).code, 0);
    assert.equal((await runCli(['check', '--max-warnings', '2'], { cwd })).code, 0);
    const over = await runCli(['check', '--max-warnings', '1'], { cwd });
    assert.equal(over.code, 1);
    assert.equal(over.stderr, 'connector-plan: 2 warnings, more than --max-warnings 1 allows\n');
    const quiet = await runCli(['check', '--max-warnings', '1', '--quiet'], { cwd });
    assert.deepEqual(quiet, { code: 1, stdout: '1 plan checked: 0 errors\n', stderr: over.stderr });
  });

  it('never fails on info, but --require-go fails a NO-GO plan and says why', async () => {
    const cwd = makeTempTree({ 'initech-rollout-plan.md': oneItemOpen });
    const plain = await runCli(['check'], { cwd });
    assert.equal(plain.code, 0);
    assert.match(plain.stdout, /: 0 errors, 0 warnings, 1 info\n$/);
    const gated = await runCli(['check', '--require-go'], { cwd });
    assert.equal(gated.code, 1);
    assert.equal(gated.stderr, 'connector-plan: initech-rollout-plan.md is NO-GO (4/5 go/no-go items checked): 1 of 5 go/no-go items unchecked\n');
  });

  it('strips a UTF-8 BOM: same findings at the same positions', async () => {
    const gaps = readFileSync(path.join(fixtures, 'gaps/globex-rollout-plan.md'), 'utf8');
    const cwd = makeTempTree({ 'plain.md': gaps, 'bom.md': `\ufeff${gaps}` });
    const json = JSON.parse((await runCli(['check', 'plain.md', 'bom.md', '--format', 'json'], { cwd })).stdout);
    assert.equal(json.files[1].isPlan, true);
    assert.deepEqual(json.files[1].findings, json.files[0].findings);
  });

  it('JSON carries 1-based findings and progress; null progress for a file that is not a plan', async () => {
    const run = await runCli(['check', 'gaps', '--format', 'json'], { cwd: fixtures });
    assert.equal(run.code, 1);
    const [notes, plan] = [...JSON.parse(run.stdout).files].sort((a, b) => Number(a.isPlan) - Number(b.isPlan));
    assert.deepEqual(notes, { path: 'gaps/team-notes.md', isPlan: false, kind: 'other', name: null, template: null, findings: [], progress: null });
    assert.equal(plan.path, 'gaps/globex-rollout-plan.md');
    assert.deepEqual(Object.keys(plan.findings[1]), ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']);
    assert.deepEqual([plan.findings[1].ruleId, plan.findings[1].line, plan.findings[1].column], ['empty-field', 6, 3]);
    assert.deepEqual(plan.progress.goNoGo, { checked: 4, total: 5, verdict: 'NO-GO' });
    const sectionJ = plan.progress.sections.find((s: { id: string }) => s.id === 'J');
    assert.deepEqual(Object.keys(sectionJ), ['id', 'title', 'filled', 'total', 'status']);
    assert.deepEqual([sectionJ.filled, sectionJ.status], [0, 'missing']);
  });

  it('SARIF lists every rule and maps severities to levels', async () => {
    const log = JSON.parse((await runCli(['check', 'gaps', '--format', 'sarif'], { cwd: fixtures })).stdout);
    const run = log.runs[0];
    assert.deepEqual(run.tool.driver.rules.map((rule: { id: string }) => rule.id), RULES.map((rule) => rule.id));
    assert.deepEqual(
      run.results.map((result: { ruleId: string; ruleIndex: number; level: string }) => [result.ruleId, result.ruleIndex, result.level]),
      [['missing-section', 0, 'error'], ['empty-field', RULES.findIndex((rule) => rule.id === 'empty-field'), 'warning'], ['go-no-go-open', RULES.findIndex((rule) => rule.id === 'go-no-go-open'), 'note']],
    );
    assert.deepEqual(run.results[1].locations[0].physicalLocation.artifactLocation, { uri: 'gaps/globex-rollout-plan.md', uriBaseId: '%SRCROOT%' });
    assert.equal(run.results[1].locations[0].physicalLocation.region.startLine, 6);
  });

  it('applies the nearest .connector-plan.json and warns once about its problems', async () => {
    const run = await runCli(['check', 'configured'], { cwd: fixtures });
    assert.equal(run.code, 0);
    assert.equal(run.stdout, '2 plans checked: 0 errors, 0 warnings, 0 info\n', 'empty-field is off');
    assert.equal(run.stderr.split('\n').length, 2, run.stderr);
    assert.match(run.stderr, /^connector-plan: warning: configured\/\.connector-plan\.json: unknown rule "no-such-rule"/);
  });

  it('status shows one row per plan with progress and verdict', async () => {
    const run = await runCli(['status'], { cwd: fixtures });
    assert.equal(run.code, 0);
    assert.match(run.stderr, /^connector-plan: warning: configured\/\.connector-plan\.json: unknown rule "no-such-rule".*\n$/);
    const rows = run.stdout.trimEnd().split('\n');
    assert.match(rows[0], /^Plan +Progress +Go\/No-Go +Verdict +File$/);
    assert.match(rows[1], /^Hooli +\d+% +5\/5 +GO +configured\/hooli-rollout-plan\.md$/);
    assert.match(rows[2], /^Umbrella +\d+% +5\/5 +GO +configured\/umbrella-rollout-plan\.md$/);
    assert.match(rows[3], /^Globex +\d+% +4\/5 +NO-GO +gaps\/globex-rollout-plan\.md$/);
    assert.match(rows[4], /^Acme CRM +100% +5\/5 +GO +ready\/acme-crm-rollout-plan\.md$/);
    const json = JSON.parse((await runCli(['status', 'ready', '--format', 'json'], { cwd: fixtures })).stdout);
    assert.deepEqual(json, { plans: [{ path: 'ready/acme-crm-rollout-plan.md', name: 'Acme CRM', percent: 100, goNoGo: { checked: 5, total: 5, verdict: 'GO' } }] });
  });

  it('a new plan is a plan with gaps to fill: warnings and open items, no errors', async () => {
    const cwd = makeTempTree();
    assert.equal((await runCli(['new', 'Initech'], { cwd })).code, 0);
    const run = await runCli(['check'], { cwd });
    assert.equal(run.code, 0);
    assert.match(run.stdout, /\n1 plan checked: 0 errors, \d+ warnings, 5 info\n$/);
    assert.equal((await runCli(['check', '--require-go'], { cwd })).code, 1);
  });
});
