import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './repo-paths';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('architecture', () => {
  it('src/core imports no vscode, no Node built-in and nothing from the adapters', () => {
    const offenders: string[] = [];
    for (const file of sources(path.join(REPO_ROOT, 'src/core'))) {
      for (const [, spec] of fs.readFileSync(file, 'utf8').matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)) {
        if (spec === 'vscode' || spec.startsWith('node:') || /^(fs|path|os|process|child_process|url|util)$/.test(spec) || /\.\.\/(cli|extension)\b/.test(spec)) {
          offenders.push(`${path.relative(REPO_ROOT, file)}: ${spec}`);
        }
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('the CLI holds no rule logic: it never imports rule or parser modules directly', () => {
    const offenders = sources(path.join(REPO_ROOT, 'src/cli')).filter((f) => /core\/(rules|plan|markdown)\//.test(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(offenders, []);
  });
});
