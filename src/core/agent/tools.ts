import * as l10n from '@vscode/l10n';
import { goNoGoItems } from '../edits';
import { plainText } from '../markdown/inline';
import type { PlanModel, TaskItem } from '../plan/model';
import { redactorFor } from '../redaction';

// The tools agents call to check their drafts, as data: the VS Code language-model tools (package.json's
// `languageModelTools` is generated from this list) and the MCP server of `connector-plan mcp` are both made from
// it, and both validate input with `validateToolInput`: VS Code does not check input against the schema.

/** Where a tool runs: in VS Code (paths relative to the workspace folder) or in the CLI's MCP server (relative to its root). */
export type ToolHost = 'vscode' | 'mcp';

export interface ToolParameter {
  name: string;
  type: 'string' | 'boolean' | 'integer';
  description: string;
  /** Hosts where it must be given. */
  requiredIn: ToolHost[];
}

export interface AgentToolSpec {
  id: 'checkPlan' | 'listPlans' | 'explainPlan' | 'reviewStatus' | 'newPlan' | 'setGoNoGoItem';
  /** The language-model tool's name in VS Code. */
  vscodeName: string;
  /** The MCP tool's name; absent when the MCP server does not offer it. */
  mcpName?: string;
  displayName: string;
  /** For the user: what the tool is (the tools picker shows it). */
  userDescription: string;
  /** For the model: when to use it, what it takes and what it returns. */
  modelDescription: string;
  /** `#name` in a chat prompt; only read-only tools can be referenced. */
  referenceName?: string;
  readOnly: boolean;
  /** Codicon of the tool in VS Code. */
  icon: string;
  parameters: ToolParameter[];
}

const ROOT: Record<ToolHost, string> = { vscode: 'the workspace folder', mcp: "the server's root folder" };

const PLAN_PATH = (optionalInVsCode: string): ToolParameter => ({
  name: 'path',
  type: 'string',
  description: `The plan's markdown file, relative to {root} (for example docs/connectors/stripe-rollout-plan.md).${optionalInVsCode}`,
  requiredIn: ['mcp'],
});

