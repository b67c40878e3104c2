// Linear time on any input (issue 17): every regular expression of src/ passes recheck's automaton analysis, and
// hostile plans cost about twice as much when they double in size.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { analyzePlan, readLoop, type LoopFile } from '../../../src/core';
import { SHAPES } from '../../bench/adversarial-shapes';

const root = path.resolve(__dirname, '../../../..');

interface Verdict {
  status: 'safe' | 'vulnerable' | 'unknown';
  complexity?: { type: string; summary?: string };
  attack?: { pattern: string };
  error?: { kind: string };
}
// recheck's automaton checker is exact and deterministic (no fuzzing, no clock) for what it supports.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const recheck: { checkSync(source: string, flags: string, params: object): Verdict } = require('recheck');

interface Found {
  where: string;
  source: string;
  flags: string;
}

/** Every regular expression literal of src/, by file and line. */
function regexLiterals(): Found[] {
  const found: Found[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts')) {
        const sourceFile = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
        const visit = (node: ts.Node) => {
          if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
            const text = node.getText();
            const slash = text.lastIndexOf('/');
            const line = sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1;
            found.push({ where: `${path.relative(root, file)}:${line}`, source: text.slice(1, slash), flags: text.slice(slash + 1) });
          }
          ts.forEachChild(node, visit);
        };
        visit(sourceFile);
      }
    }
  };
  walk(path.join(root, 'src'));
  return found;
}

/** The regular expressions the core builds at run time (from the template, labels, suffixes), seen while it checks every fixture and example. */
function builtRegexes(): Found[] {
  const found = new Map<string, Found>();
  const real = RegExp;
  const core = path.join(root, 'out', 'src', 'core');
  const fresh = () => {
    for (const key of Object.keys(require.cache)) if (key.startsWith(core)) delete require.cache[key];
  };
  globalThis.RegExp = new Proxy(real, {
    construct(target, args: [string | RegExp, string?]) {
      const made = new target(...args);
      found.set(`${made.source}/${made.flags}`, { where: 'built at run time', source: made.source, flags: made.flags });
      return made;
    },
  });
  try {
    fresh();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { analyzePlan: analyze } = require(path.join(core, 'index.js')) as typeof import('../../../src/core');
    for (const dir of ['test/fixtures/plans', 'examples']) {
      for (const name of fs.readdirSync(path.join(root, dir))) if (name.endsWith('.md')) analyze(fs.readFileSync(path.join(root, dir, name), 'utf8'));
    }
  } finally {
    globalThis.RegExp = real;
    fresh();
  }
  return [...found.values()];
}

/**
 * The pattern the analysis reads, which may only be more ambiguous than the real one, so that a linear verdict carries
 * over: a back-reference becomes a copy of its group, a look-around of bounded width is dropped (the automaton
 * checker supports neither), and a counted repeat (`{10,}`, `{1,60}`) counts to 2 or 3 (its count changes the cost
 * by a constant factor, not its growth, and large counts make the automaton slow). Throws on a look-around whose
 * body can grow, which costs its own scan at every position.
 */
