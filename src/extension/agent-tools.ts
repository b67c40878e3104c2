import * as vscode from 'vscode';
import {
  AGENT_TOOLS,
  checkSummary,
  confinedPath,
  connectorNameProblem,
  decodeText,
  explainPlan,
  explainSummary,
  fileDocument,
  findGoNoGoItem,
  isLoopFileName,
  loopDocument,
  loopRecordPath,
  loopStatus,
  loopSummary,
  notALoopText,
  planFileName,
  readLoop,
  planStatus,
  scaffoldPlan,
  statusSummary,
  validateToolInput,
  type AgentToolSpec,
  type LoopFile,
  type PlanReport,
  type ReviewLoop,
  type PlanStatus,
  type ToolInput,
} from '../core';
import { writeGoNoGoItem } from './commands/set-go-no-go-item';
import { withoutTrailingSlashes, type PlanAnalysis, type PlanAnalyzer } from './plan-analysis';
import { forEachAtOnce, markdownFiles } from './plan-files';
import { readWorkspaceFile } from './read-file';
import { readSettings } from './settings';

// The language-model tools (`contributes.languageModelTools`, generated from the core's AGENT_TOOLS): agents in
// VS Code check their drafts as CI will. Results are the CLI's JSON for the same file run from the workspace
// folder, after a short summary; a bad input is a result text, never an exception.

/** A problem the model is told about in the result, in place of a result. */
class ToolProblem extends Error {}

interface PlanFile {
  uri: vscode.Uri;
  /** As the CLI run from the workspace folder shows it (the folder's name first in a multi-root workspace). */
  shown: string;
}

type Invoke = (input: ToolInput, token: vscode.CancellationToken) => Promise<string[]>;
type Prepare = (input: ToolInput) => Promise<vscode.PreparedToolInvocation | undefined>;

/** What a tool shows before it runs (the confirmation of a write); tests read it, as VS Code skips the dialog under a test runner. */
export type PrepareToolInvocation = (name: string, input: unknown) => Promise<vscode.PreparedToolInvocation | undefined>;

export function registerAgentTools(analyzer: PlanAnalyzer, output: vscode.OutputChannel): { disposable: vscode.Disposable; prepare: PrepareToolInvocation } {
  const tools = new AgentTools(analyzer);
  const handlers: Record<AgentToolSpec['id'], { invoke: Invoke; prepare?: Prepare }> = {
    checkPlan: { invoke: (input) => tools.check(input), prepare: async (input) => ({ invocationMessage: vscode.l10n.t('Checking {0}', await tools.nameOf(input)) }) },
    listPlans: { invoke: (input, token) => tools.list(input, token), prepare: async () => ({ invocationMessage: vscode.l10n.t('Listing connector plans') }) },
    explainPlan: { invoke: (input) => tools.explain(input), prepare: async (input) => ({ invocationMessage: vscode.l10n.t('Reading how {0} was understood', await tools.nameOf(input)) }) },
    reviewStatus: { invoke: (input) => tools.review(input), prepare: async (input) => ({ invocationMessage: vscode.l10n.t('Reading the review loop {0}', String(input.folder)) }) },
    newPlan: { invoke: (input) => tools.create(input), prepare: (input) => tools.prepareCreate(input) },
    setGoNoGoItem: { invoke: (input) => tools.setItem(input), prepare: (input) => tools.prepareSetItem(input) },
  };
  const prepareInvocation = async (spec: AgentToolSpec, input: unknown) => {
    const valid = validateToolInput(spec, 'vscode', input);
    const { prepare } = handlers[spec.id];
    // An input that will be refused needs no confirmation: invoke says what is wrong.
    return 'input' in valid && prepare ? prepare(valid.input).catch(() => undefined) : undefined;
  };
  const prepare: PrepareToolInvocation = async (name, input) => {
    const spec = AGENT_TOOLS.find((tool) => tool.vscodeName === name);
    return spec && prepareInvocation(spec, input);
  };
  // Older hosts (and some web hosts) have no language-model API: the rest of the extension works without it.
  if (typeof vscode.lm?.registerTool !== 'function') return { disposable: new vscode.Disposable(() => undefined), prepare };
  const disposable = vscode.Disposable.from(
    ...AGENT_TOOLS.map((spec) => {
      const { invoke } = handlers[spec.id];
      return vscode.lm.registerTool<unknown>(spec.vscodeName, {
        prepareInvocation: (options) => prepareInvocation(spec, options.input),
        invoke: async (options, token) => {
          const valid = validateToolInput(spec, 'vscode', options.input);
          let parts: string[];
          try {
            if ('problem' in valid) throw new ToolProblem(valid.problem);
            parts = await invoke(valid.input, token);
          } catch (error) {
            if (!(error instanceof ToolProblem)) output.appendLine(vscode.l10n.t('{0} failed: {1}', spec.vscodeName, (error as Error).message));
            parts = [error instanceof ToolProblem ? vscode.l10n.t('{0}: {1}', spec.displayName, error.message) : vscode.l10n.t('{0}: it failed ({1}); nothing was changed.', spec.displayName, (error as Error).message)];
          }
          return new vscode.LanguageModelToolResult(parts.map((part) => new vscode.LanguageModelTextPart(part)));
        },
      });
    }),
  );
  return { disposable, prepare };
}

