import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyzePlan } from '../../src/core';
import { markdownFiles, walkMarkdownFiles } from '../../src/extension/plan-files';
import { extensionApi, planText } from './plan-documents';

/** A file system with no search provider, as virtual workspaces may be: findFiles never answers for it. */
class MemoryFileSystem implements vscode.FileSystemProvider {
  private readonly files = new Map<string, Uint8Array>();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  add(path: string, text: string): void {
    this.files.set(path, new TextEncoder().encode(text));
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const file = this.files.get(uri.path);
    if (file) return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: file.length };
    if (this.children(uri.path).length || uri.path === '/') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    return this.children(uri.path);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file;
  }

  private children(folder: string): [string, vscode.FileType][] {
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    const names = new Map<string, vscode.FileType>();
    for (const path of this.files.keys()) {
      if (!path.startsWith(prefix)) continue;
      const [name, ...rest] = path.slice(prefix.length).split('/');
      names.set(name, rest.length ? vscode.FileType.Directory : vscode.FileType.File);
    }
    return [...names];
  }

  createDirectory(): void {}
  writeFile(): void {
    throw vscode.FileSystemError.NoPermissions('read-only');
  }
  delete(): void {}
  rename(): void {}
}

describe('workspaces without search (virtual file systems)', () => {
  const memory = new MemoryFileSystem();
  let registration: vscode.Disposable;

  before(() => {
    memory.add('/docs/acme-rollout-plan.md', planText('Acme'));
    memory.add('/docs/deep/er/globex-rollout-plan.md', planText('Globex'));
    memory.add('/docs/notes.txt', 'not markdown');
    memory.add('/README.md', '# Readme\n');
    registration = vscode.workspace.registerFileSystemProvider('cp-memfs', memory, { isReadonly: true });
  });

  after(() => registration.dispose());

  it('finds every markdown file there by walking readDirectory', async () => {
    const base = vscode.Uri.parse('cp-memfs:/');
    const walked = (await walkMarkdownFiles(base)).map((uri) => uri.path).sort();
    assert.deepEqual(walked, ['/README.md', '/docs/acme-rollout-plan.md', '/docs/deep/er/globex-rollout-plan.md']);
  });

  it("lists them as the Plans view's scan does when search does not answer", async () => {
    const base = vscode.Uri.parse('cp-memfs:/');
    const listed = (await markdownFiles(base, { uri: base, name: 'memory', index: 0 })).map((uri) => uri.path).sort();
    assert.deepEqual(listed, ['/README.md', '/docs/acme-rollout-plan.md', '/docs/deep/er/globex-rollout-plan.md']);
  });

  it('walks the workspace folder to the same markdown files findFiles finds, settings exclusions applied', async () => {
    const root = vscode.workspace.workspaceFolders![0].uri;
    const found = (await vscode.workspace.findFiles(new vscode.RelativePattern(root, '**/*.md'), '**/node_modules/**')).map((uri) => uri.toString()).sort();
    const walked = (await walkMarkdownFiles(root)).map((uri) => uri.toString()).sort();
    assert.ok(found.length > 0);
    assert.deepEqual(walked, found);
  });

  it('checks a plan read through workspace.fs from that file system', async () => {
    const api = await extensionApi();
    const uri = vscode.Uri.parse('cp-memfs:/docs/acme-rollout-plan.md');
    const result = await api.analyzer.analyzeFile(uri);
    assert.ok(result?.isPlan);
    assert.deepEqual(result.report.findings.map((f) => f.ruleId), analyzePlan(planText('Acme')).findings.map((f) => f.ruleId));
  });

  it('stops walking after the entry limit', async () => {
    assert.equal((await walkMarkdownFiles(vscode.Uri.parse('cp-memfs:/'), 2)).length, 1, 'only README.md is seen among the first two entries');
  });
});
