import assert from 'node:assert/strict';
import picomatch from 'picomatch';
import { gitignoreMatcher } from '../../../src/core/references';
import { gitignoreLines } from '../../../src/core/references/gitignore';
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

  it('lets the last rule that matches decide, whichever way each is looked up', () => {
    // A name ending, a name, a path and a wildcard rule, each before and after another kind.
    const cases: [string, string, boolean][] = [
      ['*.log\n!x.log', 'x.log', false],
      ['*.log\n!x.log', 'a/y.log', true],
      ['x.log\n!*.log', 'a/x.log', false],
      ['/a/x\n!x', 'a/x', false],
      ['!x\n/a/x', 'a/x', true],
      ['a*\n!ab', 'ab', false],
      ['!ab\na*', 'ab', true],
      ['!a*\nab', 'ab', true],
      ['ab\n!a*', 'ab', false],
      ['*.c\n!b*', 'b.c', false],
      ['!b*\n*.c', 'b.c', true],
    ];
    for (const [text, path, ignored] of cases) assert.equal(gitignoreMatcher(text)(path, false), ignored, `${JSON.stringify(text)} on ${path}`);
  });

  it('answers as trying every rule in order with picomatch does, for drawn .gitignore files', () => {
    // The definition: every rule (as gitignoreLines reads its line) tried in order, the last that matches decides (a
    // `!` rule re-includes).
    const sequential = (text: string) => {
      const rules = gitignoreLines(text).map((line) => ({ ...line, test: picomatch(line.pattern, { dot: true }) }));
      return (relative: string, isFolder: boolean) => {
        const name = relative.slice(relative.lastIndexOf('/') + 1);
        let ignored = false;
        for (const rule of rules) if ((isFolder || !rule.folderOnly) && rule.test(rule.anchored ? relative : name)) ignored = !rule.negate;
        return ignored;
      };
    };
    const next = seededDraw(23);
    const ruleBits = ['a', 'b.c', '.env', 'x.log', '*.log', '*.c', '*.b.c', '*.', '*..', 'a*', '*', '?', '[ab]', '{x,y}', 'ab', 'x', 'a.b.c', '.', '..', './a', '~x', 'a b', '\\*', '!', '#', '/'];
    const pathBits = ['a', 'b', 'b.c', '.env', 'x', 'y', 'x.log', '.log', 'ab', 'a.b.c', '~x', 'a b', '{x,y}', '[ab]', '.c', 'z.b.c', '*', '.', '..'];
    let ignored = 0;
    for (let round = 0; round < 1500; round++) {
      // A quarter of the rules re-include (`!`), so which rule matches last decides.
      const text = Array.from({ length: 1 + next(12) }, () => `${next(4) ? '' : '!'}${Array.from({ length: 1 + next(3) }, () => ruleBits[next(ruleBits.length)]).join(next(4) ? '' : '/')}`).join('\n');
      const expected = sequential(text);
      const matcher = gitignoreMatcher(text);
      for (let p = 0; p < 12; p++) {
        const path = Array.from({ length: 1 + next(3) }, () => pathBits[next(pathBits.length)]).join('/');
        const isFolder = next(2) === 0;
        const want = expected(path, isFolder);
        if (want) ignored++;
        assert.equal(matcher(path, isFolder), want, `${JSON.stringify(text)} on ${path}${isFolder ? '/' : ''}`);
      }
    }
    assert.ok(ignored > 2000, `${ignored} paths ignored`);
  });
});
