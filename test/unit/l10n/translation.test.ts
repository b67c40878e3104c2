import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from '../cli/run-cli';
import { REPO_ROOT } from '../core/repo-paths';

const L10N = path.join(REPO_ROOT, 'l10n');
const bundleOf = (lang: string) => JSON.parse(readFileSync(path.join(L10N, `bundle.l10n.${lang}.json`), 'utf8')) as Record<string, string>;

describe('translations', () => {
  let languages: string[] = [];
  let problemsOf: (root: string, lang: string) => string[];

  before(async () => {
    const check = await import(pathToFileURL(path.join(REPO_ROOT, 'scripts', 'check-translation.mjs')).href);
    languages = check.translatedLanguages(REPO_ROOT);
    problemsOf = check.translationProblems;
  });

  it('include one complete translation: German', () => {
    assert.ok(languages.includes('de'), `translations: ${languages.join(', ')}`);
  });

  it('are complete and keep what must not be translated: placeholders, code, ids, options, help layout', () => {
    for (const lang of languages) assert.deepEqual(problemsOf(REPO_ROOT, lang), [], `${lang}: run \`node scripts/check-translation.mjs ${lang}\``);
  });

  it('ship in the extension package', () => {
    const ignore = readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8').split(/\r?\n/);
    for (const lang of languages) {
      assert.ok(ignore.includes(`!l10n/bundle.l10n.${lang}.json`), `.vscodeignore leaves out l10n/bundle.l10n.${lang}.json`);
      assert.ok(ignore.includes(`!package.nls.${lang}.json`), `.vscodeignore leaves out package.nls.${lang}.json`);
    }
  });

  it('make the CLI speak German for LANG=de_DE.UTF-8, finding messages included, and English again without it', async () => {
    const plan = path.join('examples', 'hubspot-rollout-plan.md');
    const english = await runCli(['check', plan], { cwd: REPO_ROOT, env: {}, l10nFolder: L10N });
    const german = await runCli(['check', plan], { cwd: REPO_ROOT, env: { LANG: 'de_DE.UTF-8' }, l10nFolder: L10N });
    const de = bundleOf('de');
    const empty = de['"{0}" is empty: write its value after the label or on the lines under it.'];
    assert.ok(empty, 'the empty-field message is translated');
    assert.match(english.stdout, /"Plan\/tier constraints" is empty: write its value after the label/);
    assert.ok(german.stdout.includes(empty.replace('{0}', 'Plan/tier constraints')), german.stdout.slice(0, 400));
    assert.equal(german.code, english.code);
    assert.equal(german.stdout.split('\n').length, english.stdout.split('\n').length, 'one line per finding in both');
    const usage = await runCli(['check', '--bogus'], { cwd: REPO_ROOT, env: { LC_ALL: 'de_DE.UTF-8', LANG: 'en_US.UTF-8' }, l10nFolder: L10N });
    assert.match(usage.stderr, /Unbekannte Option „--bogus“/);
    const again = await runCli(['check', plan], { cwd: REPO_ROOT, env: { LANG: 'C' }, l10nFolder: L10N });
    assert.equal(again.stdout, english.stdout);
  });
});
