import * as assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, ftruncateSync, openSync } from 'node:fs';
import * as vscode from 'vscode';
import { diagnosticsWhen, extensionApi, planText } from './plan-documents';

// What the extension reads from disk (the Plans view's scan, `.connector-plan.json`, team templates, the agent tools)
// is a regular file within connectorPlan.maxFileSize; anything else is named and skipped, never waited on.
// Each named pipe here has a writer that gives its first reader a text and then the end of the file (see fifo()), and
// each is one that only one read would reach: an extension that opened it would read that text and go on, so these
// tests fail by what they find, never by waiting.

const FOLDER = 'file-limits-test';

async function invoke(name: string, input: object): Promise<string[]> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : ''));
}

describe('files that are not regular files, and files over connectorPlan.maxFileSize', () => {
  let root: vscode.Uri;
  const writers: ChildProcess[] = [];
  const at = (path: string) => vscode.Uri.joinPath(root, FOLDER, path);
  const write = (path: string, text: string) => vscode.workspace.fs.writeFile(at(path), new TextEncoder().encode(text));
  /** A named pipe whose writer gives the first reader `feed`, then the end of the file. */
  const fifo = (path: string, feed: string) => {
    execFileSync('mkfifo', [at(path).fsPath]);
    writers.push(spawn('sh', ['-c', 'printf %s "$1" > "$2"', 'sh', feed, at(path).fsPath], { stdio: 'ignore' }));
  };

  before(async function () {
    if (process.platform === 'win32') this.skip();
    await extensionApi();
    root = vscode.workspace.workspaceFolders![0].uri;
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(root, FOLDER));
  });

  after(async () => {
    for (const writer of writers) writer.kill();
    await Promise.resolve(vscode.workspace.fs.delete(vscode.Uri.joinPath(root, FOLDER), { recursive: true, useTrash: false })).catch(() => undefined);
  });

  // First, while the folder holds no named pipe: the scan's message names what it skipped.
  it('the Plans view skips a plan over connectorPlan.maxFileSize and says so', async () => {
    const { planTree } = await extensionApi();
    const small = at('small-rollout-plan.md');
    const large = at('large-rollout-plan.md');
    await write('small-rollout-plan.md', planText('Small'));
    await write('large-rollout-plan.md', `${planText('Large')}\n## K) Notes\n${'- a long note\n'.repeat(1000)}`);
    const config = vscode.workspace.getConfiguration('connectorPlan');
    // The message is set when a scan ends; a settings change starts scans of its own besides this Refresh, and one
    // of those may end last with the state before it: a Refresh ends with the state now, tried up to three times.
    const scanned = async (what: string, done: () => boolean) => {
      for (let round = 0; round < 3 && !done(); round++) await planTree.refresh();
      assert.ok(done(), `${what}, after three scans (the view's message: ${planTree.view.message})`);
    };
    try {
      await config.update('maxFileSize', 0.005, vscode.ConfigurationTarget.Global);
      await scanned('the large plan is skipped and named', () => Boolean(planTree.planNode(small)) && !planTree.planNode(large) && /large-rollout-plan/.test(planTree.view.message ?? ''));
      assert.match(planTree.view.message ?? '', /^Skipped file-limits-test\/large-rollout-plan\.md: \d+(\.\d)? KB, over the 0\.005 MB limit; raise it with connectorPlan\.maxFileSize$/);
    } finally {
      await config.update('maxFileSize', undefined, vscode.ConfigurationTarget.Global);
    }
    await scanned('the large plan is listed again under the default limit', () => Boolean(planTree.planNode(large)) && planTree.view.message === undefined);
  });

  it('an open plan over connectorPlan.maxFileSize is not checked: one information diagnostic names it, as the Plans view does', async () => {
    const config = vscode.workspace.getConfiguration('connectorPlan');
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: `${planText('Open Large')}\n## K) Notes\n${'- a long note\n'.repeat(1000)}` });
    await vscode.window.showTextDocument(document);
    const skipped = (diagnostics: vscode.Diagnostic[]) => diagnostics.length === 1 && /^Skipped /.test(diagnostics[0].message);
    try {
      await diagnosticsWhen(document.uri, (diagnostics) => diagnostics.length > 0 && !skipped(diagnostics));
      await config.update('maxFileSize', 0.005, vscode.ConfigurationTarget.Global);
      const [diagnostic] = await diagnosticsWhen(document.uri, skipped);
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Information);
      assert.match(diagnostic.message, /^Skipped Untitled-\d+: \d+(\.\d)? KB, over the 0\.005 MB limit; raise it with connectorPlan\.maxFileSize$/);
      const { analyzer } = await extensionApi();
      assert.equal((await analyzer.analyzeDocument(document)).isPlan, false);
    } finally {
      await config.update('maxFileSize', undefined, vscode.ConfigurationTarget.Global);
    }
    await diagnosticsWhen(document.uri, (diagnostics) => diagnostics.length > 0 && !skipped(diagnostics));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  // Not .md: the Plans view's watcher would be a first reader.
  it('the check and explain tools refuse a named pipe without opening it', async () => {
    for (const tool of ['connectorPlan_checkPlan', 'connectorPlan_explainPlan']) {
      fifo(`${tool}-rollout-plan.txt`, planText('Pipe'));
      const parts = await invoke(tool, { path: `${FOLDER}/${tool}-rollout-plan.txt` });
      assert.equal(parts.length, 1, `${tool}: ${parts.join(' | ')}`);
      assert.match(parts[0], new RegExp(`Cannot read file-limits-test/${tool}-rollout-plan\\.txt: not a regular file`), tool);
    }
  });

  it('a .connector-plan.json that is a named pipe is named, and the default rule severities hold', async () => {
    await vscode.workspace.fs.createDirectory(at('pipe-config'));
    // Nothing in the new folder was read before, so the check below is the first look at its config. (It waited for
    // the watcher's create event before; code-server does not always send one for a file in a folder just made.)
    fifo('pipe-config/.connector-plan.json', JSON.stringify({ rules: { 'empty-field': 'off' } }));
    await write('pipe-config/acme-rollout-plan.md', planText('Acme'));
    const [, json] = await invoke('connectorPlan_checkPlan', { path: `${FOLDER}/pipe-config/acme-rollout-plan.md` });
    const findings = (JSON.parse(json) as { files: { findings: { ruleId: string }[] }[] }).files[0].findings;
    assert.ok(findings.some((f) => f.ruleId === 'empty-field'), 'the pipe\'s rules were not read');
    const { recentNotices } = await extensionApi();
    assert.ok(recentNotices().some((notice) => /pipe-config\/\.connector-plan\.json: not a regular file/.test(notice)), recentNotices().join('\n'));
  });

  it('a team template that is a named pipe is named, and its plans use the built-in template', async () => {
    fifo('pipe-template.txt', '# {Feature} Feature Rollout Plan\n\n## A) Goal\n- Problem this solves:\n');
    const config = vscode.workspace.getConfiguration('connectorPlan');
    try {
      await config.update('template', `${FOLDER}/pipe-template.txt`, vscode.ConfigurationTarget.Global);
      await write('templated-rollout-plan.md', planText('Templated'));
      const [summary] = await invoke('connectorPlan_checkPlan', { path: `${FOLDER}/templated-rollout-plan.md` });
      assert.match(summary, /checked as a connector rollout plan/, 'checked with the built-in template');
      const { recentNotices } = await extensionApi();
      assert.ok(recentNotices().some((notice) => /Cannot use the template file-limits-test\/pipe-template\.txt: not a regular file/.test(notice)), recentNotices().join('\n'));
    } finally {
      await config.update('template', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('the tools refuse a file over the limit, naming its size and the setting', async () => {
    // Sparse: 11 MB that take neither the disk space nor the time to write.
    const fd = openSync(at('huge-rollout-plan.md').fsPath, 'w');
    ftruncateSync(fd, 11 * 1024 * 1024);
    closeSync(fd);
    const parts = await invoke('connectorPlan_checkPlan', { path: `${FOLDER}/huge-rollout-plan.md` });
    assert.deepEqual(parts, ['Check Connector Plan: Cannot read file-limits-test/huge-rollout-plan.md: 11 MB, over the 10 MB limit; raise it with connectorPlan.maxFileSize']);
  });
});
