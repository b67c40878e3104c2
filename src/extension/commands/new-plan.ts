import * as vscode from 'vscode';
import { connectorNameProblem, planFileName, planSnippet, type TemplateSchema } from '../../core';
import type { PlanAnalyzer } from '../plan-analysis';
import { showError, showInfo } from '../notices';
import { readSettings } from '../settings';

/** What tests and keybindings pass to run the command without prompts. */
export interface NewPlanArgs {
  /** The connector name; asked for when absent. */
  name?: string;
  /** The folder the plan goes in, as is (like the explorer's folder); else `connectorPlan.plansFolder` of a workspace folder. */
  folder?: vscode.Uri;
  /** The team template to write it from; null for the built-in one; asked for when the workspace has several. */
  template?: vscode.Uri | null;
}

/**
 * `connectorPlan.newPlan`: creates `<plansFolder>/<slug>-rollout-plan.md` (a team template's plan where its glob names it), opens it and inserts the template
 * as a snippet, so the cursor lands in the first blank. Resolves to the plan's URI (an untitled one without a
 * workspace folder), or undefined when cancelled. An existing file is never written: its URI is returned and
 * the user is offered to open it.
 */
export function registerNewPlanCommand(analyzer: PlanAnalyzer): vscode.Disposable {
  return vscode.commands.registerCommand('connectorPlan.newPlan', (arg?: unknown) => newPlan(readArgs(arg), analyzer));
}

/** The explorer passes the clicked folder; the Plans view title and the palette pass nothing. */
function readArgs(arg: unknown): NewPlanArgs {
  if (arg instanceof vscode.Uri) return { folder: arg };
  if (!arg || typeof arg !== 'object') return {};
  const { name, folder, template } = arg as Record<string, unknown>;
  return { name: typeof name === 'string' ? name : undefined, folder: folder instanceof vscode.Uri ? folder : undefined, template: template instanceof vscode.Uri || template === null ? template : undefined };
}

async function newPlan(args: NewPlanArgs, analyzer: PlanAnalyzer): Promise<vscode.Uri | undefined> {
  if (args.name !== undefined) {
    const problem = connectorNameProblem(args.name);
    if (problem) {
      void showError(vscode.l10n.t('Cannot create a plan named "{0}": {1}', args.name, problem));
      return undefined;
    }
  }
  const plans = args.folder ?? (await plansFolder());
  if (plans === null) return undefined;
  const chosen = await chooseTemplate(args, plans, analyzer);
  if (chosen === null) return undefined;
  const folder = args.folder ? plans : await templateFolder(plans, chosen, args.name, analyzer);
  if (folder === null) return undefined;
  const name = args.name ?? (await askName(folder, chosen.schema));
  if (name === undefined) return undefined;
  const snippet = new vscode.SnippetString(planSnippet(name, chosen.schema));

  if (!folder) {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown' });
    analyzer.markCreated(document.uri, chosen.uri, document);
    const editor = await vscode.window.showTextDocument(document);
    await editor.insertSnippet(snippet);
    return editor.document.uri;
  }

  const file = vscode.Uri.joinPath(folder, planFileName(name, chosen.schema));
  if (await exists(file)) return offerToOpen(file);
  try {
    await vscode.workspace.fs.createDirectory(folder);
  } catch (error) {
    return cannotCreate(folder, error, 'folder');
  }
  // Create-only: if the file appeared since the check, the edit fails instead of overwriting it.
  const create = new vscode.WorkspaceEdit();
  create.createFile(file, { overwrite: false, ignoreIfExists: false });
  // A plan from its first, empty moment: the Plans view and the diagnostics never see it as a mere note.
  analyzer.markCreated(file, chosen.uri);
  if (!(await vscode.workspace.applyEdit(create).then(undefined, () => false))) {
    if (await exists(file)) return offerToOpen(file);
    // applyEdit says no reason: writing the (still absent) file says it, or creates it after all.
    try {
      await vscode.workspace.fs.writeFile(file, new Uint8Array());
    } catch (error) {
      return cannotCreate(file, error, 'file');
    }
  }

  const editor = await vscode.window.showTextDocument(file);
  await editor.insertSnippet(snippet, new vscode.Position(0, 0));
  await editor.document.save();
  return file;
}

/**
 * Where a plan of a team template goes so that a reload still reads it as one: the plans folder when the template's
 * `templates` entry covers it, else the folder its `files` glob starts with. Null (after saying why) when the glob
 * names no folder; the plans folder when no entry names the template.
 */
async function templateFolder(plans: vscode.Uri | undefined, chosen: { uri?: vscode.Uri; schema?: TemplateSchema }, name: string | undefined, analyzer: PlanAnalyzer): Promise<vscode.Uri | undefined | null> {
  const workspaceFolder = plans && vscode.workspace.getWorkspaceFolder(plans);
  if (!plans || !chosen.uri || !workspaceFolder) return plans;
  // The file's name only matters to a glob that names files; a stand-in does until the name is asked.
  const place = await analyzer.planFolderFor(chosen.uri, planFileName(name ?? 'connector', chosen.schema), workspaceFolder, plans);
  if ('folder' in place) return place.folder;
  if ('free' in place) return plans;
  void showError(vscode.l10n.t('A plan of the template {0} must be a file its "files" glob ({1}) names, and that glob starts with no folder to write it in. Run New Connector Plan from the Explorer\'s context menu on a folder those plans are in, or start the glob with a folder, like "docs/features/**/*.md".', shown(chosen.uri), place.uncovered.join(', ')));
  return null;
}

