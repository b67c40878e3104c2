import { RULES } from './rules';
import type { ConfigProblem, RuleConfig, SeveritySetting } from './types';

export interface ParsedConfig {
  rules: RuleConfig;
  /**
   * Globs, relative to the config file's folder, of markdown files that are plans even before they look like
   * one (`"files": ["plans/**\/*.md"]`). The CLI and the editor both read them.
   */
  files: string[];
  problems: ConfigProblem[];
}

const KNOWN_KEYS = ['rules', 'files', '$schema'];

/** Validates the `files` globs: strings relative to the config's folder; others are reported and skipped. */
export function validateFileGlobs(value: unknown, source: string): { files: string[]; problems: ConfigProblem[] } {
  const files: string[] = [];
  const problems: ConfigProblem[] = [];
  if (value === undefined) return { files, problems };
  if (!Array.isArray(value)) {
    problems.push({ message: `${source}: "files" must be a list of globs, like ["docs/plans/**/*.md"].` });
    return { files, problems };
  }
  for (const glob of value) {
    if (typeof glob !== 'string' || !glob.trim()) problems.push({ message: `${source}: "files" holds ${JSON.stringify(glob)}; each entry must be a glob such as "docs/plans/**/*.md".` });
    else if (/^(?:\/|[a-z]:[\\/]|\\)/i.test(glob) || glob.split(/[\\/]/).includes('..')) problems.push({ message: `${source}: "files" glob "${glob}" leaves the config's folder; write it relative to the folder of ${source}, without "..".` });
    else files.push(glob.replace(/\\/g, '/').replace(/^\.\//, ''));
  }
  return { files, problems };
}

const SETTINGS: SeveritySetting[] = ['error', 'warning', 'info', 'off'];

/** Validates a rules map (from `.connector-plan.json` or editor settings); bad entries are reported and skipped. */
export function validateRules(value: unknown, source: string): Omit<ParsedConfig, 'files'> {
  const rules: RuleConfig = {};
  const problems: ConfigProblem[] = [];
  if (value === undefined) return { rules, problems };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push({ message: `${source}: "rules" must be an object mapping rule ids to ${SETTINGS.join(', ')}.` });
    return { rules, problems };
  }
  for (const [id, setting] of Object.entries(value)) {
    if (!RULES.some((r) => r.id === id)) {
      problems.push({ message: `${source}: unknown rule "${id}" (known rules: ${RULES.map((r) => r.id).join(', ')}).` });
    } else if (typeof setting !== 'string' || !SETTINGS.includes(setting as SeveritySetting)) {
      problems.push({ message: `${source}: rule "${id}" has severity ${JSON.stringify(setting)}; use one of ${SETTINGS.join(', ')}.` });
    } else {
      rules[id] = setting as SeveritySetting;
    }
  }
  return { rules, problems };
}

/** Reads the text of a `.connector-plan.json`; problems name `source` and say how to fix them, and the defaults stand. */
export function parseConfig(text: string, source: string): ParsedConfig {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { rules: {}, files: [], problems: [{ message: `${source}: not valid JSON (${(error as Error).message}); using the default rule settings.` }] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { rules: {}, files: [], problems: [{ message: `${source}: expected an object like { "rules": { "section-order": "off" } }.` }] };
  }
  const problems: ConfigProblem[] = [];
  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.includes(key)) problems.push({ message: `${source}: unknown setting "${key}" (known settings: "rules", "files").` });
  }
  const parsed = validateRules((data as { rules?: unknown }).rules, source);
  const globs = validateFileGlobs((data as { files?: unknown }).files, source);
  return { rules: parsed.rules, files: globs.files, problems: [...problems, ...parsed.problems, ...globs.problems] };
}
