import * as assert from 'node:assert/strict';
import { useWorkbench } from './workbench.mjs';

describe('Command palette', () => {
  const workbench = useWorkbench();

  it('opens with F1 and lists commands', async () => {
    const { page } = workbench;
    await page.keyboard.press('F1');
    const palette = page.locator('.quick-input-widget');
    await palette.locator('.quick-input-list .monaco-list-row').first().waitFor();
    assert.equal(await palette.locator('input').inputValue(), '>');
    assert.ok((await palette.locator('.quick-input-list .monaco-list-row').count()) > 1, 'expected several commands in the list');
  });
});
