import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { makeTempTree, removeTempTrees } from './temp-tree';

const root = path.resolve(__dirname, '../../../..');
const bin = path.join(root, 'dist/cli.js');

function runBin(args: string[], cwd: string) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: status, stdout, stderr };
}

describe('dist/cli.js (the built bin, run as a child process)', function () {
  before(function () {
    if (!existsSync(bin)) this.skip(); // `npm test` builds it first; `npm run test:unit` alone may not have.
  });
  afterEach(removeTempTrees);

  it('starts with a shebang and prints the package version', () => {
    assert.ok(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n'));
    const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual(runBin(['--version'], root), { code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('checks a folder and sets the exit code', () => {
    const cwd = makeTempTree({ 'docs/notes.md': '# Notes\n' });
    assert.deepEqual(runBin(['check', 'docs/**/*.md'], cwd), { code: 0, stdout: '0 plans checked (1 other markdown file skipped): 0 errors, 0 warnings, 0 info\n', stderr: '' });
    assert.equal(runBin(['check', 'missing'], cwd).code, 2);
    assert.equal(runBin(['check', 'test/fixtures/cli/gaps'], root).code, 1);
  });
});
