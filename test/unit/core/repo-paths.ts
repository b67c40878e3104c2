import * as path from 'node:path';

/** The repository root, from the compiled test's folder (out/test/unit/core). */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const CORPUS = path.resolve(REPO_ROOT, '../shared/corpus');
