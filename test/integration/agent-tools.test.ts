import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { AGENT_TOOLS } from '../../src/core';
import { main } from '../../src/cli/main';
import { extensionApi, planText } from './plan-documents';
import { until } from './plan-tree-nodes';

// The language-model tools, called as an agent calls them (`vscode.lm.invokeTool`, no chat model needed in 1.100),
// and compared with the CLI run in-process from the workspace folder on the same files.

const FOLDER = 'agent-tools-test';

/** The text parts of a tool result, joined by the tool's order: [summary, JSON] for the read-only tools. */
async function invoke(name: string, input: object): Promise<string[]> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return result.content.map((part) => {
    assert.ok(part instanceof vscode.LanguageModelTextPart, `${name} returns text parts only`);
    return part.value;
  });
}

async function cli(...argv: string[]): Promise<{ stdout: string; code: number }> {
  let stdout = '';
  const code = await main({
    argv,
    cwd: vscode.workspace.workspaceFolders![0].uri.fsPath,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: () => undefined },
    tool: { version: 'test', informationUri: 'https://example.test' },
  });
  return { stdout, code };
}

describe('language-model tools', () => {
  let root: vscode.Uri;
  const at = (path: string) => vscode.Uri.joinPath(root, FOLDER, path);
  const write = (path: string, content: string | Uint8Array) => vscode.workspace.fs.writeFile(at(path), typeof content === 'string' ? new TextEncoder().encode(content) : content);
  // Built at run time, so no secret scanner takes this file for a leak.
  const pastedKey = ['sk', 'live', '51HxQ2eKj4PLmN8rT6vW0yZ3bC5dF7gH9'].join('_');

  before(async () => {
    await extensionApi();
    root = vscode.workspace.workspaceFolders![0].uri;
    await write('acme-rollout-plan.md', planText('Acme'));
    await write('globex-rollout-plan.md', planText('Globex').replace('- [ ] ', '- [x] '));
    await write('notes.md', '# Meeting notes\n\nNothing to check.\n');
    await write('binary.md', new Uint8Array([0x23, 0x20, 0x00, 0xff, 0x10]));
    await write('leaky-rollout-plan.md', planText('Leaky').replace('- Authentication model: OAuth', `- Authentication model: STRIPE_SECRET_KEY=${pastedKey}`).replace('- [ ] Mappings validated', `- [ ] Mappings validated, old key ${pastedKey} rotated`));
  });

  afterEach(async () => {
    for (let i = 0; i < 10 && vscode.window.activeTextEditor; i++) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  after(async () => {
    await Promise.resolve(vscode.workspace.fs.delete(vscode.Uri.joinPath(root, FOLDER), { recursive: true, useTrash: false })).catch(() => undefined);
  });

  it('are all registered under the names package.json contributes', () => {
    const registered = new Set(vscode.lm.tools.map((tool) => tool.name));
    for (const tool of AGENT_TOOLS) assert.ok(registered.has(tool.vscodeName), `${tool.vscodeName} is registered`);
    const check = vscode.lm.tools.find((tool) => tool.name === 'connectorPlan_checkPlan')!;
    assert.ok(check.description.includes('go/no-go verdict'), 'the model description comes from the manifest');
    assert.deepEqual(Object.keys((check.inputSchema as { properties: object }).properties), ['path']);
  });

  it('checkPlan gives the CLI\'s JSON for the file, after a summary with the verdict and the gaps by line', async () => {
    const [summary, json] = await invoke('connectorPlan_checkPlan', { path: `${FOLDER}/acme-rollout-plan.md` });
    const fromCli = await cli('check', '--format', 'json', `${FOLDER}/acme-rollout-plan.md`);
    assert.deepEqual(JSON.parse(json), JSON.parse(fromCli.stdout));
    assert.equal(json, fromCli.stdout, 'the very same text');
    assert.match(summary, /^agent-tools-test\/acme-rollout-plan\.md: checked as a connector rollout plan\.\nVerdict: NO-GO\./);
    const first = (JSON.parse(json) as { files: { findings: { line: number; ruleId: string }[] }[] }).files[0].findings[0];
    assert.ok(summary.includes(`- line ${first.line}: `), 'each gap is named with its line');
  });

  it('checkPlan without a path checks the active editor, unsaved edits included', async () => {
    const document = await vscode.workspace.openTextDocument(at('globex-rollout-plan.md'));
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(document.lineCount, 0), '\n## K) Extra notes\n'));
    const [summary, json] = await invoke('connectorPlan_checkPlan', {});
    assert.ok(summary.startsWith(`${FOLDER}/globex-rollout-plan.md: `), summary);
    const api = await extensionApi();
    const live = api.analyzer.get(document) ?? (await api.analyzer.analyzeDocument(document));
    assert.equal((JSON.parse(json) as { files: { findings: unknown[] }[] }).files[0].findings.length, live.report.findings.length, 'the editor\'s findings, not the saved file\'s');
  });

  it('listPlans gives the rows of `connector-plan status --format json`, plans only', async () => {
    const [summary, json] = await invoke('connectorPlan_listPlans', { folder: FOLDER });
    const fromCli = await cli('status', '--format', 'json', FOLDER);
    assert.deepEqual(JSON.parse(json), JSON.parse(fromCli.stdout));
    assert.match(summary, /^3 plans in agent-tools-test: \d GO, \d NO-GO\./);
    assert.ok(!summary.includes('notes.md'));
    const everywhere = JSON.parse((await invoke('connectorPlan_listPlans', {}))[1]) as { plans: { path: string }[] };
    assert.ok(everywhere.plans.some((p) => p.path === `${FOLDER}/acme-rollout-plan.md`), 'the whole workspace by default');
  });

  it('reviewStatus gives the JSON of `connector-plan loop`, and a clear text for a folder that is no loop', async () => {
    // A folder of its own, so the other tests' folder holds single plans only.
    const loop = 'agent-tools-loop-test';
    const put = (path: string, text: string) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, loop, path), new TextEncoder().encode(text));
    try {
      await put('01-a-plan.md', planText('Acme'));
      await put('02-b-review.md', '# Acme — review\n\n### P1-1 — Archived issues are never synced\n### P2-1 — No test for merged users\n');
      await put('03-a-revision.md', '# Acme — revision\n\n| Finding | Status |\n|---|---|\n| P2-1 | Fixed |\n| P2-9 | Fixed |\n');
      await put('FINAL-PLAN.md', planText('Acme'));
      const [summary, json] = await invoke('connectorPlan_reviewStatus', { folder: loop });
      const fromCli = await cli('loop', '--format', 'json', loop);
      assert.deepEqual(JSON.parse(json), JSON.parse(fromCli.stdout));
      assert.match(summary, /^agent-tools-loop-test: the review loop of Acme, stage final\.\nPlan of record: agent-tools-loop-test\/FINAL-PLAN\.md\. Review gate: NO-GO/);
      assert.match(summary, /\n- P1-1 \(P1, open\): "Archived issues are never synced", raised at agent-tools-loop-test\/02-b-review\.md:3/);
      const none = await invoke('connectorPlan_reviewStatus', { folder: FOLDER });
      assert.equal(none.length, 1);
      assert.match(none[0], /agent-tools-test is not a review loop/);
    } finally {
      await Promise.resolve(vscode.workspace.fs.delete(vscode.Uri.joinPath(root, loop), { recursive: true, useTrash: false })).catch(() => undefined);
    }
  });

  it('explainPlan gives the JSON of `connector-plan explain`', async () => {
    const [summary, json] = await invoke('connectorPlan_explainPlan', { path: `${FOLDER}/acme-rollout-plan.md` });
    const fromCli = await cli('explain', '--format', 'json', `${FOLDER}/acme-rollout-plan.md`);
    assert.deepEqual(JSON.parse(json), JSON.parse(fromCli.stdout));
    assert.match(summary, /is read as a plan \(.*\)\. Each heading/);
    assert.match(summary, /- line 3 "A\) Business Goal": section A\) Business Goal; /);
  });

  it('bad input gives a clear result text, never an exception', async () => {
    const only = async (name: string, input: object) => {
      const parts = await invoke(name, input);
      assert.equal(parts.length, 1, `one text for ${JSON.stringify(input)}: ${parts.join(' | ')}`);
      return parts[0];
    };
    assert.match(await only('connectorPlan_checkPlan', { path: `${FOLDER}/missing.md` }), /missing\.md does not exist in the workspace folder/);
    assert.match(await only('connectorPlan_checkPlan', { path: '../outside.md' }), /outside the workspace folder/);
    assert.match(await only('connectorPlan_checkPlan', { path: '/etc/hostname' }), /outside the workspace folder/);
    assert.match(await only('connectorPlan_checkPlan', { path: FOLDER }), /is a folder/);
    assert.match(await only('connectorPlan_checkPlan', { path: `${FOLDER}/binary.md` }), /binary file/);
    assert.match(await only('connectorPlan_checkPlan', { file: 'x.md' }), /Unknown input "file"/);
    assert.match(await only('connectorPlan_checkPlan', { path: 42 }), /^Check Connector Plan: /);
    assert.match(await only('connectorPlan_checkPlan', ['just a string']), /must be an object/);
    assert.match(await only('connectorPlan_newPlan', {}), /Missing "name"/);
    assert.match(await only('connectorPlan_setGoNoGoItem', { path: `${FOLDER}/acme-rollout-plan.md`, item: 'no such item', checked: true }), /No go\/no-go item contains "no such item"/);
    const [notPlan, json] = await invoke('connectorPlan_checkPlan', { path: `${FOLDER}/notes.md` });
    assert.match(notPlan, /notes\.md is not a connector rollout plan/);
    assert.deepEqual(JSON.parse(json), JSON.parse((await cli('check', '--format', 'json', `${FOLDER}/notes.md`)).stdout));
  });

  it('never echo a pasted secret', async () => {
    const path = `${FOLDER}/leaky-rollout-plan.md`;
    const confirmation = (await (await extensionApi()).prepareToolInvocation('connectorPlan_setGoNoGoItem', { path, item: 'old key', checked: true }))?.confirmationMessages?.message;
    const results = [
      ...(await invoke('connectorPlan_checkPlan', { path })),
      ...(await invoke('connectorPlan_explainPlan', { path })),
      ...(await invoke('connectorPlan_listPlans', { folder: FOLDER })),
      ...(await invoke('connectorPlan_setGoNoGoItem', { path, item: 'old key', checked: false })),
      ...(await invoke('connectorPlan_setGoNoGoItem', { path, item: 'no such item', checked: true })),
      typeof confirmation === 'string' ? confirmation : confirmation?.value ?? '',
    ];
    assert.ok(results[0].includes('secret-value'), 'the secret is reported');
    assert.match(results.join('\n'), /Item 2 "Mappings validated, old key <redacted> rotated" in agent-tools-test\/leaky-rollout-plan\.md is already unticked/);
    for (const text of results) assert.ok(!text.includes(pastedKey.slice(8)), 'no part of the key is in a result');
  });

  it('newPlan creates the plan the CLI would, and refuses to overwrite it', async () => {
    const [created, json] = await invoke('connectorPlan_newPlan', { name: 'Initech Billing', folder: `${FOLDER}/new` });
    assert.match(created, /^Created agent-tools-test\/new\/initech-billing-rollout-plan\.md from the Connector Rollout Plan template\./);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(at('new/initech-billing-rollout-plan.md')));
    assert.ok(text.startsWith('# Initech Billing Connector Rollout Plan'));
    assert.deepEqual(JSON.parse(json), JSON.parse((await cli('check', '--format', 'json', `${FOLDER}/new/initech-billing-rollout-plan.md`)).stdout));
    const again = await invoke('connectorPlan_newPlan', { name: 'Initech Billing', folder: `${FOLDER}/new` });
    assert.match(again.join(''), /already exists, so it was left as it is/);
    assert.match((await invoke('connectorPlan_newPlan', { name: 'x', folder: '../elsewhere' })).join(''), /outside the workspace folder/);
  });

  it('setGoNoGoItem ticks one item as an undoable edit, and says when it already is', async () => {
    const api = await extensionApi();
    const path = `${FOLDER}/acme-rollout-plan.md`;
    const document = await vscode.workspace.openTextDocument(at('acme-rollout-plan.md'));
    const before = (await api.analyzer.analyzeDocument(document)).report.progress!.goNoGo;
    const [done] = await invoke('connectorPlan_setGoNoGoItem', { path, item: 'mappings VALIDATED', checked: true });
    assert.match(done, /^Ticked item 2 "Mappings validated" in agent-tools-test\/acme-rollout-plan\.md\. The change is in the editor, not saved yet; Undo reverts it\. The go\/no-go checklist is \d+\/\d+: (GO|NO-GO)\.$/);
    const after = await until(api.analyzer.onDidAnalyze, () => {
      const result = api.analyzer.get(document);
      return result && result.report.progress!.goNoGo.checked === before.checked + 1 && result;
    }, 'the plan has one more item ticked');
    assert.equal(after.report.progress!.goNoGo.total, before.total);
    assert.ok(document.isDirty, 'an edit in the editor, not a write to disk');
    const [again] = await invoke('connectorPlan_setGoNoGoItem', { path, item: 2, checked: 'true' });
    assert.match(again, /is already ticked; nothing was changed/);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.ok(!document.isDirty, 'Undo takes it back');
  });

  it('ask before they write, naming the file and the item; read-only tools just say what they do', async () => {
    const api = await extensionApi();
    const message = (prepared?: vscode.PreparedToolInvocation) => {
      const text = prepared?.confirmationMessages?.message;
      return typeof text === 'string' ? text : text?.value;
    };
    const create = await api.prepareToolInvocation('connectorPlan_newPlan', { name: 'Umbrella', folder: `${FOLDER}/new` });
    assert.equal(create?.confirmationMessages?.title, 'Create a connector plan?');
    assert.equal(message(create), 'Create agent-tools-test/new/umbrella-rollout-plan.md from the Connector Rollout Plan template, for "Umbrella"?');
    const tick = await api.prepareToolInvocation('connectorPlan_setGoNoGoItem', { path: `${FOLDER}/globex-rollout-plan.md`, item: 'mappings', checked: false });
    assert.equal(tick?.confirmationMessages?.title, 'Untick a go/no-go item?');
    assert.match(message(tick) ?? '', /^Untick item 2 "Mappings validated" of the go\/no-go checklist in agent-tools-test\/globex-rollout-plan\.md\?$/);
    const check = await api.prepareToolInvocation('connectorPlan_checkPlan', { path: `${FOLDER}/acme-rollout-plan.md` });
    assert.equal(check?.confirmationMessages, undefined);
    assert.equal(check?.invocationMessage, `Checking ${FOLDER}/acme-rollout-plan.md`);
    assert.equal(await api.prepareToolInvocation('connectorPlan_newPlan', { name: '' }), undefined, 'no confirmation for an input that will be refused');
  });
});
