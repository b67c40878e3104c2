import * as vscode from 'vscode';
import { loopRecordPath, loopStatus, planOverview, type Finding, type LoopFinding, type LoopRound, type PlanOverview, type PlanStatus, type ReviewLoop, type SectionOverview, type SubsectionOverview, type TaskItem, type Verdict, type WorkStatus } from '../core';
import { toRange } from './convert';
import type { PlanAnalysis } from './plan-analysis';
import { escapeMarkdown, loopFacts, type LoopFacts, loopSummaryText, loopTooltip, planName, planTooltip, planTooltipHead, reviewFindingText, SECTION_ICONS, summaryText } from './plan-summary';
import type { CachedLoopRow, CachedRow } from './plan-tree-cache';

export interface PlanNode {
  kind: 'plan';
  uri: vscode.Uri;
  analysis: PlanAnalysis;
  /** The review loop row the plan is a round (or the final plan) of: it is listed there, not as a row of its own. */
  loopParent?: LoopNode;
}

/** A review loop: one row for its folder, its rounds and open findings below it. */
export interface LoopNode {
  kind: 'loop';
  /** The loop's folder. */
  folder: vscode.Uri;
  /** The newest reading of the loop among its files' analyses. */
  loop: ReviewLoop;
  /** Its rounds that are plans (listed in the view), in no order. */
  members: PlanNode[];
}

/** A round of a loop that is no plan (a context note, a review, a revision): a row that opens it. */
export interface RoundNode {
  kind: 'round';
  parent: LoopNode;
  round: LoopRound;
  uri: vscode.Uri;
}

/** A finding of a loop's reviews still open, partial or unclear: a row that opens the review at it. */
export interface ReviewFindingNode {
  kind: 'reviewFinding';
  parent: LoopNode;
  finding: LoopFinding;
  uri: vscode.Uri;
}

export interface SectionNode {
  kind: 'section';
  parent: PlanNode;
  section: SectionOverview;
}

export interface SubsectionNode {
  kind: 'subsection';
  parent: SectionNode;
  subsection: SubsectionOverview;
}

export interface GapNode {
  kind: 'gap';
  parent: PlanNode | SectionNode | SubsectionNode;
  finding: Finding;
  index: number;
}

export interface GoNoGoItemNode {
  kind: 'goNoGoItem';
  /** The go/no-go section, or the phase (its own gate) or wave (its tasks) the item is in. */
  parent: SectionNode | SubsectionNode;
  item: TaskItem;
}

/**
 * A row as the last session showed it (workspace state), until the scan reads its file: the same id, label,
 * description and icon as the row it stands for. Expanding it reads the file first.
 */
export interface CachedNode {
  kind: 'cached';
  /** The plan's file, or the loop's folder. */
  uri: vscode.Uri;
  row: CachedRow;
}

/** A plan's row and the rows under it. */
export type InPlanNode = PlanNode | SectionNode | SubsectionNode | GapNode | GoNoGoItemNode;
export type PlanTreeNode = InPlanNode | LoopNode | RoundNode | ReviewFindingNode | CachedNode;

const OPEN_STATUSES = new Set<LoopFinding['status']>(['open', 'partial', 'unclear']);

/** A file of the loop's folder by the path the loop's reading gives it. */
export function loopFileUri(node: LoopNode, path: string): vscode.Uri {
  return vscode.Uri.joinPath(node.folder, path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1));
}

/**
 * The file that stands for the loop as its reading names it (loopRecordPath: the plan of record, or the latest draft),
 * whether or not the view has read it yet; undefined when no round is a plan or proposal.
 */
export function loopRecordUri(node: LoopNode): vscode.Uri | undefined {
  const path = loopRecordPath(node.loop);
  return path === undefined ? undefined : loopFileUri(node, path);
}

/** The member that stands for the loop: its record file's plan row, once the view has read it as a plan. */
export function loopRecord(node: LoopNode): PlanNode | undefined {
  const uri = loopRecordUri(node)?.toString();
  return uri === undefined ? undefined : node.members.find((m) => m.uri.toString() === uri);
}

/** What `connector-plan status` shows for the loop (its name, the record's progress, the loop's verdict). */
export function loopRow(node: LoopNode) {
  const record = loopRecord(node);
  return loopStatus(node.loop, record && { path: vscode.workspace.asRelativePath(record.uri, false), report: record.analysis.report });
}

