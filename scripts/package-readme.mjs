// Writes the README the .vsix carries (dist/README.md), which the Extensions view shows on the installed
// extension's page. That page renders it in a webview whose images may only be https: or data: URLs, and
// whose links only open http(s) and mailto: so the screenshots go inline as data: URLs, and links to files
// of this repository (rule pages, CONTRIBUTING.md) become their plain text. The page is for people who installed the
// extension: the sections about building this repository and running its tests (REPOSITORY_ONLY) are left out.
// Usage: node scripts/package-readme.mjs   (run by `npm run package`, which passes --readme-path dist/README.md)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PACKAGED_README = 'dist/README.md';

const IMAGE_TYPES = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' };
const isRelative = (target) => !/^([a-z][a-z0-9+.-]*:|#)/i.test(target);

/** Level-2 sections of the README that are about this repository, not about using the extension. */
export const REPOSITORY_ONLY = ['Quick start', 'Contributing'];

/**
 * `text` without its level-2 sections titled `titles` (each up to the next level-2 heading outside a code fence) and
 * without its passages marked repository-only.
 */
function withoutSections(text, titles) {
  const out = [];
  let fence = false;
  let skipping = false;
  let passage = false;
  for (const line of text.split('\n')) {
    if (/^(```|~~~)/.test(line)) fence = !fence;
    if (!fence && /^## /.test(line)) skipping = titles.includes(line.slice(3).trim());
    // A passage between `<!-- repository-only -->` and `<!-- /repository-only -->` is left out too.
    if (!fence && line.trim() === '<!-- repository-only -->') passage = true;
    if (!skipping && !passage) out.push(line);
    if (!fence && line.trim() === '<!-- /repository-only -->') passage = false;
  }
  return out.join('\n');
}

/** The repository README as the installed extension's page needs it; `readFile(path)` reads a repository file. */
export function packagedReadme(readme, readFile) {
  const text = withoutSections(readme, REPOSITORY_ONLY);
  const images = [];
  const withImages = text.replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (all, alt, target) => {
    if (!isRelative(target)) return all;
    const type = IMAGE_TYPES[target.split('.').pop().toLowerCase()];
    if (!type) throw new Error(`README image ${target}: only ${Object.keys(IMAGE_TYPES).join(', ')} can be inlined (vsce refuses SVG)`);
    const bytes = readFile(target);
    images.push({ path: target, bytes: bytes.length });
    return `![${alt}](data:${type};base64,${bytes.toString('base64')})`;
  });
  // Links, not images (no `!` before them); fenced code blocks are left as written.
  const withLinks = withImages
    .split(/(^```[^\n]*\n[\s\S]*?^```$)/m)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(?<!!)\[([^\]]+)\]\(([^)\s]+)\)/g, (all, label, target) => (isRelative(target) ? label : all))))
    .join('');
  return { text: withLinks, images };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const { text, images } = packagedReadme(readFileSync(`${root}README.md`, 'utf8'), (path) => readFileSync(root + path));
  mkdirSync(`${root}dist`, { recursive: true });
  writeFileSync(root + PACKAGED_README, text);
  console.log(`${PACKAGED_README}: ${Math.round(Buffer.byteLength(text) / 1024)} KB, ${images.length} images inline (${images.map((i) => `${i.path} ${Math.round(i.bytes / 1024)} KB`).join(', ')})`);
}
