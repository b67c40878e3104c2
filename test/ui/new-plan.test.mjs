import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureWorkspace, repoRoot } from '../harness/vscode-session.mjs';
import { activeTab, editorLine, runCommand, useWorkbench } from './workbench.mjs';

const templateHeadings = readFileSync(join(repoRoot, 'src', 'core', 'template', 'connector-rollout-plan.md'), 'utf8')
  .split('\n')
  .filter((line) => line.startsWith('## '));

/** Every file and folder under the fixture workspace, relative to it. */
const workspaceListing = () => readdirSync(fixtureWorkspace, { recursive: true }).sort();

describe('New Connector Plan', () => {
  const workbench = useWorkbench();
  const plan = join(fixtureWorkspace, 'docs', 'connectors', 'initrode-payroll-rollout-plan.md');
  let before;
  let made = [];
  const removeMade = () => {
    for (const path of made.reverse()) rmSync(path, { recursive: true, force: true });
    made = [];
  };

  beforeEach(() => {
    before = workspaceListing();
    made = [join(fixtureWorkspace, 'docs'), join(fixtureWorkspace, 'docs', 'connectors'), plan].filter((path) => !existsSync(path));
  });
  // After the page is closed: what the test created goes, even when it failed half-way.
  afterEach(removeMade);

  it('asks for the name in the palette, creates docs/connectors/<slug>-rollout-plan.md from the template and opens it', async () => {
    const { page } = workbench;
    const explorer = page.locator('.explorer-folders-view');
    const explorerRows = explorer.locator('.monaco-list-row');
    for (const name of readdirSync(fixtureWorkspace)) await explorer.getByRole('treeitem', { name, exact: true }).waitFor();
    const shownBefore = await explorerRows.evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label')));

    await runCommand(page, 'Connector Plan: New Connector Plan');
    const input = page.locator('.quick-input-widget');
    await input.locator('.quick-input-title', { hasText: 'New Connector Plan' }).waitFor();
    await page.keyboard.type('Initrode Payroll');
    await input.locator('.quick-input-message', { hasText: 'Creates docs/connectors/initrode-payroll-rollout-plan.md' }).waitFor();
    await page.keyboard.press('Enter');

    await activeTab(page, 'initrode-payroll-rollout-plan.md').waitFor();
    await editorLine(page, '# Initrode Payroll Connector Rollout Plan').waitFor();
    await editorLine(page, templateHeadings[0]).waitFor();
    await page.locator('.breadcrumbs-control', { hasText: 'docs' }).filter({ hasText: 'connectors' }).waitFor();
    const planRow = explorer.getByRole('treeitem', { name: 'initrode-payroll-rollout-plan.md', exact: true });
    await planRow.waitFor();

    // The command saves the new plan: once the tab is clean, the file on disk holds the whole template.
    await page.locator('.tabs-container .tab.active:not(.dirty)').waitFor();
    const text = readFileSync(plan, 'utf8');
    assert.ok(text.startsWith('# Initrode Payroll Connector Rollout Plan\n'), `unexpected start: ${text.slice(0, 80)}`);
    assert.deepEqual(text.split('\n').filter((line) => line.startsWith('## ')), templateHeadings);

    // Escaped past its blanks, the new plan is what `connector-plan new` writes: nothing filled yet.
    await page.keyboard.press('Escape');
    await page.locator('.statusbar-item', { hasText: /(?:^|\s)0% · NO-GO 0\/\d+/ }).waitFor();

    removeMade();
    assert.deepEqual(workspaceListing(), before);
    await planRow.waitFor({ state: 'detached' });
    await explorerRows.nth(shownBefore.length).waitFor({ state: 'detached' });
    assert.deepEqual(await explorerRows.evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label'))), shownBefore, 'the Explorer shows the workspace as before');
  });
});

describe('New Connector Plan with a team template', () => {
  const made = [join(fixtureWorkspace, '.vscode'), join(fixtureWorkspace, 'templates'), join(fixtureWorkspace, 'docs')];
  // Written before the workbench opens, so the window starts with the setting (a settings file written later
  // is picked up at a time no event tells).
  before(() => {
    mkdirSync(join(fixtureWorkspace, 'templates'), { recursive: true });
    writeFileSync(join(fixtureWorkspace, 'templates', 'feature.md'), readFileSync(join(repoRoot, 'test/fixtures/team-templates/feature-rollout/template.md'), 'utf8'));
    mkdirSync(join(fixtureWorkspace, '.vscode'), { recursive: true });
    writeFileSync(join(fixtureWorkspace, '.vscode', 'settings.json'), JSON.stringify({ 'connectorPlan.template': 'templates/feature.md' }));
  });
  const workbench = useWorkbench();
  after(() => {
    for (const path of made) rmSync(path, { recursive: true, force: true });
  });

  it('asks which template when the workspace names one, and writes the plan from the one picked', async () => {
    const { page } = workbench;

    await runCommand(page, 'Connector Plan: New Connector Plan');
    const pick = page.locator('.quick-input-widget');
    await pick.locator('.quick-input-title', { hasText: 'New Connector Plan' }).waitFor();
    await pick.locator('.monaco-list-row', { hasText: 'Connector Rollout Plan (built in)' }).waitFor();
    await page.keyboard.insertText('Feature Rollout Plan');
    await pick.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'templates/feature.md' }).waitFor();
    await page.keyboard.press('Enter');
    await pick.locator('input[placeholder="Dark Mode"]').waitFor();
    await page.keyboard.type('Dark Mode');
    await pick.locator('.quick-input-message', { hasText: 'Creates docs/connectors/dark-mode-rollout-plan.md' }).waitFor();
    await page.keyboard.press('Enter');
    await editorLine(page, '# Dark Mode Feature Rollout Plan').waitFor();
    await editorLine(page, '## C) Rollout Stages').waitFor();
  });
});
