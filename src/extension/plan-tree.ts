import * as vscode from 'vscode';
import type { SetGoNoGoItemArgs } from './commands/set-go-no-go-item';
import { isListed, type PlanAnalysis, type PlanAnalyzer } from './plan-analysis';
import { forEachAtOnce, MARKDOWN_FILES, markdownFiles, planFileKind } from './plan-files';
import { isLoopFileName, loopDocument, type ReviewLoop } from '../core';
import { childrenOf, loopChildren, loopRecord, loopRecordUri, loopRow, planOf, treeItemOf, type CachedNode, type GoNoGoItemNode, type LoopNode, type PlanNode, type PlanTreeNode } from './plan-tree-items';
import { showInfo } from './notices';
import { planName, statusLine } from './plan-summary';
import { ROW_LIMITS, sameDependencies, sameStamp, stampedFile, type CachedRow, type Dependency, type FileStamp } from './plan-tree-cache';
import { cachedRowOf, loopFile, statStamp, type PlanRowStore } from './plan-tree-store';
import { readSettings, SECTION } from './settings';

export const PLANS_VIEW = 'connectorPlan.plans';
/**
 * Files read at once during a scan. Each read is a round trip to the workbench (~5 ms in code-server): 64 at once
 * cost ~0.2 ms a file, against ~1.4 ms at 8 (measured with `npm run bench:workspace`).
 */
const SCAN_CONCURRENCY = 64;
/** Files per batch of a scan; between batches other work runs, and a newer scan stops an older one. */
const SCAN_BATCH = 256;
/** Files of a scan's first batch: few, so that the first rows (open editors, files named like plans) come soon. */
const FIRST_BATCH = SCAN_CONCURRENCY;
/** At most this many young folders are rescanned at once: a build making thousands costs nothing more. */
const MAX_YOUNG_FOLDERS = 20;
/** When a new folder is scanned again after it appeared. */
const RESCAN_AFTER_MS = [1_500, 5_000, 15_000];
/** True while the Plans view scans the workspace (its welcome says it is looking, not that there are no plans). */
const SCANNING_KEY = 'connectorPlan.scanning';
/** True once a first scan ended. */
const SCANNED_KEY = 'connectorPlan.scanned';
/** How long after a change the rows are stored (typing in a plan changes its row every lint delay). */
const STORE_DELAY_MS = 2_000;
/** How long the first scan waits for the kept rows' files to be looked at before it reads files anyway. */
const STAT_WAIT_MS = 1_000;
/** How long a search for `.connector-plan.json` files may take (a virtual file system may never answer). */
const SEARCH_WAIT_MS = 3_000;
const CONFIG_FILES = '**/.connector-plan.json';

/**
 * The Plans view: one node per plan of the workspace. Nothing is read until the view first asks for its
 * nodes; from then on a file watcher and the analyzer's results (unsaved edits included) keep it current.
 */
