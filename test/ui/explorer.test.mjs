import { useWorkbench } from './workbench.mjs';

describe('Explorer', () => {
  const workbench = useWorkbench();

  it('shows the fixture workspace and its files', async () => {
    const explorer = workbench.page.locator('.explorer-folders-view');
    await explorer.getByRole('treeitem', { name: 'rollout-plan.md' }).waitFor();
    await explorer.getByRole('treeitem', { name: 'README.md' }).waitFor();
  });
});
