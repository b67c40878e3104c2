import * as assert from 'node:assert/strict';
import { runCommand, showPlansView, useWorkbench } from './workbench.mjs';

describe('Walkthrough', () => {
  const workbench = useWorkbench();

  it('opens from the palette with its steps, and a step ticks itself when its event happens (the Plans view opens)', async () => {
    const { page } = workbench;
    await runCommand(page, 'Welcome: Open Walkthrough...');
    const pick = page.locator('.quick-input-widget');
    await pick.locator('input').waitFor();
    await page.keyboard.insertText('Get Started with Connector Plan');
    await pick.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Get Started with Connector Plan' }).waitFor();
    await page.keyboard.press('Enter');

    const step = (id) => page.locator(`button.getting-started-step[data-step-id$=${JSON.stringify(`#${id}`)}], button.getting-started-step[data-step-id=${JSON.stringify(id)}]`);
    const titles = await page.locator('button.getting-started-step .step-title').allInnerTexts();
    assert.deepEqual(titles.map((t) => t.trim()), ['Create a plan', "See every plan's progress", 'Fix a gap', 'Choose where plans go', 'Gate CI with the same checks']);
    assert.equal(await step('openPlansView').getAttribute('aria-checked'), 'false', 'not done before the view opens');

    await showPlansView(page);
    await page.locator('button.getting-started-step[aria-checked="true"] .step-title', { hasText: "See every plan's progress" }).waitFor();
    assert.equal(await step('createPlan').getAttribute('aria-checked'), 'false', 'the other steps wait for their own events');
  });
});
