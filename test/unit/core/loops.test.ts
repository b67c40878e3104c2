import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readLoop, type LoopFile } from '../../../src/core';
import { REPO_ROOT } from './repo-paths';

// Review-loop fixtures (test/fixtures/loops/<name>/): a planning folder with loop.expected.json saying what the loop
// reader must find there (rounds, findings, statuses, open counts, final verdict). Written without reading src/.

const ROOT = path.join(REPO_ROOT, 'test/fixtures/loops');

/**
 * Fields of a fixture the reader does not yet read as the oracle does, as `<folder> <field>`, with the reason.
 * Strict: an entry that starts agreeing fails here until it is taken off, so the list only shrinks.
 */
const NOT_YET: Record<string, string> = {};

const FIELDS = ['folder', 'isLoop', 'name', 'stage', 'rounds', 'findings', 'open', 'final', 'unknownAnswers'] as const;

/** The markdown files of a fixture folder, as the CLI hands them in: name and text. */
export function loopFiles(folder: string): LoopFile[] {
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ path: name, text: fs.readFileSync(path.join(folder, name), 'utf8') }));
}

describe('review loops (test/fixtures/loops)', () => {
  const folders = fs.readdirSync(ROOT, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

  it('has fixtures, and NOT_YET names only fixtures and fields that exist', () => {
    assert.ok(folders.length >= 9);
    for (const key of Object.keys(NOT_YET)) {
      const [folder, field] = key.split(' ');
      assert.ok(folders.includes(folder) && (FIELDS as readonly string[]).includes(field), `NOT_YET: ${key}`);
    }
  });

  for (const folder of folders) {
    const expected = JSON.parse(fs.readFileSync(path.join(ROOT, folder, 'loop.expected.json'), 'utf8')) as Record<string, unknown>;
    describe(folder, () => {
      const reading = readLoop(loopFiles(path.join(ROOT, folder)), { folder }) as unknown as Record<string, unknown>;
      for (const field of FIELDS) {
        if (!(field in expected)) continue;
        const key = `${folder} ${field}`;
        it(`${field} is as the oracle says${NOT_YET[key] ? ' (not yet)' : ''}`, () => {
          if (!NOT_YET[key]) {
            assert.deepEqual(reading[field], expected[field]);
            return;
          }
          assert.notDeepEqual(reading[field], expected[field], `${key} now agrees with the oracle: take it off NOT_YET`);
        });
      }
      if (expected.isLoop === false) {
        it('has no rounds, findings or verdict', () => assert.deepEqual(Object.keys(reading).sort(), ['folder', 'isLoop', 'reason']));
      }
    });
  }
});
