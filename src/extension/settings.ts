import * as vscode from 'vscode';
import { DEFAULT_MAX_FILE_SIZE_MB, type RuleConfig } from '../core';

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
  /** The largest file read from disk, in MB; larger files are named and skipped. */
  maxFileSize: number;
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
    maxFileSize: positiveOr(config.get<number>('maxFileSize', DEFAULT_MAX_FILE_SIZE_MB), DEFAULT_MAX_FILE_SIZE_MB),
  };
}

/** A hand-written settings.json may hold anything; a size limit must be a number over 0. */
function positiveOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && value > 0 && Number.isFinite(value) ? value : fallback;
}
