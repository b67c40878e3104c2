import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseBlocks } from '../../../src/core/markdown/blocks';
import { REPO_ROOT } from './repo-paths';

/** Documents per property; `BLOCKS_RUNS=50000 npm run test:unit` searches harder. */
const RUNS = Number(process.env.BLOCKS_RUNS) || 3000;

/** The blocks of `text` read in one piece, and cut into as many pieces as parseBlocks may cut. */
function bothWays(text: string) {
  return { whole: parseBlocks(text, Infinity), pieces: parseBlocks(text, 1) };
}

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) markdownFiles(full, out);
    else if (entry.name.endsWith('.md')) out.push(full);
  }
  return out;
}

/** Lines that start, end or swallow blocks, and headings where a piece may be cut. */
const line = fc.constantFrom(
  '# Title',
  '## A) Business Goal',
  '### Phase 2: Sync',
  '####### not a heading',
  '#hashtag, not a heading',
  '##',
  '   ## indented heading',
  '',
  '',
  '',
  '   ',
  'Prose that goes on.',
  'Setext title',
  '===',
  '---',
  '- item',
  '  - nested item',
  '  continued in the item',
  '1. step',
  '   ```',
  '> quoted',
  '> ```',
  '```',
  '```ts',
  '````',
  '~~~',
  '    indented code',
  '<!-- a comment',
  '-->',
  '<!-- closed -->',
  '<pre>',
  '</pre>',
  '<div>',
  '</div>',
  '<?php',
  '?>',
  '<!DOCTYPE html>',
  '<![CDATA[',
  ']]>',
  '| a | b |',
  '|---|---|',
  '[ref]: https://example.com',
  'text\r',
);

/** A document of those lines, joined by any line break markdown reads. */
const document = fc
  .tuple(fc.array(line, { maxLength: 60 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([lines, eol]) => lines.join(eol));

describe('parseBlocks in pieces (a long document is cut before headings that follow a blank line)', () => {
  it('reads every markdown file of the repository exactly as in one piece', () => {
    const files = [...markdownFiles(path.join(REPO_ROOT, 'test/fixtures')), ...markdownFiles(path.join(REPO_ROOT, 'examples'))];
    assert.ok(files.length > 50, `only ${files.length} markdown files found`);
    for (const file of files) {
      const { whole, pieces } = bothWays(fs.readFileSync(file, 'utf8'));
      assert.deepStrictEqual(pieces, whole, path.relative(REPO_ROOT, file));
    }
  });

  it('reads any document of headings, blank lines, fences, HTML blocks, lists, quotes and tables as in one piece', () => {
    fc.assert(
      fc.property(document, (text) => {
        const { whole, pieces } = bothWays(text);
        assert.deepStrictEqual(pieces, whole);
      }),
      { numRuns: RUNS },
    );
  });

  it('reads a document edited again and again as in one piece, its unchanged pieces taken from the parse before', () => {
    // Lines removed and added anywhere: the pieces after an edit start on other lines (moved copies), those before on
    // the same (the same blocks); a fence opened or closed changes where the pieces end.
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.array(line, { maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 60 }), fc.array(edit, { minLength: 1, maxLength: 8 }), fc.constantFrom(1, 40), (lines, edits, size) => {
        const current = [...lines];
        assert.deepStrictEqual(parseBlocks(current.join('\n'), size), parseBlocks(current.join('\n'), Infinity));
        for (const [at, remove, insert] of edits) {
          current.splice(at % (current.length + 1), remove, ...insert);
          const text = current.join('\n');
          assert.deepStrictEqual(parseBlocks(text, size), parseBlocks(text, Infinity));
        }
      }),
      { numRuns: RUNS / 3 },
    );
  });

  it('a fence or comment left open before a heading swallows the rest, as markdown-it reads it', () => {
    for (const opening of ['```', '~~~~', '<!-- not closed', '<pre>', '<script>']) {
      const text = ['# Plan', '', opening, 'inside', '', '## A) Business Goal', '', '- Why: inside too', '', '## B) Source Model', ''].join('\n');
      const { whole, pieces } = bothWays(text);
      assert.deepStrictEqual(pieces, whole, opening);
      assert.equal(pieces.filter((b) => b.type === 'heading').length, 1, opening);
    }
  });

  it('cuts where it may: the same blocks, each heading found at its line', () => {
    const text = Array.from({ length: 400 }, (_, i) => `## Part ${i}\n\n- Field ${i}: value\n`).join('\n');
    const blocks = parseBlocks(text, 64);
    assert.deepStrictEqual(blocks, parseBlocks(text, Infinity));
    const headings = blocks.filter((b) => b.type === 'heading');
    assert.equal(headings.length, 400);
    headings.forEach((h, i) => assert.equal(text.split('\n')[h.startLine], `## Part ${i}`));
  });
});
