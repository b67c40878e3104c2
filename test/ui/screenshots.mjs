// Takes the README's screenshots (media/screenshots/*.png) in the real workbench: `npm run screenshots`.
// The workspace is a temporary folder holding the example plans, as a team's repository would, so the pictures
// show realistic plans and nothing of the test fixtures. Not part of `npm test`.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, shown, startVSCodeSession } from '../harness/vscode-session.mjs';
import { checkFile, progressText } from './cli-report.mjs';
import { activeTab, openFile, openWorkbench, rowLabelled, runCommand, showPlansView } from './workbench.mjs';

const LAYER = 'screenshots';
const OUT_DIR = join(repoRoot, 'media', 'screenshots');
const MAX_BYTES = 300 * 1024;
const PLAN = 'hubspot-rollout-plan.md';
const REPORT = checkFile(join(repoRoot, 'examples', PLAN));

/** A workspace like a team's: the example plans in docs/connectors, editor chrome kept out of the pictures. */
function makeWorkspace(root) {
  const folder = join(root, 'acme-connectors');
  const plans = join(folder, 'docs', 'connectors');
  mkdirSync(plans, { recursive: true });
  for (const file of readdirSync(join(repoRoot, 'examples')).filter((name) => name.endsWith('.md'))) copyFileSync(join(repoRoot, 'examples', file), join(plans, file));
  mkdirSync(join(folder, '.vscode'));
  writeFileSync(
    join(folder, '.vscode', 'settings.json'),
    JSON.stringify({
      'files.exclude': { '**/.vscode': true },
      'editor.minimap.enabled': false,
      'editor.cursorBlinking': 'solid',
      'git.openRepositoryInParentFolders': 'never',
    }),
  );
  return folder;
}

/** The plan open in the editor, checked: squiggles drawn and its progress in the status bar. */
async function openPlan(page) {
  await openFile(page, PLAN);
  await planShown(page);
}

/** The plan's editor as a person sees it once everything has loaded: highlighted, squiggled, in the status bar. */
async function planShown(page) {
  await page.locator('.monaco-editor .view-line span.mtkb', { hasText: '# HubSpot Connector Rollout Plan' }).waitFor();
  await page.locator('.monaco-editor .squiggly-warning').first().waitFor();
  await page.locator('.statusbar-item', { hasText: progressText(REPORT.progress) }).waitFor();
}

async function hideSideBar(page) {
  await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
  await page.locator('.part.sidebar').waitFor({ state: 'hidden' });
}

/** Drags the side bar's edge, as a person widens it to read long labels. */
async function widenSideBar(page, pixels) {
  const edge = await page.locator('.monaco-sash.vertical:not(.disabled)').first().boundingBox();
  const y = edge.y + edge.height / 2;
  await page.mouse.move(edge.x + edge.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(edge.x + edge.width / 2 + pixels, y, { steps: 10 });
  await page.mouse.up();
}

const SHOTS = {
  /** The Plans view: a plan expanded to its sections, gaps, phases and go/no-go checkboxes; a gap clicked. */
  async 'plans-view.png'(page) {
    const view = await showPlansView(page);
    await widenSideBar(page, 220);
    await view.locator('.monaco-list-row[aria-label^="HubSpot "]').locator('.monaco-tl-twistie').click();
    // Each row is expanded once the one before is shown: a click on a row the tree is still redrawing is lost.
    await view.locator('.monaco-list-row[aria-label^="B) Source Model"]').locator('.monaco-tl-twistie').click();
    const gap = view.locator('.monaco-list-row[aria-label^="\\"Data pull mode\\""]');
    await gap.waitFor();
    await view.locator('.monaco-list-row[aria-label^="E) Delivery Phases"]').locator('.monaco-tl-twistie').click();
    await view.locator('.monaco-list-row[aria-label^="Phase 2: Sync Engine"]').waitFor();
    await gap.click();
    await activeTab(page, PLAN).waitFor();
    await planShown(page);
    await view.locator('.custom-view-tree-node-item-checkbox[aria-checked="false"]').first().waitFor();
  },

  /** Squiggles in the editor and the same findings in the Problems panel. */
  async 'diagnostics.png'(page) {
    await openPlan(page);
    await hideSideBar(page);
    await runCommand(page, 'View: Focus Problems');
    await rowLabelled(page.locator('.part.panel .markers-panel'), `${REPORT.findings.length} problems in file ${PLAN} of folder docs/connectors`).waitFor();
  },

  /** The light bulb's menu on an option list nobody chose from. */
  async 'quick-fix.png'(page) {
    await openPlan(page);
    await hideSideBar(page);
    await runCommand(page, 'Go to Line/Column...');
    await page.keyboard.insertText('14:22');
    await page.keyboard.press('Enter');
    await page.locator('.statusbar-item', { hasText: 'Ln 14, Col 22' }).waitFor();
    await page.keyboard.press('Control+.');
    await rowLabelled(page.locator('.action-widget'), 'Disable unchosen-option for this file').waitFor();
  },

  /** The markdown preview: the progress and go/no-go summary on top, placeholders and empty fields marked. */
  async 'preview.png'(page) {
    await openPlan(page);
    await hideSideBar(page);
    await runCommand(page, 'Markdown: Open Preview to the Side');
    const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await preview.locator('.connector-plan-summary', { hasText: 'NO-GO' }).waitFor();
    await preview.locator('.connector-plan-placeholder').first().waitFor();
    await preview.locator('.connector-plan-empty').first().waitFor();
  },
};

async function main() {
  const session = await startVSCodeSession({ name: LAYER });
  const root = mkdtempSync(join(tmpdir(), 'connector-plan-screenshots-'));
  let page;
  try {
    const folder = makeWorkspace(root);
    mkdirSync(OUT_DIR, { recursive: true });
    for (const [file, arrange] of Object.entries(SHOTS)) {
      page = await openWorkbench(session, { folder });
      await arrange(page);
      await page.locator('.statusbar-item', { hasText: 'Activating Extensions' }).waitFor({ state: 'hidden' });
      // A notification in the corner would end up in the README.
      if (await page.locator('.notifications-toasts .notification-toast').count()) throw new Error(`a notification is showing: ${await page.locator('.notifications-toasts').innerText()}`);
      const path = join(OUT_DIR, file);
      await page.screenshot({ path });
      const bytes = statSync(path).size;
      console.log(`${LAYER}: ${shown(path)} (${Math.round(bytes / 1024)} KB)`);
      if (bytes > MAX_BYTES) throw new Error(`${shown(path)} is larger than ${MAX_BYTES / 1024} KB`);
      await page.context().close();
      page = undefined;
    }
    return 0;
  } catch (error) {
    const failure = page && (await session.screenshot(page, 'failure.png'));
    console.error(`${LAYER}: ${error.message}${failure ? `\n${LAYER}: what the workbench showed: ${shown(failure)}` : ''}`);
    return 1;
  } finally {
    await session.close();
    rmSync(root, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`${LAYER}: ${error.message}`);
    process.exit(error.exitCode ?? 1);
  },
);
