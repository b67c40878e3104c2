import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { parseConfig, planPlaceInConfig } from '../core';
import type { RuleConfig } from '../core';
import type { CliContext } from './context';
import { displayPath, printError } from './context';
import { decodeText } from './decode-text';
import { describeFsError } from './file-system';

export const CONFIG_FILE_NAME = '.connector-plan.json';

/** What the nearest config says about one file. */
export interface FileConfig {
  rules: RuleConfig;
  /** A `files` glob of that config names the file: it is checked as a plan even before it looks like one. */
  assumePlan: boolean;
  /** The team template for this file (absolute): the first `templates` entry naming it, else `template`. */
  template?: string;
  /** Every template file that config names (absolute): they are templates, never plans. */
  templateFiles: string[];
  /** Whether the file's folder is read as a review loop: `off` (`"loops": false`), `named` (a `"loops"` glob names it), else by its rounds. */
  loops: LoopSetting;
}

export type LoopSetting = 'off' | 'named' | 'default';

export type ConfigForFile = (file: string) => Promise<FileConfig>;

export interface FolderConfig {
  rules: RuleConfig;
  /** The `files` globs, relative to the config's folder. */
  files: string[];
  /** Matches paths relative to the config's folder; undefined without `files`. */
  isPlanFile?: (relative: string) => boolean;
  template?: string;
  templates: { files: string[]; isMatch: (relative: string) => boolean; template: string }[];
  /** `"loops"`: false, or a matcher of folder paths relative to the config's folder; undefined: loops by their rounds. */
  loops?: false | ((relative: string) => boolean);
  folder: string;
}

/** Finds the nearest `.connector-plan.json` above each file; each folder is looked at once, each problem printed once. */
export function createConfigLookup(context: CliContext): ConfigForFile {
  const byFolder = new Map<string, Promise<FolderConfig | undefined>>();
  const configForFolder = (folder: string): Promise<FolderConfig | undefined> => {
    let config = byFolder.get(folder);
    if (!config) {
      config = readConfigIn(folder, context).then((found) => {
        if (found) return found;
        const parent = path.dirname(folder);
        return parent === folder ? undefined : configForFolder(parent);
      });
      byFolder.set(folder, config);
    }
    return config;
  };
  return async (file) => {
    const absolute = path.resolve(context.cwd, file);
    const config = await configForFolder(path.dirname(absolute));
    if (!config) return { rules: {}, assumePlan: false, templateFiles: [], loops: 'default' };
    const relative = path.relative(config.folder, absolute).split(path.sep).join('/');
    const template = config.templates.find((t) => t.isMatch(relative))?.template ?? config.template;
    const templateFiles = [...(config.template ? [config.template] : []), ...config.templates.map((t) => t.template)];
    const folder = path.relative(config.folder, path.dirname(absolute)).split(path.sep).join('/') || '.';
    const loops: LoopSetting = config.loops === false ? 'off' : config.loops?.(folder) ? 'named' : 'default';
    return { rules: config.rules, assumePlan: Boolean(config.isPlanFile?.(relative)), template, templateFiles, loops };
  };
}

/** Every config in `folder` and the folders above it, nearest first (`new --template` looks for the one naming its template). */
export async function configsAbove(folder: string, context: CliContext): Promise<FolderConfig[]> {
  const found: FolderConfig[] = [];
  for (let dir = path.resolve(context.cwd, folder); ; dir = path.dirname(dir)) {
    const config = await readConfigIn(dir, context);
    if (config) found.push(config);
    if (path.dirname(dir) === dir) return found;
  }
}

/** The config in `folder`; undefined when there is none; defaults when it cannot be used. */
async function readConfigIn(folder: string, context: CliContext): Promise<FolderConfig | undefined> {
  const configPath = path.join(folder, CONFIG_FILE_NAME);
  const shown = displayPath(context.cwd, configPath);
  let bytes: Uint8Array;
  try {
    bytes = await context.fs.readFile(configPath, context.maxFileSize);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    printError(context, l10n.t('warning: cannot read {0}: {1}; using the default rule severities', shown, describeFsError(error)));
    return { rules: {}, files: [], templates: [], folder };
  }
  const decoded = decodeText(bytes);
  if ('problem' in decoded) {
    printError(context, l10n.t('warning: cannot use {0}: {1}; using the default rule severities', shown, decoded.problem));
    return { rules: {}, files: [], templates: [], folder };
  }
  const { rules, files, template, templates, loops, problems } = parseConfig(decoded.text, shown);
  for (const problem of problems) printError(context, l10n.t('warning: {0}', problem.message));
  // The same matching as the editor's (src/extension/plan-files.ts): picomatch, dot files included.
  return {
    rules,
    folder,
    files,
    isPlanFile: files.length ? picomatch(files, { dot: true }) : undefined,
    // Template paths are relative to the config's folder, as its globs are.
    template: template ? path.resolve(folder, template) : undefined,
    templates: templates.map((t) => ({ files: t.files, isMatch: picomatch(t.files, { dot: true }), template: path.resolve(folder, t.template) })),
    loops: loops === false ? false : loops?.length ? picomatch(loops, { dot: true }) : undefined,
  };
}

/**
 * Where a plan of the team template `template` (absolute) goes so that `check` reads it as one, given the configs
 * that may name the template (nearest first): `preferred` (the plans folder, absolute) when the config naming the
 * template covers it there, else the folder its glob starts with; `preferred` when no config names it; `uncovered`
 * (the globs) when its globs name no folder. The editor makes the same decision (planPlaceInConfig).
 */
export function teamPlanFolder(template: string, fileName: string, preferred: string, configs: FolderConfig[]): string | { uncovered: string[] } {
  const uncovered: string[] = [];
  for (const config of configs) {
    const inside = path.relative(config.folder, preferred);
    const place = planPlaceInConfig(config, (t) => t === template, fileName, matchesGlobs, inside.startsWith('..') || path.isAbsolute(inside) ? undefined : inside.split(path.sep).join('/'));
    if (!place) continue;
    if ('free' in place) return preferred;
    if ('folder' in place) return path.join(config.folder, ...place.folder.split('/'));
    uncovered.push(...place.uncovered);
  }
  return uncovered.length ? { uncovered } : preferred;
}

const globMatchers = new WeakMap<readonly string[], (relative: string) => boolean>();

/** The same matching as everywhere else here: picomatch, dot files included; no globs match nothing. */
function matchesGlobs(relative: string, globs: readonly string[]): boolean {
  if (!globs.length) return false;
  let isMatch = globMatchers.get(globs);
  if (!isMatch) globMatchers.set(globs, (isMatch = picomatch([...globs], { dot: true })));
  return isMatch(relative);
}