export const AGENT_TOOLS: readonly AgentToolSpec[] = [
  {
    id: 'checkPlan',
    vscodeName: 'connectorPlan_checkPlan',
    mcpName: 'check_plan',
    displayName: 'Check Connector Plan',
    userDescription: 'Checks a connector rollout plan for gaps: findings, progress and the go/no-go verdict, as CI sees them.',
    modelDescription: 'Checks one Connector Rollout Plan (a markdown file written from the team\'s template, sections A–J) exactly as CI and the human reviewer will: returns the go/no-go verdict, progress, every finding (rule, severity, line, message) and the sections still incomplete, first as a short summary and then as the JSON of `connector-plan check --format json`. Use it after drafting or editing a plan, fix what it reports, and call it again until it reports no errors and no warnings. It reads the file as it is now (in an editor, unsaved edits included) and never changes it.',
    referenceName: 'connectorPlan',
    readOnly: true,
    icon: '$(checklist)',
    parameters: [PLAN_PATH(' {activeEditor}')],
  },
  {
    id: 'listPlans',
    vscodeName: 'connectorPlan_listPlans',
    mcpName: 'list_plans',
    displayName: 'List Connector Plans',
    userDescription: "Lists the workspace's connector rollout plans with their progress and go/no-go verdict.",
    modelDescription: "Lists every Connector Rollout Plan under a folder with its progress percentage, go/no-go checklist count and verdict (the table of `connector-plan status`, then its JSON). Use it to find which plans exist and which are not ready before choosing one to check or edit. It never changes files.",
    referenceName: 'connectorPlans',
    readOnly: true,
    icon: '$(list-tree)',
    parameters: [{ name: 'folder', type: 'string', description: 'A folder relative to {root} to list plans under; the whole of {root} when absent.', requiredIn: [] }],
  },
  {
    id: 'explainPlan',
    vscodeName: 'connectorPlan_explainPlan',
    mcpName: 'explain_plan',
    displayName: 'Explain How a Connector Plan Was Read',
    userDescription: 'Shows how a plan was read: each heading and the template section it was taken for, fields, phases and go/no-go items.',
    modelDescription: 'Explains how a Connector Rollout Plan was read by the checker (`connector-plan explain --format json`): each heading and the template section it was taken for or why none, each field with filled/empty and its lines, links, mapping rows, phases and waves, and the go/no-go items. Use it when a finding of the check tool looks wrong, to see which heading or label the checker did not recognise, before rewriting the plan. Values are not shown. It never changes the file.',
    referenceName: 'connectorPlanExplain',
    readOnly: true,
    icon: '$(info)',
    parameters: [PLAN_PATH(' {activeEditor}')],
  },
  {
    id: 'reviewStatus',
    vscodeName: 'connectorPlan_reviewStatus',
    mcpName: 'review_status',
    displayName: 'Review Loop Status',
    userDescription: "Shows a plan's review loop: its rounds, each review finding with its status, what is still open and the final plan's verdict.",
    modelDescription: "Reads a review loop: a folder of numbered rounds (00-context.md, 01-…-proposal.md, 02-…-plan.md, 03-…-review.md, 04-…-revision.md, …) and usually a FINAL*PLAN*.md. Returns the stage, every finding a review raised (id, severity P1/P2/P3, title, file and line) with the status the latest round gives it (fixed, partial, deferred, accepted, open, unclear) and where that was said, the open findings per severity, the plan of record with its verdict (NO-GO while a P1 or P2 is open) and answers to ids no review raised: first as a short summary listing what is still open, then as the JSON of `connector-plan loop --format json`. Use it before writing a revision, to see which findings it must answer (by their ids), and before calling a plan final. It never changes files.",
    referenceName: 'connectorPlanReview',
    readOnly: true,
    icon: '$(comment-discussion)',
    parameters: [{ name: 'folder', type: 'string', description: "The review loop's folder, relative to {root} (for example docs/connectors/zendesk).", requiredIn: ['vscode', 'mcp'] }],
  },
  {
    id: 'newPlan',
    vscodeName: 'connectorPlan_newPlan',
    mcpName: 'new_plan',
    displayName: 'New Connector Plan',
    userDescription: 'Creates a connector rollout plan from the template, with the connector name filled in.',
    modelDescription: "Creates a new Connector Rollout Plan file from the team's template with the connector's name in its title, and returns its path and its first check (every section still to write). Use it to start a plan for a connector that has none; then edit the file section by section and check it with the check tool. It refuses to overwrite an existing file.",
    readOnly: false,
    icon: '$(new-file)',
    parameters: [
      { name: 'name', type: 'string', description: 'The connector\'s name as people write it, for example "Stripe Billing" (the file becomes stripe-billing-rollout-plan.md).', requiredIn: ['vscode', 'mcp'] },
      { name: 'folder', type: 'string', description: 'The folder relative to {root} to create it in; the plans folder (docs/connectors unless set) when absent.', requiredIn: [] },
    ],
  },
  {
    id: 'setGoNoGoItem',
    vscodeName: 'connectorPlan_setGoNoGoItem',
    displayName: 'Set a Go/No-Go Item',
    userDescription: "Ticks or unticks one item of a plan's go/no-go checklist, as an undoable edit.",
    modelDescription: "Ticks or unticks one item of a Connector Rollout Plan's go/no-go checklist (section I), as one undoable edit in the editor, the same edit the Plans view makes. Use it only when the user has said that item is done (or not done); never tick items to make a plan pass. The item is its 1-based number in the checklist or words of its text.",
    readOnly: false,
    icon: '$(pass)',
    parameters: [
      PLAN_PATH(' {activeEditor}'),
      { name: 'item', type: 'string', description: 'The item: its 1-based number in the go/no-go checklist ("3") or words that appear in its text only ("rollback tested").', requiredIn: ['vscode'] },
      { name: 'checked', type: 'boolean', description: 'true to tick the item (done), false to untick it.', requiredIn: ['vscode'] },
    ],
  },
];

export function agentTool(id: AgentToolSpec['id']): AgentToolSpec {
  return AGENT_TOOLS.find((tool) => tool.id === id)!;
}

/** A parameter's description for a host. */
export function describeParameter(parameter: ToolParameter, host: ToolHost): string {
  return parameter.description
    .replaceAll('{root}', ROOT[host])
    .replaceAll(' {activeEditor}', host === 'vscode' && !parameter.requiredIn.includes('vscode') ? ' When absent, the plan in the active editor.' : '');
}

/** The tool's input as JSON Schema, for a host. */
export function toolInputSchema(tool: AgentToolSpec, host: ToolHost): { type: 'object'; properties: Record<string, { type: string; description: string }>; required?: string[]; additionalProperties: false } {
  const properties: Record<string, { type: string; description: string }> = {};
  for (const p of tool.parameters) properties[p.name] = { type: p.type, description: describeParameter(p, host) };
  const required = tool.parameters.filter((p) => p.requiredIn.includes(host)).map((p) => p.name);
  return { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false };
}

export type ToolInput = Record<string, string | boolean | number | undefined>;

