// What a UI test needs: a fresh workbench page per test on the fixture workspace, with this extension loaded,
// and the few gestures the tests repeat (run a command from the palette, open a file by name).
import { repoRoot, shown } from '../harness/vscode-session.mjs';

let session;

/** Called once by run-ui.mjs with the running VS Code. */
export function setSession(running) {
  session = running;
}

function fileNameFor(title) {
  return `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.png`;
}

/**
 * Opens the workbench on `folder` (default: the fixture workspace) and waits until the Explorer shows it and
 * the extension's contributions are in: a command palette opened before that would never list its commands.
 */
export async function openWorkbench(running, { folder } = {}) {
  const page = await running.openWorkbench({ folder, payload: [['extensionDevelopmentPath', running.remoteUri(repoRoot)]] });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
  await plansViewIcon(page).waitFor();
  return page;
}

const plansViewIcon = (page) => page.locator('.activitybar .action-item a[aria-label^="Connector Plan"]');

/**
 * Registers hooks in the calling `describe`: before each test a new page opens the workbench and waits
 * until the Explorer shows the workspace; after a failed test its screenshot goes to test-results/ui/.
 */
export function useWorkbench() {
  const workbench = { page: undefined };
  beforeEach(async function () {
    workbench.page = await openWorkbench(session);
  });
  afterEach(async function () {
    const { page } = workbench;
    if (!page) return;
    if (this.currentTest?.state === 'failed') {
      const screenshot = await session.screenshot(page, fileNameFor(this.currentTest.fullTitle()));
      if (screenshot) console.log(`      screenshot: ${shown(screenshot)}`);
    }
    await page.context().close();
    workbench.page = undefined;
  });
  return workbench;
}

/** A CSS attribute value, quoted. */
export const quoted = (text) => JSON.stringify(text);

/** A list row whose accessible label is exactly `label`. */
export function rowLabelled(scope, label) {
  return scope.locator(`.monaco-list-row[aria-label=${quoted(label)}]`);
}

/**
 * Runs a command as a person does: F1, type its title, move down to it if another command matched first, Enter.
 * The palette's row label starts with the title (a keybinding or a detail may follow).
 */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const palette = page.locator('.quick-input-widget');
  await palette.locator('input').waitFor();
  await page.keyboard.insertText(title);
  const row = palette.locator(`.quick-input-list .monaco-list-row[aria-label^=${quoted(title)}]`).first();
  await row.waitFor();
  for (let moves = 0; !(await row.evaluate((element) => element.classList.contains('focused'))); moves++) {
    if (moves === 10) throw new Error(`the command palette never focused "${title}"`);
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
}

/** Opens a workspace file by name with Quick Open (Ctrl+P) and waits until its editor tab is the active one. */
export async function openFile(page, fileName) {
  await page.keyboard.press('Control+P');
  const quickOpen = page.locator('.quick-input-widget');
  await quickOpen.locator('input').waitFor();
  await page.keyboard.insertText(fileName);
  await quickOpen.locator('.quick-input-list .monaco-list-row.focused', { hasText: fileName }).waitFor();
  await page.keyboard.press('Enter');
  await activeTab(page, fileName).waitFor();
}

/** The active editor tab, when it shows `fileName`. */
export function activeTab(page, fileName) {
  return page.locator(`.tabs-container .tab.active[aria-label^=${quoted(fileName)}]`);
}

/** An editor line (as rendered: only lines in view exist in the DOM) containing `text`. */
export function editorLine(page, text) {
  return page.locator('.monaco-editor .view-lines .view-line', { hasText: text });
}

/** Shows the Connector Plan container in the activity bar, as a click on its icon does, and returns the side bar. */
export async function showPlansView(page) {
  await plansViewIcon(page).click();
  const sideBar = page.locator('.part.sidebar');
  await sideBar.locator('.composite.title', { hasText: 'Connector Plan: Plans' }).waitFor();
  return sideBar;
}
