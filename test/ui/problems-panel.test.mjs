import { useWorkbench } from './workbench.mjs';

describe('Problems panel', () => {
  const workbench = useWorkbench();

  it('opens with "View: Focus Problems" from the command palette', async () => {
    const { page } = workbench;
    await page.keyboard.press('F1');
    const palette = page.locator('.quick-input-widget');
    await palette.locator('input').fill('>View: Focus Problems');
    await palette.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Focus Problems' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.part.panel .markers-panel').waitFor();
    await page.locator('.part.panel [role="tab"][aria-selected="true"]', { hasText: 'Problems' }).waitFor();
  });
});
