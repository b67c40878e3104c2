// `node out/test/bench/one-side.js parse|check N`: one side of the benchmark, N times, for instruction counting
// (`npm run bench:instructions`), which is repeatable where wall-clock time on a busy machine is not.
import MarkdownIt from 'markdown-it';
import { analyzePlan } from '../../src/core';
import { largePlan } from './check-large-plan';

const [side, times] = [process.argv[2], Number(process.argv[3] ?? 1)];
const text = largePlan(1024 * 1024);
const md = new MarkdownIt('default', { html: true });
for (let i = 0; i < times; i++) {
  if (side === 'parse') md.parse(text, {});
  else analyzePlan(text);
}
