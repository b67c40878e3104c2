import assert from 'node:assert/strict';
import { editDistance, nearestName } from '../../../src/core/references/resolve';
import { seededDraw } from './draw';

/** The definition: Levenshtein distance by the whole table, capped at `limit`. */
function distance(a: string, b: string, limit: number): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) table[i][j] = Math.min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return Math.min(table[a.length][b.length], limit);
}

/**
 * The definition of the nearest name: the first name (in the set's order) at the smallest distance under 3, within
 * 12 characters of length; else the first that is the name with a `_` word more before or after, or less at the end.
 */
function nearest(name: string, names: ReadonlySet<string>): string | undefined {
  const close = [...names].filter((other) => Math.abs(other.length - name.length) <= 12);
  const distances = close.map((other) => distance(name, other, 3));
  const least = Math.min(3, ...distances);
  if (least < 3) return close[distances.indexOf(least)];
  return close.find((other) => other.startsWith(`${name}_`) || name.startsWith(`${other}_`) || other.endsWith(`_${name}`));
}

describe('near names (issue 19): the suggestion for an env var no file mentions', () => {
  it('editDistance gives the Levenshtein distance, capped at the limit, whatever strings it was given before', () => {
    const next = seededDraw(31);
    const alphabet = ['A', 'B', '_', 'C', 'é', '😀', '1'];
    const word = () => Array.from({ length: next(14) }, () => alphabet[next(alphabet.length)]).join('');
    for (let round = 0; round < 3000; round++) {
      const a = word();
      const b = next(3) ? word() : a.slice(0, next(a.length + 1)) + alphabet[next(alphabet.length)] + a.slice(next(a.length + 1));
      const limit = [1, 2, 3, 5, Infinity][next(5)];
      assert.equal(editDistance(a, b, limit), distance(a, b, limit), `${a} ~ ${b} (${limit})`);
    }
    // A long string after short ones, and a short one after it: the rows kept between calls grow and are reused.
    assert.equal(editDistance('A'.repeat(200), 'A'.repeat(199) + 'B'), 1);
    assert.equal(editDistance('AB', 'BA'), 2);
  });

  it('nearestName picks what the definition picks, for drawn names and repositories', () => {
    const next = seededDraw(37);
    const words = ['SLACK', 'BOT', 'TOKEN', 'TOKN', 'API', 'KEY', 'KEYS', 'ID', 'SECRET', 'URL', 'DB', 'A', 'AB'];
    const name = () => Array.from({ length: 1 + next(4) }, () => words[next(words.length)]).join('_');
    let suggested = 0;
    for (let round = 0; round < 1500; round++) {
      const names = new Set(Array.from({ length: next(40) }, name));
      const asked = name();
      const expected = nearest(asked, names);
      if (expected) suggested++;
      assert.equal(nearestName(asked, names), expected, `${asked} among ${[...names].join(' ')}`);
    }
    assert.ok(suggested > 200, `${suggested} suggestions`);
  });
});
