import * as vscode from 'vscode';
import { checksRepository, extractReferences, inspectPlan, REPOSITORY_RULES, isLoopFileName, mightBePlan, parseConfig, planPlaceInConfig, readLoop, textTooLargeProblem, type AnalyzeOptions, type LoopFile, type LoopPlace, type PlanModel, type ReviewLoop, type PlanReport, type RuleConfig } from '../core';
import { matches, planFileKind, type PlanFileKind } from './plan-files';
import { RAISE_WITH, readWorkspaceFile } from './read-file';
import { readSettings } from './settings';
import { TemplateStore } from './templates';
import { showWarning } from './notices';
import { WorkspaceRepositories } from './repository';

export interface PlanAnalysis {
  uri: vscode.Uri;
  /** The document version analysed; -1 for a file read from disk. */
  version: number;
  /** A plan the extension checks (the core recognised it, or settings say it is one). */
  isPlan: boolean;
  report: PlanReport;
  plan: PlanModel;
  /** Why an open document that may be a plan was not checked (over `connectorPlan.maxFileSize`, as a file on disk would be). */
  skipped?: string;
  /** The review loop the file is a round (or the final plan) of. */
  loop?: ReviewLoop;
}

const CONFIG_FILE = '.connector-plan.json';

/** A `.connector-plan.json`: its rules, its `files` globs and its templates, relative to its folder (a URI path). */
interface FolderConfig {
  rules: RuleConfig;
  files: string[];
  template?: vscode.Uri;
  templates: { files: string[]; template: vscode.Uri }[];
  /** `"loops"`: folder globs relative to `folder`, or false (no review loops); undefined: loops by their rounds. */
  loops?: string[] | false;
  folder: string;
}

/**
 * Runs the core on documents and files and keeps the latest result per URI. Every feature (diagnostics,
 * quick fixes, tree, status bar) reads these results, so they never disagree and nothing is analysed twice.
 */
