import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureWorkspace } from '../harness/vscode-session.mjs';
import { editorLine, openFile, runCommand, useWorkbench } from './workbench.mjs';

const GLOBEX = join(fixtureWorkspace, 'globex-plan.md');

/** The lens line the editor draws above a heading (only lines in view are drawn). */
const lens = (page, text) => page.locator('.monaco-editor .codelens-decoration', { hasText: text });

describe('CodeLens', () => {
  const workbench = useWorkbench();

  it('shows each section\'s progress above its heading; Fix inserts the missing field, Ctrl+Z takes it back', async () => {
    const { page } = workbench;
    const onDisk = readFileSync(GLOBEX, 'utf8');
    await openFile(page, 'globex-plan.md');
    await lens(page, 'complete').first().waitFor();
    await lens(page, '3/4 filled · 1 gap').waitFor();
    const fix = lens(page, '8/9 filled · 1 gap').locator('a[role="button"]', { hasText: 'Fix 1' });
    await fix.waitFor();
    assert.equal(await fix.locator('.codicon-wrench').count(), 1, 'the $(wrench) icon is drawn, not its name');
    assert.equal(await lens(page, '8/9 filled · 1 gap').locator('a[role="button"]', { hasText: '8/9' }).count(), 0, 'the count is text, not a button');

    await fix.click();
    await editorLine(page, '- Validation tests:').nth(1).waitFor();
    await page.locator('.tabs-container .tab.active.dirty[aria-label^="globex-plan.md"]').waitFor();
    // The stub is still a blank: the section stays at 8/9, its gap is now the empty field, and there is nothing left to fix.
    await lens(page, '8/9 filled · 1 gap').locator('a[role="button"]', { hasText: 'Fix' }).waitFor({ state: 'detached' });
    await lens(page, '8/9 filled · 1 gap').waitFor();
    assert.equal(readFileSync(GLOBEX, 'utf8'), onDisk, 'the fix edits the document, it does not save it');

    await editorLine(page, '### Phase 2: Sync Engine').click();
    await page.keyboard.press('Control+Z');
    await page.locator('.tabs-container .tab.active:not(.dirty)[aria-label^="globex-plan.md"]').waitFor();
    await fix.waitFor();

    await runCommand(page, 'View: Revert and Close Editor');
    await page.locator('.tabs-container .tab[aria-label^="globex-plan.md"]').waitFor({ state: 'detached' });
    assert.equal(readFileSync(GLOBEX, 'utf8'), onDisk);
  });
});