class AgentTools {
  constructor(private readonly analyzer: PlanAnalyzer) {}

  async check(input: ToolInput): Promise<string[]> {
    const file = await this.planFile(input.path);
    const { report } = await this.analysis(file);
    return [checkSummary(file.shown, report), json({ files: [fileDocument(file.shown, report)] })];
  }

  async list(input: ToolInput, token: vscode.CancellationToken): Promise<string[]> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (!folders.length) throw new ToolProblem(vscode.l10n.t('No folder is open in VS Code, so there are no workspace plans to list.'));
    const bases = input.folder === undefined ? folders.map((folder) => ({ folder, uri: folder.uri })) : [await this.folderInput(String(input.folder))];
    const rows: PlanStatus[] = [];
    // A review loop has one row, as `connector-plan status` shows it: the plan of record's, its rounds none of their own.
    const loops = new Map<string, { loop: ReviewLoop; record?: { path: string; report: PlanReport } }>();
    for (const { folder, uri } of bases) {
      // The folder's repository is read first (the rows count its findings), as `status` reads it.
      await this.analyzer.readRepository(vscode.Uri.joinPath(uri, 'plan.md'));
      await forEachAtOnce(await markdownFiles(uri, folder), 32, async (file) => {
        if (token.isCancellationRequested) return;
        const result = await this.analyzer.scanFile(file);
        if (result?.loop) {
          const key = result.loop.folder ?? '.';
          const entry = loops.get(key) ?? { loop: result.loop };
          loops.set(key, entry);
          if (loopRecordPath(result.loop) === shownPath(file)) entry.record = { path: shownPath(file), report: result.report };
          return;
        }
        const row = result?.isPlan ? planStatus(shownPath(file), result.report) : undefined;
        if (row) rows.push(row);
      });
    }
    for (const { loop, record } of loops.values()) rows.push(loopStatus(loop, record));
    rows.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const where = input.folder === undefined ? vscode.l10n.t('the workspace') : shownPath(bases[0].uri) || vscode.l10n.t('the workspace folder');
    return [statusSummary(rows, where), json({ plans: rows })];
  }

  async explain(input: ToolInput): Promise<string[]> {
    const file = await this.planFile(input.path);
    const text = await this.text(file);
    await this.analyzer.readRepository(file.uri);
    const { options, never } = await this.analyzer.optionsFor(file.uri);
    if (never) throw new ToolProblem(neverAPlan(file, never));
    // A round of a review loop is explained with its loop, as `connector-plan explain` explains it.
    const explanation = explainPlan(text, { ...options, loop: await this.analyzer.loopPlace(file.uri, text, options) });
    return [explainSummary(file.shown, explanation), json({ path: file.shown, ...explanation })];
  }

  /** A folder's review loop, read as `connector-plan loop --format json` reads it run from the workspace folder. */
  async review(input: ToolInput): Promise<string[]> {
    const { uri } = await this.folderInput(String(input.folder));
    const shown = shownPath(uri) || '.';
    const setting = await this.analyzer.loopSetting(uri);
    if (setting === 'off') throw new ToolProblem(notALoopText(shown, 'off'));
    const notes: string[] = [];
    const files: LoopFile[] = [];
    const entries = (await vscode.workspace.fs.readDirectory(uri)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [name, type] of entries) {
      // Only the rounds and the final plan, as regular files (or links to them), read as the check tool reads a file.
      if (!(type & vscode.FileType.File) || !name.toLowerCase().endsWith('.md') || !isLoopFileName(name)) continue;
      const file = { uri: vscode.Uri.joinPath(uri, name), shown: shownPath(vscode.Uri.joinPath(uri, name)) };
      try {
        files.push({ path: file.shown, text: await this.text(file) });
      } catch (error) {
        if (!(error instanceof ToolProblem)) throw error;
        notes.push(error.message);
      }
    }
    const { options } = await this.analyzer.optionsFor(vscode.Uri.joinPath(uri, 'loop.md'));
    const reading = readLoop(files, { folder: shown, folderName: uri.path.split('/').filter(Boolean).pop() ?? shown, schema: options.schema, rules: options.rules, named: setting === 'named' });
    const withNotes = (text: string) => (notes.length ? `${text}\n${vscode.l10n.t('Notes:')}\n${notes.map((note) => `- ${note}`).join('\n')}` : text);
    if (!reading.isLoop) throw new ToolProblem(withNotes(notALoopText(shown, reading.reason)));
    return [withNotes(loopSummary(reading)), json(loopDocument(reading))];
  }

  async prepareCreate(input: ToolInput): Promise<vscode.PreparedToolInvocation> {
    const target = await this.newPlanTarget(input);
    return {
      invocationMessage: vscode.l10n.t('Creating {0}', target.shown),
      confirmationMessages: { title: vscode.l10n.t('Create a connector plan?'), message: vscode.l10n.t('Create {0} from the {1} template, for "{2}"?', target.shown, target.templateName, String(input.name)) },
    };
  }

  async create(input: ToolInput): Promise<string[]> {
    const target = await this.newPlanTarget(input);
    this.analyzer.markCreated(target.uri, target.template);
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(target.uri, { overwrite: false, ignoreIfExists: false });
    edit.insert(target.uri, new vscode.Position(0, 0), target.text);
    if (!(await vscode.workspace.applyEdit(edit))) throw new ToolProblem(vscode.l10n.t('{0} could not be created (it may exist now, or the folder is read-only); nothing was written.', target.shown));
    const document = await vscode.workspace.openTextDocument(target.uri);
    await document.save();
    const { report } = await this.analysis({ uri: target.uri, shown: target.shown });
    return [`${vscode.l10n.t('Created {0} from the {1} template. Write each section in it, then check it again.', target.shown, target.templateName)}\n\n${checkSummary(target.shown, report)}`, json({ files: [fileDocument(target.shown, report)] })];
  }

  async prepareSetItem(input: ToolInput): Promise<vscode.PreparedToolInvocation> {
    const { file, shown, index } = await this.goNoGoTarget(input);
    const n = index + 1;
    return input.checked
      ? {
          invocationMessage: vscode.l10n.t('Ticking go/no-go item {0} in {1}', n, file.shown),
          confirmationMessages: { title: vscode.l10n.t('Tick a go/no-go item?'), message: vscode.l10n.t('Tick item {0} "{1}" of the go/no-go checklist in {2}?', n, shown, file.shown) },
        }
      : {
          invocationMessage: vscode.l10n.t('Unticking go/no-go item {0} in {1}', n, file.shown),
          confirmationMessages: { title: vscode.l10n.t('Untick a go/no-go item?'), message: vscode.l10n.t('Untick item {0} "{1}" of the go/no-go checklist in {2}?', n, shown, file.shown) },
        };
  }

  async setItem(input: ToolInput): Promise<string[]> {
    const { file, document, item, index, shown } = await this.goNoGoTarget(input);
    const done = input.checked === true;
    const outcome = await writeGoNoGoItem(this.analyzer, document, item.line, done, item.text);
    if (outcome.kind === 'refused') throw new ToolProblem(vscode.l10n.t('Nothing was changed in {0}: {1}.', file.shown, outcome.message));
    if (outcome.kind === 'failed') throw new ToolProblem(vscode.l10n.t('The edit to {0} was not applied (the editor refused it); nothing was changed.', file.shown));
    const { report } = this.analyzer.get(document) ?? (await this.analyzer.analyzeDocument(document));
    const goNoGo = report.progress?.goNoGo;
    const now = goNoGo ? ` ${vscode.l10n.t('The go/no-go checklist is {0}/{1}: {2}.', goNoGo.checked, goNoGo.total, goNoGo.verdict)}` : '';
    const [n, text, where] = [index + 1, shown, file.shown];
    const said = outcome.kind === 'unchanged'
      ? done
        ? vscode.l10n.t('Item {0} "{1}" in {2} is already ticked; nothing was changed.', n, text, where)
        : vscode.l10n.t('Item {0} "{1}" in {2} is already unticked; nothing was changed.', n, text, where)
      : done
        ? vscode.l10n.t('Ticked item {0} "{1}" in {2}. The change is in the editor, not saved yet; Undo reverts it.', n, text, where)
        : vscode.l10n.t('Unticked item {0} "{1}" in {2}. The change is in the editor, not saved yet; Undo reverts it.', n, text, where);
    return [`${said}${now}`];
  }

  /** A short name of the target for progress messages; the bad input itself is reported by invoke. */
  async nameOf(input: ToolInput): Promise<string> {
    return (await this.planFile(input.path).catch(() => undefined))?.shown ?? vscode.l10n.t('the plan');
  }

  private async goNoGoTarget(input: ToolInput) {
    const file = await this.planFile(input.path);
    await this.text(file);
    const document = await vscode.workspace.openTextDocument(file.uri);
    const result = this.analyzer.get(document) ?? (await this.analyzer.analyzeDocument(document));
    if (!result.isPlan) throw new ToolProblem(await this.notAPlan(file));
    const found = findGoNoGoItem(result.plan, String(input.item));
    if ('problem' in found) throw new ToolProblem(vscode.l10n.t('In {0}: {1}', file.shown, found.problem));
    return { file, document, ...found };
  }

  private async newPlanTarget(input: ToolInput) {
    const name = String(input.name);
    const problem = connectorNameProblem(name);
    if (problem) throw new ToolProblem(vscode.l10n.t('Cannot create a plan named "{0}": {1}', name.slice(0, 80), problem));
    const [workspaceFolder] = vscode.workspace.workspaceFolders ?? [];
    if (!workspaceFolder) throw new ToolProblem(vscode.l10n.t("No folder is open in VS Code: open the repository's folder first, so the plan is created in it."));
    let folder = input.folder === undefined
      ? vscode.Uri.joinPath(workspaceFolder.uri, ...readSettings(workspaceFolder.uri).plansFolder.split(/[\\/]+/).filter((s) => s && s !== '.'))
      : (await this.folderInput(String(input.folder), true)).uri;
    // The template the plan will be checked with there: a `templates` glob, the setting, the config's template.
    const probe = vscode.Uri.joinPath(folder, planFileName(name));
    const template = await this.analyzer.templateFor(probe);
    const schema = await this.analyzer.templates.schema(template);
    if (input.folder === undefined && template && schema) {
      // As New Connector Plan and MCP new_plan: the plans folder only when the template's glob names the plan there.
      const place = await this.analyzer.planFolderFor(template, planFileName(name, schema), workspaceFolder, folder);
      if ('uncovered' in place) throw new ToolProblem(vscode.l10n.t('A plan of the team template {0} must be a file its "files" glob ({1}) names, and that glob starts with no folder to write it in: give the folder as "folder".', shownPath(template), place.uncovered.join(', ')));
      if ('folder' in place) folder = place.folder;
    }
    const uri = vscode.Uri.joinPath(folder, planFileName(name, schema));
    const shown = shownPath(uri);
    if (await stat(uri)) throw new ToolProblem(vscode.l10n.t('{0} already exists, so it was left as it is. Check it with the check tool, or choose another name.', shown));
    return { uri, shown, template, text: scaffoldPlan(name, schema), templateName: template ? shownPath(template) : 'Connector Rollout Plan' };
  }

  /** The file a `path` input names (or the active editor's), refused when it is outside the workspace or no file. */
  private async planFile(path: ToolInput[string]): Promise<PlanFile> {
    if (path === undefined) {
      const document = vscode.window.activeTextEditor?.document;
      if (!document || document.languageId !== 'markdown') throw new ToolProblem(vscode.l10n.t("No path was given and no markdown file is open in the active editor: give the plan's path relative to the workspace folder (the list tool lists the plans)."));
      return { uri: document.uri, shown: shownPath(document.uri) };
    }
    const uri = this.resolve(String(path));
    const found = await stat(uri);
    const shown = shownPath(uri);
    if (!found && !openDocument(uri)) throw new ToolProblem(vscode.l10n.t('{0} does not exist in the workspace folder. The list tool lists the plans there.', shown));
    if (found?.type !== undefined && found.type & vscode.FileType.Directory) throw new ToolProblem(vscode.l10n.t("{0} is a folder: give a plan's markdown file in it (the list tool lists the plans under a folder).", shown));
    return { uri, shown };
  }

  private async folderInput(path: string, mayNotExist = false): Promise<{ folder: vscode.WorkspaceFolder; uri: vscode.Uri }> {
    const uri = this.resolve(path);
    const folder = vscode.workspace.getWorkspaceFolder(uri)!;
    const found = await stat(uri);
    if (!found && mayNotExist) return { folder, uri };
    if (!found) throw new ToolProblem(vscode.l10n.t('The folder {0} does not exist in the workspace folder.', shownPath(uri) || path));
    if (!(found.type & vscode.FileType.Directory)) throw new ToolProblem(vscode.l10n.t('{0} is a file, not a folder.', shownPath(uri)));
    return { folder, uri };
  }

  /** A path relative to the workspace folder (or absolute inside it) as a URI inside it; anything else is refused. */
  private resolve(input: string): vscode.Uri {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (!folders.length) throw new ToolProblem(vscode.l10n.t('No folder is open in VS Code, so there is no workspace file to read: open the plan in an editor and call the tool without a path.'));
    const normalized = input.replace(/\\/g, '/');
    let base = folders[0];
    let relative = normalized;
    const prefixOf = (f: vscode.WorkspaceFolder) => [f.uri.path, f.uri.fsPath.replace(/\\/g, '/')].map(withoutTrailingSlashes).find((p) => normalized === p || normalized.startsWith(`${p}/`));
    const inside = folders.find((f) => prefixOf(f) !== undefined);
    if (inside) {
      base = inside;
      relative = normalized.slice(prefixOf(inside)!.length);
    } else if (folders.length > 1) {
      const [first, ...rest] = normalized.split('/');
      const named = folders.find((f) => f.name === first);
      if (named) [base, relative] = [named, rest.join('/')];
    }
    const confined = confinedPath(relative, 'vscode');
    if ('problem' in confined) throw new ToolProblem(confined.problem);
    return confined.path ? vscode.Uri.joinPath(base.uri, ...confined.path.split('/')) : base.uri;
  }

  /** The analysis of a plan file, open or not; what is no plan has no findings and no progress, as in the CLI. */
  private async analysis(file: PlanFile): Promise<PlanAnalysis> {
    const document = openDocument(file.uri);
    // Its repository read first: the answer has `check`'s findings, those about the repository included.
    const read = await this.analyzer.readRepository(file.uri);
    const kept = document && !read ? this.analyzer.get(document) : undefined;
    const result = document ? kept ?? (await this.analyzer.analyzeDocument(document)) : await this.analyzer.check(file.uri, await this.text(file));
    if (result.isPlan) return result;
    if (result.skipped) throw new ToolProblem(vscode.l10n.t('Skipped {0}: {1}', file.shown, result.skipped));
    const { never } = await this.analyzer.optionsFor(file.uri);
    if (never) throw new ToolProblem(neverAPlan(file, never));
    return { ...result, report: { ...result.report, isPlan: false, findings: [], progress: undefined } };
  }

  /** The editor's text when the file is open (unsaved edits included), else the file's, read as the CLI reads it. */
  private async text(file: PlanFile): Promise<string> {
    const document = openDocument(file.uri);
    if (document) return document.getText();
    const read = await readWorkspaceFile(file.uri);
    if ('problem' in read) throw new ToolProblem(vscode.l10n.t('Cannot read {0}: {1}', file.shown, read.problem));
    const decoded = decodeText(read.bytes);
    if ('problem' in decoded) throw new ToolProblem(vscode.l10n.t('Cannot check {0}: {1}.', file.shown, decoded.problem));
    return decoded.text;
  }

  private async notAPlan(file: PlanFile): Promise<string> {
    const { never } = await this.analyzer.optionsFor(file.uri);
    return never ? neverAPlan(file, never) : checkSummary(file.shown, { isPlan: false, findings: [] });
  }
}

function neverAPlan(file: PlanFile, why: 'excluded' | 'template'): string {
  return why === 'template'
    ? vscode.l10n.t('{0} is a team template that plans are written from, not a plan: it is never checked.', file.shown)
    : vscode.l10n.t('{0} is excluded by the settings connectorPlan.exclude or files.exclude, so it is not checked.', file.shown);
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function shownPath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === key);
}

async function stat(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
}
