// Plans the editor benchmarks type in: the finished Stripe example grown to a number of lines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../harness/vscode-session.mjs';

/** The Stripe example with its phases repeated (renumbered) until it has about `lines` lines. */
export function planOfLines(lines) {
  const example = readFileSync(join(repoRoot, 'examples', 'stripe-billing-rollout-plan.md'), 'utf8');
  const start = example.indexOf('### Phase ', example.indexOf('## E)'));
  const end = example.indexOf('\n## F)', start) + 1;
  const part = example.slice(start, end);
  const partLines = part.split('\n').length - 1;
  const copies = Math.max(1, Math.round((lines - (example.split('\n').length - partLines)) / partLines));
  const grown = Array.from({ length: copies }, (_, n) => part.replace(/### Phase (\d+)/g, (_m, k) => `### Phase ${n * 10 + Number(k)}`)).join('');
  return example.slice(0, start) + grown + example.slice(end);
}

