import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AGENT_TOOLS, analyzePlan, checkSummary, confinedPath, explainPlan, explainSummary, findGoNoGoItem, fileDocument, inspectPlan, goNoGoItems, planStatus, statusSummary, toolInputSchema, validateToolInput, LISTED_GAPS } from '../../../src/core';
import { GOOD_PLAN, lines } from './plan-text';
import { REPO_ROOT } from './repo-paths';

const check = AGENT_TOOLS.find((t) => t.id === 'checkPlan')!;
const setItem = AGENT_TOOLS.find((t) => t.id === 'setGoNoGoItem')!;
const newPlan = AGENT_TOOLS.find((t) => t.id === 'newPlan')!;

describe('agent tools (core)', () => {
  describe('specs', () => {
    it('have names VS Code accepts and MCP names in snake case', () => {
      for (const tool of AGENT_TOOLS) {
        assert.match(tool.vscodeName, /^[\w-]+$/);
        assert.ok(!/^(copilot_|vscode_)/.test(tool.vscodeName));
        if (tool.mcpName) assert.match(tool.mcpName, /^[a-z]+(_[a-z]+)*$/);
        assert.equal(Boolean(tool.referenceName), tool.readOnly, `${tool.id}: exactly the read-only tools can be referenced in a prompt`);
        assert.ok(tool.modelDescription.length > 150, `${tool.id}: a model needs to be told when to use it`);
      }
      assert.deepEqual(AGENT_TOOLS.flatMap((t) => t.mcpName ?? []), ['check_plan', 'list_plans', 'explain_plan', 'review_status', 'new_plan']);
    });

    it('give each host its own wording and required parameters', () => {
      assert.deepEqual(toolInputSchema(check, 'mcp').required, ['path']);
      assert.equal(toolInputSchema(check, 'vscode').required, undefined);
      assert.match(toolInputSchema(check, 'vscode').properties.path.description, /workspace folder.*active editor/);
      assert.match(toolInputSchema(check, 'mcp').properties.path.description, /server's root folder/);
      assert.doesNotMatch(toolInputSchema(check, 'mcp').properties.path.description, /\{|active editor/);
    });

    it("are package.json's languageModelTools as `npm run generate` makes them now", async () => {
      const { withLanguageModelTools } = await import(pathToFileURL(path.join(REPO_ROOT, 'scripts', 'language-model-tools.mjs')).href);
      const text = fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8');
      assert.ok(withLanguageModelTools(text, AGENT_TOOLS, toolInputSchema) === text, "package.json's languageModelTools are out of date: run `npm run generate`");
      const manifest = JSON.parse(text);
      for (const tool of AGENT_TOOLS) assert.ok(manifest.activationEvents.includes(`onLanguageModelTool:${tool.vscodeName}`), tool.vscodeName);
      const { languageModelToolsNls } = await import(pathToFileURL(path.join(REPO_ROOT, 'scripts', 'language-model-tools.mjs')).href);
      const nls = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.nls.json'), 'utf8'));
      for (const [key, text] of Object.entries(languageModelToolsNls(AGENT_TOOLS) as Record<string, string>)) assert.equal(nls[key], text, `package.nls.json's ${key} is out of date: run \`npm run generate\``);
    });
  });

  describe('validateToolInput', () => {
    it('takes nothing for a tool whose parameters are all optional', () => {
      assert.deepEqual(validateToolInput(check, 'vscode', undefined), { input: {} });
      assert.deepEqual(validateToolInput(check, 'vscode', { path: '  ' }), { input: {} });
      assert.deepEqual(validateToolInput(check, 'vscode', { path: null }), { input: {} });
    });

    it('refuses what is not an object, unknown keys, missing and mistyped values, with the tool\'s parameters named', () => {
      const problem = (tool = check, input: unknown, host: 'vscode' | 'mcp' = 'mcp') => {
        const result = validateToolInput(tool, host, input);
        assert.ok('problem' in result, JSON.stringify(result));
        return result.problem;
      };
      assert.match(problem(check, 'docs/a.md'), /must be an object: check_plan takes "path" \(string\)/);
      assert.match(problem(check, [1]), /must be an object/);
      assert.match(problem(check, { file: 'a.md' }), /Unknown input "file": check_plan takes "path"/);
      assert.match(problem(check, {}), /Missing "path": The plan's markdown file/);
      assert.match(problem(check, { path: { nested: true } }), /"path" must be a string, not \{"nested":true\}/);
      assert.match(problem(setItem, { item: '2', checked: 'yes' }, 'vscode'), /"checked" must be true or false, not a string/);
      assert.match(problem(newPlan, { folder: 'docs' }, 'vscode'), /Missing "name"/);
    });

    it('trims strings and reads "true"/"false" and numbers the way a model may write them', () => {
      assert.deepEqual(validateToolInput(setItem, 'vscode', { item: 3, checked: 'TRUE' }), { input: { item: '3', checked: true } });
      assert.deepEqual(validateToolInput(newPlan, 'mcp', { name: ' Stripe ' }), { input: { name: 'Stripe' } });
    });
  });

  describe('confinedPath', () => {
    it('resolves . and .. inside the root', () => {
      assert.deepEqual(confinedPath('docs/./connectors/../connectors/a.md', 'mcp'), { path: 'docs/connectors/a.md' });
      assert.deepEqual(confinedPath('docs\\connectors\\a.md', 'mcp'), { path: 'docs/connectors/a.md' });
      assert.deepEqual(confinedPath('.', 'vscode'), { path: '' });
    });

    it('refuses absolute paths, climbing out and control characters', () => {
      for (const outside of ['../secrets.md', 'docs/../../x.md', '/etc/passwd', 'C:\\Windows\\x.md', '\\\\server\\share']) {
        const result = confinedPath(outside, 'mcp');
        assert.ok('problem' in result && /outside the server's root folder/.test(result.problem), `${outside}: ${JSON.stringify(result)}`);
      }
      assert.ok('problem' in confinedPath('a\u0000.md', 'mcp'));
      const vscode = confinedPath('../x.md', 'vscode');
      assert.ok('problem' in vscode && vscode.problem.includes('the workspace folder'));
    });
  });

  describe('findGoNoGoItem', () => {
    const checklist = lines('- [x] Auth and connection test pass', '- [ ] Mappings validated', '- [ ] Rollback **tested** on staging', '- [ ] Alerts tested');
    const plan = inspectPlan(GOOD_PLAN.replace(/- \[x\] Auth and connection test pass\n- \[x\] Mappings validated \(manual \+ auto-match\)/, checklist)).plan;
    const items = goNoGoItems(plan);

    it('finds an item by its number or by words only it has', () => {
      assert.equal(items.length, 4);
      const second = findGoNoGoItem(plan, '2');
      assert.ok('item' in second && second.item === items[1]);
      const byNumber = findGoNoGoItem(plan, 1);
      assert.ok('item' in byNumber && byNumber.item === items[0]);
      const byWords = findGoNoGoItem(plan, 'ROLLBACK tested');
      assert.ok('item' in byWords && byWords.index === 2, JSON.stringify(byWords));
    });

    it('says which items there are when none or several match', () => {
      const several = findGoNoGoItem(plan, 'tested');
      assert.ok('problem' in several && several.problem.startsWith('2 go/no-go items contain "tested"') && several.problem.includes('3. Rollback tested on staging\n4. Alerts tested'), JSON.stringify(several));
      const none = findGoNoGoItem(plan, 'nothing like this');
      assert.ok('problem' in none && none.problem.includes('No go/no-go item contains') && none.problem.includes(`1. `));
      const out = findGoNoGoItem(plan, '99');
      assert.ok('problem' in out && out.problem.includes(`has ${items.length} items, so there is no item 99`));
      assert.ok('problem' in findGoNoGoItem(inspectPlan('# Acme Connector Rollout Plan\n').plan, 'x'));
    });

    it('quotes an item with a credential hidden, in the result and in the list', () => {
      const key = ['sk', 'live', 'Zq8Lm2Vx9Rt4Wp7Nc3Hb6Ykq'].join('_');
      const leaky = inspectPlan(GOOD_PLAN.replace('- [x] Auth and connection test pass', `- [ ] Rotate ${key} before launch`)).plan;
      const found = findGoNoGoItem(leaky, 'rotate');
      assert.ok('shown' in found && found.shown === 'Rotate <redacted> before launch' && found.item.text.includes(key));
      const none = findGoNoGoItem(leaky, 'nothing like this');
      assert.ok('problem' in none && none.problem.includes('1. Rotate <redacted> before launch') && !none.problem.includes(key), JSON.stringify(none));
    });
  });

  describe('summaries', () => {
    it('say the verdict first, then counts, then each gap with its line, errors first', () => {
      const text = GOOD_PLAN.replace(/^- External system: .*$/m, '- External system:');
      const report = analyzePlan(text);
      const summary = checkSummary('docs/a.md', report);
      const [head, verdict] = summary.split('\n');
      assert.equal(head, 'docs/a.md: checked as a connector rollout plan.');
      assert.match(verdict, /^Verdict: (GO|NO-GO)\. Progress: \d+%, go\/no-go checklist \d+\/\d+ checked\.$/);
      const line = text.split('\n').findIndex((l) => l === '- External system:') + 1;
      assert.ok(summary.includes(`- line ${line}: `), summary);
      assert.match(summary, /Sections not complete:\n- B\) Source Model: partial/);
    });

    it('list at most LISTED_GAPS gaps and say how many there are', () => {
      const report = analyzePlan('# Acme Connector Rollout Plan\n');
      assert.ok(report.findings.length > 0);
      const many = { ...report, findings: Array.from({ length: LISTED_GAPS + 5 }, (_, i) => ({ ...report.findings[0], range: { start: { line: i, character: 0 }, end: { line: i, character: 1 } } })) };
      const summary = checkSummary('a.md', many);
      assert.ok(summary.includes(`First ${LISTED_GAPS} of ${LISTED_GAPS + 5}, errors first:`));
      assert.equal(summary.split('\n').filter((l) => l.startsWith('- line ')).length, LISTED_GAPS);
    });

    it('never hold a pasted credential', () => {
      const key = ['sk', 'live', '4eC39HqLyjWDarjtT1zdp7dcXYZ12345'].join('_');
      const text = GOOD_PLAN.replace(/^- Authentication model: .*$/m, `- Authentication model: STRIPE_SECRET_KEY=${key}`);
      const report = analyzePlan(text);
      assert.ok(report.findings.some((f) => f.ruleId === 'secret-value'));
      for (const shown of [checkSummary('a.md', report), JSON.stringify(fileDocument('a.md', report)), explainSummary('a.md', explainPlan(text)), JSON.stringify(explainPlan(text))]) {
        assert.ok(!shown.includes(key) && !shown.includes(key.slice(8, 20)), shown.slice(0, 200));
      }
    });

    it('say plainly that a file is not a plan', () => {
      const report = analyzePlan('# Notes\n\nNothing here.\n');
      assert.match(checkSummary('notes.md', report), /^notes\.md is not a connector rollout plan/);
      assert.match(explainSummary('notes.md', explainPlan('# Notes\n')), /^notes\.md is not read as a connector rollout plan: /);
      assert.equal(planStatus('notes.md', report), undefined);
    });

    it('count plans and verdicts in the status summary', () => {
      const rows = [planStatus('a.md', analyzePlan(GOOD_PLAN))!, planStatus('b.md', analyzePlan(lines('# Acme Connector Rollout Plan', '')))!];
      const summary = statusSummary(rows, 'docs');
      assert.match(summary, /^2 plans in docs: \d GO, \d NO-GO\.\n- a\.md \(Linear\): \d+%/);
      assert.equal(statusSummary([], 'docs'), 'No connector rollout plans in docs.');
    });
  });
});
