// What a UI test needs: a fresh workbench page per test on the fixture workspace, with this extension loaded.
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
 * Registers hooks in the calling `describe`: before each test a new page opens the workbench and waits
 * until the Explorer shows the workspace; after a failed test its screenshot goes to test-results/ui/.
 */
export function useWorkbench() {
  const workbench = { page: undefined };
  beforeEach(async function () {
    workbench.page = await session.openWorkbench({ payload: [['extensionDevelopmentPath', session.remoteUri(repoRoot)]] });
    await workbench.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
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
