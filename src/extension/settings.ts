import * as vscode from 'vscode';
import type { RuleConfig } from '../core';

export interface PlanSettings {
  enable: boolean;
  plansFolder: string;
  files: string[];
  exclude: string[];
  rules: RuleConfig;
  lintDelay: number;
  /** The count of NO-GO plans on the Plans view's icon. */
  plansViewBadge: boolean;
  /** A team template, relative to the workspace folder (empty: the built-in one, or `.connector-plan.json`'s). */
  template: string;
  /** Lenses above section headings and the go/no-go heading. */
  codeLens: boolean;
}

export const SECTION = 'connectorPlan';

/** The `connectorPlan.*` settings for a document or folder (resource-scoped). */
export function readSettings(scope?: vscode.ConfigurationScope): PlanSettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    enable: config.get<boolean>('enable', true),
    plansFolder: config.get<string>('plansFolder', 'docs/connectors'),
    files: config.get<string[]>('files', []),
    exclude: config.get<string[]>('exclude', ['**/node_modules/**']),
    rules: config.get<RuleConfig>('rules', {}),
    lintDelay: Math.max(0, config.get<number>('lintDelay', 300)),
    plansViewBadge: config.get<boolean>('plansView.badge', true),
    template: config.get<string>('template', '').trim(),
    codeLens: config.get<boolean>('codeLens.enable', true),
  };
}
