// `node out/test/bench/one-side.js parse|check N [shape]`: one side of the benchmark, N times, for instruction counting
// (`npm run bench:instructions`), which is repeatable where wall-clock time on a busy machine is not. The shape is
// one of `npm run bench`'s (mixed by default).
import MarkdownIt from 'markdown-it';
import { analyzePlan } from '../../src/core';
import { forgetParsedPieces } from '../../src/core/markdown/blocks';
import { shapes } from './check-large-plan';

const [side, times, shape] = [process.argv[2], Number(process.argv[3] ?? 1), process.argv[4] ?? 'mixed'];
const { text, options } = shapes(1024 * 1024)[shape];
const md = new MarkdownIt('default', { html: true });
for (let i = 0; i < times; i++) {
  if (side === 'parse') md.parse(text, {});
  else {
    // Each check a first one: nothing of the text kept from the one before (as `npm run bench` times it).
    forgetParsedPieces();
    analyzePlan(text, options);
  }
}
