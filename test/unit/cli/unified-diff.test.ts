import * as assert from 'node:assert/strict';
import { changedLinesOfDiff } from '../../../src/cli/unified-diff';

const lines = (...rows: string[]) => rows.join('\n') + '\n';
const spans = (diff: string) => Object.fromEntries(changedLinesOfDiff(diff));

describe('changedLinesOfDiff (git diff --unified=0 into the lines each file gained or changed)', () => {
  it('reads changed and added lines by the new side, a hunk without a count as one line', () => {
    const diff = lines(
      'diff --git a/docs/plan.md b/docs/plan.md',
      'index 422c2b7..7be73ce 100644',
      '--- a/docs/plan.md',
      '+++ b/docs/plan.md',
      '@@ -2 +2,2 @@ ## A) Goal',
      '-b',
      '+B',
      '+c',
      '@@ -10,0 +12 @@',
      '+added',
    );
    assert.deepEqual(spans(diff), { 'docs/plan.md': [[2, 3], [12, 12]] });
  });

  it('a new file is all lines; a deleted file is absent; a deletion counts for the lines on either side', () => {
    const diff = lines(
      'diff --git a/new.md b/new.md',
      'new file mode 100644',
      '--- /dev/null',
      '+++ b/new.md',
      '@@ -0,0 +1,3 @@',
      '+a', '+b', '+c',
      'diff --git a/gone.md b/gone.md',
      'deleted file mode 100644',
      '--- a/gone.md',
      '+++ /dev/null',
      '@@ -1,2 +0,0 @@',
      '-a', '-b',
      'diff --git a/cut.md b/cut.md',
      '--- a/cut.md',
      '+++ b/cut.md',
      '@@ -5,2 +4,0 @@',
      '-x', '-y',
      '@@ -1 +0,0 @@',
      '-first',
    );
    assert.deepEqual(spans(diff), { 'new.md': [[1, 3]], 'cut.md': [[4, 5], [1, 1]] });
  });

  it('renames: a file renamed with changes is read by its new name; one only renamed changed nothing', () => {
    const diff = lines(
      'diff --git a/old.md b/new.md',
      'similarity index 50%',
      'rename from old.md',
      'rename to new.md',
      'index 587be6b..b77b4eb 100644',
      '--- a/old.md',
      '+++ b/new.md',
      '@@ -1,0 +2 @@ x',
      '+y',
      'diff --git a/same.md b/moved.md',
      'similarity index 100%',
      'rename from same.md',
      'rename to moved.md',
    );
    assert.deepEqual(spans(diff), { 'new.md': [[2, 2]] });
  });

  it('names with spaces (git ends them with a tab), quoted names with escapes and UTF-8 octets', () => {
    const diff = lines(
      'diff --git a/my plan.md b/my plan.md',
      '--- a/my plan.md\t',
      '+++ b/my plan.md\t',
      '@@ -1 +1 @@',
      '-a', '+b',
      'diff --git "a/t\\tab.md" "b/t\\tab.md"',
      '--- /dev/null',
      '+++ "b/t\\tab \\"q\\" \\\\.md"',
      '@@ -0,0 +1 @@',
      '+q',
      '+++ "b/pl\\303\\244n.md"',
      '@@ -0,0 +7 @@',
      '+q',
    );
    assert.deepEqual(spans(diff), { 'my plan.md': [[1, 1]], 't\tab "q" \\.md': [[1, 1]], 'plän.md': [[7, 7]] });
  });

  it('CRLF line ends (a diff of a CRLF file, or one saved on Windows) read as LF', () => {
    const diff = ['diff --git a/w.md b/w.md', '--- a/w.md', '+++ b/w.md', '@@ -3 +3 @@', '-old', '+new', ''].join('\r\n');
    assert.deepEqual(spans(diff), { 'w.md': [[3, 3]] });
  });

  it('a hostile diff: hunk lines that look like headers, a cut hunk, garbage, huge numbers, bad quoting', () => {
    const diff = lines(
      '@@ -1 +1 @@',
      '+before any file',
      '+++ b/a.md',
      '@@ -1,0 +1,2 @@',
      '+++ b/not-a-file.md',
      '+--- a/neither.md',
      '@@ -1 +5,2 @@',
      '-x',
      '+only one of two',
      'diff --git a/b.md b/b.md',
      '+++ b/b.md',
      '@@ -1 +99999999999999999999,2 @@',
      '@@ nonsense @@',
      '@@ -1 +2 @@',
      '-x',
      '+y',
      '+++ "b/bad\\q.md"',
      '@@ -0,0 +1 @@',
      '+z',
      '+++ "b/unclosed.md',
      '+++ c/other-prefix.md',
    );
    assert.deepEqual(spans(diff), { 'a.md': [[1, 2], [5, 6]], 'b.md': [[2, 2]] });
    assert.deepEqual(spans(''), {});
    assert.deepEqual(spans('\\ No newline at end of file\n\0\0\0'), {});
    const long = '+++ b/x.md\n' + '@@ -1 +1 @@\n'.repeat(100_000);
    assert.equal(changedLinesOfDiff(long).get('x.md')?.length, 100_000);
  });
});
