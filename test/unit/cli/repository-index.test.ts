import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { expandInputs } from '../../../src/cli/files';
import { nodeFileSystem } from '../../../src/cli/file-system';
import { lazyIndex, listFiles } from '../../../src/cli/repository-index';
import { makeFifo, stopFifoWriters } from './special-files';
import { makeTempTree, removeTempTrees } from './temp-tree';

describe('the CLI repository index (issue 19)', () => {
  afterEach(() => {
    stopFifoWriters();
    removeTempTrees();
  });

  it('lists what the .gitignore keeps, and says which entries are regular files', () => {
    const root = makeTempTree({ '.gitignore': 'coverage/\n', 'src/a.ts': 'A', 'coverage/x.html': '', 'node_modules/p/index.js': '', '.git/HEAD': '' });
    symlinkSync(path.join(root, 'src', 'a.ts'), path.join(root, 'src', 'link.ts'));
    const regular = new Set<string>();
    assert.deepEqual(listFiles(root, regular), ['.gitignore', 'src/a.ts', 'src/link.ts']);
    assert.deepEqual([...regular].sort(), ['.gitignore', 'src/a.ts']);
  });

  it('reads listed files, links to files, and nothing else', () => {
    const big = 'x'.repeat(300 * 1024);
    const root = makeTempTree({ 'big.ts': big, 'small.ts': 'abc', 'nul.bin.ts': new Uint8Array([65, 0, 66]), 'huge.ts': 'y'.repeat(1024 * 1024 + 1) });
    symlinkSync(path.join(root, 'small.ts'), path.join(root, 'link.ts'));
    makeFifo(path.join(root, 'pipe'));
    symlinkSync(path.join(root, 'pipe'), path.join(root, 'pipe-link.ts'));
    const index = lazyIndex(root, 1);
    assert.deepEqual(index.files(), ['big.ts', 'huge.ts', 'link.ts', 'nul.bin.ts', 'pipe-link.ts', 'small.ts']);
    // One read after another: a short file after a long one is itself only.
    assert.equal(index.read('big.ts'), big);
    assert.equal(index.read('small.ts'), 'abc');
    assert.equal(index.read('link.ts'), 'abc');
    assert.equal(index.read('big.ts'), big);
    assert.equal(index.read('nul.bin.ts'), undefined);
    assert.equal(index.read('huge.ts'), undefined);
    // A named pipe nobody writes to: not waited on, not read.
    assert.equal(index.read('pipe-link.ts'), undefined);
    assert.equal(index.read('pipe'), undefined);
    assert.equal(index.read('missing.ts'), undefined);
  });

  it('lists the folders the search for plans read from what it read, and reads the others (out/, dist/) itself', async () => {
    const root = makeTempTree({
      '.gitignore': 'coverage/\n',
      'docs/plan.md': '# Plan',
      'src/a.ts': 'A',
      'out/b.js': '',
      'dist/c.js': '',
      'pkg/dist/d.js': '',
      '.vscode-test/e.txt': '',
      'coverage/x.html': '',
      'node_modules/p/index.js': '',
      '.git/HEAD': '',
    });
    symlinkSync(path.join(root, 'src', 'a.ts'), path.join(root, 'src', 'link.ts'));
    const expanded = await expandInputs(['.'], root, nodeFileSystem);
    assert.ok(expanded.folders.has(root) && expanded.folders.has(path.join(root, 'src')) && !expanded.folders.has(path.join(root, 'out')));
    const regular = new Set<string>();
    const fromSearch = listFiles(root, regular, expanded.folders);
    assert.deepEqual(fromSearch, listFiles(root));
    assert.deepEqual(fromSearch, ['.gitignore', '.vscode-test/e.txt', 'dist/c.js', 'docs/plan.md', 'out/b.js', 'pkg/dist/d.js', 'src/a.ts', 'src/link.ts']);
    assert.ok(regular.has('src/a.ts') && !regular.has('src/link.ts'));
    // What the search read is what is listed: a file it saw is listed without the folder being read again.
    const seen = new Map(expanded.folders);
    seen.set(path.join(root, 'src'), [...expanded.folders.get(path.join(root, 'src'))!, { name: 'seen.ts', isFile: () => true, isDirectory: () => false, isSymbolicLink: () => false }]);
    assert.ok(listFiles(root, undefined, seen).includes('src/seen.ts'));
  });
});
