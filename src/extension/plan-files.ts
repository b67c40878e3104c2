import picomatch from 'picomatch';
import * as vscode from 'vscode';
import { readSettings } from './settings';

export type PlanFileKind = 'excluded' | 'forced' | 'auto';

/**
 * Whether settings decide for this file: `exclude` and `files.exclude` keep it out; `connectorPlan.files` makes
 * it a plan even before it looks like one; otherwise `.connector-plan.json`'s `files` or the core decide (see
 * PlanAnalyzer). `plansFolder` is only where new plans go: a note in it is no plan.
 */
export function planFileKind(uri: vscode.Uri): PlanFileKind {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return 'auto';
  const relative = vscode.workspace.asRelativePath(uri, false);
  const settings = readSettings(uri);
  const filesExclude = Object.entries(vscode.workspace.getConfiguration('files', uri).get<Record<string, boolean>>('exclude', {}))
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
  if (matchesOrInFolder(relative, [...settings.exclude, ...filesExclude])) return 'excluded';
  if (matches(relative, settings.files)) return 'forced';
  return 'auto';
}

const matchers = new Map<string, (path: string) => boolean>();

/** Compiled once per glob list: the tree asks for every markdown file of the workspace. */
function matcher(globs: string[]): (path: string) => boolean {
  const key = globs.join('\u0000');
  let isMatch = matchers.get(key);
  if (!isMatch) {
    if (matchers.size > 50) matchers.clear();
    matchers.set(key, (isMatch = picomatch(globs, { dot: true })));
  }
  return isMatch;
}

/** Whether a glob list names a path (relative, forward slashes): the CLI matches `.connector-plan.json`'s `files` the same way. */
export function matches(relative: string, globs: string[]): boolean {
  return globs.length > 0 && matcher(globs)(relative);
}

/** As in `files.exclude`, a glob that names a folder (`out`, `.git` at any depth) also excludes everything inside it. */
function matchesOrInFolder(relative: string, globs: string[]): boolean {
  if (!globs.length) return false;
  const isMatch = matcher(globs);
  const parts = relative.split('/');
  return parts.some((_, i) => isMatch(parts.slice(0, i + 1).join('/')));
}
