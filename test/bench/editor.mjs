// npm run bench:editor: in the real VS Code, the time from a keystroke to the plan's new diagnostics beyond the lint
// delay, on plans of about 100, 1,000 and 2,000 lines (the finished Stripe example, its phases repeated); then the
// Plans view's first and all rows against the CLI's `status` (npm run bench:workspace).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../harness/vscode-session.mjs';
import { planOfLines } from './plans.mjs';
import { runBenchSuite } from './run-suite.mjs';

const SIZES = [100, 1000, 2000];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const dir = mkdtempSync(join(tmpdir(), 'connector-plan-bench-editor-'));
try {
  for (const lines of SIZES) writeFileSync(join(dir, `plan-${lines}.md`), planOfLines(lines));
  const { lintDelay, results } = await runBenchSuite({ name: 'bench-editor', folder: dir, suitePath: join(repoRoot, 'out', 'test', 'bench', 'editor-keystroke'), marker: 'editor-keystroke' });
  console.log(`keystroke -> diagnostics in the real VS Code, beyond the ${lintDelay} ms lint delay (medians of ${results[0]?.beyondDelay.length} keystrokes; goal <= 50 ms on 2,000 lines). Each figure, then: until the edit is applied (VS Code's own round trip), until the extension host hears of the change, and from there to the analysis of that version beyond the delay (the extension's part):`);
  for (const { lines, beyondDelay, detail } of results) console.log(`  ${lines} lines: ${median(beyondDelay).toFixed(0)} ms (${(median(beyondDelay) / lintDelay).toFixed(2)} of the lint delay)${Object.keys(detail ?? {}).length ? `; ${Object.entries(detail).map(([k, v]) => `${k} ${v.toFixed(1)} ms`).join(', ')}` : ''}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
