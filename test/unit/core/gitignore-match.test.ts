import assert from 'node:assert/strict';
import picomatch from 'picomatch';
import { gitignoreMatcher } from '../../../src/core/references';
import { seededDraw } from './draw';

describe('gitignoreMatcher (issue 19): a rule answers as picomatch\'s matcher does', () => {
  it('matches the same paths as picomatch for drawn patterns and paths', () => {
    const next = seededDraw(11);
    const patternBits = ['*', '**', '?', 'a', 'b.c', '.env', '[ab]', '{x,y}', '/', '-', '.', '*.log', 'a*', '+(a|b)', '\\*', '[!a]'];
    const pathBits = ['[ab]', '{x,y}', 'a', 'b', 'b.c', '.env', 'x', 'y', 'x.log', '*', 'ab', '-', '.', 'a.b.c'];
    let matched = 0;
    for (let round = 0; round < 3000; round++) {
      // One rule: no `!`, no trailing `/` (the matcher's own handling of those is tested with the .gitignore reading).
      const line = Array.from({ length: 1 + next(4) }, () => patternBits[next(patternBits.length)]).join('').replace(/^!+/, '').replace(/\/+$/, '');
      const body = line.startsWith('/') ? line.slice(1) : line;
      if (!body || line.startsWith('#') || line.startsWith('\\')) continue;
      const anchored = line.includes('/');
      const expected = picomatch(body, { dot: true });
      const matcher = gitignoreMatcher(line);
      for (let p = 0; p < 10; p++) {
        const path = Array.from({ length: 1 + next(3) }, () => pathBits[next(pathBits.length)]).join('/');
        const name = path.slice(path.lastIndexOf('/') + 1);
        const want = expected(anchored ? path : name);
        if (want) matched++;
        assert.equal(matcher(path, false), want, `${line} on ${path}`);
      }
    }
    assert.ok(matched > 3000, `${matched} paths matched`);
  });
});
