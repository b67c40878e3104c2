import type { Finding, PlanProgress, RuleConfig } from './types';

export interface AnalyzeOptions {
  /** Per-rule severity or 'off', over each rule's default. */
  rules?: RuleConfig;
}

export interface PlanReport {
  /** False for a markdown file that is not a connector plan: it then has no findings and no progress. */
  isPlan: boolean;
  /** Plan title (the H1), when there is one. */
  title?: string;
  /** Connector name taken from the title (`HubSpot` in `# HubSpot Connector Rollout Plan`). */
  connectorName?: string;
  findings: Finding[];
  progress?: PlanProgress;
}

/** Parses a plan, runs every enabled rule and computes progress. Never throws. */
export function analyzePlan(_text: string, _options: AnalyzeOptions = {}): PlanReport {
  return { isPlan: false, findings: [] };
}
