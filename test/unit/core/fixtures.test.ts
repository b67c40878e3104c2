import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzePlan, buildSchema, mightBePlan, type TemplateSchema } from '../../../src/core';
import { REPO_ROOT } from './repo-paths';

interface Expected {
  isPlan: boolean;
  findings: string[];
  verdict?: string;
  goNoGo?: string;
  /** Status of the template sections the fixture is sure of (`complete`, `partial`, `empty`, `missing`). */
  sections?: Record<string, string>;
  /** Checked as a plan whatever it looks like, as a `files` glob of `.connector-plan.json` makes it. */
  assumePlan?: boolean;
  /** What the file is when nothing makes it a plan (`template` for a blank copy of the template). */
  kindOnItsOwn?: string;
  note?: string;
}

const byLine = (a: string, b: string) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b);

/** Every fixture plan next to its `.expected.json`: adding a case is adding two files. */
function cases(folder: string, expectedFolder = folder): [string, string][] {
  return fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.md'))
    .map((f) => [path.join(folder, f), path.join(expectedFolder, f.replace(/\.md$/, '.expected.json'))] as [string, string])
    .filter(([, expected]) => fs.existsSync(expected));
}

/** Checks one fixture against its expected file, with the built-in template or a team's. */
function checkFixture(file: string, expectedFile: string, schema?: TemplateSchema): void {
  const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8')) as Expected;
  const text = new TextDecoder('utf-8').decode(fs.readFileSync(file));
  const report = analyzePlan(text, { schema, assumePlan: expected.assumePlan });
  assert.equal(report.isPlan, expected.isPlan, 'isPlan');
  if (expected.kindOnItsOwn) assert.equal(analyzePlan(text, { schema }).kind, expected.kindOnItsOwn, 'kind without a files glob');
  if (report.isPlan) assert.ok(mightBePlan(text, schema), 'the cheap pre-test must never turn a plan away');
  const actual = report.findings.map((f) => `${f.range.start.line + 1} ${f.ruleId}`).sort(byLine);
  assert.deepEqual(actual, [...expected.findings].sort(byLine), expected.note);
  if (expected.isPlan) {
    const { verdict, checked, total } = report.progress!.goNoGo;
    assert.equal(`${verdict} ${checked}/${total}`, `${expected.verdict} ${expected.goNoGo}`);
    const statuses = Object.fromEntries(Object.keys(expected.sections ?? {}).map((id) => {
      const section = report.progress!.sections.find((s) => s.id === id);
      return [id, section ? section.status : 'not a template section'];
    }));
    assert.deepEqual(statuses, expected.sections ?? {}, 'section statuses');
  }
}

describe('fixture plans', () => {
  const all = [...cases(path.join(REPO_ROOT, 'test/fixtures/plans')), ...cases(path.join(REPO_ROOT, 'examples'), path.join(REPO_ROOT, 'examples/expected'))];

  it('has fixtures to walk', () => assert.ok(all.length >= 20, `only ${all.length} fixtures found`));

  for (const [file, expectedFile] of all) {
    it(path.relative(REPO_ROOT, file), () => checkFixture(file, expectedFile));
  }
});

describe('fixture plans of team templates', () => {
  const root = path.join(REPO_ROOT, 'test/fixtures/team-templates');
  for (const name of fs.readdirSync(root).filter((n) => fs.existsSync(path.join(root, n, 'template.md')))) {
    const folder = path.join(root, name);
    const schema = buildSchema(fs.readFileSync(path.join(folder, 'template.md'), 'utf8'));
    const all = cases(folder);
    it(`${name} has fixtures to walk`, () => assert.ok(all.length >= 5, `only ${all.length} fixtures in ${name}`));
    for (const [file, expectedFile] of all) {
      it(path.relative(REPO_ROOT, file), () => checkFixture(file, expectedFile, schema));
    }
  }
});