export class PlanAnalyzer implements vscode.Disposable {
  private readonly results = new Map<string, PlanAnalysis>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly configs = new Map<string, Promise<FolderConfig | undefined>>();
  /** Plans New Connector Plan made this session (plans from the start, before their text says so), with the template chosen. */
  private readonly created = new Map<string, vscode.Uri | undefined>();
  /** The untitled documents among those (see isCreated). */
  private readonly createdDocuments = new WeakSet<vscode.TextDocument>();
  readonly templates: TemplateStore;
  /** The workspace folders' repositories, what plans are checked against (reference-not-found, env-var-unknown). */
  readonly repositories = new WorkspaceRepositories((message) => this.output.appendLine(message));
  private readonly reportedProblems = new Set<string>();
  /** Why the last scan of a file did not read it (not a regular file, over the size limit), by URI. */
  private readonly skipped = new Map<string, string>();
  private readonly analyzed = new vscode.EventEmitter<PlanAnalysis>();
  private readonly forgotten = new vscode.EventEmitter<vscode.Uri>();
  private readonly rulesChanged = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.analyzed, this.forgotten, this.rulesChanged];

  /** Fires after each analysis, with its result. */
  readonly onDidAnalyze = this.analyzed.event;
  /** Fires when a document's result is dropped (closed, or no longer a plan file). */
  readonly onDidForget = this.forgotten.event;
  /** Fires when a `.connector-plan.json` changed, after its cached contents were dropped. */
  readonly onDidChangeRuleFiles = this.rulesChanged.event;

  constructor(private readonly output: vscode.OutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE}`);
    const reset = () => {
      this.configs.clear();
      this.rulesChanged.fire();
    };
    this.templates = new TemplateStore((message) => this.reportProblem(message));
    this.disposables.push(watcher, watcher.onDidChange(reset), watcher.onDidCreate(reset), watcher.onDidDelete(reset), this.templates, this.templates.onDidChange(() => this.rulesChanged.fire()));
    this.disposables.push(this.repositories, this.repositories.onDidChange(({ root, first }) => this.recheckRepository(root, first)));
  }

  /**
   * Reads the file's repository when its rules need it and it is not read yet: an agent's question waits for the
   * whole answer. True when it had to be read: an analysis made before lacks the repository's findings.
   */
  async readRepository(uri: vscode.Uri): Promise<boolean> {
    if (this.repositories.placeOf(uri)) return false;
    const { options, never } = await this.optionsFor(uri);
    if (never || !checksRepository(options.rules)) return false;
    await this.repositories.request(uri);
    return true;
  }

  /**
   * Checks the repository's plans again: once it is read, every plan in it (open or listed); after a change (a file
   * created, deleted or renamed, or one naming other env vars), the open plans and the listed ones with a finding about
   * the repository: a created file clears its warning without reopening. A closed plan a deletion breaks shows it at
   * the next scan, as the CLI's next run does.
   */
  private recheckRepository(root: vscode.Uri, first: boolean): void {
    const inside = `${root.toString()}/`;
    for (const result of [...this.results.values()]) {
      if (!result.isPlan || !result.uri.toString().startsWith(inside)) continue;
      const document = openDocument(result.uri);
      if (!first && !document && !result.report.findings.some((f) => REPOSITORY_RULES.has(f.ruleId))) continue;
      // A plan that names nothing its repository could contradict (no file it says exists, no env var) reads the same.
      if (first && !extractReferences(result.plan).some((ref) => ref.claim)) continue;
      if (document) {
        // Typing schedules its own analysis, which reads the new index.
        if (!this.timers.has(result.uri.toString())) void this.analyzeDocument(document);
      } else void this.analyzeFile(result.uri);
    }
  }

  /**
   * The team template a file is written from: the first `templates` entry of its `.connector-plan.json` naming
   * it, else `connectorPlan.template`, else that config's `template`; undefined for the built-in template.
   */
  async templateFor(uri: vscode.Uri): Promise<vscode.Uri | undefined> {
    if (this.isCreated(uri)) return this.created.get(uri.toString());
    const config = await this.fileConfig(uri);
    const relative = config && uri.path.slice(config.folder.length + 1);
    const entry = config && config.templates.find((t) => matches(relative!, t.files));
    if (entry) return entry.template;
    const setting = readSettings(uri).template;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (setting && folder && vscode.workspace.isTrusted) return vscode.Uri.joinPath(folder.uri, ...setting.split(/[\\/]+/).filter(Boolean));
    return config?.template;
  }

  /** Every team template the workspace names (setting and root configs), for New Connector Plan's pick. */
  async workspaceTemplates(folder: vscode.WorkspaceFolder): Promise<vscode.Uri[]> {
    const uris: vscode.Uri[] = [];
    const setting = readSettings(folder.uri).template;
    if (setting && vscode.workspace.isTrusted) uris.push(vscode.Uri.joinPath(folder.uri, ...setting.split(/[\\/]+/).filter(Boolean)));
    const config = vscode.workspace.isTrusted ? await this.configAt(folder.uri) : undefined;
    if (config?.template) uris.push(config.template);
    for (const entry of config?.templates ?? []) uris.push(entry.template);
    return uris;
  }

  /**
   * Where New Connector Plan writes a plan of `template` so that it stays one after a reload (planPlaceInConfig, as
   * the CLI): the `connectorPlan.template` setting with `connectorPlan.files`, else a config naming the template (the
   * workspace folder's, or one above the template) in a `templates` entry or as its `template`; `preferred` (the
   * plans folder) when that covers it, else the folder a glob starts with. `free`: nothing names the template, or its
   * plans may be anywhere; `uncovered`: none of its globs names a folder for the plan (the globs are given to say so).
   */
  async planFolderFor(template: vscode.Uri, fileName: string, workspaceFolder: vscode.WorkspaceFolder, preferred: vscode.Uri): Promise<{ folder: vscode.Uri } | { free: true } | { uncovered: string[] }> {
    if (!vscode.workspace.isTrusted) return { free: true };
    const isTemplate = (uri: vscode.Uri) => uri.toString() === template.toString();
    const inside = (folder: string) => (preferred.path.startsWith(`${folder}/`) ? preferred.path.slice(folder.length + 1) : preferred.path === folder ? '' : undefined);
    const at = (dir: vscode.Uri, place: ReturnType<typeof planPlaceInConfig>) => (place && 'folder' in place ? { folder: place.folder ? vscode.Uri.joinPath(dir, ...place.folder.split('/')) : dir } : place);
    const rootConfig = await this.configAt(workspaceFolder.uri);
    // The setting stands where a config's `template` would (templateFor reads it first), its globs are connectorPlan.files.
    const settings = readSettings(workspaceFolder.uri);
    const setting = settings.template ? vscode.Uri.joinPath(workspaceFolder.uri, ...settings.template.split(/[\\/]+/).filter(Boolean)) : undefined;
    if (setting && isTemplate(setting) && !rootConfig?.templates.some((t) => isTemplate(t.template))) {
      const place = planPlaceInConfig({ files: settings.files, template: setting, templates: rootConfig?.templates ?? [] }, isTemplate, fileName, matches, inside(withoutTrailingSlashes(workspaceFolder.uri.path)));
      if (place) return at(workspaceFolder.uri, place)!;
    }
    const dirs: vscode.Uri[] = [workspaceFolder.uri];
    for (let dir = vscode.Uri.joinPath(template, '..'); dir.path.startsWith(`${workspaceFolder.uri.path}/`); dir = vscode.Uri.joinPath(dir, '..')) dirs.push(dir);
    const uncovered: string[] = [];
    for (const dir of dirs) {
      const config = await this.configAt(dir);
      const place = config && at(dir, planPlaceInConfig(config, isTemplate, fileName, matches, inside(config.folder)));
      if (!place) continue;
      if (!('uncovered' in place)) return place;
      uncovered.push(...place.uncovered);
    }
    return uncovered.length ? { uncovered } : { free: true };
  }

  /** The result for this exact document version, if there is one. */
  get(document: vscode.TextDocument): PlanAnalysis | undefined {
    const result = this.results.get(document.uri.toString());
    return result && result.version === document.version ? result : undefined;
  }

  /** The latest result for a URI, whatever version it was. */
  latest(uri: vscode.Uri): PlanAnalysis | undefined {
    return this.results.get(uri.toString());
  }

  async analyzeDocument(document: vscode.TextDocument): Promise<PlanAnalysis> {
    this.cancel(document.uri);
    return this.analyze(document.uri, document.getText(), document.version);
  }

  /**
   * The analysis of the document as it is now: at once when there is one; when one is scheduled (typing), once it
   * ran, so asking does not cut the lint delay short; else analysed now. Undefined when cancelled or closed first.
   */
  current(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<PlanAnalysis | undefined> {
    const done = this.get(document);
    if (done) return Promise.resolve(done);
    const key = document.uri.toString();
    if (!this.timers.has(key)) return this.analyzeDocument(document);
    if (token?.isCancellationRequested) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const finish = (result: PlanAnalysis | undefined) => {
        for (const d of listeners) d.dispose();
        resolve(result);
      };
      const listeners: vscode.Disposable[] = [
        // `document.version` is read when the result comes: a result for text typed over meanwhile is not the one.
        this.onDidAnalyze((result) => result.uri.toString() === key && result.version === document.version && finish(result)),
        this.onDidForget((uri) => uri.toString() === key && finish(undefined)),
      ];
      if (token) listeners.push(token.onCancellationRequested(() => finish(undefined)));
    });
  }

  /** Analyses after `delay` ms of quiet (typing); a newer call replaces an older one. */
  schedule(document: vscode.TextDocument, delay: number): void {
    this.cancel(document.uri);
    const key = document.uri.toString();
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (!document.isClosed) void this.analyzeDocument(document);
    }, delay));
  }

  /** Analyses a file that may not be open, through the workspace file system (works in virtual workspaces). */
  async analyzeFile(uri: vscode.Uri): Promise<PlanAnalysis | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return this.get(open) ?? this.analyzeDocument(open);
    try {
      const read = await readWorkspaceFile(uri);
      if ('problem' in read) {
        this.output.appendLine(vscode.l10n.t('Could not read {0}: {1}', uri.toString(true), read.problem));
        return undefined;
      }
      return await this.analyze(uri, new TextDecoder('utf-8').decode(read.bytes), -1);
    } catch (error) {
      this.output.appendLine(vscode.l10n.t('Could not read {0}: {1}', uri.toString(true), (error as Error).message));
      return undefined;
    }
  }

  /** Takes `uri` for a plan of `template` (undefined: built in) from now on, whatever its text (New Connector Plan calls it before writing the plan). */
  markCreated(uri: vscode.Uri, template?: vscode.Uri, document?: vscode.TextDocument): void {
    this.created.set(uri.toString(), template);
    if (document) this.createdDocuments.add(document);
  }

  /**
   * Whether New Connector Plan made the file. An untitled name (`Untitled-1`) is reused by the next new document,
   * sometimes before the old one's close is announced: there the mark holds for the very document it was made for.
   */
  private isCreated(uri: vscode.Uri): boolean {
    if (!this.created.has(uri.toString())) return false;
    if (uri.scheme !== 'untitled') return true;
    const document = openDocument(uri);
    return Boolean(document && this.createdDocuments.has(document));
  }

  /**
   * For a scan of the workspace: like `analyzeFile`, but a closed file the cheap pre-test rules out (unless settings
   * make it a plan) is not analysed, and a closed file that is no plan is neither kept nor announced.
   * Undefined when the file is no plan or cannot be read.
   */
  async scanFile(uri: vscode.Uri): Promise<PlanAnalysis | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return this.get(open) ?? this.analyzeDocument(open);
    const read = await readWorkspaceFile(uri);
    if ('problem' in read) {
      this.output.appendLine(vscode.l10n.t('Could not read {0}: {1}', uri.toString(true), read.problem));
      if (!read.missing) this.skipped.set(uri.toString(), read.problem);
      return undefined;
    }
    this.skipped.delete(uri.toString());
    const text = new TextDecoder('utf-8').decode(read.bytes);
    const kind = planFileKind(uri);
    const skip = kind === 'excluded' || (!mightBePlan(text) && !(await this.isForced(uri, kind, await this.fileConfig(uri))));
    const result = skip ? undefined : await this.analyze(uri, text, -1, false);
    // Opened while the file was read: the editor's text is the plan now, and its result must not be replaced.
    const opened = openDocument(uri);
    if (opened) return this.get(opened) ?? this.analyzeDocument(opened);
    if (!result || !isListed(result)) {
      this.results.delete(uri.toString());
      return undefined;
    }
    this.results.set(uri.toString(), result);
    this.analyzed.fire(result);
    return result;
  }

  /** Why the last scan did not read the file (not a regular file, or over `connectorPlan.maxFileSize`); undefined when it did. */
  skipReason(uri: vscode.Uri): string | undefined {
    return this.skipped.get(uri.toString());
  }

  forget(uri: vscode.Uri): void {
    this.cancel(uri);
    // An untitled name (`Untitled-1`) comes back for the next new document: it was made a plan only once.
    if (uri.scheme === 'untitled') this.created.delete(uri.toString());
    if (this.results.delete(uri.toString())) this.forgotten.fire(uri);
  }

  /** Drops cached `.connector-plan.json` contents (settings or trust changed). */
  resetConfiguration(): void {
    this.configs.clear();
  }

  /** Analyses `text` as the file at `uri` would be, without keeping or announcing the result (what the agent tools check). */
  check(uri: vscode.Uri, text: string): Promise<PlanAnalysis> {
    return this.analyze(uri, text, -1, false);
  }

  /**
   * How a file is checked: its rules, whether it is a plan whatever its text, its template; and why it is never a
   * plan (`excluded` by settings, or it is a team's `template`).
   */
  async optionsFor(uri: vscode.Uri): Promise<{ options: AnalyzeOptions; never?: 'excluded' | 'template' }> {
    const kind = planFileKind(uri);
    const config = await this.fileConfig(uri);
    const rules = { ...config?.rules, ...readSettings(uri).rules };
    const template = await this.templateFor(uri);
    const schema = await this.templates.schema(template);
    const options: AnalyzeOptions = { rules, assumePlan: await this.isForced(uri, kind, config), schema, path: uri.path, templatePath: template && schema ? vscode.workspace.asRelativePath(template, false) : undefined, repository: this.repositories.placeOf(uri) };
    // A template file is the team's template, never a plan of it.
    if (kind === 'excluded') return { options, never: 'excluded' };
    return this.templates.isTemplate(uri) || (await this.isTemplateFile(uri, config)) ? { options, never: 'template' } : { options };
  }

  /** How `.connector-plan.json` has a folder read as a review loop (`"loops"`): off, named by a glob, or by its rounds (as the CLI's config lookup). */
  async loopSetting(folder: vscode.Uri): Promise<'off' | 'named' | 'default'> {
    const config = await this.fileConfig(vscode.Uri.joinPath(folder, 'loop.md'));
    if (config?.loops === undefined) return 'default';
    if (config.loops === false) return 'off';
    const relative = withoutTrailingSlashes(folder.path).slice(config.folder.length + 1) || '.';
    return matches(relative, config.loops) ? 'named' : 'default';
  }

  private async analyze(uri: vscode.Uri, text: string, version: number, keep = true): Promise<PlanAnalysis> {
    const { options, never } = await this.optionsFor(uri);
    // A round or the final plan of a review loop gets the loop's findings (the gate), as `connector-plan check` gives them.
    if (!never) options.loop = await this.loopPlace(uri, text, options);
    // An editor's text did not pass readWorkspaceFile: the same limit, so no open document is checked that a scan skips.
    const tooLarge = version === -1 ? undefined : textTooLargeProblem(text, readSettings(uri).maxFileSize, RAISE_WITH);
    const inspected = inspectPlan(tooLarge ? '' : text, options);
    const { plan } = inspected;
    // A template the settings or .connector-plan.json name is one, whatever its text says: listed, never checked.
    const report: PlanReport = never === 'template' ? { ...inspected.report, isPlan: false, kind: 'template', findings: [], progress: undefined, configuredTemplate: true } : tooLarge ? { ...inspected.report, isPlan: false, findings: [], progress: undefined } : inspected.report;
    const skipped = tooLarge && !never && (options.assumePlan || mightBePlan(text, options.schema)) ? tooLarge : undefined;
    const loop = options.loop?.reading.isLoop ? options.loop.reading : undefined;
    const result: PlanAnalysis = { uri, version, isPlan: !never && !tooLarge && report.isPlan, report, plan, ...(skipped ? { skipped } : {}), ...(loop ? { loop } : {}) };
    // A plan asks for its repository: read once per workspace folder, then its plans are checked again with it.
    if (result.isPlan && !options.repository && checksRepository(options.rules) && !this.repositories.isRequested(uri)) void this.repositories.request(uri);
    // The file on disk never replaces what an open document's analysis says (the editor's text is newer).
    if (!keep || (version === -1 && openDocument(uri))) return result;
    this.results.set(uri.toString(), result);
    this.analyzed.fire(result);
    return result;
  }

  /** The review loop of the folder `uri` is a round of, read from the folder (the file's open text, if open); undefined when it is none. */
  async loopReadingOf(uri: vscode.Uri): Promise<ReviewLoop | undefined> {
    const document = openDocument(uri);
    let text = document?.getText();
    if (text === undefined) {
      const read = await readWorkspaceFile(uri);
      if (!('bytes' in read)) return undefined;
      text = new TextDecoder('utf-8').decode(read.bytes);
    }
    const { options, never } = await this.optionsFor(uri);
    if (never) return undefined;
    return (await this.loopPlace(uri, text, options))?.reading as ReviewLoop | undefined;
  }

  /**
   * The file's place in its folder's review loop, read as the CLI reads it: the folder's rounds and final plan (regular
   * files within the size limit; an open document's text over the file's, this one's `text`), its `"loops"` setting.
   */
  async loopPlace(uri: vscode.Uri, text: string, options: AnalyzeOptions): Promise<LoopPlace | undefined> {
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    if (uri.scheme === 'untitled' || !isLoopFileName(name) || !vscode.workspace.getWorkspaceFolder(uri)) return undefined;
    const folder = vscode.Uri.joinPath(uri, '..');
    const setting = await this.loopSetting(folder);
    if (setting === 'off') return undefined;
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(folder);
    } catch {
      return undefined;
    }
    const shown = (file: vscode.Uri) => vscode.workspace.asRelativePath(file, false);
    const files: LoopFile[] = [];
    for (const [entry, type] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (!(type & vscode.FileType.File) || !entry.toLowerCase().endsWith('.md') || !isLoopFileName(entry)) continue;
      const file = vscode.Uri.joinPath(folder, entry);
      if (file.toString() === uri.toString()) {
        files.push({ path: shown(file), text });
        continue;
      }
      const document = openDocument(file);
      if (document) {
        files.push({ path: shown(file), text: document.getText() });
        continue;
      }
      const read = await readWorkspaceFile(file);
      if ('bytes' in read) files.push({ path: shown(file), text: new TextDecoder('utf-8').decode(read.bytes) });
    }
    const reading = readLoop(files, { folder: shown(folder), folderName: folder.path.split('/').filter(Boolean).pop() ?? shown(folder), schema: options.schema, rules: options.rules, named: setting === 'named' });
    return reading.isLoop ? { reading, path: shown(uri) } : undefined;
  }

  private async isTemplateFile(uri: vscode.Uri, config: FolderConfig | undefined): Promise<boolean> {
    const key = uri.toString();
    if (config && (config.template?.toString() === key || config.templates.some((t) => t.template.toString() === key))) return true;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return Boolean(folder && (await this.workspaceTemplates(folder)).some((t) => t.toString() === key));
  }

  /** A plan whatever its text: `connectorPlan.files`, a `files` glob of its `.connector-plan.json`, or New Connector Plan made it. */
  private async isForced(uri: vscode.Uri, kind: PlanFileKind, config: FolderConfig | undefined): Promise<boolean> {
    return kind === 'forced' || this.isCreated(uri) || Boolean(config && matches(uri.path.slice(config.folder.length + 1), config.files));
  }

  private cancel(uri: vscode.Uri): void {
    const key = uri.toString();
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }

  /** The nearest `.connector-plan.json` above the file, inside its workspace folder; not read in untrusted workspaces. */
  private async fileConfig(uri: vscode.Uri): Promise<FolderConfig | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || !vscode.workspace.isTrusted) return undefined;
    let dir = vscode.Uri.joinPath(uri, '..');
    while (dir.path.startsWith(folder.uri.path)) {
      const config = await this.configAt(dir);
      if (config) return config;
      if (dir.path === folder.uri.path) break;
      dir = vscode.Uri.joinPath(dir, '..');
    }
    return undefined;
  }

  private configAt(dir: vscode.Uri): Promise<FolderConfig | undefined> {
    const key = dir.toString();
    let pending = this.configs.get(key);
    if (!pending) {
      const file = vscode.Uri.joinPath(dir, CONFIG_FILE);
      pending = readWorkspaceFile(file).then(
        (read) => {
          const folder = withoutTrailingSlashes(dir.path);
          if ('problem' in read) {
            if (read.missing) return undefined;
            // As the CLI does: named, and the defaults from this folder down.
            this.reportProblem(vscode.l10n.t('Cannot read {0}: {1}; using the default rule severities.', vscode.workspace.asRelativePath(file), read.problem));
            return { rules: {}, files: [], templates: [], folder };
          }
          const { rules, files, template, templates, loops, problems } = parseConfig(new TextDecoder('utf-8').decode(read.bytes), vscode.workspace.asRelativePath(file));
          for (const problem of problems) this.reportProblem(problem.message);
          // Template paths are relative to the config's folder, as its globs are.
          const at = (path: string) => vscode.Uri.joinPath(dir, ...path.split(/[\\/]+/).filter(Boolean));
          return { rules, files, template: template ? at(template) : undefined, templates: templates.map((t) => ({ files: t.files, template: at(t.template) })), loops, folder };
        },
        () => undefined,
      );
      this.configs.set(key, pending);
    }
    return pending;
  }

  private reportProblem(message: string): void {
    this.output.appendLine(message);
    if (this.reportedProblems.has(message)) return;
    this.reportedProblems.add(message);
    void showWarning(vscode.l10n.t('Connector Plan: {0}', message));
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}

/** What the Plans view lists: plans, and copies of a template (shown as templates, never checked). */
export function isListed(result: PlanAnalysis): boolean {
  return result.isPlan || result.report.kind === 'template';
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === key);
}

/** `path.replace(/\/+$/, '')`, read from the end (the search would retry every slash of a run). */
export function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path[end - 1] === '/') end--;
  return path.slice(0, end);
}
