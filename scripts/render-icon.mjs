// Renders media/icon.svg to media/icon.png (128×128, the extension's icon) with the Chromium the tests drive.
// Usage: node scripts/render-icon.mjs   (commit both files; the packaging test checks the PNG's size)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../test/harness/install-vscode.mjs';

const SIZE = 128;
const root = fileURLToPath(new URL('..', import.meta.url));
const svg = readFileSync(`${root}media/icon.svg`, 'utf8');

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const png = await page.locator('svg').screenshot({ omitBackground: true });
  writeFileSync(`${root}media/icon.png`, png);
  console.log(`media/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`);
} finally {
  await browser.close();
}
