import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../core/repo-paths';

const read = (file: string) => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));

/** package.json as written: its user-facing strings are `%key%` references. */
export const rawManifest = read('package.json');
/** package.nls.json: the English texts of those references. */
export const manifestNls: Record<string, string> = read('package.nls.json');

/** `value` with every `%key%` string in it replaced by its text from `nls`, as VS Code does; a missing key throws. */
export function localize<T>(value: T, nls: Record<string, string> = manifestNls): T {
  if (Array.isArray(value)) return value.map((v) => localize(v, nls)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localize(v, nls)])) as T;
  const key = typeof value === 'string' ? /^%([^%\s]+)%$/.exec(value)?.[1] : undefined;
  if (key === undefined) return value;
  if (!(key in nls)) throw new Error(`package.json names %${key}%, which package.nls.json does not have`);
  return nls[key] as T;
}

/** package.json as VS Code shows it in English. */
export const manifest = localize(rawManifest);
