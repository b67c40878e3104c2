import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { AGENT_TOOLS, checkSummary, connectorNameProblem, explainSummary, fileDocument, loopDocument, loopSummary, notALoopText, notAPlanText, planFileName, statusSummary, validateToolInput } from '../../core';
import type { AgentToolSpec } from '../../core';
import { analyzeInputs } from '../analyze-inputs';
import { explainDocument, explainInputs } from '../commands/explain';
import { DEFAULT_PLANS_FOLDER, writePlanFile } from '../commands/new-plan';
import { configsAbove, createConfigLookup, teamPlanFolder } from '../config-files';
import type { CliContext } from '../context';
import { displayPath } from '../context';
import { planStatuses } from '../formatters/plan-status';
import { readLoopFolder } from '../loops';
import { TemplateLoader } from '../templates';
import type { Refusal, RootFolder } from './root-folder';

/** What a tool call gives the model: a short summary and the CLI's JSON document, or a problem it can act on. */
export type ToolOutcome = { summary: string; document: Record<string, unknown> } | Refusal;

/** The MCP server's tools: the agent tools that have an MCP name. */
export const MCP_TOOLS = AGENT_TOOLS.filter((tool): tool is AgentToolSpec & { mcpName: string } => Boolean(tool.mcpName));

/** Runs one tool on the root; bad input of any kind gives a problem, never an exception. */
export async function callTool(name: string, input: unknown, root: RootFolder, base: CliContext): Promise<ToolOutcome> {
  const spec = MCP_TOOLS.find((candidate) => candidate.mcpName === name);
  if (!spec) return { problem: l10n.t('Unknown tool "{0}": this server has {1}.', name.slice(0, 40), MCP_TOOLS.map((t) => t.mcpName).join(', ')) };
  const valid = validateToolInput(spec, 'mcp', input);
  if ('problem' in valid) return valid;
  const given = valid.input as Record<string, string | undefined>;
  switch (spec.id) {
    case 'checkPlan':
      return checkPlan(given.path!, root, base);
    case 'listPlans':
      return listPlans(given.folder ?? '', root, base);
    case 'explainPlan':
      return explainPlanFile(given.path!, root, base);
    case 'reviewStatus':
      return reviewStatus(given.folder!, root, base);
    case 'newPlan':
      return newPlan(given.name!, given.folder, root, base);
    default:
      return { problem: l10n.t('{0} is not offered by this server.', name) };
  }
}

async function checkPlan(input: string, root: RootFolder, base: CliContext): Promise<ToolOutcome> {
  const target = await root.file(input);
  if ('problem' in target) return target;
  const { context, notes } = root.context(base);
  const { files } = await analyzeInputs([target.relative], context);
  const [file] = files;
  if (!file || file.report.configuredTemplate) return { problem: notes.join('\n') || templateText(target.shown) };
  if (!file.report.isPlan) return { problem: notAPlanText(file.path) };
  return { summary: withNotes(checkSummary(file.path, file.report), notes), document: { ...fileDocument(file.path, file.report) } };
}

async function listPlans(input: string, root: RootFolder, base: CliContext): Promise<ToolOutcome> {
  const target = await root.folder(input);
  if ('problem' in target) return target;
  const { context, notes } = root.context(base);
  const { files, loops } = await analyzeInputs([target.shown], context);
  const plans = planStatuses(files, loops);
  return { summary: withNotes(statusSummary(plans, target.relative || "the server's root folder"), notes), document: { plans } };
}

async function reviewStatus(input: string, root: RootFolder, base: CliContext): Promise<ToolOutcome> {
  const target = await root.folder(input);
  if ('problem' in target) return target;
  const { context, notes } = root.context(base);
  const { reading } = await readLoopFolder(target.absolute, context, {
    templates: new TemplateLoader(context),
    configFor: createConfigLookup(context),
    unreadable: (shown, problem) => notes.push(l10n.t('cannot read {0}: {1}', shown, problem)),
  });
  if (!reading.isLoop) return { problem: withNotes(notALoopText(target.shown, reading.reason), notes) };
  return { summary: withNotes(loopSummary(reading), notes), document: loopDocument(reading) };
}

async function explainPlanFile(input: string, root: RootFolder, base: CliContext): Promise<ToolOutcome> {
  const target = await root.file(input);
  if ('problem' in target) return target;
  const { context, notes } = root.context(base);
  const [file] = (await explainInputs([target.relative], context)).explained;
  if (!file) return { problem: notes.join('\n') || templateText(target.shown) };
  return { summary: withNotes(explainSummary(file.path, file.explanation), notes), document: explainDocument(file) };
}

async function newPlan(name: string, input: string | undefined, root: RootFolder, base: CliContext): Promise<ToolOutcome> {
  const problem = connectorNameProblem(name);
  if (problem) return { problem: /[/\\]/.test(name) ? l10n.t('Bad connector name "{0}": {1} Give the folder as "folder".', name.slice(0, 80), problem) : l10n.t('Bad connector name "{0}": {1}', name.slice(0, 80), problem) };
  let folder = await root.writableFolder(input ?? DEFAULT_PLANS_FOLDER);
  if ('problem' in folder) return folder;
  const { context, notes } = root.context(base);
  // The team template the new file will be checked against, so its first check is the one CI will make.
  const { template } = await createConfigLookup(context)(path.join(folder.absolute, 'new-plan.md'));
  const schema = await new TemplateLoader(context).schema(template);
  if (input === undefined && template && schema) {
    // As `new --template` and the editor: the plans folder only when the template's glob names the plan there.
    const place = teamPlanFolder(template, planFileName(name, schema), folder.absolute, await configsAbove(folder.absolute, context));
    if (typeof place !== 'string') {
      return { problem: l10n.t('A plan of the team template {0} must be a file its "files" glob ({1}) names, and that glob starts with no folder to write it in: give the folder as "folder".', displayPath(root.path, template), place.uncovered.join(', ')) };
    }
    folder = await root.writableFolder(path.relative(root.path, place).split(path.sep).join('/'));
    if ('problem' in folder) return folder;
  }
  const written = await writePlanFile(folder.absolute, name, schema, context, { overwrite: false });
  if ('problem' in written) {
    return { problem: written.exists ? l10n.t('{0} already exists, and new_plan never overwrites a file: check or edit that plan, or give another name or folder.', written.path) : written.problem };
  }
  const [file] = (await analyzeInputs([written.path], context)).files;
  if (!file) return { problem: l10n.t('Created {0}, but could not check it: {1}', written.path, notes.join('; ')) };
  const created = schema && template
    ? l10n.t('Created {0} from the team template {1}. Write each section, then check it with check_plan.', written.path, displayPath(root.path, template))
    : l10n.t('Created {0} from the built-in template. Write each section, then check it with check_plan.', written.path);
  return { summary: withNotes(`${created}\n${checkSummary(file.path, file.report)}`, notes), document: { created: written.path, ...fileDocument(file.path, file.report) } };
}

function withNotes(summary: string, notes: string[]): string {
  return notes.length ? `${summary}\n${l10n.t('Notes:')}\n${notes.map((note) => `- ${note}`).join('\n')}` : summary;
}

function templateText(shown: string): string {
  return l10n.t('{0} is a template named by .connector-plan.json, not a plan: templates are never checked as plans.', shown);
}