export class PlanTree implements vscode.TreeDataProvider<PlanTreeNode>, vscode.Disposable {
  readonly view: vscode.TreeView<PlanTreeNode>;
  private readonly plans = new Map<string, PlanNode>();
  /** The review loops' rows by folder URI: a plan whose analysis has a loop is listed under its loop's row. */
  private readonly loops = new Map<string, LoopNode>();
  /** The newest reading of each loop folder's loop, from any of its files' analyses (a review's too). */
  private readonly loopReadings = new Map<string, ReviewLoop>();
  /** Loop folders being read for a round that is no plan (readLoopOf), by folder URI. */
  private readonly loopFolderReads = new Map<string, Promise<void>>();
  private readonly changed = new vscode.EventEmitter<PlanTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly scanState = new vscode.EventEmitter<boolean>();
  /** Fires with true when a scan starts and false when the last running scan ends. */
  readonly onDidChangeScanning = this.scanState.event;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.scanState];
  private scanning?: Promise<void>;
  /** Settles once the first scan has listed its first rows (open editors and the first batch of files), or ended. */
  private firstRows?: Promise<void>;
  private showFirstRows?: () => void;
  private scans = 0;
  private scansRunning = 0;
  /** While scans run: settles when the last of them ends (or the view is disposed). */
  private idle?: { ended: Promise<void>; end: () => void };
  private watcher?: vscode.Disposable;
  private changedPlans = new Set<PlanNode | LoopNode>();
  private rootChanged = false;
  private flushTimer?: ReturnType<typeof setTimeout>;
  private createdPaths: vscode.Uri[] = [];
  private createdTimer?: ReturnType<typeof setTimeout>;
  /** Folders created lately, scanned again meanwhile (see rescanWhileNew). */
  private readonly youngFolders = new Set<string>();
  private readonly settleTimers = new Set<ReturnType<typeof setTimeout>>();
  /** The latest read of each file: an older one finishing later (the empty file before it was filled) is dropped. */
  private readonly loads = new Map<string, number>();
  /** The file reads under way, each settling once the file's latest read was taken in. */
  private readonly reading = new Map<string, Promise<void>>();
  /** The rows the last session showed, by URI (a plan's file, a loop's folder), until the first scan has read them. */
  private readonly keptRows = new Map<string, CachedNode>();
  /** The configs and templates the kept rows were read with. */
  private keptDependencies: Dependency[] = [];
  /** A scan has listed the whole workspace: from then on the rows are stored as they change. */
  private listedAll = false;
  private storeTimer?: ReturnType<typeof setTimeout>;
  private storing: Promise<void> = Promise.resolve();
  /** The stamp of the file each analysis was read from, once looked at for storing. */
  private readonly stamps = new WeakMap<PlanAnalysis, FileStamp | undefined>();
  /** The configs and templates the rows depend on, with their stamps: found again after a scan or a change to one. */
  private dependencies?: Promise<Dependency[]>;
  /** Once disposed, reads still under way draw and store nothing (another view may show the rows by then). */
  private disposed = false;

  /** `store` keeps the rows between sessions (workspace state): a reload shows them before any file is read. */
  constructor(private readonly analyzer: PlanAnalyzer, readonly store?: PlanRowStore) {
    this.view = vscode.window.createTreeView(PLANS_VIEW, { treeDataProvider: this, showCollapseAll: true, manageCheckboxStateManually: true });
    const rescanIfStarted = () => {
      this.dependencies = undefined;
      if (this.scanning) void this.refresh();
    };
    this.disposables.push(
      this.view,
      this.view.onDidChangeCheckboxState((event) => this.toggleItems(event.items)),
      vscode.commands.registerCommand('connectorPlan.refresh', () => this.refresh()),
      vscode.commands.registerCommand('connectorPlan.revealPlan', (uri?: vscode.Uri | string) => this.reveal(uri)),
      vscode.commands.registerCommand('connectorPlan.openPlan', (target?: PlanTarget, options?: unknown) => openPlan(target, options)),
      vscode.commands.registerCommand('connectorPlan.openPlanPreview', (target?: PlanTarget) => vscode.commands.executeCommand('markdown.showPreview', uriOf(target))),
      vscode.commands.registerCommand('connectorPlan.revealPlanInExplorer', (target?: PlanTarget) => vscode.commands.executeCommand('revealInExplorer', uriOf(target))),
      vscode.commands.registerCommand('connectorPlan.copyPlanStatus', (target?: PlanTarget) => this.copyStatus(target)),
      vscode.window.onDidChangeActiveTextEditor(() => this.followActiveEditor()),
      this.view.onDidChangeVisibility(() => this.followActiveEditor()),
      analyzer.onDidAnalyze((result) => this.accept(result)),
      analyzer.onDidForget((uri) => this.reread(uri)),
      analyzer.onDidChangeRuleFiles(rescanIfStarted),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${SECTION}.plansView.badge`)) this.updateBadge();
        if (event.affectsConfiguration(SECTION) || event.affectsConfiguration('files.exclude')) rescanIfStarted();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(rescanIfStarted),
      vscode.workspace.onDidGrantWorkspaceTrust(rescanIfStarted),
      // New Connector Plan's folder may be new: its files written from outside raised no event until Refresh.
      vscode.workspace.onDidCreateFiles((event) => {
        if (!this.scanning) return;
        for (const file of event.files) if (vscode.workspace.getWorkspaceFolder(file)) this.rescanWhileNew(vscode.Uri.joinPath(file, '..'));
      }),
      // A folder renamed in VS Code is reported as one folder, not as the plans it holds.
      vscode.workspace.onDidRenameFiles((event) => {
        for (const { oldUri, newUri } of event.files) {
          this.removeUnder(oldUri);
          if (this.scanning) void this.scanFolder(newUri);
        }
      }),
    );
  }

  /** Whether a scan of the workspace is running now. */
  get isScanning(): boolean {
    return this.scansRunning > 0;
  }

  getTreeItem(node: PlanTreeNode): vscode.TreeItem {
    return treeItemOf(node);
  }

  async getChildren(node?: PlanTreeNode): Promise<PlanTreeNode[]> {
    if (node) return node.kind === 'cached' ? this.childrenOfKept(node) : childrenOf(node);
    // The view lists plans as they are found: the first rows come after the first batch, the others as they are read.
    this.scanning ??= this.scan();
    await this.firstRows;
    return this.rootNodes();
  }

  getParent(node: PlanTreeNode): PlanTreeNode | undefined {
    if (node.kind === 'loop' || node.kind === 'cached') return undefined;
    if (node.kind !== 'plan') return node.parent;
    this.group();
    return node.loopParent;
  }

  /** The rows of the view: plans, one row per review loop whose rounds are not listed beside it, rows kept from the last session not read yet; by name. */
  private rootNodes(): PlanTreeNode[] {
    const loops = this.group();
    const rows: { node: PlanTreeNode; name: string; path: string }[] = [
      ...[...this.plans.values()].filter((n) => !n.loopParent).map((node) => ({ node, name: planName(node.analysis), path: node.uri.path })),
      ...loops.map((node) => ({ node, name: loopRow(node).name, path: node.folder.path })),
      ...this.shownKeptRows().map((node) => ({ node, name: node.row.name, path: node.uri.path })),
    ];
    return rows.sort((a, b) => a.name.localeCompare(b.name) || a.path.localeCompare(b.path)).map((r) => r.node);
  }

  /** Puts each plan that is a round of a review loop under its loop's row (kept across calls, so rows keep their identity); the loops' rows. */
  private group(): LoopNode[] {
    const members = new Map<string, PlanNode[]>();
    for (const node of this.plans.values()) {
      const key = loopKey(node.analysis);
      node.loopParent = undefined;
      if (key) members.set(key, [...(members.get(key) ?? []), node]);
    }
    // A loop whose rounds are none of them plans has a row from its folder's reading alone.
    for (const key of this.loopReadings.keys()) if (!members.has(key)) members.set(key, []);
    for (const key of this.loops.keys()) if (!members.has(key)) this.loops.delete(key);
    for (const [key, nodes] of members) {
      const loop = this.loopReadings.get(key) ?? nodes[0].analysis.loop!;
      let node = this.loops.get(key);
      if (!node) this.loops.set(key, (node = { kind: 'loop', folder: vscode.Uri.parse(key), loop, members: nodes }));
      node.loop = loop;
      node.members = nodes;
      for (const member of nodes) member.loopParent = node;
    }
    return [...this.loops.values()];
  }

  /** The loop row a file of the workspace is a round of (a plan, or a review or revision that has no row of its own). */
  loopNode(uri: vscode.Uri): LoopNode | undefined {
    this.group();
    return this.loops.get(vscode.Uri.joinPath(uri, '..').toString());
  }

  /** The rows kept from the last session whose file has not been read yet (after group(): a loop read since has its own row). */
  private shownKeptRows(): CachedNode[] {
    return [...this.keptRows.values()].filter((n) => !(n.row.kind === 'loop' ? this.loops : this.plans).has(n.uri.toString()));
  }

  /** Expanding a kept row reads its file first: the rows under it are those of its analysis (sections, a loop's rounds). */
  private async childrenOfKept(node: CachedNode): Promise<PlanTreeNode[]> {
    await this.loaded(vscode.Uri.parse(stampedFile(node.row)));
    if (node.row.kind !== 'loop') {
      const plan = this.plans.get(node.uri.toString());
      return plan ? childrenOf(plan) : [];
    }
    this.group();
    const loop = this.loops.get(node.uri.toString());
    return loop ? loopChildren(loop) : [];
  }

  /** The plan node of a file, once the view has been scanned. */
  planNode(uri: vscode.Uri): PlanNode | undefined {
    return this.plans.get(uri.toString());
  }

  /** Settles when the scan running now (the first one, if none ran yet) has ended: every plan of the workspace is listed. */
  async whenScanned(): Promise<void> {
    await this.lastScan((this.scanning ??= this.scan()));
  }

  /** Settles when `scan` and every scan started while it ran (Refresh, settings changed: each stops the one before) ended. */
  private async lastScan(scan: Promise<void>): Promise<void> {
    await scan;
    while (this.scanning && this.scanning !== scan) await (scan = this.scanning);
  }

  /**
   * Settles once workspace state holds the rows as the view shows them now, once no scan runs (a scan's rows may have
   * been read with the settings of before it): a store waiting for its delay is made now, one under way is made again.
   * At once when nothing is stored (no store, no scan has listed the workspace yet, the view is disposed).
   */
  async whenStored(): Promise<void> {
    for (;;) {
      while (this.idle && !this.disposed) await this.idle.ended;
      if (!this.store || !this.listedAll || this.disposed) return this.storing;
      if (this.storeTimer) clearTimeout(this.storeTimer);
      this.storeTimer = undefined;
      // A store under way may have listed the rows before the latest change: they are listed again.
      const stored = this.storing.then(() => this.storeRows());
      this.storing = stored.then(() => undefined);
      // A scan started meanwhile: its end stores the rows.
      if (await stored) return;
    }
  }

  /** Scans the workspace again (the Refresh action); the nodes stay in place meanwhile. */
  async refresh(): Promise<void> {
    await this.lastScan((this.scanning = this.scan()));
  }

  /** Selects the plan of `uri` (default: the active editor's) in the Plans view; false when it is not there. */
  async reveal(target?: vscode.Uri | string): Promise<boolean> {
    const uri = typeof target === 'string' ? vscode.Uri.parse(target) : target ?? vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void showInfo(vscode.l10n.t('Open a connector plan to reveal it in the Plans view.'));
      return false;
    }
    await (this.scanning ??= this.scan());
    const loop = this.loopNode(uri);
    // A round that is no plan (a review) is a row of its loop.
    const node = this.planNode(uri) ?? (loop && loopChildren(loop).find((n) => n.kind === 'round' && n.uri.toString() === uri.toString()));
    if (!node) {
      const shown = vscode.workspace.asRelativePath(uri);
      void showInfo(
        vscode.workspace.getWorkspaceFolder(uri)
          ? vscode.l10n.t('{0} is not in the Plans view: it is not a connector plan, or it is excluded by settings.', shown)
          : vscode.l10n.t('{0} is not in the Plans view: only plans inside the workspace are listed.', shown),
      );
      return false;
    }
    if (!this.view.visible) await vscode.commands.executeCommand(`${PLANS_VIEW}.focus`);
    await this.view.reveal(node, { select: true, focus: true, expand: true });
    return true;
  }

  /** What ticking or unticking checkboxes in the view does: the `connectorPlan.setGoNoGoItem` command, item by item. */
  async toggleItems(items: ReadonlyArray<readonly [PlanTreeNode, vscode.TreeItemCheckboxState]>): Promise<boolean[]> {
    const written: boolean[] = [];
    for (const [node, state] of items) {
      if (node.kind !== 'goNoGoItem') continue;
      const wrote = await vscode.commands.executeCommand<boolean>('connectorPlan.setGoNoGoItem', goNoGoArgs(node, state === vscode.TreeItemCheckboxState.Checked));
      written.push(wrote);
      // The view ticked the box when it was clicked; nothing written, the plan's rows are drawn again as the file says.
      if (!wrote) this.changedTree(this.plans.get(planOf(node).uri.toString()));
    }
    return written;
  }

  private scan(): Promise<void> {
    // Set before the scan's first await: getChildren, called at once, waits for the first rows of this scan; not at
    // all when the rows the last session kept are there to show.
    if (!this.firstRows) this.firstRows = this.restoreRows() ? Promise.resolve() : new Promise<void>((resolve) => (this.showFirstRows = resolve));
    return this.scanFiles();
  }

  /** Shows the rows the last session stored, if they were read with the settings of now; whether there are any. */
  private restoreRows(): boolean {
    const stored = vscode.workspace.workspaceFolders?.length ? this.store?.read() : undefined;
    for (const row of stored?.rows ?? []) {
      const uri = vscode.Uri.parse(row.uri);
      if (vscode.workspace.getWorkspaceFolder(uri)) this.keptRows.set(uri.toString(), { kind: 'cached', uri, row });
    }
    if (!this.keptRows.size) return false;
    this.keptDependencies = stored!.deps;
    this.updateBadge();
    return true;
  }

  private async scanFiles(): Promise<void> {
    const scan = ++this.scans;
    // Kept rows stand in during the first scan only: a later one follows a change of settings, rules or folders.
    if (scan > 1) this.dropKeptRows();
    this.scanStarted();
    this.watch();
    let listed = false;
    try {
      await vscode.window.withProgress({ location: { viewId: PLANS_VIEW } }, async () => {
        const before = [...this.plans.keys()];
        const found = new Map<string, vscode.Uri>();
        const unchanged = this.checkKeptRows();
        for (const folder of vscode.workspace.workspaceFolders ?? []) {
          for (const uri of await markdownFiles(folder.uri, folder)) found.set(uri.toString(), uri);
        }
        const files = scanOrder([...found.values()], await unchanged);
        for (let start = 0, size = FIRST_BATCH; start < files.length; start += size, size = SCAN_BATCH) {
          // A newer scan (Refresh, settings changed) or the end of the view stops this one.
          if (scan !== this.scans) return;
          await forEachAtOnce(files.slice(start, start + size), SCAN_CONCURRENCY, (uri) => this.load(uri));
          // The rows found so far are shown now; the view never waits for the slowest file.
          this.showRowsSoFar();
        }
        for (const document of vscode.workspace.textDocuments) if (this.showsOutsideWorkspace(document)) this.accept(this.analyzer.get(document) ?? (await this.analyzer.analyzeDocument(document)));
        if (scan !== this.scans) return;
        for (const key of before) {
          const node = this.plans.get(key);
          if (node && !found.has(key) && !openDocument(node.uri)) this.remove(node.uri);
        }
        this.view.message = skippedMessage(files.flatMap((uri) => {
          const problem = this.analyzer.skipReason(uri);
          return problem ? [{ uri, problem }] : [];
        }));
        listed = true;
      });
    } catch (error) {
      // Shown in the view, and the scan settles, so Refresh can try again.
      this.view.message = vscode.l10n.t('Could not list every plan: {0}', (error as Error).message);
    } finally {
      // Once a scan has ended, every row is the analysis of its file: a kept row not read again is gone.
      if (scan === this.scans) this.dropKeptRows();
      this.showRowsSoFar();
      this.scanEnded();
      // What changed since the last rows shown (plans gone, the last batch's), drawn once.
      this.scheduleFlush();
      if (listed && scan === this.scans) {
        this.listedAll = true;
        this.dependencies = undefined;
      }
      // The last scan to end stores the rows (one stopped by a newer scan may end after it).
      this.scheduleStore();
    }
  }

  /**
   * Looks at the kept rows' files without reading them: a row whose file is gone goes at once; the others' files are
   * read early, those changed since first (their row may be wrong). Meanwhile the configs and templates the rows were
   * read with are looked at: if one changed, every kept row goes. By file URI, whether it is unchanged.
   */
  private async checkKeptRows(): Promise<Map<string, boolean>> {
    const unchanged = new Map<string, boolean>();
    if (!this.keptRows.size) return unchanged;
    void this.checkKeptDependencies();
    const rows = [...this.keptRows.values()];
    for (const { row } of rows) unchanged.set(vscode.Uri.parse(stampedFile(row)).toString(), false);
    const looked = forEachAtOnce(rows, SCAN_CONCURRENCY, async (node) => {
      const file = vscode.Uri.parse(stampedFile(node.row));
      const stamp = await statStamp(file);
      if (!stamp) this.dropKeptRow(node);
      else unchanged.set(file.toString(), sameStamp(stamp, node.row.stamp));
    });
    // A slow file system does not hold the scan up: rows not looked at in time are read early, as if changed.
    await within(looked, STAT_WAIT_MS);
    return new Map(unchanged);
  }

  /** Drops every kept row when a `.connector-plan.json` or template they were read with changed, or a config is new. */
  private async checkKeptDependencies(): Promise<void> {
    const stored = this.keptDependencies;
    // A search not answered in time finds no new config: the stamps of those the rows were read with are looked at all the same.
    const configs = (await within(configFiles(), SEARCH_WAIT_MS)) ?? [];
    const uris = new Set([...stored.map((d) => d.uri), ...configs.map((uri) => uri.toString())]);
    const now = await Promise.all([...uris].map(async (uri) => ({ uri, stamp: await statStamp(vscode.Uri.parse(uri)) })));
    if (!sameDependencies(stored, now)) this.dropKeptRows();
  }

  private dropKeptRow(node: CachedNode): void {
    const key = node.uri.toString();
    if (this.keptRows.get(key) !== node) return;
    this.keptRows.delete(key);
    this.changedTree();
  }

  private dropKeptRows(): void {
    if (!this.keptRows.size) return;
    this.keptRows.clear();
    this.changedTree();
  }

  /**
   * Stores the rows a while after they changed, once a scan has listed them all; not while one runs (after a change of
   * settings, rows read before it are still shown): its end stores them.
   */
  private scheduleStore(): void {
    if (!this.store || !this.listedAll || this.storeTimer || this.scansRunning || this.disposed) return;
    this.storeTimer = setTimeout(() => {
      this.storeTimer = undefined;
      // A scan started meanwhile stores the rows when it ends.
      this.storing = this.storing.then(async () => void (await this.storeRows()));
    }, STORE_DELAY_MS);
  }

  /**
   * Puts the rows of the view, as it shows them, in workspace state for the next session; not when a scan runs or
   * started meanwhile (its rows may be read with settings other than those they would be stored under: its end stores
   * them), nor once the view is disposed. False when a scan kept it from storing. Never rejects.
   */
  private async storeRows(): Promise<boolean> {
    if (this.scansRunning) return false;
    if (!this.store || !vscode.workspace.workspaceFolders?.length || this.disposed) return true;
    const scans = this.scans;
    try {
      const nodes = this.rootNodes().filter((n): n is PlanNode | LoopNode => n.kind === 'plan' || n.kind === 'loop').slice(0, ROW_LIMITS.rows);
      const rows: (CachedRow | undefined)[] = [];
      await forEachAtOnce(nodes.map((node, i) => ({ node, i })), SCAN_CONCURRENCY, async ({ node, i }) => {
        const file = node.kind === 'plan' ? node.uri : loopFile(node);
        if (!file || !vscode.workspace.getWorkspaceFolder(file)) return;
        rows[i] = cachedRowOf(node, await this.stampOf(file, node.kind === 'plan' ? node.analysis : loopRecord(node)?.analysis));
      });
      const deps = await this.dependencyStamps();
      if (this.scans !== scans || this.scansRunning) return false;
      if (!this.disposed) await this.store.write(rows.filter((row): row is CachedRow => row !== undefined), deps);
    } catch {
      // Not stored: the next session scans as it would without them.
    }
    return true;
  }

  /** The stamp of the file an analysis was read from; none while an editor holds unsaved changes (the row shows those). */
  private async stampOf(file: vscode.Uri, analysis: PlanAnalysis | undefined): Promise<FileStamp | undefined> {
    if (openDocument(file)?.isDirty) return undefined;
    if (analysis && this.stamps.has(analysis)) return this.stamps.get(analysis);
    const stamp = (await statStamp(file)) ?? undefined;
    if (analysis) this.stamps.set(analysis, stamp);
    return stamp;
  }

  /** The configs and team templates the rows depend on, with their stamps (a template the workspace names may be missing). */
  private dependencyStamps(): Promise<Dependency[]> {
    return (this.dependencies ??= (async () => {
      const uris = new Map<string, vscode.Uri>();
      const add = (uri: vscode.Uri) => uris.set(uri.toString(), uri);
      // A search not answered in time leaves configs out: the next session then finds them new and uses no kept row.
      for (const uri of (await within(configFiles(), SEARCH_WAIT_MS)) ?? []) add(uri);
      for (const folder of vscode.workspace.workspaceFolders ?? []) for (const uri of await this.analyzer.workspaceTemplates(folder)) add(uri);
      for (const node of this.plans.values()) if (node.analysis.report.configuredTemplate) add(node.uri);
      return Promise.all([...uris.values()].map(async (uri) => ({ uri: uri.toString(), stamp: await statStamp(uri) })));
    })().catch((error: unknown) => {
      this.dependencies = undefined;
      throw error;
    }));
  }

  /**
   * Shows the rows found so far: the view's first request for its rows gets them (it was waiting: nothing to redraw),
   * later ones by redrawing what changed.
   */
  private showRowsSoFar(): void {
    const waiting = this.showFirstRows;
    if (!waiting) return this.flushChanges();
    this.showFirstRows = undefined;
    this.rootChanged = false;
    this.changedPlans.clear();
    waiting();
    this.updateBadge();
  }

  private scanStarted(): void {
    if (this.scansRunning++ > 0) return;
    let end!: () => void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    this.idle = { ended, end };
    void vscode.commands.executeCommand('setContext', SCANNING_KEY, true);
    this.scanState.fire(true);
  }

  private scanEnded(): void {
    if (--this.scansRunning > 0) return;
    this.idle?.end();
    this.idle = undefined;
    void vscode.commands.executeCommand('setContext', SCANNED_KEY, true);
    void vscode.commands.executeCommand('setContext', SCANNING_KEY, false);
    this.scanState.fire(false);
  }

  private async scanFolder(uri: vscode.Uri): Promise<void> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
    if (!folder || stat?.type !== vscode.FileType.Directory) return;
    await forEachAtOnce(await markdownFiles(uri, folder), SCAN_CONCURRENCY, (file) => this.load(file));
  }

  private watch(): void {
    if (this.watcher) return;
    const markdown = vscode.workspace.createFileSystemWatcher(MARKDOWN_FILES, false, false, true);
    // A folder created or deleted with its files is often reported as the folder alone: every path is watched for those.
    const paths = vscode.workspace.createFileSystemWatcher('**', false, true, false);
    // An open document follows its editor (unsaved edits included), not the disk.
    const changed = (uri: vscode.Uri) => {
      if (!openDocument(uri) && planFileKind(uri) !== 'excluded') void this.load(uri);
    };
    this.watcher = vscode.Disposable.from(
      markdown,
      paths,
      markdown.onDidCreate(changed),
      markdown.onDidChange(changed),
      paths.onDidCreate((uri) => {
        // A name with an extension is taken for a file, so a build writing thousands of files costs nothing here.
        if (!/[^/.]\.\w+$/.test(uri.path) && planFileKind(uri) !== 'excluded') this.folderCreated(uri);
      }),
      paths.onDidDelete((uri) => this.removeUnder(uri)),
    );
  }

  /** Scans new folders once per turn, only the outermost of those created together (a folder and its subfolders). */
  private folderCreated(uri: vscode.Uri): void {
    this.createdPaths.push(uri);
    if (this.createdTimer) return;
    this.createdTimer = setTimeout(() => {
      this.createdTimer = undefined;
      const created = new Map(this.createdPaths.map((u) => [u.toString(), u]));
      const outermost = [...created].filter(([key]) => ![...created.keys()].some((other) => key.startsWith(`${other}/`))).map(([, u]) => u);
      this.createdPaths = [];
      for (const folder of outermost) {
        void this.scanFolder(folder);
        this.rescanWhileNew(folder);
      }
    }, 0);
  }

  /**
   * Scans a new folder again a few times while it is young: the workspace watcher raised no event for files written
   * into folders made this session (nested ones made with it, one New Connector Plan made), until Refresh.
   */
  private rescanWhileNew(folder: vscode.Uri): void {
    const key = folder.toString();
    if (this.youngFolders.has(key) || this.youngFolders.size >= MAX_YOUNG_FOLDERS) return;
    this.youngFolders.add(key);
    RESCAN_AFTER_MS.forEach((delay, i) => {
      const timer = setTimeout(() => {
        this.settleTimers.delete(timer);
        if (i === RESCAN_AFTER_MS.length - 1) this.youngFolders.delete(key);
        void this.scanFolder(folder);
      }, delay);
      this.settleTimers.add(timer);
    });
  }

  /** Analyses a workspace file; a closed file that is no plan is not kept in the analyzer's cache. */
  private load(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const pending = this.loadFile(uri).finally(() => {
      if (this.reading.get(key) === pending) this.reading.delete(key);
    });
    this.reading.set(key, pending);
    return pending;
  }

  /** Reads a file now, unless a read of it is under way; settles once its latest read was taken in. */
  private async loaded(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    if (!this.reading.has(key)) void this.load(uri).catch(() => undefined);
    for (let pending = this.reading.get(key); pending; pending = this.reading.get(key)) await pending.catch(() => undefined);
  }

  private async loadFile(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const load = (this.loads.get(key) ?? 0) + 1;
    this.loads.set(key, load);
    const result = await this.analyzer.scanFile(uri);
    if (this.loads.get(key) !== load) return;
    this.loads.delete(key);
    if (result) this.accept(result);
    else {
      this.remove(uri);
      this.loopFileChanged(uri);
      await this.readLoopOf(uri);
    }
  }

  /**
   * A round that is no plan (a proposal not yet written as a plan, a review) has its folder's loop read from the
   * folder, so a loop none of whose rounds is a plan still has its row, as `connector-plan status` lists it. One read
   * per folder at a time; a folder that is no longer a loop loses its row when no plan of it keeps one.
   */
  private async readLoopOf(uri: vscode.Uri): Promise<void> {
    if (!isLoopFileName(uri.path.slice(uri.path.lastIndexOf('/') + 1))) return;
    const key = vscode.Uri.joinPath(uri, '..').toString();
    let pending = this.loopFolderReads.get(key);
    if (!pending) {
      pending = this.analyzer.loopReadingOf(uri).then((loop) => {
        if (this.loopFolderReads.get(key) === pending) this.loopFolderReads.delete(key);
        const before = this.loopReadings.get(key);
        if (loop) this.loopReadings.set(key, loop);
        else if (![...this.plans.values()].some((n) => loopKey(n.analysis) === key)) this.loopReadings.delete(key);
        else return;
        if (!before !== !loop || (before && loop && JSON.stringify(loopDocument(before)) !== JSON.stringify(loopDocument(loop)))) this.changedTree();
      });
      this.loopFolderReads.set(key, pending);
    }
    await pending;
  }

  /** With no folder open, the plans open in editors (an untitled one being written included) are the view's plans. */
  private showsOutsideWorkspace(document: vscode.TextDocument): boolean {
    return !vscode.workspace.workspaceFolders?.length && !document.isClosed && document.languageId === 'markdown';
  }

  /** Takes in any analysis of a workspace file: the open document's current version, else the file on disk. */
  private accept(result: PlanAnalysis): void {
    if (!this.scanning) return;
    if (!vscode.workspace.getWorkspaceFolder(result.uri)) {
      const document = openDocument(result.uri);
      if (!document || !this.showsOutsideWorkspace(document)) return;
    }
    const document = openDocument(result.uri);
    if (document ? result.version !== document.version : result.version !== -1) return;
    const key = result.uri.toString();
    const node = this.plans.get(key);
    const loopChanged = this.takeLoopReading(result);
    if (!isListed(result)) {
      if (node) this.remove(result.uri);
      else if (loopChanged && this.loops.has(loopKey(result)!)) this.changedTree(this.loops.get(loopKey(result)!));
    } else if (node) {
      const same = showsTheSame(node.analysis, result);
      const moved = loopKey(node.analysis) !== loopKey(result);
      node.analysis = result;
      // The same plan read again (opened in an editor, saved unchanged) redraws nothing: a redraw under the
      // pointer would swallow a click on its rows. A plan that joins or leaves a loop moves: the whole list is drawn.
      if (moved) this.changedTree();
      else if (!same || loopChanged) this.changedTree(node);
    } else {
      this.plans.set(key, { kind: 'plan', uri: result.uri, analysis: result });
      this.changedTree();
    }
  }

  /** Keeps the result's loop reading as its folder's newest; whether it differs from the one kept. */
  private takeLoopReading(result: PlanAnalysis): boolean {
    const key = loopKey(result);
    if (!key || !result.loop) return false;
    const before = this.loopReadings.get(key);
    this.loopReadings.set(key, result.loop);
    return !before || JSON.stringify(loopDocument(before)) !== JSON.stringify(loopDocument(result.loop));
  }

  /**
   * A round of a listed loop that is no plan changed, appeared or went on disk (a review saved outside the editor):
   * the loop's plans are read again, with the folder's rounds as they are now.
   */
  private loopFileChanged(uri: vscode.Uri): void {
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const loop = isLoopFileName(name) ? this.loops.get(vscode.Uri.joinPath(uri, '..').toString()) : undefined;
    if (!loop) return;
    for (const member of loop.members) if (member.uri.toString() !== uri.toString() && !openDocument(member.uri)) void this.load(member.uri);
  }

  /** A document was closed (or dropped): what the tree shows now comes from the file on disk. */
  private reread(uri: vscode.Uri): void {
    if (!this.scanning || openDocument(uri)) return;
    if (!vscode.workspace.getWorkspaceFolder(uri)) return this.remove(uri);
    if (this.plans.has(uri.toString()) || uri.path.endsWith('.md')) void this.load(uri);
  }

  /** Drops the row of a file that is no longer a plan: its plan's, or the one the last session kept. */
  private remove(uri: vscode.Uri): void {
    const listed = this.plans.delete(uri.toString());
    const kept = this.keptRows.delete(uri.toString());
    if (listed || kept) this.changedTree();
  }

  /** Drops the plans at or under a deleted path, open or not: they are no longer in the workspace. */
  private removeUnder(uri: vscode.Uri): void {
    const prefix = `${uri.toString()}/`;
    for (const [key, node] of this.plans) if (key === uri.toString() || key.startsWith(prefix)) this.remove(node.uri);
    for (const [key, node] of this.keptRows) if (key === uri.toString() || key.startsWith(prefix)) this.dropKeptRow(node);
    for (const key of [...this.loopReadings.keys()]) {
      if (key !== uri.toString() && !key.startsWith(prefix)) continue;
      this.loopReadings.delete(key);
      this.changedTree();
    }
    this.loopFileChanged(uri);
  }

  /** Coalesces updates: one refresh of the changed plans (or of the whole list) per turn, none while a scan runs. */
  private changedTree(node?: PlanNode | LoopNode): void {
    if (node) this.changedPlans.add(node);
    else this.rootChanged = true;
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushTimer || this.scansRunning) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      if (!this.scansRunning) this.flushChanges();
    }, 0);
  }

  /** Redraws what changed since the last redraw: the changed plans' rows, or the whole list. */
  private flushChanges(): void {
    if (this.disposed) return;
    this.group();
    // A round of a loop is drawn with its loop's row (the row's description and children depend on it).
    const nodes = new Set([...this.changedPlans].flatMap((n) => (n.kind === 'loop' ? (this.loops.get(n.folder.toString()) === n ? [n] : []) : this.plans.get(n.uri.toString()) === n ? [n.loopParent ?? n] : [])));
    const root = this.rootChanged;
    this.changedPlans.clear();
    this.rootChanged = false;
    if (!root && !nodes.size) return;
    if (root) this.changed.fire(undefined);
    else nodes.forEach((n) => this.changed.fire(n));
    this.updateBadge();
    this.scheduleStore();
  }

  private updateBadge(): void {
    if (this.disposed) return;
    // A review loop counts once, with its verdict (a NO-GO loop is one, whatever its rounds say).
    const loops = this.group();
    const plans = [...this.plans.values()].filter((n) => !n.loopParent && n.analysis.isPlan && n.analysis.report.progress?.goNoGo.verdict !== 'GO').length;
    const kept = this.shownKeptRows().filter((n) => n.row.kind !== 'template' && n.row.verdict !== 'GO').length;
    const noGo = plans + kept + loops.filter((n) => loopRow(n).goNoGo.verdict !== 'GO').length;
    const shown = noGo > 0 && readSettings().plansViewBadge;
    this.view.badge = shown ? { value: noGo, tooltip: noGo === 1 ? vscode.l10n.t('1 connector plan is NO-GO') : vscode.l10n.t('{0} connector plans are NO-GO', noGo) } : undefined;
  }

  /** When the view is visible, selects the active editor's plan (the keyboard focus stays in the editor). */
  private async followActiveEditor(): Promise<void> {
    const uri = vscode.window.activeTextEditor?.document.uri;
    if (!uri || !this.view.visible || !this.scanning) return;
    await this.scanning;
    const node = this.planNode(uri);
    if (!node || vscode.window.activeTextEditor?.document.uri.toString() !== uri.toString() || !this.view.visible) return;
    if (this.view.selection.length === 1 && this.view.selection[0] === node) return;
    await Promise.resolve(this.view.reveal(node, { select: true, focus: false })).catch(() => undefined);
  }

  /** `connectorPlan.copyPlanStatus`: one line about the plan on the clipboard, and what was copied. */
  private async copyStatus(target?: PlanTarget): Promise<string | undefined> {
    const uri = uriOf(target);
    // A row kept from the last session says its status once its file is read.
    if (uri && typeof target === 'object' && !(target instanceof vscode.Uri) && target.kind === 'cached') await this.loaded(uri);
    const analysis = uri && (this.planNode(uri)?.analysis ?? this.analyzer.latest(uri));
    if (!analysis?.isPlan) {
      void showInfo(vscode.l10n.t('Select a connector plan in the Plans view to copy its status.'));
      return undefined;
    }
    const line = statusLine(analysis);
    await vscode.env.clipboard.writeText(line);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('$(copy) Copied: {0}', line), 3000);
    return line;
  }

  dispose(): void {
    // Once only: disposing its view or a command again would take the id from whatever holds it since.
    if (this.disposed) return;
    this.disposed = true;
    this.idle?.end();
    this.scans++;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.createdTimer) clearTimeout(this.createdTimer);
    if (this.storeTimer) clearTimeout(this.storeTimer);
    for (const timer of this.settleTimers) clearTimeout(timer);
    this.watcher?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** The `connectorPlan.setGoNoGoItem` arguments for a checkbox in the view: the text guards against a stale tree. */
function goNoGoArgs(node: GoNoGoItemNode, checked: boolean): SetGoNoGoItemArgs {
  return { uri: planOf(node).uri, line: node.item.line, checked, text: node.item.text };
}

/** What the row commands get: the row's node from a menu, or a URI from a command or another extension. */
type PlanTarget = PlanTreeNode | vscode.Uri | string;

function uriOf(target?: PlanTarget): vscode.Uri | undefined {
  if (typeof target === 'string') return vscode.Uri.parse(target);
  if (target instanceof vscode.Uri) return target;
  if (!target) return vscode.window.activeTextEditor?.document.uri;
  if (target.kind === 'cached') return target.row.kind !== 'loop' ? target.uri : target.row.record === undefined ? undefined : vscode.Uri.parse(target.row.record);
  if (target.kind === 'loop') return loopRecordUri(target);
  return target.kind === 'round' || target.kind === 'reviewFinding' ? target.uri : planOf(target).uri;
}

/** `connectorPlan.openPlan`: a click or Enter on a plan row opens it (as a preview, focus kept in the view); Open from a menu opens it for editing. */
async function openPlan(target?: PlanTarget, options?: unknown): Promise<vscode.TextEditor | undefined> {
  const uri = uriOf(target);
  // From a menu, the second argument is the selected rows, not options.
  const show = options && typeof options === 'object' && !Array.isArray(options) ? (options as vscode.TextDocumentShowOptions) : { preview: false };
  return uri ? vscode.window.showTextDocument(uri, show) : undefined;
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === key);
}

/** The loop folder (its URI) of a file whose analysis read one. */
function loopKey(analysis: PlanAnalysis): string | undefined {
  return analysis.loop ? vscode.Uri.joinPath(analysis.uri, '..').toString() : undefined;
}

/** Whether two analyses of one plan show the same rows: same text, findings and progress. */
function showsTheSame(a: PlanAnalysis, b: PlanAnalysis): boolean {
  if (a.plan.lines.length !== b.plan.lines.length || a.plan.lines.some((line, i) => line !== b.plan.lines[i])) return false;
  const shown = (x: PlanAnalysis) => JSON.stringify([x.isPlan, x.report.findings.map((f) => [f.ruleId, f.severity, f.message, f.range]), x.report.progress]);
  return shown(a) === shown(b);
}

/** What a scan passed over (a plan over `connectorPlan.maxFileSize`, a named pipe): said in the view, so no plan vanishes unexplained. */
function skippedMessage(skipped: { uri: vscode.Uri; problem: string }[]): string | undefined {
  if (!skipped.length) return undefined;
  const [{ uri, problem }] = skipped;
  const shown = vscode.workspace.asRelativePath(uri);
  return skipped.length === 1
    ? vscode.l10n.t('Skipped {0}: {1}', shown, problem)
    : vscode.l10n.t('Skipped {0} files, among them {1}: {2}. The Connector Plan output names each.', skipped.length, shown, problem);
}

/**
 * The order a scan reads files in: those open in editors first, then those of rows kept from the last session
 * (`kept`: whether the file is unchanged since; the changed ones first), then those whose path says plan, then the
 * rest, each group in the order found. The first rows are then likely the plans a person is working on, and the kept
 * rows that may be wrong are replaced soonest.
 */
function scanOrder(files: vscode.Uri[], kept: ReadonlyMap<string, boolean>): vscode.Uri[] {
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  const rank = (uri: vscode.Uri) => {
    const key = uri.toString();
    if (open.has(key)) return 0;
    const unchanged = kept.get(key);
    if (unchanged !== undefined) return unchanged ? 2 : 1;
    return /plan/i.test(uri.path.slice(uri.path.lastIndexOf('/'))) ? 3 : 4;
  };
  return files.map((uri, i) => ({ uri, i, rank: rank(uri) })).sort((a, b) => a.rank - b.rank || a.i - b.i).map((f) => f.uri);
}

/** The workspace's `.connector-plan.json` files (none when the search fails). */
function configFiles(): Promise<vscode.Uri[]> {
  return Promise.resolve(vscode.workspace.findFiles(CONFIG_FILES, undefined, ROW_LIMITS.deps + 1)).catch(() => []);
}

/** What `promise` gives if it settles within `ms`, else undefined (it goes on meanwhile). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([promise, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
