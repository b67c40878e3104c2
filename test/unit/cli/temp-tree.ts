import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** A fixture folder's files by relative path, its oracles (`*.expected.json`) left out. */
export function fixtureTree(folder: string): Record<string, Uint8Array> {
  const tree: Record<string, Uint8Array> = {};
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), relative);
      else if (!entry.name.endsWith('.expected.json')) tree[relative] = readFileSync(path.join(dir, entry.name));
    }
  };
  walk(folder, '');
  return tree;
}

/** `tree` in a fresh temp folder that is a repository of its own (a `.git` at its root), as `check` finds one. */
export function makeTempRepository(tree: Tree): string {
  const root = makeTempTree(tree);
  mkdirSync(path.join(root, '.git'));
  return root;
}
