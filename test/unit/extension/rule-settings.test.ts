import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../../../src/core';
import { REPO_ROOT } from '../core/repo-paths';
import { manifest, manifestNls, rawManifest } from './manifest';

interface RuleSetting {
  type: string;
  enum: string[];
  enumDescriptions?: string[];
  markdownDescription?: string;
}

const ruleSettings: Record<string, RuleSetting> = manifest.contributes.configuration.properties['connectorPlan.rules'].properties;

describe('rule settings in package.json', () => {
  it('list every rule of the core, in its order, and nothing else', () => {
    assert.deepEqual(Object.keys(ruleSettings), RULES.map((r) => r.id));
  });

  it("describe each rule with the core's own description and default severity", () => {
    for (const rule of RULES) {
      const description = ruleSettings[rule.id].markdownDescription ?? '';
      assert.ok(description.startsWith(rule.description), `${rule.id}: "${description}" is not the core's "${rule.description}"`);
      assert.ok(description.includes(`\`${rule.defaultSeverity}\``), `${rule.id}: the default severity is not named`);
    }
  });

  it('describe each severity choice', () => {
    for (const rule of RULES) {
      const setting = ruleSettings[rule.id];
      assert.deepEqual(setting.enum, ['error', 'warning', 'info', 'off'], rule.id);
      assert.equal(setting.enumDescriptions?.length, setting.enum.length, rule.id);
      for (const text of setting.enumDescriptions!) assert.ok(text.length > 10, `${rule.id}: "${text}"`);
    }
  });

  it('are what `npm run generate` makes from the core now', async () => {
    const { withRuleSettings } = await import(pathToFileURL(path.join(REPO_ROOT, 'scripts', 'rule-settings.mjs')).href);
    const text = fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8');
    assert.ok(withRuleSettings(text, RULES) === text, "package.json's rule settings are out of date: run `npm run generate` and commit package.json");
  });

  it('are `%key%` references in package.json, with the English texts `npm run generate` writes in package.nls.json', async () => {
    const { ruleSettingsNls } = await import(pathToFileURL(path.join(REPO_ROOT, 'scripts', 'rule-settings.mjs')).href);
    const raw: Record<string, RuleSetting> = rawManifest.contributes.configuration.properties['connectorPlan.rules'].properties;
    for (const rule of RULES) assert.match(raw[rule.id].markdownDescription ?? '', /^%[^%]+%$/, rule.id);
    for (const [key, text] of Object.entries(ruleSettingsNls(RULES) as Record<string, string>)) {
      assert.equal(manifestNls[key], text, `package.nls.json's ${key} is out of date: run \`npm run generate\``);
    }
  });
});
