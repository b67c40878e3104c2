import assert from 'node:assert/strict';
import { isReadForFacts, type RepositoryIndex } from '../../../src/core/references';
import { repositoryLookup } from '../../../src/core/references/repository';
import { seededDraw } from './draw';

/**
 * The order the search for env var names reads files in, written the long way: the dotenv files first; then, for a
 * name not found yet, the files not read yet whose path (in lower case) holds a word of the name (a word of three
 * letters or more, in at most a quarter of the paths), those holding the most words first, then dotenv, config and CI
 * files, then the list's order; then every other file, dotenv, config and CI first, until the name is found.
 */
function expectedReads(files: string[], texts: Map<string, string>, names: string[]): string[] {
  const rank = (path: string) => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (name.startsWith('.env')) return 0;
    if (path.startsWith('.github/') || /\.(?:ya?ml|toml|ini|cfg|conf|json)$/i.test(name)) return 1;
    return 2;
  };
  const reads: string[] = [];
  const seen = new Set<number>();
  const known = new Set<string>();
  // Markdown and binary files are passed over, never read.
  const read = (at: number) => {
    if (seen.has(at)) return;
    seen.add(at);
    if (!isReadForFacts(files[at])) return;
    reads.push(files[at]);
    for (const word of texts.get(files[at])?.match(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g) ?? []) known.add(word);
  };
  const all = files.map((_, at) => at).sort((a, b) => rank(files[a]) - rank(files[b]) || a - b);
  for (const at of all) if (rank(files[at]) === 0) read(at);
  for (const name of names) {
    if (known.has(name)) continue;
    const words = [...new Set(name.toLowerCase().split('_'))]
      .map((word) => (word.length > 2 ? files.flatMap((file, at) => (file.toLowerCase().includes(word) ? [at] : [])) : []))
      .filter((holding) => holding.length * 4 <= files.length);
    const shared = files.map((_, at) => words.filter((holding) => holding.includes(at)).length);
    const near = files.map((_, at) => at).filter((at) => shared[at] > 0 && !seen.has(at));
    near.sort((a, b) => shared[b] - shared[a] || rank(files[a]) - rank(files[b]) || a - b);
    for (const at of near) {
      if (known.has(name)) break;
      read(at);
    }
    for (const at of all) {
      if (known.has(name)) break;
      read(at);
    }
  }
  return reads;
}

describe('the search for env var names (issue 19): which files it reads, in which order', () => {
  it('reads what the long way reads, in the same order, for drawn repositories and names', () => {
    const next = seededDraw(7);
    const folders = ['', 'src/', 'packages/acme-crm/src/', 'packages/acme-billing/', 'deploy/k8s/acme/', '.github/workflows/', 'apps/web/', 'packages/globex-crm/', 'lib/webhooks/'];
    const names = ['webhook', 'client', 'sync', 'index', 'config', 'secret', 'crm', 'mapping', 'api-key', 'deploy', '0042_users', 'README'];
    const extensions = ['.ts', '.yml', '.json', '.sql', '.md', '', '.toml'];
    const vars = ['ACME_CRM_WEBHOOK_SECRET', 'ACME_API_KEY', 'GLOBEX_CRM_CLIENT_ID', 'SYNC_CRON', 'DATABASE_URL', 'ACME_SYNC_INTERVAL', 'WEBHOOK_SIGNING_KEY', 'CRM_CLIENT_SECRET'];
    let compared = 0;
    for (let round = 0; round < 200; round++) {
      // Up to 300 files: more than one block of 32 in the bits the search counts with.
      const files = [...new Set(Array.from({ length: 5 + next(300) }, () => `${folders[next(folders.length)]}${next(25) ? '' : '.env.'}${names[next(names.length)]}${next(3) ? '' : next(50)}${extensions[next(extensions.length)]}`))].sort();
      const texts = new Map(files.map((file) => [file, next(12) ? 'const x = 1;\n' : `const y = process.env.${vars[next(vars.length)]};\n`]));
      const asked = Array.from({ length: 1 + next(4) }, () => (next(5) ? vars[next(vars.length)] : 'NOT_MENTIONED_ANYWHERE'));
      const reads: string[] = [];
      const index: RepositoryIndex = { files: () => files, read: (path) => (reads.push(path), texts.get(path)) };
      const lookup = repositoryLookup(index);
      for (const name of asked) lookup.mentions(name);
      assert.deepEqual(reads, expectedReads(files, texts, asked), `round ${round}: ${asked.join(', ')}`);
      compared += reads.length;
    }
    assert.ok(compared > 5000, `${compared} reads compared`);
  });
});
