import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../../../src/core';
import { REPO_ROOT } from '../core/repo-paths';

// What `npm run package` puts in the .vsix, listed by vsce itself (no packaging, no build needed).
const { listFiles, PackageManager } = require('@vscode/vsce') as typeof import('@vscode/vsce');

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const importScript = (name: string) => import(pathToFileURL(path.join(REPO_ROOT, 'scripts', name)).href);
const IMAGE_LIMIT = 100 * 1024;

describe('the packaged extension (.vsix)', function () {
  this.timeout(60_000);
  let files: Set<string>;
  let packaged: { text: string; images: { path: string; bytes: number }[] };
  let PACKAGED_README: string;
  let pngHeader: (bytes: Buffer) => { width: number; height: number; colorType: number } | undefined;

  before(async () => {
    ({ pngHeader } = await importScript('png.mjs'));
    const readme = await importScript('package-readme.mjs');
    PACKAGED_README = readme.PACKAGED_README;
    packaged = readme.packagedReadme(fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8'), (file: string) => fs.readFileSync(path.join(REPO_ROOT, file)));
    // vsce passes readmePath on to its file collection, though its typings leave it out of listFiles' options.
    const options = { cwd: REPO_ROOT, packageManager: PackageManager.None, readmePath: PACKAGED_README } as Parameters<typeof listFiles>[0];
    files = new Set(await listFiles(options));
  });

  it('is packaged with the README made for the Extensions view', () => {
    const script: string = manifest.scripts.package;
    assert.match(script, /node scripts\/package-readme\.mjs && vsce package /);
    assert.ok(script.includes(`--readme-path ${PACKAGED_README}`), script);
    assert.ok(!files.has('README.md'), "the repository's README would be a second readme.md in the package");
  });

  it("is a page for the extension's users: what it does, then VS Code; no building or testing this repository", () => {
    const headings = packaged.text.split('\n').filter((line: string) => /^## /.test(line));
    assert.equal(headings[0], '## In VS Code', headings.join(' | '));
    assert.ok(!headings.includes('## Quick start') && !headings.includes('## Contributing'), headings.join(' | '));
    assert.doesNotMatch(packaged.text, /npm test|npm run package|repository-only/);
    assert.match(packaged.text, /^# Connector Plan\n\nWrite \*\*Connector Rollout Plans\*\* without gaps/);
    assert.ok(packaged.text.includes('## Command line: `connector-plan`'), 'the CLI section stays: users run it in CI');
  });

  it('has its icon, a 128×128 PNG', () => {
    assert.equal(manifest.icon, 'media/icon.png');
    assert.ok(files.has(manifest.icon));
    const header = pngHeader(fs.readFileSync(path.join(REPO_ROOT, manifest.icon)));
    assert.deepEqual(header && [header.width, header.height], [128, 128]);
  });

  it('has every file package.json names', () => {
    const walkthroughMedia = manifest.contributes.walkthroughs.flatMap((w: { steps: { media: Record<string, unknown> }[] }) => w.steps.flatMap((step) => [step.media.svg, step.media.markdown, step.media.image].filter((m): m is string => typeof m === 'string')));
    assert.ok(walkthroughMedia.length >= 4, 'the walkthrough has media');
    const named = [manifest.main.replace(/^\.\//, ''), manifest.browser.replace(/^\.\//, ''), ...walkthroughMedia, manifest.icon, ...manifest.contributes.viewsContainers.activitybar.map((c: { icon: string }) => c.icon), ...manifest.contributes.snippets.map((s: { path: string }) => s.path.replace(/^\.\//, '')), ...manifest.contributes['markdown.previewStyles'].map((s: string) => s.replace(/^\.\//, ''))];
    // dist/ is built by `npm run build`, which the unit layer does not run: its file is checked by name only.
    const missing = named.filter((file) => !files.has(file) && !(file.startsWith('dist/') && !fs.existsSync(path.join(REPO_ROOT, file))));
    assert.deepEqual(missing, []);
  });

  it("has the manifest's strings and the extension's string bundle, without the pseudo-locale test files", () => {
    assert.equal(manifest.l10n, './l10n');
    for (const file of ['package.nls.json', 'l10n/bundle.l10n.json']) assert.ok(files.has(file), `${file} is not packaged`);
    assert.deepEqual([...files].filter((file) => file.includes('qps-ploc')), []);
  });

  it("has every rule's page, which a diagnostic opens", () => {
    for (const rule of RULES) assert.ok(files.has(`docs/rules/${rule.id}.md`), rule.id);
    assert.ok(files.has('docs/rules/README.md'));
  });

  it('has no sources, tests, scripts, source maps or contributor docs', () => {
    const unwanted = [...files].filter((file) => /^(src|test|scripts|out|examples|node_modules|\.vscode-test|\.ci)\//.test(file) || /\.(ts|map|mjs)$/.test(file) || file === 'CONTRIBUTING.md' || file === 'media/icon.svg' || file.startsWith('media/screenshots/'));
    assert.deepEqual(unwanted, []);
  });

  it("shows every image of its README: inline, small PNGs (the page loads no file of the extension)", () => {
    const sources = [...packaged.text.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)|<img[^>]*\ssrc=["']([^"']+)/g)].map((m) => m[1] ?? m[2]);
    assert.ok(sources.length >= 4, `only ${sources.length} images in the README`);
    for (const source of sources) {
      const match = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(source);
      assert.ok(match, `not an inline PNG: ${source.slice(0, 80)}`);
      const header = pngHeader(Buffer.from(match[1], 'base64'));
      assert.ok(header && header.width > 0 && header.height > 0, 'an inline image is not a PNG');
    }
    for (const image of packaged.images) assert.ok(image.bytes <= IMAGE_LIMIT, `${image.path} is ${Math.round(image.bytes / 1024)} KB: run \`node scripts/shrink-screenshots.mjs\``);
  });

  it('links its README only to its own headings and to web pages (the page opens nothing else)', () => {
    const outside = [...packaged.text.matchAll(/(?<!!)\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((target) => !/^(#|https:\/\/|mailto:)/.test(target));
    assert.deepEqual(outside, []);
  });
});
