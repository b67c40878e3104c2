import { isBlankCopy, readDocumentKind, templateReading, type DocumentKind, type DocumentReading } from './document-kind';
import { documentName } from './document-name';
import { loopGateFindings, type LoopPlace } from './loop/gate';
import { referenceFindings } from './references/findings';
import type { RepositoryPlace } from './references/repository';
import { readPlan } from './plan/parse-plan';
import { sectionAt, type PlanModel } from './plan/model';
import { computeProgress } from './progress';
import { redactorFor, redactStrings } from './redaction';
import { LOOP_RULES, RULE_LIST } from './rules';
import type { FindingInput } from './rules/rule';
import { applySuppressions } from './suppressions';
import { getDefaultSchema } from './template/schema';
import type { Finding, PlanProgress, RuleConfig } from './types';
import type { TemplateSchema } from './plan/model';

export interface AnalyzeOptions {
  /** Per-rule severity or 'off', over each rule's default. */
  rules?: RuleConfig;
  /** Check the text as a plan even when it does not look like one (a file in the plans folder, a new empty plan). */
  assumePlan?: boolean;
  /** The template the plan is written from (`buildSchema` of the team's file); the built-in one by default. */
  schema?: TemplateSchema;
  /** The file's path (any form): its name may say what the document is, and names a plan with a generic file name. */
  path?: string;
  /** Where the team template of `schema` is, as the host shows paths; reported with the plan. */
  templatePath?: string;
  /**
   * The review loop the file is part of: its folder's reading (readLoop) and the file's path as that reading names
   * it. The loop's findings on the file (`open-review-finding` on the plan of record, `unknown-review-finding` on a
   * revision) are added, counted in the verdict and suppressed by the file's comments like any other.
   */
  loop?: LoopPlace;
  /**
   * The repository the plan is in: the host's index of its files and the plan's path from its root. The plan's
   * references are checked against it (`reference-not-found`, `env-var-unknown`); without it neither rule reports.
   */
  repository?: RepositoryPlace;
}

export interface PlanReport {
  /** False for a markdown file that is not a connector plan: it then has no findings and no progress. */
  isPlan: boolean;
  /** What the document is: a plan, a copy of a template (never checked), or something else. */
  kind?: DocumentKind;
  /** Why it is what `kind` says, in one phrase, and what was weighed. */
  reading?: DocumentReading;
  /** What people call it: the name its title gives, else its folder's for a generic file name, and its role (`Zendesk · 01 proposal`). */
  name?: string;
  /** The team template the plan was checked against, as the host shows its path; absent for the built-in one. */
  template?: string;
  /** For a template: the host knows it as one (`.connector-plan.json`, a setting, `--template`), not only by its text. */
  configuredTemplate?: boolean;
  /** Plan title (the H1), when there is one. */
  title?: string;
  /** Connector name taken from the title (`HubSpot` in `# HubSpot Connector Rollout Plan`). */
  connectorName?: string;
  /** Sorted by position in the file. */
  findings: Finding[];
  /** Present exactly when isPlan is true. */
  progress?: PlanProgress;
}

/** Parses a plan, runs every enabled rule and computes progress. Never throws. */
export function analyzePlan(text: string, options: AnalyzeOptions = {}): PlanReport {
  return inspectPlan(text, options).report;
}

/**
 * Like analyzePlan, and also hands back the parsed plan for adapters that show its structure (tree, hover). Every
 * string of the report passes the plan's redactor last: no rule, title or progress line can show a credential.
 */
export function inspectPlan(text: string, options: AnalyzeOptions = {}): { report: PlanReport; plan: PlanModel } {
  const plan = readPlan(typeof text === 'string' ? text : '', options.schema ?? getDefaultSchema());
  if (options.assumePlan && !plan.isPlan) plan.assumedPlan = true;
  const report = checkedReport(plan, options);
  return { report: redactStrings(report, redactorFor(plan)), plan };
}

function checkedReport(plan: PlanModel, options: AnalyzeOptions): PlanReport {
  const hints = { path: options.path, assumed: options.assumePlan };
  let reading = readDocumentKind(plan, hints);
  plan.isPlan = reading.kind === 'plan';
  const report: PlanReport = { isPlan: plan.isPlan, kind: reading.kind, reading, title: plan.title?.text, connectorName: plan.connectorName, findings: [], name: documentName(plan.connectorName, options.path, plan.schema), ...(options.templatePath && options.schema ? { template: options.templatePath } : {}) };
  const fromLoop = options.loop ? gateFindings(plan, options) : [];
  // A round that is no plan (a revision) gets only what the loop says of it.
  if (!plan.isPlan) return fromLoop.length && reading.kind !== 'template' ? { ...report, findings: sorted(applySuppressions(fromLoop, plan.directives)) } : report;

  let findings: Finding[] = [];
  for (const rule of RULE_LIST) {
    const severity = options.rules?.[rule.id] ?? rule.defaultSeverity;
    if (severity === 'off' || rule.loop || rule.repository) continue;
    try {
      rule.check(plan, (f: FindingInput) => findings.push({ ruleId: rule.id, severity, ...f }));
    } catch (error) {
      // A rule bug must not take the other rules' findings down with it.
      findings.push({ ruleId: rule.id, severity: 'info', message: `Rule ${rule.id} failed on this file: ${(error as Error).message}`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    }
  }
  findings.push(...fromLoop);
  if (options.repository) findings.push(...repositoryFindings(plan, options));
  findings = applySuppressions(findings, plan.directives);
  // A heading written for two sections is read twice: the same gap found by both readings is one gap.
  if (plan.sections.some((s) => s.secondary)) findings = uniqueFindings(findings);
  // The loop's findings are about the whole plan, not the section their anchor line is in.
  for (const finding of findings) if (!LOOP_RULES.has(finding.ruleId)) finding.sectionId ??= sectionAt(plan, finding.range.start.line)?.id;
  findings = sorted(findings);
  const progress = computeProgress(plan, findings);
  if (isBlankCopy(plan, progress, hints)) {
    reading = templateReading(plan, reading.evidence);
    plan.isPlan = false;
    return { ...report, isPlan: false, kind: 'template', reading };
  }
  report.findings = findings;
  report.progress = progress;
  return report;
}

function uniqueFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}\u0000${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

/** By position in the file; the sort is stable, so findings on one spot keep the rules' order. */
function sorted(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function repositoryFindings(plan: PlanModel, options: AnalyzeOptions): Finding[] {
  try {
    return referenceFindings(plan, options.repository!, options.rules);
  } catch (error) {
    return [{ ruleId: 'reference-not-found', severity: 'info', message: `The repository's references failed on this file: ${(error as Error).message}`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }];
  }
}

function gateFindings(plan: PlanModel, options: AnalyzeOptions): Finding[] {
  try {
    return loopGateFindings(options.loop!, plan.lines, plan.title?.range, options.rules);
  } catch (error) {
    return [{ ruleId: 'open-review-finding', severity: 'info', message: `The review loop's findings failed on this file: ${(error as Error).message}`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }];
  }
}
