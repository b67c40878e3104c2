import * as vscode from 'vscode';
import { getDefaultSchema, readTemplate, type ReadTemplate, type TemplateSchema } from '../core';
import { readWorkspaceFile } from './read-file';

export type LoadedTemplate = { ok: true; uri: vscode.Uri; read: ReadTemplate } | { ok: false; uri: vscode.Uri; problem: string };

/** A template a plan can be made from, for New Connector Plan's pick. */
export interface TemplateOption {
  label: string;
  /** Undefined for the built-in template. */
  uri?: vscode.Uri;
  schema: TemplateSchema;
}

/**
 * The team templates the workspace names (`connectorPlan.template`, `.connector-plan.json`), read through
 * `workspace.fs` once each and again when they change. A template that cannot be read or used is reported once,
 * naming the file; plans then use the built-in template meanwhile.
 */
export class TemplateStore implements vscode.Disposable {
  private readonly loaded = new Map<string, Promise<LoadedTemplate>>();
  private readonly failed = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a template that was read changed on disk (or in an editor, once saved). */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly report: (message: string) => void) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
    const drop = (uri: vscode.Uri) => {
      if (this.loaded.delete(uri.toString())) this.changed.fire();
    };
    // A template written after the plans that name it (a clone, a checkout) was read as missing: read it again.
    this.disposables.push(watcher, watcher.onDidCreate(drop), watcher.onDidChange(drop), watcher.onDidDelete(drop), vscode.workspace.onDidSaveTextDocument((d) => drop(d.uri)));
  }

  load(uri: vscode.Uri): Promise<LoadedTemplate> {
    const key = uri.toString();
    // A template that could not be read is tried again next time: it may have been written since (a clone, a
    // checkout), and file events for new folders do not always come. Its problem is reported once all the same.
    if (this.failed.delete(key)) this.loaded.delete(key);
    let pending = this.loaded.get(key);
    if (!pending) {
      pending = readTemplateAt(uri).then((loaded) => {
        if (!loaded.ok) this.failed.add(key);
        const shown = vscode.workspace.asRelativePath(uri);
        if (!loaded.ok) this.report(vscode.l10n.t('Cannot use the template {0}: {1}. Its plans are checked with the built-in template meanwhile.', shown, loaded.problem));
        else for (const problem of loaded.read.problems.filter((p) => p.severity === 'error')) this.report(problem.line ? vscode.l10n.t('Template {0}, line {1}: {2}.', shown, problem.line, problem.message) : vscode.l10n.t('Template {0}: {1}.', shown, problem.message));
        return loaded;
      });
      this.loaded.set(key, pending);
    }
    return pending;
  }

  /** The schema of a template URI; undefined (the built-in one) without a URI or when it cannot be used. */
  async schema(uri: vscode.Uri | undefined): Promise<TemplateSchema | undefined> {
    if (!uri) return undefined;
    const loaded = await this.load(uri);
    return loaded.ok ? loaded.read.schema : undefined;
  }

  /** Whether `uri` is a template this workspace uses (read already): a template is never a plan. */
  isTemplate(uri: vscode.Uri): boolean {
    return this.loaded.has(uri.toString());
  }

  /** The built-in template, then each usable team template of `uris`, for a pick. */
  async options(uris: vscode.Uri[]): Promise<TemplateOption[]> {
    const options: TemplateOption[] = [{ label: vscode.l10n.t('{0} (built in)', getDefaultSchema().titleSuffix), schema: getDefaultSchema() }];
    const seen = new Set<string>();
    for (const uri of uris) {
      if (seen.has(uri.toString())) continue;
      seen.add(uri.toString());
      const loaded = await this.load(uri);
      if (loaded.ok) options.push({ label: loaded.read.schema.titleSuffix || vscode.workspace.asRelativePath(uri), uri, schema: loaded.read.schema });
    }
    return options;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

async function readTemplateAt(uri: vscode.Uri): Promise<LoadedTemplate> {
  const file = await readWorkspaceFile(uri);
  if ('problem' in file) return { ok: false, uri, problem: file.problem };
  const { bytes } = file;
  if (bytes.includes(0)) return { ok: false, uri, problem: 'it is a binary file, not markdown' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, uri, problem: 'it is not valid UTF-8' };
  }
  const read = readTemplate(text);
  if (!read.usable) return { ok: false, uri, problem: read.problems.find((p) => p.severity === 'error')?.message ?? 'it has no sections' };
  return { ok: true, uri, read };
}
