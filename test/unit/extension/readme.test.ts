import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { RULES } from '../../../src/core';
import { REPO_ROOT } from '../core/repo-paths';
import { manifest } from './manifest';

const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

/** The first cell (code span) of every row of the table under the heading `heading`. */
function firstColumn(heading: string): string[] {
  const start = readme.split('\n').indexOf(heading);
  assert.ok(start >= 0, `README has no "${heading}"`);
  const rows: string[] = [];
  for (const line of readme.split('\n').slice(start + 1)) {
    if (/^#{1,6} /.test(line)) break;
    const cell = /^\| (?:`([^`]+)`|\*\*([^*]+)\*\*) \|/.exec(line);
    if (cell) rows.push(cell[1] ?? cell[2]);
  }
  return rows;
}

describe('README (the extension page)', () => {
  it('keeps the quick start a reviewer runs', () => {
    assert.ok(readme.includes('npm ci && npm run build && npx connector-plan check examples'));
    assert.match(readme, /^npm test\b/m);
  });

  it('shows GitHub Actions both CI formats, and lists every format the CLI takes', async () => {
    assert.ok(readme.includes('connector-plan check --format github docs/connectors'));
    assert.ok(readme.includes('connector-plan status --format markdown >> "$GITHUB_STEP_SUMMARY"'));
    for (const [command, heading] of [['check', '### `connector-plan check [paths…]`'], ['status', '### `connector-plan status [paths…]`']]) {
      let help = '';
      await main({ argv: [command, '--help'], cwd: REPO_ROOT, stdout: { write: (text: string) => (help += text) }, stderr: { write: () => undefined } });
      const formats = /--format ([a-z|]+)\]/.exec(help)?.[1].split('|') ?? [];
      const section = readme.slice(readme.indexOf(heading), readme.indexOf('\n### ', readme.indexOf(heading) + 1));
      for (const format of formats) assert.match(section, new RegExp(`\\b${format}\\b`), `README's ${command} section does not name --format ${format}`);
      assert.ok(formats.length >= 3, help);
    }
  });

  it('lists every snippet prefix, in the order the snippets file has them', () => {
    const snippets = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'snippets', 'connector-plan.code-snippets'), 'utf8')) as Record<string, { prefix: string }>;
    assert.deepEqual(firstColumn('### Snippets'), Object.values(snippets).map((s) => s.prefix));
  });

  it('lists every command of the command palette', () => {
    const hidden = new Set(manifest.contributes.menus.commandPalette.filter((m: { when?: string }) => m.when === 'false').map((m: { command: string }) => m.command));
    const titles = manifest.contributes.commands.filter((c: { command: string }) => !hidden.has(c.command)).map((c: { title: string }) => c.title);
    assert.deepEqual(firstColumn('### Commands').sort(), titles.sort());
  });

  it('lists every setting, and every rule', () => {
    assert.deepEqual(firstColumn('### Settings'), Object.keys(manifest.contributes.configuration.properties));
    assert.deepEqual(firstColumn('## What it checks'), RULES.map((r) => r.id));
  });

  it('links only to files that exist and to its own headings', () => {
    const slugs = new Set(readme.split('\n').filter((l) => /^#{1,6} /.test(l)).map((l) => l.replace(/^#+ /, '').toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-')));
    const prose = readme.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');
    for (const [, target] of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^https?:/.test(target)) continue;
      if (target.startsWith('#')) assert.ok(slugs.has(target.slice(1)), `no heading for ${target}`);
      else assert.ok(fs.existsSync(path.join(REPO_ROOT, target.split('#')[0])), `${target} does not exist`);
    }
  });
});
