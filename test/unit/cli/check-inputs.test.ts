import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { nodeFileSystem } from '../../../src/cli/file-system';
import type { CliFileSystem } from '../../../src/cli/file-system';
import { runCli } from './run-cli';
import { makeTempTree, removeTempTrees } from './temp-tree';

const NOT_A_PLAN = '# Team notes\n\nNothing to roll out here.\n';

/** The files `check --format json` looked at, in order. */
async function checkedPaths(argv: string[], cwd: string): Promise<string[]> {
  const run = await runCli(['check', '--format', 'json', ...argv], { cwd });
  return (JSON.parse(run.stdout) as { files: { path: string }[] }).files.map((file) => file.path);
}

describe('check: which files, and files it cannot read', () => {
  afterEach(removeTempTrees);

  it('searches the current folder recursively for .md files, skipping dependency, VCS and build folders', async () => {
    const cwd = makeTempTree({
      'a.md': NOT_A_PLAN,
      'sub/b.md': NOT_A_PLAN,
      'sub/deep/c.MD': NOT_A_PLAN,
      'sub/x.txt': NOT_A_PLAN,
      'sub/node_modules/pkg/readme.md': NOT_A_PLAN,
      'node_modules/pkg/readme.md': NOT_A_PLAN,
      '.git/notes.md': NOT_A_PLAN,
      '.vscode-test/user.md': NOT_A_PLAN,
      'out/a.md': NOT_A_PLAN,
      'dist/a.md': NOT_A_PLAN,
    });
    assert.deepEqual(await checkedPaths([], cwd), ['a.md', 'sub/b.md', 'sub/deep/c.MD']);
    assert.deepEqual(await checkedPaths(['sub'], cwd), ['sub/b.md', 'sub/deep/c.MD']);
    assert.deepEqual(await checkedPaths(['..'], path.join(cwd, 'sub', 'deep')), ['../b.md', 'c.MD']);
  });

  it('expands globs, without the skipped folders', async () => {
    const cwd = makeTempTree({ 'docs/a.md': NOT_A_PLAN, 'docs/more/b.md': NOT_A_PLAN, 'docs/c.txt': NOT_A_PLAN, 'node_modules/d.md': NOT_A_PLAN });
    assert.deepEqual(await checkedPaths(['docs/*.md'], cwd), ['docs/a.md']);
    assert.deepEqual(await checkedPaths(['**/*.md'], cwd), ['docs/a.md', 'docs/more/b.md']);
    assert.deepEqual(await checkedPaths(['docs/**/*.{md,txt}'], cwd), ['docs/a.md', 'docs/c.txt', 'docs/more/b.md']);
  });

  it('checks a file named explicitly whatever its extension, and each file once', async () => {
    const cwd = makeTempTree({ 'a.md': NOT_A_PLAN, 'plan.txt': NOT_A_PLAN });
    assert.deepEqual(await checkedPaths(['plan.txt', 'a.md', '.', '*.md'], cwd), ['plan.txt', 'a.md']);
  });

  it('treats an empty file as "not a plan", not as an error', async () => {
    const cwd = makeTempTree({ 'empty.md': '' });
    assert.deepEqual(await runCli(['check'], { cwd }), { code: 0, stdout: '0 plans checked (1 other markdown file skipped): 0 errors, 0 warnings, 0 info\n', stderr: '' });
  });

  it('exits 2 for a path that does not exist, after checking the rest', async () => {
    const cwd = makeTempTree({ 'a.md': NOT_A_PLAN });
    const run = await runCli(['check', 'missing.md', 'a.md'], { cwd });
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'connector-plan: cannot read missing.md: no such file or directory (ENOENT)\n');
    assert.equal(run.stdout, '0 plans checked (1 other markdown file skipped, 1 could not be read): 0 errors, 0 warnings, 0 info\n');
  });

  it('exits 2 for a glob or a folder that matches nothing', async () => {
    const cwd = makeTempTree({ 'a.md': NOT_A_PLAN, 'images/logo.txt': 'x' });
    const glob = await runCli(['check', 'docs/**/*.md', 'a.md'], { cwd });
    assert.equal(glob.code, 2);
    assert.equal(glob.stderr, 'connector-plan: no files match docs/**/*.md\n');
    const folder = await runCli(['check', 'images'], { cwd });
    assert.equal(folder.code, 2);
    assert.equal(folder.stderr, 'connector-plan: no markdown files in images\n');
  });

  it('exits 2 for a binary file, naming it, and still checks the others', async () => {
    const cwd = makeTempTree({ 'a.md': NOT_A_PLAN, 'utf16.md': Buffer.from('\ufeff# Plan\n', 'utf16le') });
    const run = await runCli(['check', '--format', 'json'], { cwd });
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'connector-plan: cannot check utf16.md: binary file (it contains NUL bytes); save it as UTF-8 text\n');
    assert.deepEqual(JSON.parse(run.stdout).files.map((file: { path: string }) => file.path), ['a.md']);
  });

  it('exits 2 for invalid UTF-8, naming the file', async () => {
    const cwd = makeTempTree({ 'latin1.md': Buffer.from('# Caf\xe9 Connector Rollout Plan\n', 'latin1') });
    const run = await runCli(['check'], { cwd });
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'connector-plan: cannot check latin1.md: not valid UTF-8; save it as UTF-8\n');
  });

  it('exits 2 for a file it may not read, naming the file', async () => {
    const cwd = makeTempTree({ 'a.md': NOT_A_PLAN, 'secret.md': NOT_A_PLAN });
    const fs: CliFileSystem = {
      ...nodeFileSystem,
      readFile: async (file, maxMegabytes) => {
        if (path.basename(file) === 'secret.md') throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES' });
        return nodeFileSystem.readFile(file, maxMegabytes);
      },
    };
    const run = await runCli(['check'], { cwd, fs });
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'connector-plan: cannot check secret.md: permission denied (EACCES)\n');
    assert.equal(run.stdout, '0 plans checked (1 other markdown file skipped, 1 could not be read): 0 errors, 0 warnings, 0 info\n');
  });

  it('exits 2 for a folder it may not list', async () => {
    const cwd = makeTempTree({ 'a.md': NOT_A_PLAN, 'locked/b.md': NOT_A_PLAN });
    const fs: CliFileSystem = {
      ...nodeFileSystem,
      readdir: async (folder) => {
        if (path.basename(folder) === 'locked') throw Object.assign(new Error(`EACCES: permission denied, scandir '${folder}'`), { code: 'EACCES' });
        return nodeFileSystem.readdir(folder);
      },
    };
    const run = await runCli(['check'], { cwd, fs });
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'connector-plan: cannot read folder locked: permission denied (EACCES)\n');
    assert.equal((await runCli(['check', 'locked'], { cwd, fs })).stderr, 'connector-plan: cannot read folder locked: permission denied (EACCES)\n', 'one message, not also "no markdown files"');
  });
});
