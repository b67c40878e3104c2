import { RULES } from './rules';
import type { ConfigProblem, RuleConfig, SeveritySetting } from './types';

export interface ParsedConfig {
  rules: RuleConfig;
  problems: ConfigProblem[];
}

const SETTINGS: SeveritySetting[] = ['error', 'warning', 'info', 'off'];

/** Validates a rules map (from `.connector-plan.json` or editor settings); bad entries are reported and skipped. */
export function validateRules(value: unknown, source: string): ParsedConfig {
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
    return { rules: {}, problems: [{ message: `${source}: not valid JSON (${(error as Error).message}); using the default rule settings.` }] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { rules: {}, problems: [{ message: `${source}: expected an object like { "rules": { "section-order": "off" } }.` }] };
  }
  const problems: ConfigProblem[] = [];
  for (const key of Object.keys(data)) {
    if (key !== 'rules' && key !== '$schema') problems.push({ message: `${source}: unknown setting "${key}" (only "rules" is read).` });
  }
  const parsed = validateRules((data as { rules?: unknown }).rules, source);
  return { rules: parsed.rules, problems: [...problems, ...parsed.problems] };
}
