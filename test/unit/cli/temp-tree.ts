import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** Files by relative path; a string is written as UTF-8, bytes as they are. */
export type Tree = Record<string, string | Uint8Array>;

const made: string[] = [];

/** A fresh temp folder holding `tree`; removed by removeTempTrees(). */
export function makeTempTree(tree: Tree = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), 'connector-plan-cli-'));
  made.push(root);
  for (const [relative, content] of Object.entries(tree)) {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}

export function removeTempTrees(): void {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
}