/** The loop's rounds in order (a plan round as its plan row, which unfolds into its sections), then its open findings, most severe first. */
export function loopChildren(node: LoopNode): PlanTreeNode[] {
  const members = new Map(node.members.map((m) => [m.uri.toString(), m]));
  const rounds = node.loop.rounds.map((round): PlanTreeNode => {
    const uri = loopFileUri(node, round.path);
    return members.get(uri.toString()) ?? { kind: 'round', parent: node, round, uri };
  });
  const open = node.loop.findings
    .filter((f) => OPEN_STATUSES.has(f.status))
    .map((finding, i) => ({ finding, i }))
    .sort((a, b) => (a.finding.severity < b.finding.severity ? -1 : a.finding.severity > b.finding.severity ? 1 : a.i - b.i))
    .map(({ finding }): ReviewFindingNode => ({ kind: 'reviewFinding', parent: node, finding, uri: loopFileUri(node, finding.raisedIn) }));
  return [...rounds, ...open];
}

const overviews = new WeakMap<PlanAnalysis, PlanOverview>();

function overviewOf(analysis: PlanAnalysis): PlanOverview {
  let overview = overviews.get(analysis);
  if (!overview) overviews.set(analysis, (overview = planOverview(analysis.plan, analysis.report)));
  return overview;
}

export function planOf(node: InPlanNode): PlanNode {
  return node.kind === 'plan' ? node : planOf(node.parent);
}

/** Sections A–J, then the gaps that belong to none; under a section its own gaps, phases or waves, go/no-go items. */
export function childrenOf(node: PlanTreeNode): PlanTreeNode[] {
  switch (node.kind) {
    case 'loop':
      return loopChildren(node);
    case 'plan': {
      if (!node.analysis.isPlan) return [];
      const overview = overviewOf(node.analysis);
      return [
        ...overview.sections.map((section): SectionNode => ({ kind: 'section', parent: node, section })),
        ...overview.otherFindings.map((finding, index): GapNode => ({ kind: 'gap', parent: node, finding, index })),
      ];
    }
    case 'section': {
      const { section } = node;
      const placed = new Set(section.subsections.flatMap((s) => s.findings));
      const itemLines = new Set(section.items.map((item) => item.line));
      const own = section.findings.filter((f) => !placed.has(f) && !itemLines.has(f.range.start.line));
      return [
        ...own.map((finding, index): GapNode => ({ kind: 'gap', parent: node, finding, index })),
        ...section.subsections.map((subsection): SubsectionNode => ({ kind: 'subsection', parent: node, subsection })),
        ...section.items.map((item): GoNoGoItemNode => ({ kind: 'goNoGoItem', parent: node, item })),
      ];
    }
    case 'subsection': {
      const itemLines = new Set(node.subsection.items.map((item) => item.line));
      return [
        ...node.subsection.findings.filter((f) => !itemLines.has(f.range.start.line)).map((finding, index): GapNode => ({ kind: 'gap', parent: node, finding, index })),
        ...node.subsection.items.map((item): GoNoGoItemNode => ({ kind: 'goNoGoItem', parent: node, item })),
      ];
    }
    default:
      return [];
  }
}

/** Unique in the whole view and stable across analyses, so expansion and selection survive updates. */
export function idOf(node: PlanTreeNode): string {
  switch (node.kind) {
    case 'cached':
      return node.row.kind === 'loop' ? `loop:${node.uri.toString()}` : node.uri.toString();
    case 'loop':
      return `loop:${node.folder.toString()}`;
    case 'round':
    case 'reviewFinding':
      return node.kind === 'round' ? node.uri.toString() : `${idOf(node.parent)}/finding/${node.finding.raisedIn}:${node.finding.line}:${node.finding.id}`;
    case 'plan':
      return node.uri.toString();
    case 'section':
      return `${idOf(node.parent)}#${node.section.id}`;
    case 'subsection':
      return `${idOf(node.parent)}/${node.subsection.heading.line}`;
    case 'gap':
      return `${idOf(node.parent)}/gap/${node.index}`;
    case 'goNoGoItem':
      return `${idOf(node.parent)}/item/${node.item.line}`;
  }
}

export function treeItemOf(node: PlanTreeNode): vscode.TreeItem {
  const item = itemFor(node);
  item.id = idOf(node);
  // Plan rows of a file say so: `Reveal in Explorer` is offered for those only. A row kept from the last session
  // offers what the row it stands for offers (only rows of files are kept).
  item.contextValue = node.kind === 'plan' ? (!node.analysis.isPlan ? 'template' : node.uri.scheme === 'untitled' ? 'plan' : 'plan.file') : node.kind === 'cached' ? (node.row.kind === 'plan' ? 'plan.file' : node.row.kind) : node.kind;
  return item;
}

