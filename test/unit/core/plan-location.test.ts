import * as assert from 'node:assert/strict';
import { globFolder, planFolderForGlobs } from '../../../src/core';

describe('where a team template\'s plan goes', () => {
  it('reads the folder a "files" glob starts with; none when it starts with a pattern', () => {
    assert.equal(globFolder('docs/features/**/*.md'), 'docs/features');
    assert.equal(globFolder('./plans/*.md'), 'plans');
    assert.equal(globFolder('*.md'), '');
    assert.equal(globFolder('**/*.md'), undefined);
    assert.equal(globFolder('{a,b}/*.md'), undefined);
  });

  it('keeps the plans folder when a glob covers it, else the first glob folder that names the plan', () => {
    const names = (covered: string[]) => (relative: string) => covered.includes(relative);
    assert.equal(planFolderForGlobs(['docs/**/*.md'], 'x.md', names(['docs/connectors/x.md', 'docs/x.md']), 'docs/connectors'), 'docs/connectors');
    assert.equal(planFolderForGlobs(['a/*.md', 'b/**/*.md'], 'x.md', names(['b/x.md']), 'docs/connectors'), 'b');
    assert.equal(planFolderForGlobs(['**/*-feature.md'], 'x.md', names([]), 'docs/connectors'), undefined);
  });
});