/** Checks input against the tool's parameters; strings are trimmed, and null or an empty string is "not given". */
export function validateToolInput(tool: AgentToolSpec, host: ToolHost, input: unknown): { input: ToolInput } | { problem: string } {
  const parameters = tool.parameters.map((p) => (p.requiredIn.includes(host) ? `"${p.name}" (${p.type})` : l10n.t({ message: '"{0}" ({1}, optional)', args: [p.name, p.type], comment: ['A tool parameter and its JSON type (string, boolean, integer), which stays in English.'] }))).join(', ');
  const takes = l10n.t({ message: '{0} takes {1}', args: [tool.mcpName && host === 'mcp' ? tool.mcpName : tool.vscodeName, parameters], comment: ['A tool name, then its parameters.'] });
  if (input === undefined || input === null) input = {};
  if (typeof input !== 'object' || Array.isArray(input)) return { problem: l10n.t('The input must be an object: {0}.', takes) };
  const given = input as Record<string, unknown>;
  const result: ToolInput = {};
  for (const key of Object.keys(given)) {
    if (!tool.parameters.some((p) => p.name === key)) return { problem: l10n.t('Unknown input "{0}": {1}.', key.slice(0, 40), takes) };
  }
  for (const p of tool.parameters) {
    let value = given[p.name];
    if (typeof value === 'string') value = value.trim() || undefined;
    if (value === null) value = undefined;
    if (value === undefined) {
      if (p.requiredIn.includes(host)) return { problem: l10n.t({ message: 'Missing "{0}": {1}', args: [p.name, describeParameter(p, host)], comment: ["{1} is the parameter's description from the tool's specification."] }) };
      continue;
    }
    if (p.type === 'boolean' && typeof value === 'string' && /^(true|false)$/i.test(value)) value = value.toLowerCase() === 'true';
    if (p.type === 'string' && typeof value === 'number') value = String(value);
    if (p.type === 'integer' ? !Number.isInteger(value) : typeof value !== p.type) {
      const given = typeof value === 'string' ? undefined : (JSON.stringify(value)?.slice(0, 40) ?? typeof value);
      return { problem: wrongType(p.name, p.type, given) };
    }
    result[p.name] = value as string | boolean | number;
  }
  return { input: result };
}

/**
 * A path given relative to the root, as forward-slash segments with `.` and `..` resolved ('' is the root itself).
 * Absolute paths, paths that climb out of the root and control characters are refused: a host turns an absolute
 * path inside its root into a relative one before asking.
 */
export function confinedPath(input: string, host: ToolHost): { path: string } | { problem: string } {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(input)) return { problem: l10n.t('The path holds a control character.') };
  const path = input.replace(/\\/g, '/');
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return { problem: host === 'vscode' ? l10n.t('"{0}" is outside the workspace folder: give a path relative to it.', input) : l10n.t('"{0}" is outside the server\'s root folder: give a path relative to it.', input) };
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (!segments.length) return { problem: host === 'vscode' ? l10n.t('"{0}" is outside the workspace folder: only files inside it can be read or written.', input) : l10n.t('"{0}" is outside the server\'s root folder: only files inside it can be read or written.', input) };
      segments.pop();
    } else segments.push(segment);
  }
  return { path: segments.join('/') };
}

/**
 * The plan's go/no-go item a number (1-based) or words of its text name, with its text as a result may quote it
 * (credentials hidden); when none or several match, says which there are.
 */
export function findGoNoGoItem(plan: PlanModel, query: string | number): { item: TaskItem; index: number; shown: string } | { problem: string } {
  const items = goNoGoItems(plan);
  if (!items.length) return { problem: l10n.t('The plan has no go/no-go checklist.') };
  const redact = redactorFor(plan);
  const found = (index: number) => ({ item: items[index], index, shown: redact(items[index].text) });
  const line = (i: number) => `${i + 1}. ${redact(plainText(items[i].text))}`;
  const list = () => items.map((_, i) => line(i)).join('\n');
  const asNumber = typeof query === 'number' ? query : /^\d+$/.test(query.trim()) ? Number(query.trim()) : undefined;
  if (asNumber !== undefined) {
    return asNumber >= 1 && asNumber <= items.length
      ? found(asNumber - 1)
      : { problem: `${items.length === 1 ? l10n.t('The go/no-go checklist has 1 item, so there is no item {0}:', asNumber) : l10n.t('The go/no-go checklist has {0} items, so there is no item {1}:', items.length, asNumber)}\n${list()}` };
  }
  const text = String(query).trim();
  const words = normalize(text);
  const texts = items.map((t) => normalize(plainText(t.text)));
  const exact = texts.flatMap((t, i) => (t === words ? [i] : []));
  const containing = exact.length ? exact : texts.flatMap((t, i) => (words && t.includes(words) ? [i] : []));
  if (containing.length === 1) return found(containing[0]);
  return {
    problem: containing.length
      ? `${l10n.t('{0} go/no-go items contain "{1}"; give the number of the one you mean, or more of its words:', containing.length, text)}\n${containing.map(line).join('\n')}`
      : `${l10n.t('No go/no-go item contains "{0}". The items are:', text)}\n${list()}`,
  };
}

/** `"flag" must be true or false, not "yes".`: one sentence per type, and for a string given where it is not one. */
function wrongType(name: string, type: ToolParameter['type'], given: string | undefined): string {
  if (type === 'boolean') return given === undefined ? l10n.t('"{0}" must be true or false, not a string.', name) : l10n.t('"{0}" must be true or false, not {1}.', name, given);
  if (type === 'integer') return given === undefined ? l10n.t('"{0}" must be a whole number, not a string.', name) : l10n.t('"{0}" must be a whole number, not {1}.', name, given);
  return l10n.t('"{0}" must be a string, not {1}.', name, given ?? '');
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[\s_*`]+/g, ' ').trim();
}
