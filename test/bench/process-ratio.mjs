// npm run bench:process: the whole CLI process on a ~2 MB plan, as a ratio to a bare markdown-it parse process.
// Small-plan runs are subtracted on both sides, so node's start-up and module loading cancel out.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(root, 'dist/cli.js');
const markdownIt = createRequire(join(root, 'package.json')).resolve('markdown-it');
// The measure is 7 rounds; BENCH_ROUNDS=21 gives a steadier read on a noisy machine.
const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
const targetBytes = 2 * 1024 * 1024;

/** The finished example with its `### Phase …` sub-sections repeated (renumbered) until the file weighs ~`targetBytes`. */
function bigPlan(text) {
  const start = text.indexOf('## E) Delivery Phases\n');
  const end = text.indexOf('\n## F)', start);
  const section = text.slice(start, end + 1);
  const phases = section.split(/^(?=### Phase )/m).slice(1).map((p) => p.replace(/^### Phase \d+:/, '').replace(/\n*$/, '\n\n'));
  const out = [];
  for (let n = 0, size = Buffer.byteLength(text) - Buffer.byteLength(section); size < targetBytes; n++) {
    const phase = `### Phase ${n + 1}:${phases[n % phases.length]}`;
    out.push(phase);
    size += Buffer.byteLength(phase);
  }
  return text.slice(0, start) + '## E) Delivery Phases\n' + out.join('') + text.slice(end + 1);
}

// A fresh process per run, timed from spawn to exit: that is what a CI job pays.
function timeProcess(args, okStatuses = [0]) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  // A crashed or unreadable-input run would time the wrong thing, so that is an error, unlike a missed target.
  if (result.error || !okStatuses.includes(result.status)) throw new Error(`${args.join(' ')} failed (${result.status}): ${result.error ?? result.stderr}`);
  return ms;
}

// Exit 1 means "findings over the threshold", which is still a full check.
const check = (file) => timeProcess([cli, 'check', file, '--format', 'json'], [0, 1]);
const parseScript = 'const MarkdownIt = require(process.argv[1]); new MarkdownIt().parse(require("fs").readFileSync(process.argv[2], "utf8"), {});';
const parse = (file) => timeProcess(['-e', parseScript, markdownIt, file]);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const dir = mkdtempSync(join(tmpdir(), 'connector-plan-bench-'));
try {
  const small = join(dir, 'small-rollout-plan.md');
  const big = join(dir, 'big-rollout-plan.md');
  const text = readFileSync(join(root, 'examples/stripe-billing-rollout-plan.md'), 'utf8');
  writeFileSync(small, text);
  writeFileSync(big, bigPlan(text));
  const jobs = { checkSmall: () => check(small), checkBig: () => check(big), parseSmall: () => parse(small), parseBig: () => parse(big) };
  const times = Object.fromEntries(Object.keys(jobs).map((k) => [k, []]));
  // Interleaved, reversing the order every other round, so drift and cache warmth weigh on all four alike.
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? Object.keys(jobs).reverse() : Object.keys(jobs);
    for (const name of order) times[name].push(jobs[name]());
  }
  const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
  const bigKiB = (Buffer.byteLength(readFileSync(big)) / 1024).toFixed(0);
  console.log(`plans: small ${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB, big ${bigKiB} KiB (medians of ${rounds} interleaved runs)`);
  const ratio = (m.checkBig - m.checkSmall) / (m.parseBig - m.parseSmall);
  console.log(`process ratio: ${ratio.toFixed(2)} (check 2 MB ${m.checkBig.toFixed(2)} ms − small ${m.checkSmall.toFixed(2)} ms) / (parse 2 MB ${m.parseBig.toFixed(2)} ms − small ${m.parseSmall.toFixed(2)} ms); target ≤ 1.5`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
