import * as assert from 'node:assert/strict';
import picomatch from 'picomatch';
import { globFolder, planFolderForGlobs, planPlaceInConfig, type TemplatePlaces } from '../../../src/core';

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

  describe('planPlaceInConfig: the one decision New Connector Plan, `new --template` and new_plan make', () => {
    const matches = (relative: string, globs: readonly string[]) => globs.length > 0 && picomatch([...globs], { dot: true })(relative);
    const place = (config: TemplatePlaces<string>, template: string) => planPlaceInConfig(config, (t) => t === template, 'x-plan.md', matches, 'docs/connectors');

    it('writes a `templates` entry\'s plan where its glob covers it, never where an earlier entry claims it', () => {
      const config = { files: [], templates: [{ files: ['docs/**/*.md'], template: 'wide.md' }, { files: ['docs/features/**/*.md'], template: 'feature.md' }] };
      assert.deepEqual(place(config, 'wide.md'), { folder: 'docs/connectors' });
      assert.deepEqual(place(config, 'feature.md'), { uncovered: ['docs/features/**/*.md'] });
      assert.deepEqual(place({ files: [], templates: [{ files: ['docs/features/**/*.md'], template: 'feature.md' }] }, 'feature.md'), { folder: 'docs/features' });
      assert.deepEqual(place({ files: [], templates: [{ files: ['**/*-feature.md'], template: 'feature.md' }] }, 'feature.md'), { uncovered: ['**/*-feature.md'] });
    });

    it('writes the single `template`\'s plan where the config\'s `files` cover it and no `templates` entry claims it', () => {
      assert.deepEqual(place({ files: ['docs/features/**/*.md'], template: 'team.md', templates: [] }, 'team.md'), { folder: 'docs/features' });
      assert.deepEqual(place({ files: ['docs/**/*.md'], template: 'team.md', templates: [] }, 'team.md'), { folder: 'docs/connectors' });
      assert.deepEqual(place({ files: ['**/*-feature.md'], template: 'team.md', templates: [] }, 'team.md'), { uncovered: ['**/*-feature.md'] });
      assert.deepEqual(place({ files: ['docs/**/*.md', 'plans/*.md'], template: 'team.md', templates: [{ files: ['docs/**/*.md'], template: 'other.md' }] }, 'team.md'), { folder: 'plans' });
      // No `files`: every file under the config is a plan of it, the plans folder included.
      assert.deepEqual(place({ files: [], template: 'team.md', templates: [] }, 'team.md'), { folder: 'docs/connectors' });
      assert.deepEqual(planPlaceInConfig({ files: [], template: 'team.md', templates: [] }, (t) => t === 'team.md', 'x-plan.md', matches), { free: true });
    });

    it('has nothing to say about a template the config does not name', () => {
      assert.equal(place({ files: ['docs/**/*.md'], template: 'team.md', templates: [{ files: ['a/*.md'], template: 'a.md' }] }, 'elsewhere.md'), undefined);
    });
  });
});