/**
 * Where the plan goes: `connectorPlan.plansFolder` of the workspace folder (picked when there are several);
 * undefined without a workspace folder (an untitled document), null when the pick was cancelled.
 */
/**
 * The template to write the plan from: the one the arguments name, else the built-in one, or a pick when the
 * workspace names team templates (`connectorPlan.template`, `.connector-plan.json`). Null when the pick was dismissed.
 */
async function chooseTemplate(args: NewPlanArgs, folder: vscode.Uri | undefined, analyzer: PlanAnalyzer): Promise<{ uri?: vscode.Uri; schema?: TemplateSchema } | null> {
  if (args.template === null) return {};
  if (args.template) {
    const schema = await analyzer.templates.schema(args.template);
    return schema ? { uri: args.template, schema } : null;
  }
  const workspaceFolder = folder && vscode.workspace.getWorkspaceFolder(folder);
  if (!workspaceFolder) return {};
  const options = await analyzer.templates.options(await analyzer.workspaceTemplates(workspaceFolder));
  if (options.length < 2) return {};
  const pick = await vscode.window.showQuickPick(
    options.map((option) => ({ label: option.label, description: option.uri ? vscode.workspace.asRelativePath(option.uri) : undefined, detail: option.schema.sections.map((s) => s.headingText).join(' · '), option })),
    { title: vscode.l10n.t('New Connector Plan'), placeHolder: vscode.l10n.t('Template to write the plan from') },
  );
  return pick ? { uri: pick.option.uri, schema: pick.option.uri ? pick.option.schema : undefined } : null;
}

async function plansFolder(): Promise<vscode.Uri | undefined | null> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length) return undefined;
  const folder = folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Workspace folder for the new connector plan') });
  if (!folder) return null;
  const segments = readSettings(folder.uri).plansFolder.split(/[\\/]+/).filter((s) => s && s !== '.');
  return segments.length ? vscode.Uri.joinPath(folder.uri, ...segments) : folder.uri;
}

function askName(folder: vscode.Uri | undefined, schema: TemplateSchema | undefined): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('New Connector Plan'),
    prompt: schema ? vscode.l10n.t('Name for the plan\'s title ("{0}")', schema.title) : vscode.l10n.t('Name of the connector, as the plan title shows it'),
    placeHolder: schema ? vscode.l10n.t('Dark Mode') : vscode.l10n.t('HubSpot CRM'),
    ignoreFocusOut: true,
    validateInput: async (value) => {
      const problem = connectorNameProblem(value);
      if (problem) return { message: problem, severity: vscode.InputBoxValidationSeverity.Error };
      if (!folder) return undefined;
      const file = vscode.Uri.joinPath(folder, planFileName(value, schema));
      return (await exists(file))
        ? { message: vscode.l10n.t('{0} already exists: it will not be overwritten, you can open it.', shown(file)), severity: vscode.InputBoxValidationSeverity.Warning }
        : { message: vscode.l10n.t('Creates {0}', shown(file)), severity: vscode.InputBoxValidationSeverity.Info };
    },
  });
}

/** Shows why the folder or file could not be made, as the file system tells it; creates nothing. */
function cannotCreate(target: vscode.Uri, error: unknown, what: 'folder' | 'file'): undefined {
  void showError(what === 'folder' ? vscode.l10n.t('Could not create the folder {0}: {1}', shown(target), reasonOf(error)) : vscode.l10n.t('Could not create {0}: {1}', shown(target), reasonOf(error)));
  return undefined;
}

/** A file system error in words: `FileSystemError` codes (`NoPermissions`, `FileExists`…) and Node's (`EACCES`, `EROFS`, `ENAMETOOLONG`). */
function reasonOf(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  const text = `${code ?? ''} ${message ?? ''}`;
  if (/ENAMETOOLONG/.test(text)) return vscode.l10n.t('the name is too long for this file system.');
  if (/EROFS|read-?only/i.test(text)) return vscode.l10n.t('the file system is read-only.');
  if (/NoPermissions|EACCES|EPERM|permission/i.test(text)) return vscode.l10n.t('no permission to write there.');
  if (/ENOSPC/.test(text)) return vscode.l10n.t('the disk is full.');
  return message ? `${message.replace(/\s+/g, ' ').trim()}` : vscode.l10n.t('the file system refused it.');
}

function offerToOpen(file: vscode.Uri): vscode.Uri {
  const open = vscode.l10n.t('Open');
  void showInfo(vscode.l10n.t('{0} already exists, so it was left as it is.', shown(file)), open)
    .then((choice) => (choice === open ? vscode.window.showTextDocument(file) : undefined));
  return file;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function shown(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri);
}
