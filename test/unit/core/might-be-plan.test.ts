import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzePlan, inspectPlan, mightBePlan } from '../../../src/core';
import { REPO_ROOT } from './repo-paths';

const markdownIn = (folder: string) => (fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith('.md')).map((f) => path.join(folder, f)) : []);

/** Every plan the repository holds, and the shared corpus when it is there. */
const files = [
  ...markdownIn(path.join(REPO_ROOT, 'test/fixtures/plans')),
  ...markdownIn(path.join(REPO_ROOT, 'examples')),
  ...markdownIn(path.join(REPO_ROOT, 'test/workspace')),
  ...markdownIn(path.join(REPO_ROOT, '../shared/corpus')),
  path.join(REPO_ROOT, 'src/core/template/connector-rollout-plan.md'),
];

const withoutTitle = (text: string) => text.replace(/^# .*\r?\n/m, '');
/** The same plan in the shapes the parser also reads: no title, bold lines, setext, deeper headings, CRLF. */
const variants: Record<string, (text: string) => string> = {
  'as written': (text) => text,
  'without its title': withoutTitle,
  'headings as bold lines': (text) => withoutTitle(text).replace(/^#{2,3} (.*)$/gm, '**$1**'),
  'headings in setext form': (text) => text.replace(/^## (.*)$/gm, (_, title: string) => `${title}\n${'-'.repeat(title.length)}`),
  'headings one level deeper': (text) => withoutTitle(text).replace(/^(#{2,5}) /gm, '#$1 '),
  'CRLF line endings, no title': (text) => withoutTitle(text).replace(/\r?\n/g, '\r\n'),
  'markup in the title': (text) => text.replace(/^# (.*) Rollout Plan/m, '# $1 **Rollout**  _Plan_'),
};

describe('mightBePlan (the cheap pre-test)', () => {
  it('has plans to walk', () => assert.ok(files.length >= 25, `only ${files.length} files found`));

  for (const file of files) {
    it(`says maybe to ${path.relative(REPO_ROOT, file)} in every shape the analysis calls a plan`, () => {
      const text = new TextDecoder('utf-8').decode(fs.readFileSync(file));
      for (const [shape, make] of Object.entries(variants)) {
        const variant = make(text);
        const plans = [analyzePlan(variant).isPlan, inspectPlan(variant).report.isPlan];
        if (plans.some(Boolean)) assert.ok(mightBePlan(variant), `${shape}: a plan turned away`);
      }
    });
  }

  it('says maybe to a heading that names two sections, counted as two', () => {
    const text = ['## A) Business Goal', '- Why: x', '## B/C) Source and links', '- External system: Acme', '## D+E) Mapping and phases', '- onConflict strategy: upsert'].join('\n');
    assert.equal(mightBePlan(text), true);
  });

  it('says no to markdown that is plainly no plan, so a scan can skip it', () => {
    assert.equal(mightBePlan('# Meeting notes\n\n- Attendees: the team\n\n## Follow-ups\n\n- [ ] write the doc\n'), false);
    assert.equal(mightBePlan('# my-lib\n\nA small library.\n\n## Install\n\n    npm i my-lib\n\n## Usage\n\n```js\nrequire("my-lib")\n```\n'), false);
  });
});
