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
    readFile: (file) => {
      if (path.basename(file) === '.connector-plan.json') reads.push(file);
      return nodeFileSystem.readFile(file);
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
