// npm run bench:adversarial: each hostile shape at doubling sizes; the check's growth per doubling and its ratio to
// markdown-it's parse of the same file. BENCH_SHAPES=a,b picks shapes, BENCH_MAX_K the largest size (2^k units).
import MarkdownIt from 'markdown-it';
import { analyzePlan } from '../../src/core';
import { SHAPES } from './adversarial-shapes';

const md = new MarkdownIt('default', { html: true });
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const minK = Number(process.env.BENCH_MIN_K ?? 10);
const maxK = Number(process.env.BENCH_MAX_K ?? 17);
/** A shape stops growing once one check takes this long, or the next would be predicted to take 8 times it. */
const budgetMs = Number(process.env.BENCH_BUDGET_MS ?? 2000);
const picked = process.env.BENCH_SHAPES?.split(',');

/** `node --expose-gc` (as `npm run bench:adversarial` runs it): a full collection before each timed run, so no run pays for the garbage of the one before. */
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function timeOnce(run: () => void): number {
  collect();
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

interface Point {
  bytes: number;
  check: number;
  parse: number;
}

/** Medians of interleaved runs; one run only when a single check is already slow. */
function measure(text: string): Point {
  const first = timeOnce(() => analyzePlan(text));
  const n = first > 200 ? 1 : rounds;
  const checks: number[] = first > 200 ? [first] : [];
  const parses: number[] = [];
  for (let i = 0; i < n; i++) {
    parses.push(timeOnce(() => md.parse(text, {})));
    if (first <= 200) checks.push(timeOnce(() => analyzePlan(text)));
  }
  return { bytes: text.length, check: median(checks), parse: median(parses) };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

function main(): void {
  console.log('| shape | what grows | largest plan | check | markdown-it | growth per doubling of bytes | growth of markdown-it | check / markdown-it |');
  console.log('|---|---|---|---|---|---|---|---|');
  let worstGrowth = 0;
  let worstRatio = 0;
  for (const shape of SHAPES) {
    if (picked && !picked.includes(shape.name)) continue;
    const points: Point[] = [];
    for (let k = minK; k <= maxK; k++) {
      const point = measure(shape.build(2 ** k));
      points.push(point);
      const last = points[points.length - 2];
      const growth = last ? point.check / last.check : 2;
      if (point.check > budgetMs || point.check * Math.max(2, growth) > budgetMs * 8) break;
    }
    const end = points[points.length - 1];
    // Growth per doubling of the plan's bytes over the last two sizes (one when only two ran): steadier than one step
    // of small times, and honest for shapes whose bytes grow faster than n (nested lists grow as depth²).
    const back = points.length >= 3 ? 2 : 1;
    const from = points[points.length - 1 - back];
    const growth = points.length > 1 ? (end.check / from.check) ** (1 / Math.log2(end.bytes / from.bytes)) : NaN;
    // markdown-it's own growth over the same sizes: where the heap outgrows a tier, the parse grows faster too.
    const parseGrowth = points.length > 1 ? (end.parse / from.parse) ** (1 / Math.log2(end.bytes / from.bytes)) : NaN;
    const ratio = end.check / end.parse;
    worstGrowth = Math.max(worstGrowth, growth);
    worstRatio = Math.max(worstRatio, ratio);
    const row = `| ${shape.name} | ${shape.what} | ${kib(end.bytes)} | ${end.check.toFixed(1)} ms | ${end.parse.toFixed(1)} ms | ${growth.toFixed(2)}× | ${parseGrowth.toFixed(2)}× | ${ratio.toFixed(2)} |`;
    console.log(row);
  }
  console.log(`\nworst growth per doubling: ${worstGrowth.toFixed(2)}× (goal <= 2.2), worst ratio to markdown-it: ${worstRatio.toFixed(2)} (goal <= 4)`);
}

if (require.main === module) main();
