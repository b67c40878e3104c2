import * as assert from 'node:assert/strict';
import { rowLabelled, useWorkbench } from './workbench.mjs';

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