export function forAnalysis(source: string): string {
  const groups: string[] = [];
  /** Open groups: where each starts in `out`, its number (-1 for none), and for a look-around where its body starts. */
  const opens: { at: number; group: number; bodyAt?: number }[] = [];
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      const ref = /^\\([1-9])/.exec(source.slice(i));
      if (ref && !/^\\[1-9]\d/.test(source.slice(i))) {
        const group = groups[Number(ref[1]) - 1];
        if (group === undefined) throw new Error(`back-reference \\${ref[1]} before its group`);
        out += `(?:${group})`;
      } else out += source.slice(i, i + 2);
      i++;
    } else if (ch === '[') {
      let end = i + 1;
      if (source[end] === '^') end++;
      if (source[end] === ']') end++;
      for (; end < source.length && source[end] !== ']'; end++) if (source[end] === '\\') end++;
      out += source.slice(i, end + 1);
      i = end;
    } else if (ch === '(') {
      const look = /^\(\?<?[=!]/.exec(source.slice(i));
      if (look) {
        opens.push({ at: out.length, group: -1, bodyAt: out.length + look[0].length });
        out += look[0];
        i += look[0].length - 1;
        continue;
      }
      const capturing = source[i + 1] !== '?' || source[i + 2] === '<';
      opens.push({ at: out.length, group: capturing ? groups.push('') - 1 : -1 });
      out += ch;
    } else if (ch === ')') {
      const open = opens.pop()!;
      if (open.bodyAt !== undefined) {
        const body = out.slice(open.bodyAt);
        if (/(?<!\\)[*+]|\{\d+,\}/.test(body.replace(/\[(?:\\.|[^\]\\])*\]/g, ''))) throw new Error(`look-around of unbounded width: ${body}`);
        out = out.slice(0, open.at);
        continue;
      }
      out += ch;
      if (open.group >= 0) groups[open.group] = out.slice(open.at + 1, -1).replace(/^\?<[\w$]+>/, '');
    } else if (ch === '{' && /^\{\d+(,\d*)?\}/.test(source.slice(i))) {
      const [, min, comma, max] = /^\{(\d+)(,)?(\d*)\}/.exec(source.slice(i))!;
      const small = Math.min(Number(min), 2);
      out += comma ? `{${small},${max ? Math.max(small, Math.min(Number(max), 3)) : ''}}` : `{${small}}`;
      i = source.indexOf('}', i);
    } else out += ch;
  }
  return out;
}