/** Leaves and plan rows get a command: in a tree, clicking an item that has one runs it instead of expanding the item. */
function itemFor(node: PlanTreeNode): vscode.TreeItem {
  const collapsed = (children: unknown[], state = vscode.TreeItemCollapsibleState.Collapsed) => (children.length ? state : vscode.TreeItemCollapsibleState.None);
  switch (node.kind) {
    case 'loop': {
      const row = loopRow(node);
      const record = loopRecord(node);
      const errors = record?.analysis.report.findings.some((f) => f.severity === 'error') ?? false;
      return loopItem(row, loopFacts(node.loop), errors, loopRecordUri(node), record !== undefined);
    }
    case 'cached':
      return cachedItem(node);
    case 'round': {
      const { round } = node;
      const item = new vscode.TreeItem(node.uri.path.slice(node.uri.path.lastIndexOf('/') + 1), vscode.TreeItemCollapsibleState.None);
      const raised = node.parent.loop.findings.filter((f) => f.raisedIn === round.path).length;
      item.description = round.kind === 'review' ? vscode.l10n.t({ message: '{0} · {1} raised', args: [round.kind, raised], comment: ['{0} is the kind of a review loop\'s round (review), kept in English; {1} how many findings it raises.'] }) : round.kind;
      item.iconPath = new vscode.ThemeIcon(ROUND_ICONS[round.kind]);
      item.tooltip = new vscode.MarkdownString(`${escapeMarkdown(vscode.workspace.asRelativePath(node.uri))}\n\n${vscode.l10n.t({ message: 'Round {0} of the review loop · {1}', args: [round.round ?? '—', round.kind], comment: ['{1} is the kind of the round (context, proposal, plan, review, revision, final, other), kept in English.'] })}`);
      item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Round'), arguments: [node.uri, { preview: true, preserveFocus: true } satisfies vscode.TextDocumentShowOptions] };
      return item;
    }
    case 'reviewFinding': {
      const { finding } = node;
      const item = new vscode.TreeItem(`${finding.id} ${finding.title}`, vscode.TreeItemCollapsibleState.None);
      item.description = reviewFindingText(finding);
      item.iconPath = finding.severity === 'P3' ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
      item.tooltip = new vscode.MarkdownString(`**${escapeMarkdown(`${finding.id} · ${finding.severity}`)}** ${escapeMarkdown(finding.title)}\n\n${escapeMarkdown(vscode.l10n.t('Raised in {0}, line {1}', finding.raisedIn, finding.line))}${finding.resolvedIn ? `\n\n${escapeMarkdown(vscode.l10n.t({ message: '{0} in {1}, line {2}', args: [finding.status, finding.resolvedIn, finding.resolvedLine ?? 0], comment: ['{0} is a review finding\'s status (open, partial, unclear), kept in English; {1} a file, {2} a line.'] }))}` : ''}`);
      const line = Math.max(finding.line - 1, 0);
      item.command = { command: 'vscode.open', title: vscode.l10n.t('Show Review Finding'), arguments: [node.uri, { preview: true, preserveFocus: true, selection: new vscode.Range(line, 0, line, 0) } satisfies vscode.TextDocumentShowOptions] };
      return item;
    }
    case 'plan': {
      const { analysis } = node;
      if (!analysis.isPlan) return templateItem(node.uri, planName(analysis), analysis.report.configuredTemplate ?? false);
      // A round of a loop is named by its file, beside the others (`02-claude-agent-plan.md`, `plan · 80% · NO-GO 0/5`).
      const round = node.loopParent?.loop.rounds.find((r) => node.loopParent && loopFileUri(node.loopParent, r.path).toString() === node.uri.toString());
      const item = new vscode.TreeItem(round ? node.uri.path.slice(node.uri.path.lastIndexOf('/') + 1) : planName(analysis), vscode.TreeItemCollapsibleState.Collapsed);
      const progress = analysis.report.progress;
      const summary = progress ? summaryText(progress) : '';
      item.description = round ? `${round.kind} · ${summary}` : summary;
      item.iconPath = verdictIcon(progress?.goNoGo.verdict, analysis.report.findings.some((f) => f.severity === 'error'));
      item.tooltip = planTooltip(analysis);
      // A click or Enter opens the plan; its twistie (or the arrow keys) expands it.
      item.command = { command: 'connectorPlan.openPlan', title: vscode.l10n.t('Open Plan'), arguments: [node.uri, { preview: true, preserveFocus: true } satisfies vscode.TextDocumentShowOptions] };
      return item;
    }
    case 'section': {
      const { section } = node;
      const item = new vscode.TreeItem(`${section.id}) ${section.title}`, collapsed(childrenOf(node), section.items.length ? vscode.TreeItemCollapsibleState.Expanded : undefined));
      item.description = `${section.filled}/${section.total}`;
      item.iconPath = new vscode.ThemeIcon(SECTION_ICONS[section.status], new vscode.ThemeColor(SECTION_COLORS[section.status]));
      item.tooltip = sectionTooltip(section);
      if (section.heading && item.collapsibleState === vscode.TreeItemCollapsibleState.None) item.command = revealCommand(planOf(node).uri, vscode.l10n.t('Go to Section'), section.heading.line);
      return item;
    }
    case 'subsection': {
      const { subsection } = node;
      const item = new vscode.TreeItem(subsection.heading.title || subsection.heading.text, collapsed(childrenOf(node)));
      const gaps = subsection.findings.length;
      item.description = subsection.status ?? (gaps ? gapCount(gaps) : '');
      item.iconPath = workIcon(subsection.status, gaps > 0);
      item.tooltip = appendGaps(new vscode.MarkdownString(`**${escapeMarkdown(subsection.heading.text)}**`), subsection.findings);
      if (item.collapsibleState === vscode.TreeItemCollapsibleState.None) item.command = revealCommand(planOf(node).uri, vscode.l10n.t('Go to {0}', subsection.kind), subsection.heading.line);
      return item;
    }
    case 'gap': {
      const { finding } = node;
      const item = new vscode.TreeItem(finding.message, vscode.TreeItemCollapsibleState.None);
      item.description = vscode.l10n.t('line {0}', finding.range.start.line + 1);
      item.iconPath = new vscode.ThemeIcon(finding.severity, new vscode.ThemeColor(SEVERITY_COLORS[finding.severity]));
      item.tooltip = new vscode.MarkdownString(`${escapeMarkdown(finding.message)}\n\n${vscode.l10n.t('{0} · {1} · line {2}', `\`${finding.ruleId}\``, severityText(finding.severity), finding.range.start.line + 1)}`);
      item.command = { command: 'vscode.open', title: vscode.l10n.t('Show Gap'), arguments: [planOf(node).uri, { selection: toRange(finding.range) } satisfies vscode.TextDocumentShowOptions] };
      return item;
    }
    case 'goNoGoItem': {
      const { item: task } = node;
      const item = new vscode.TreeItem(task.text, vscode.TreeItemCollapsibleState.None);
      const action = task.checked ? vscode.l10n.t('Untick this item in the plan') : vscode.l10n.t('Tick this item in the plan');
      item.checkboxState = {
        state: task.checked ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked,
        tooltip: action,
        accessibilityInformation: { label: action },
      };
      // A table row shows the status its table gives it (`Pending`, `✅`); ticking writes that table's own word.
      const status = task.form !== 'checkbox' ? currentStatus(node) : '';
      if (status) item.description = status;
      item.tooltip = itemTooltip(node, status);
      // Without it, screen readers would read the tooltip instead of the item.
      item.accessibilityInformation = { label: task.checked ? vscode.l10n.t('{0}, checked, line {1}', task.text, task.line + 1) : vscode.l10n.t('{0}, not checked yet, line {1}', task.text, task.line + 1) };
      item.command = revealCommand(planOf(node).uri, vscode.l10n.t('Go to Item'), task.line);
      return item;
    }
  }
}

/** The status word a table item's row holds now, as the analysis read it. */
function currentStatus(node: GoNoGoItemNode): string {
  const { item } = node;
  const line = planOf(node).analysis.plan.lines[item.line] ?? '';
  return line.slice(item.boxRange.start.character, item.boxRange.end.character) || (item.checked ? vscode.l10n.t('done') : vscode.l10n.t('open'));
}

/** `Checked (✅) · line 12`, and for an item of a phase or wave, what it counts for. */
function itemTooltip(node: GoNoGoItemNode, status: string): string {
  const { item } = node;
  const state = item.checked ? vscode.l10n.t('Checked') : vscode.l10n.t('Not checked yet');
  const where = vscode.l10n.t('{0} · line {1}', status ? vscode.l10n.t('{0} ({1})', state, status) : state, item.line + 1);
  if (node.parent.kind !== 'subsection') return where;
  const { kind } = node.parent.subsection;
  return kind === 'wave'
    ? vscode.l10n.t('{0} · a task of this wave', where)
    : vscode.l10n.t("{0} · a gate of this {1}, not counted in the plan's go/no-go", where, kind || vscode.l10n.t('part'));
}

/** `1 gap`, `3 gaps`. */
function gapCount(n: number): string {
  return n === 1 ? vscode.l10n.t('1 gap') : vscode.l10n.t('{0} gaps', n);
}

function severityText(severity: Finding['severity']): string {
  return { error: vscode.l10n.t('error'), warning: vscode.l10n.t('warning'), info: vscode.l10n.t('info') }[severity];
}

function sectionStatusText(status: SectionOverview['status']): string {
  return { complete: vscode.l10n.t('complete'), partial: vscode.l10n.t('partial'), empty: vscode.l10n.t('empty'), missing: vscode.l10n.t('missing') }[status];
}

function revealCommand(uri: vscode.Uri, title: string, line: number): vscode.Command {
  const options: vscode.TextDocumentShowOptions = { preview: true, preserveFocus: true, selection: new vscode.Range(line, 0, line, 0) };
  return { command: 'vscode.open', title, arguments: [uri, options] };
}

const ROUND_ICONS: Record<LoopRound['kind'], string> = {
  context: 'info',
  proposal: 'lightbulb',
  plan: 'checklist',
  review: 'comment-discussion',
  revision: 'edit',
  final: 'verified',
  other: 'file',
};

const SECTION_COLORS = { complete: 'testing.iconPassed', partial: 'list.warningForeground', empty: 'disabledForeground', missing: 'list.errorForeground' } as const;
const SEVERITY_COLORS = { error: 'list.errorForeground', warning: 'list.warningForeground', info: 'problemsInfoIcon.foreground' } as const;

/** A copy of a template: listed so the team sees it is one, never checked. */
function templateItem(uri: vscode.Uri, name: string, configured: boolean): vscode.TreeItem {
  const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.None);
  item.description = vscode.l10n.t('template · not checked');
  item.iconPath = new vscode.ThemeIcon('file-code');
  const where = vscode.workspace.asRelativePath(uri);
  item.tooltip = new vscode.MarkdownString(configured
    ? vscode.l10n.t('**Team template** · {0}\n\nPlans are checked against it, as .connector-plan.json says; the template itself is never checked.', escapeMarkdown(where))
    : vscode.l10n.t('**Template** · {0}\n\nA copy of a template: its title still holds the placeholder and nothing is written in it, so it is not checked. To check plans against it, name it in `templates` of .connector-plan.json.', escapeMarkdown(where)));
  item.command = { command: 'connectorPlan.openPlan', title: vscode.l10n.t('Open Plan'), arguments: [uri, { preview: true, preserveFocus: true } satisfies vscode.TextDocumentShowOptions] };
  return item;
}

/**
 * A review loop's row: what `status` shows for it (`row`), its icon by verdict, open P1/P2 findings and the record's
 * errors. `record` is the file the loop's reading names as its plan of record (or latest draft); `recordIsPlan`, whether
 * the view has read it as a plan (the tooltip then gives its progress).
 */
function loopItem(row: PlanStatus, facts: LoopFacts, recordErrors: boolean, record: vscode.Uri | undefined, recordIsPlan: boolean): vscode.TreeItem {
  const item = new vscode.TreeItem(row.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.description = loopSummaryText(row);
  item.iconPath = row.goNoGo.verdict === 'GO'
    ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'))
    : facts.open.P1 + facts.open.P2 > 0 || recordErrors
      ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
      : new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  item.tooltip = loopTooltip(facts, row, record && recordIsPlan ? vscode.workspace.asRelativePath(record) : undefined);
  // A click opens the plan of record, as a plan row opens its plan; the twistie unfolds the rounds. It is opened even
  // before the view has read it (a loop's row may come from another of its files first) and when it is no plan (a
  // proposal under review, a final stub with no plan round before it): the loop's reading names it all the same.
  if (record) item.command = { command: 'connectorPlan.openPlan', title: vscode.l10n.t('Open Plan'), arguments: [record, { preview: true, preserveFocus: true } satisfies vscode.TextDocumentShowOptions] };
  return item;
}

/** A row kept from the last session, drawn as the row it stands for; its tooltip says it is being checked again. */
function cachedItem(node: CachedNode): vscode.TreeItem {
  const { row, uri } = node;
  const again = `\n\n*${escapeMarkdown(vscode.l10n.t('As the last session left it: being checked again.'))}*`;
  if (row.kind === 'template') {
    const item = templateItem(uri, row.name, row.configured);
    (item.tooltip as vscode.MarkdownString).appendMarkdown(again);
    return item;
  }
  if (row.kind === 'loop') {
    const item = loopItem(cachedLoopStatus(row), row, row.findings.error > 0, row.record === undefined ? undefined : vscode.Uri.parse(row.record), row.recordIsPlan);
    (item.tooltip as vscode.MarkdownString).appendMarkdown(again);
    return item;
  }
  const goNoGo = { verdict: row.verdict, checked: row.checked, total: row.total };
  const item = new vscode.TreeItem(row.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.description = summaryText({ percent: row.percent, goNoGo });
  item.iconPath = verdictIcon(row.verdict, row.findings.error > 0);
  item.tooltip = planTooltipHead(row.name, vscode.workspace.asRelativePath(uri), { percent: row.percent, goNoGo, reasons: row.reasons }).appendMarkdown(again);
  item.command = { command: 'connectorPlan.openPlan', title: vscode.l10n.t('Open Plan'), arguments: [uri, { preview: true, preserveFocus: true } satisfies vscode.TextDocumentShowOptions] };
  return item;
}

/** What `status` showed for a kept loop row. */
function cachedLoopStatus(row: CachedLoopRow): PlanStatus {
  return {
    path: row.folder,
    name: row.name,
    percent: row.percent,
    goNoGo: { verdict: row.verdict, checked: row.checked, total: row.total },
    loop: { folder: row.folder, stage: row.stage, open: row.open },
  };
}

/** GO in green; NO-GO in red while errors remain, else in yellow (only unchecked items or warnings). */
function verdictIcon(verdict: Verdict | undefined, errors: boolean): vscode.ThemeIcon {
  if (verdict === 'GO') return new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'));
  if (errors) return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
}

function workIcon(status: WorkStatus | undefined, hasGaps: boolean): vscode.ThemeIcon {
  switch (status) {
    case 'complete':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'partial':
    case 'in-progress':
      return new vscode.ThemeIcon('pie-chart', new vscode.ThemeColor('list.warningForeground'));
    case 'blocked':
      return new vscode.ThemeIcon('stop-circle', new vscode.ThemeColor('list.errorForeground'));
    case 'deferred':
    case 'optional':
      return new vscode.ThemeIcon('debug-step-over', new vscode.ThemeColor('disabledForeground'));
    case 'not-started':
      return new vscode.ThemeIcon('circle-large-outline');
    default:
      return hasGaps ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
  }
}

const MAX_TOOLTIP_GAPS = 15;

function sectionTooltip(section: SectionOverview): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(vscode.l10n.t('{0} · {1}/{2} filled · {3}', `**${escapeMarkdown(`${section.id}) ${section.title}`)}**`, section.filled, section.total, sectionStatusText(section.status)));
  if (section.missing.length && section.status !== 'missing') tooltip.appendMarkdown(`\n\n${vscode.l10n.t('Still to write: {0}.', section.missing.map(escapeMarkdown).join('; '))}`);
  return appendGaps(tooltip, section.findings, section.missing.length > 0);
}

function appendGaps(tooltip: vscode.MarkdownString, findings: Finding[], somethingMissing = false): vscode.MarkdownString {
  if (!findings.length) return somethingMissing ? tooltip : tooltip.appendMarkdown(`\n\n${vscode.l10n.t('No gaps.')}`);
  tooltip.appendMarkdown(`\n\n${findings.length === 1 ? vscode.l10n.t('1 gap:') : vscode.l10n.t('{0} gaps:', findings.length)}\n`);
  for (const finding of findings.slice(0, MAX_TOOLTIP_GAPS)) tooltip.appendMarkdown(`\n- ${vscode.l10n.t('line {0}: {1}', finding.range.start.line + 1, escapeMarkdown(finding.message))}`);
  if (findings.length > MAX_TOOLTIP_GAPS) tooltip.appendMarkdown(`\n- ${vscode.l10n.t('…and {0} more', findings.length - MAX_TOOLTIP_GAPS)}`);
  return tooltip;
}
