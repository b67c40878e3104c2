// Rewrites the README's screenshots (media/screenshots/*.png) as 256-colour indexed PNGs, about 40% of the
// size Chromium writes: the packaged README carries them inline, so their size is the extension page's size.
// Usage: node scripts/shrink-screenshots.mjs   (after `npm run screenshots`; already indexed files are left alone)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodePng, encodeIndexedPng, pngHeader } from './png.mjs';

const folder = fileURLToPath(new URL('../media/screenshots/', import.meta.url));

for (const name of readdirSync(folder).filter((n) => n.endsWith('.png')).sort()) {
  const bytes = readFileSync(folder + name);
  if (pngHeader(bytes)?.colorType === 3) continue;
  const smaller = encodeIndexedPng(decodePng(bytes));
  writeFileSync(folder + name, smaller);
  console.log(`media/screenshots/${name}: ${Math.round(bytes.length / 1024)} KB -> ${Math.round(smaller.length / 1024)} KB`);
}