describe('Linear time on any input (issue 17)', function () {
  this.timeout(600_000);

  it('reads back-references, look-arounds and counted repeats for the analysis as a more ambiguous pattern', () => {
    assert.strictEqual(forAnalysis('^(\\*\\*|__)([^*_\\n]{1,60}?)\\.\\1'), '^(\\*\\*|__)([^*_\\n]{1,3}?)\\.(?:\\*\\*|__)');
    assert.strictEqual(forAnalysis('(?<!\\$)\\{([^{}\\n]+)\\}'), '\\{([^{}\\n]+)\\}');
    assert.strictEqual(forAnalysis('[A-Z0-9]{16}\\b[a-z]{16,}x{3,}'), '[A-Z0-9]{2}\\b[a-z]{2,}x{2,}');
    assert.throws(() => forAnalysis('a(?=[^)]*\\))'), /unbounded/);
  });

  const regexes = [...regexLiterals(), ...builtRegexes()];

  it('finds the regular expressions of src/ and those the core builds', () => {
    assert.ok(regexes.length > 250, `only ${regexes.length} found`);
    assert.ok(regexes.some((r) => r.where === 'built at run time'), 'no regular expression built at run time was seen');
  });

  const byFile = new Map<string, Found[]>();
  for (const found of regexes) {
    const file = found.where.replace(/:\d+$/, '');
    byFile.set(file, [...(byFile.get(file) ?? []), found]);
  }
  for (const [file, list] of byFile) {
    it(`${file}: every regular expression is linear (recheck, automaton)`, () => {
      const failures: string[] = [];
      for (const { where, source, flags } of list) {
        let verdict: Verdict;
        try {
          verdict = recheck.checkSync(forAnalysis(source), flags, { checker: 'automaton', timeout: null });
        } catch (error) {
          failures.push(`${where} /${source}/${flags}: ${(error as Error).message}`);
          continue;
        }
        if (verdict.status !== 'safe') failures.push(`${where} /${source}/${flags}: ${verdict.status} ${verdict.complexity?.summary ?? verdict.error?.kind ?? ''} ${verdict.attack?.pattern ?? ''}`);
      }
      assert.deepStrictEqual(failures, []);
    });
  }

  // Wall-clock ratios with a wide margin: 16 times the size costs about 16 times the time; 8 times that is far below
  // the 256 of a quadratic pass, and the best of five runs keeps a busy machine from inflating one side.
  const best = (text: string) => {
    let fastest = Infinity;
    for (let i = 0; i < 5; i++) {
      const start = process.hrtime.bigint();
      analyzePlan(text);
      fastest = Math.min(fastest, Number(process.hrtime.bigint() - start));
    }
    return fastest;
  };
  for (const shape of SHAPES) {
    it(`a plan with ${shape.what} (${shape.name}) costs at most 8 times more per byte at 16 times the size`, () => {
      const small = shape.build(2 ** 11);
      const large = shape.build(2 ** 15);
      best(small);
      const ratio = best(large) / best(small);
      const bytes = large.length / small.length;
      assert.ok(ratio <= bytes * 8, `${shape.name}: ${bytes.toFixed(1)} times the bytes took ${ratio.toFixed(1)} times as long`);
    });
  }

  // Review loops (issue 18): the reader of findings and answers, on a review and a revision that grow.
  const loop = (review: string, revision: string): LoopFile[] => [
    { path: '01-a-plan.md', text: '# Acme Connector Rollout Plan\n' },
    { path: '02-a-review.md', text: review },
    { path: '03-a-revision.md', text: revision },
  ];
  const rows = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i + 1)).join('\n');
  const LOOP_SHAPES: { name: string; what: string; build(n: number): LoopFile[] }[] = [
    { name: 'loop-id-parens', what: 'a line of n ids each followed by `(`', build: (n) => loop('### P1-1 — x\n', 'P1-1 ('.repeat(n)) },
    { name: 'loop-id-chain', what: 'a line of n ids joined by `and`', build: (n) => loop('### P1-1 — x\n', `${'P1-1 and '.repeat(n)}P1-1 is fixed`) },
    { name: 'loop-table-rows', what: 'n findings in table rows answered in a status table', build: (n) => loop(`| Severity | Finding |\n|---|---|\n${rows(n, () => '| P2 | x |')}\n`, `| Finding | Status |\n|---|---|\n${rows(n, (i) => `| P2-${i} | fixed |`)}\n`) },
    { name: 'loop-wide-table', what: 'a status table with a wide header over many short rows', build: (n) => loop('### P1-1 — x\n', `|${' a |'.repeat(n / 2)}\n|${'---|'.repeat(n / 2)}\n${rows(n / 2, () => '| P1-1 | fixed |')}\n`) },
    { name: 'loop-unknown', what: 'n answers to ids no review raised', build: (n) => loop('### P1-1 — x\n', rows(n, (i) => `P3-${i} is fixed.`)) },
    { name: 'loop-headings', what: 'n finding headings and n delta sections', build: (n) => loop(rows(n, (i) => `### P2-${i} — x`), rows(n, (i) => `### Delta for P2-${i}\n**Outcome:** fixed.`)) },
  ];
  const bestLoop = (files: LoopFile[]) => {
    let fastest = Infinity;
    for (let i = 0; i < 5; i++) {
      const start = process.hrtime.bigint();
      readLoop(files);
      fastest = Math.min(fastest, Number(process.hrtime.bigint() - start));
    }
    return fastest;
  };
  const size = (files: LoopFile[]) => files.reduce((sum, f) => sum + f.text.length, 0);
  for (const shape of LOOP_SHAPES) {
    it(`a review loop with ${shape.what} (${shape.name}) costs at most 6 times more per byte at 16 times the size`, () => {
      const small = shape.build(2 ** 9);
      const large = shape.build(2 ** 13);
      bestLoop(small);
      const ratio = bestLoop(large) / bestLoop(small);
      const bytes = size(large) / size(small);
      assert.ok(ratio <= bytes * 6, `${shape.name}: ${bytes.toFixed(1)} times the bytes took ${ratio.toFixed(1)} times as long`);
    });
  }
});
