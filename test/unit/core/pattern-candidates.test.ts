import assert from 'node:assert/strict';
import { resolveReferences, type PlanReference, type RepositoryIndex } from '../../../src/core/references';
import { patternRegex } from '../../../src/core/references/resolve';
import { seededDraw } from './draw';

/** What a pattern resolves to, read the long way: its regex tried on every file of the index, in order; a folder's pattern (`src/{c}/`) on every folder, sorted. */
function everyFile(pattern: string, files: string[]): string[] {
  const regex = patternRegex(pattern);
  if (pattern.endsWith('/')) {
    const folders = new Set(files.flatMap((file) => file.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
    return [...folders].filter((folder) => folder.length <= 500 && regex.test(`${folder}/`)).sort();
  }
  return files.filter((file) => file.length <= 500 && regex.test(file));
}

function resolvePattern(pattern: string, index: RepositoryIndex) {
  const ref: PlanReference = { kind: 'pattern', text: pattern, range: { start: { line: 0, character: 0 }, end: { line: 0, character: pattern.length } }, claim: true, relative: false };
  return resolveReferences([ref], { index, planPath: 'docs/plan.md' })[0].resolution;
}

/** Asserts the pattern resolves to what trying every file finds (its first five matches); says whether it matched any. */
function resolvesAsEveryFile(pattern: string, files: string[], index: RepositoryIndex): boolean {
  const expected = everyFile(pattern, files);
  const resolution = resolvePattern(pattern, index);
  assert.deepEqual(resolution.found ? resolution.matches : [], expected.slice(0, 5), pattern);
  return expected.length > 0;
}

describe('pattern references (issue 19): only the files that can match are tried', () => {
  it('finds what trying every file finds, in the same order, whatever the pattern ends with', () => {
    const next = seededDraw(19);
    const parts = ['a', 'b', 'src', 'x.sql', 'y.ts', 'x.ts', '.env', 'Makefile', 'a.b.sql', 'z.', 'users.sql', '20260207_users.sql'];
    const files = [...new Set(Array.from({ length: 400 }, () => Array.from({ length: 1 + next(4) }, () => parts[next(parts.length)]).join('/')))];
    const index: RepositoryIndex = { files: () => files, read: () => undefined };
    const bits = ['a', 'b/', 'src/', '/', '*', '**', '**/', '<t>', '{c}', '…', '...', '.sql', '.ts', 'x', '_users.sql', 'y.ts', '.', '<', '{', 'Makefile', '.env'];
    let found = 0;
    for (let round = 0; round < 3000; round++) {
      const pattern = Array.from({ length: 1 + next(5) }, () => bits[next(bits.length)]).join('');
      if (resolvesAsEveryFile(pattern, files, index)) found++;
    }
    // The patterns drawn match something often enough for the comparison to mean something.
    assert.ok(found > 300, `${found} patterns matched`);
  });

  it('finds the same when only the files of the folders a pattern starts with are tried (many files, few folders)', () => {
    const next = seededDraw(21);
    // Folders named alike at the root and deeper (`src`, `pkg/src`, `a/src/b`), each with many files: the folders are
    // far fewer than the files of an extension, so a pattern's folders are what is tried.
    const folderParts = ['src', 'a', 'b', 'pkg', 'src-old', 'x.y'];
    const folders = [...new Set(Array.from({ length: 60 }, () => Array.from({ length: 1 + next(4) }, () => folderParts[next(folderParts.length)]).join('/')))];
    const files = [...new Set(folders.flatMap((folder) => Array.from({ length: 8 + next(20) }, () => `${folder}/f${next(30)}.${['ts', 'sql', 'md'][next(3)]}`)))].sort();
    const index: RepositoryIndex = { files: () => files, read: () => undefined };
    const bits = ['src/', 'a/', 'b/', 'pkg/', 'src-old/', 'x.y/', '/', 'sr', '**/', '*', '<t>/', '{c}', '…/', 'f1', '.ts', '.sql', 'f2*.ts', 'rc/'];
    let found = 0;
    let narrowed = 0;
    for (let round = 0; round < 1000; round++) {
      const pattern = Array.from({ length: 2 + next(5) }, () => bits[next(bits.length)]).join('');
      if (resolvesAsEveryFile(pattern, files, index)) found++;
      if (/^\/?(?:[^*<{…./]+\/)+/.test(pattern.replace(/^\/+/, '')) && /[*<{…]/.test(pattern)) narrowed++;
    }
    assert.ok(found > 100, `${found} patterns matched`);
    assert.ok(narrowed > 100, `${narrowed} patterns start with a folder`);
  });
});
