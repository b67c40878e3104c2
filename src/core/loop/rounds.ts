// The rounds of a review loop by their file names: `03-codex-review.md` is round 3, a review; `FINAL-PLAN.md` the final.

export type RoundKind = 'context' | 'proposal' | 'plan' | 'review' | 'revision' | 'final' | 'other';

/** Words of a round's file name that say its kind; the last such word wins (`02-claude-agent-plan`, `04-codex-re-review`). */
const NAME_KINDS: Record<string, RoundKind> = {
  context: 'context',
  background: 'context',
  brief: 'context',
  proposal: 'proposal',
  draft: 'proposal',
  rfc: 'proposal',
  plan: 'plan',
  review: 'review',
  rereview: 'review',
  audit: 'review',
  critique: 'review',
  revision: 'revision',
  revised: 'revision',
  answers: 'revision',
};

/** The file name without its folder. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? '';
}

export function isMarkdownName(name: string): boolean {
  return name.toLowerCase().endsWith('.md');
}

/** The number of a round's `NN-` prefix (`03-codex-review.md` -> 3), or undefined. */
export function roundNumber(name: string): number | undefined {
  const m = /^(\d{1,4})[-_ .]/.exec(name);
  return m && isMarkdownName(name) ? Number(m[1]) : undefined;
}

/** `FINAL-APPROVED-PLAN.md`, `FINAL-PLAN.md`, `final_plan.md`: FINAL*PLAN*.md. */
export function isFinalName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('final') && lower.indexOf('plan', 5) >= 0 && isMarkdownName(name);
}

/** The kind a round's file name says, or undefined when no word of it does (`03-claude-response.md`, `01-install.md`). */
export function kindByName(name: string): RoundKind | undefined {
  if (isFinalName(name)) return 'final';
  const words = name.toLowerCase().replace(/\.md$/, '').split(/[^a-z0-9]+/);
  let kind: RoundKind | undefined;
  for (let i = 0; i < words.length; i++) {
    // `re-review` is two words in the name and one kind.
    const word = words[i] === 're' && words[i + 1] === 'review' ? 'rereview' : words[i];
    kind = NAME_KINDS[word] ?? kind;
  }
  return kind;
}

/** `03-codex-review.md`, `FINAL-PLAN.md`: a name a round or a final plan of a review loop has (only these files are read for a loop). */
export function isLoopFileName(name: string): boolean {
  return roundNumber(name) !== undefined || isFinalName(name);
}
