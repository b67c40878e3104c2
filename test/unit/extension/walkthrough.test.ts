import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../core/repo-paths';
import { manifest } from './manifest';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { svg?: string; markdown?: string; altText?: string };
  completionEvents?: string[];
}

const [walkthrough] = manifest.contributes.walkthroughs as { id: string; steps: Step[] }[];
const commands = new Set<string>(manifest.contributes.commands.map((c: { command: string }) => c.command));
const views = new Set<string>(Object.values(manifest.contributes.views as Record<string, { id: string }[]>).flat().map((v) => v.id));
const settings = new Set(Object.keys(manifest.contributes.configuration.properties));

describe('walkthrough', () => {
  it('has 4–5 steps, each completed by a real event of the extension: a command, a view, a setting', () => {
    assert.ok(walkthrough.steps.length >= 4 && walkthrough.steps.length <= 5);
    const events = walkthrough.steps.flatMap((s) => s.completionEvents ?? []);
    assert.deepEqual(events, ['onCommand:connectorPlan.newPlan', 'onView:connectorPlan.plans', 'onCommand:connectorPlan.fixAll', 'onSettingChanged:connectorPlan.plansFolder']);
    for (const event of events) {
      const [kind, name] = event.split(/:(.*)/);
      const known = kind === 'onCommand' ? commands : kind === 'onView' ? views : settings;
      assert.ok(known.has(name), `${event} names nothing the extension contributes`);
    }
  });

  it('links each step to commands that exist, with the step that has no event being a page to read', () => {
    for (const step of walkthrough.steps) {
      for (const [, command] of step.description.matchAll(/\(command:([\w.]+)/g)) {
        assert.ok(commands.has(command) || command === 'connectorPlan.plans.focus' || command.startsWith('workbench.'), `${step.id} links to unknown command ${command}`);
      }
      if (!step.completionEvents) assert.ok(step.media.markdown, `${step.id} completes when opened, so it is a page to read`);
    }
  });

  it('has media that exist: SVGs in theme colours with a description, and the CI page', () => {
    for (const step of walkthrough.steps) {
      const file = step.media.svg ?? step.media.markdown;
      assert.ok(file && fs.existsSync(path.join(REPO_ROOT, file)), `${step.id}: ${file} is missing`);
      if (!step.media.svg) continue;
      assert.ok(step.media.altText, `${step.id} has no alt text`);
      const svg = fs.readFileSync(path.join(REPO_ROOT, step.media.svg), 'utf8');
      const colours = [...svg.matchAll(/(?:fill|stroke)="([^"]+)"/g)].map((m) => m[1]).filter((c) => c !== 'none');
      assert.ok(colours.length > 0 && colours.every((c) => c.startsWith('var(--vscode-')), `${step.media.svg} uses a colour that is not the theme's: ${colours.filter((c) => !c.startsWith('var(')).join(', ')}`);
    }
  });

  it("shows in the CI page the README's workflow commands", () => {
    const page = fs.readFileSync(path.join(REPO_ROOT, 'media/walkthrough/ci.md'), 'utf8');
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    for (const command of ['connector-plan check --format github docs/connectors', 'connector-plan status --format markdown']) {
      assert.ok(page.includes(command) && readme.includes(command), command);
    }
  });
});
