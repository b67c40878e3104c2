import * as assert from 'node:assert/strict';
import { editorLine, openFile, rowLabelled, runCommand, useWorkbench } from './workbench.mjs';

describe('Command palette', () => {
  const workbench = useWorkbench();

  it('offers the Connector Plan commands that make sense without a plan open, and hides the others', async () => {
    const { page } = workbench;
    await page.keyboard.press('F1');
    const palette = page.locator('.quick-input-widget');
    await palette.locator('input').waitFor();
    await page.keyboard.type('Connector Plan: ');
    await rowLabelled(palette, 'Connector Plan: New Connector Plan').waitFor();
    await rowLabelled(palette, 'Connector Plan: Refresh Plans').waitFor();
    const titles = await palette.locator('.quick-input-list .monaco-list-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label')));
    for (const hidden of ['Set Go/No-Go Item', 'Fix All Mechanical Gaps in This Plan', 'Insert Connector Plan Template', 'Reveal Plan in the Plans View']) {
      assert.ok(!titles.some((title) => title.includes(hidden)), `"${hidden}" should be hidden without a plan editor, got ${titles.join(' | ')}`);
    }
  });
});

describe('Insert Plan Part…', () => {
  const workbench = useWorkbench();

  it('lists every part of a plan in one pick and inserts the one chosen at the cursor, as a snippet', async () => {
    const { page } = workbench;
    await openFile(page, 'globex-plan.md');
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await runCommand(page, 'Connector Plan: Insert Plan Part…');
    const pick = page.locator('.quick-input-widget');
    await pick.locator('.quick-input-title', { hasText: 'Insert Plan Part' }).waitFor();
    await pick.locator('.monaco-list-row', { hasText: 'Connector Rollout Plan' }).first().waitFor();
    // The list shows only the rows that fit: each part is found by filtering on its name.
    for (const label of ['Risk with mitigation', 'Mapping row', 'Phase', 'Wave', 'Go/no-go item']) {
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText(label);
      await pick.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
    }
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('cp-go-no-go');
    await pick.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Go/no-go item' }).waitFor();
    await page.keyboard.press('Enter');
    await editorLine(page, '- [ ] {What must hold before go-live}').waitFor();
  });
});
