import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { nodeFileSystem } from '../../../src/cli/file-system';
import type { CliFileSystem } from '../../../src/cli/file-system';
import { runCli } from './run-cli';
import { makeTempTree, removeTempTrees } from './temp-tree';

const NOT_A_PLAN = '# Notes\n';

/** Node's file system, recording every config file it is asked for. */
function recordingConfigReads(reads: string[]): CliFileSystem {
  return {
    ...nodeFileSystem,
    readFile: (file, maxMegabytes) => {
      if (path.basename(file) === '.connector-plan.json') reads.push(file);
      return nodeFileSystem.readFile(file, maxMegabytes);
    },
  };
}

describe('check: .connector-plan.json lookup', () => {
  afterEach(removeTempTrees);

  it('looks upward from each file and reads each folder once, stopping at the nearest config', async () => {
    const cwd = makeTempTree({ '.connector-plan.json': '{ "rules": {} }', 'a/b/one.md': NOT_A_PLAN, 'a/b/two.md': NOT_A_PLAN, 'a/three.md': NOT_A_PLAN });
    const reads: string[] = [];
    const run = await runCli(['check'], { cwd, fs: recordingConfigReads(reads) });
    assert.equal(run.code, 0);
    assert.deepEqual(reads, [path.join(cwd, 'a/b/.connector-plan.json'), path.join(cwd, 'a/.connector-plan.json'), path.join(cwd, '.connector-plan.json')]);
  });

  it('warns once, naming the config, when it cannot be read, and uses the defaults', async () => {
    const cwd = makeTempTree({ '.connector-plan.json/oops.txt': 'a folder, not a file', 'one.md': NOT_A_PLAN, 'two.md': NOT_A_PLAN });
    const run = await runCli(['check', 'one.md', 'two.md'], { cwd });
    assert.equal(run.code, 0);
    assert.match(run.stderr, /^connector-plan: warning: cannot read \.connector-plan\.json: .*\(EISDIR\); using the default rule severities\n$/);
  });

  it('warns when the config is not UTF-8', async () => {
    const cwd = makeTempTree({ '.connector-plan.json': Buffer.from([0x7b, 0xff, 0x7d]), 'one.md': NOT_A_PLAN });
    const run = await runCli(['check'], { cwd });
    assert.equal(run.code, 0);
    assert.equal(run.stderr, 'connector-plan: warning: cannot use .connector-plan.json: not valid UTF-8; save it as UTF-8; using the default rule severities\n');
  });
});

describe('.connector-plan.json "files": plans before they look like one', () => {
  afterEach(removeTempTrees);
  const DRAFT = '# Draft\n\nNothing written yet.\n';

  it('check, status and explain take a file its globs name as a plan, relative to the config folder', async () => {
    const cwd = makeTempTree({
      'docs/.connector-plan.json': '{ "files": ["plans/*.md"] }',
      'docs/plans/draft.md': DRAFT,
      'docs/notes/setup.md': DRAFT,
      'plans/elsewhere.md': DRAFT,
    });
    const check = await runCli(['check', '--format', 'json'], { cwd });
    assert.equal(check.code, 1, check.stderr);
    const checked = JSON.parse(check.stdout) as { files: { path: string; isPlan: boolean; findings: { ruleId: string }[] }[] };
    assert.deepEqual(checked.files.filter((f) => f.isPlan).map((f) => f.path), ['docs/plans/draft.md']);
    assert.ok(checked.files.find((f) => f.isPlan)!.findings.some((f) => f.ruleId === 'missing-section'));

    const status = await runCli(['status', '--format', 'json'], { cwd });
    assert.deepEqual((JSON.parse(status.stdout) as { plans: { path: string }[] }).plans.map((p) => p.path), ['docs/plans/draft.md']);

    const explain = await runCli(['explain', 'docs/plans/draft.md'], { cwd });
    assert.match(explain.stdout, /a `files` glob of \.connector-plan\.json names it/);
  });

  it('a markdown file no glob names is a plan only when it looks like one', async () => {
    const cwd = makeTempTree({ '.connector-plan.json': '{ "files": ["plans/**/*.md"] }', 'guide.md': DRAFT });
    const run = await runCli(['check', '--format', 'json'], { cwd });
    assert.equal(run.code, 0);
    assert.deepEqual((JSON.parse(run.stdout) as { files: { isPlan: boolean }[] }).files.map((f) => f.isPlan), [false]);
  });

  it('refuses globs that leave the config folder, and says which', async () => {
    const cwd = makeTempTree({ 'a/.connector-plan.json': '{ "files": ["../b/*.md", "/etc/*.md", 3] }', 'a/one.md': DRAFT, 'b/two.md': DRAFT });
    const run = await runCli(['check'], { cwd });
    assert.equal(run.code, 0);
    assert.match(run.stderr, /a\/\.connector-plan\.json: "files" glob "\.\.\/b\/\*\.md" leaves the config's folder/);
    assert.match(run.stderr, /"files" glob "\/etc\/\*\.md" leaves the config's folder/);
    assert.match(run.stderr, /"files" holds 3; each entry must be a glob/);
  });
});
