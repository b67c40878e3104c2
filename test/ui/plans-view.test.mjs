import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureWorkspace } from '../harness/vscode-session.mjs';
import { useWorkbench } from './workbench.mjs';

// A copy of the Globex fixture under its own name: the web workbench saves edited files after a second,
// so the test ticks an item in a file of its own and removes it afterwards.
const planFile = join(fixtureWorkspace, 'tmp-ui-zeta-plan.md');

describe('Plans view', () => {
  const workbench = useWorkbench();

  beforeEach(() => {
    const globex = readFileSync(join(fixtureWorkspace, 'globex-plan.md'), 'utf8');
    writeFileSync(planFile, globex.replace('# Globex Connector Rollout Plan', '# Zeta Connector Rollout Plan'));
  });
  afterEach(() => rmSync(planFile, { force: true }));

  it('shows a plan with its sections; ticking a go/no-go checkbox ticks the item in the editor', async () => {
    const { page } = workbench;
    await page.locator('.activitybar [aria-label^="Connector Plan"]').first().click();
    const view = page.locator('.part.sidebar');
    const plan = view.locator('.monaco-list-row', { hasText: 'Zeta' });
    await plan.filter({ hasText: 'NO-GO 2/3' }).waitFor();
    await plan.click();
    await view.locator('.monaco-list-row', { hasText: 'B) Source Model' }).waitFor();
    const item = view.locator('.monaco-list-row', { hasText: 'Sync completes with safe resume behavior' });
    await item.locator('.custom-view-tree-node-item-checkbox[aria-checked="false"]').click();

    await page.locator('.editor-instance .view-line', { hasText: '- [x] Sync completes with safe resume behavior' }).waitFor();
    await plan.filter({ hasText: 'NO-GO 3/3' }).waitFor();
    await item.locator('.custom-view-tree-node-item-checkbox[aria-checked="true"]').waitFor();
  });
});
