import * as l10n from '@vscode/l10n';
import { RULES } from './rules';
import type { ConfigProblem, RuleConfig, SeveritySetting } from './types';

export interface ParsedConfig {
  rules: RuleConfig;
  /**
   * Globs, relative to the config file's folder, of markdown files that are plans even before they look like
   * one (`"files": ["plans/**\/*.md"]`). The CLI and the editor both read them.
   */
  files: string[];
  /** The team's template for the plans under this config, relative to the config's folder. */
  template?: string;
  /** Several kinds of plan: the first entry whose glob names a file gives its template (paths relative to the config). */
  templates: TemplateChoice[];
  /**
   * `"loops"`: globs, relative to the config's folder, of folders that are review loops besides those their rounds
   * make one (`["docs/connectors/*"]`); false: no folder under this config is read as a review loop. Undefined: only
   * the folders their rounds make loops (two numbered `NN-*.md` rounds, or a `FINAL*PLAN*.md` beside one).
   */
  loops?: string[] | false;
  problems: ConfigProblem[];
}

export interface TemplateChoice {
  files: string[];
  template: string;
}

const KNOWN_KEYS = ['rules', 'files', 'template', 'templates', 'loops', '$schema'];

/** Edit distance, for "did you mean": agents writing these files invent keys (`rule`, `template_path`). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const kept = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = kept;
    }
  }
  return row[b.length];
}

/** The known name closest to `name` (case, `_`/`-` and small typos aside), if any is close enough to be meant. */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  let best: { name: string; d: number } | undefined;
  for (const candidate of known) {
    const d = norm(name).includes(norm(candidate)) || norm(candidate).includes(norm(name)) ? 1 : distance(norm(name), norm(candidate));
    if (!best || d < best.d) best = { name: candidate, d };
  }
  return best && best.d <= Math.max(2, Math.floor(best.name.length / 3)) ? best.name : undefined;
}

function validateTemplates(data: Record<string, unknown>, source: string): { template?: string; templates: TemplateChoice[]; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const templates: TemplateChoice[] = [];
  let template: string | undefined;
  if (data.template !== undefined) {
    if (typeof data.template === 'string' && data.template.trim()) template = data.template.trim();
    else problems.push({ message: l10n.t('{0}: "template" must be the path of a template file, relative to {0}, like "templates/feature-rollout-plan.md".', source) });
  }
  if (data.templates !== undefined) {
    if (!Array.isArray(data.templates)) {
      problems.push({ message: l10n.t('{0}: "templates" must be a list like [{ "files": "features/**/*.md", "template": "templates/feature.md" }].', source) });
    } else {
      data.templates.forEach((entry: unknown, i: number) => {
        const where = `${source}: templates[${i}]`;
        if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return void problems.push({ message: l10n.t('{0} must be an object with "files" and "template".', where) });
        const { files, template: path, ...rest } = entry as Record<string, unknown>;
        for (const key of Object.keys(rest)) {
          const near = nearestName(key, ['files', 'template']);
          problems.push({ message: near ? l10n.t('{0}: unknown key "{1}" (did you mean "{2}"?); an entry has "files" and "template".', where, key, near) : l10n.t('{0}: unknown key "{1}"; an entry has "files" and "template".', where, key) });
        }
        const globs = validateFileGlobs(typeof files === 'string' ? [files] : files, `${where}`);
        problems.push(...globs.problems);
        if (typeof path !== 'string' || !path.trim()) problems.push({ message: l10n.t('{0} has no "template": the path of the template file for the files it names.', where) });
        else if (!globs.files.length) problems.push({ message: l10n.t('{0} has no "files" glob: say which plans "{1}" is for.', where, path) });
        else templates.push({ files: globs.files, template: path.trim() });
      });
    }
  }
  return { template, templates, problems };
}

/** Validates the `files` globs: strings relative to the config's folder; others are reported and skipped. */
export function validateFileGlobs(value: unknown, source: string): { files: string[]; problems: ConfigProblem[] } {
  const files: string[] = [];
  const problems: ConfigProblem[] = [];
  if (value === undefined) return { files, problems };
  if (!Array.isArray(value)) {
    problems.push({ message: l10n.t('{0}: "files" must be a list of globs, like ["docs/plans/**/*.md"].', source) });
    return { files, problems };
  }
  for (const glob of value) {
    if (typeof glob !== 'string' || !glob.trim()) problems.push({ message: l10n.t('{0}: "files" holds {1}; each entry must be a glob such as "docs/plans/**/*.md".', source, String(JSON.stringify(glob))) });
    else if (/^(?:\/|[a-z]:[\\/]|\\)/i.test(glob) || glob.split(/[\\/]/).includes('..')) problems.push({ message: l10n.t('{0}: "files" glob "{1}" leaves the config\'s folder; write it relative to the folder of {0}, without "..".', source, glob) });
    else files.push(glob.replace(/\\/g, '/').replace(/^\.\//, ''));
  }
  return { files, problems };
}

/** Validates `"loops"`: folder globs relative to the config's folder, or false (true is the default: loops found by their rounds). */
export function validateLoops(value: unknown, source: string): { loops?: string[] | false; problems: ConfigProblem[] } {
  if (value === undefined || value === true) return { problems: [] };
  if (value === false) return { loops: false, problems: [] };
  const problems: ConfigProblem[] = [];
  if (!Array.isArray(value)) return { problems: [{ message: l10n.t('{0}: "loops" must be a list of globs naming review-loop folders, like ["docs/connectors/*"], or false to read no folder as a review loop.', source) }] };
  const loops: string[] = [];
  for (const glob of value) {
    if (typeof glob !== 'string' || !glob.trim()) problems.push({ message: l10n.t('{0}: "loops" holds {1}; each entry must be a glob naming folders, such as "docs/connectors/*".', source, String(JSON.stringify(glob))) });
    else if (/^(?:\/|[a-z]:[\\/]|\\)/i.test(glob) || glob.split(/[\\/]/).includes('..')) problems.push({ message: l10n.t('{0}: "loops" glob "{1}" leaves the config\'s folder; write it relative to the folder of {0}, without "..".', source, glob) });
    else loops.push(withoutTrailingSlashes(glob.trim().replace(/\\/g, '/').replace(/^\.\//, '')) || '.');
  }
  return { loops, problems };
}

function withoutTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '/') end--;
  return text.slice(0, end);
}

const SETTINGS: SeveritySetting[] = ['error', 'warning', 'info', 'off'];

/** Validates a rules map (from `.connector-plan.json` or editor settings); bad entries are reported and skipped. */
export function validateRules(value: unknown, source: string): Pick<ParsedConfig, 'rules' | 'problems'> {
  const rules: RuleConfig = {};
  const problems: ConfigProblem[] = [];
  if (value === undefined) return { rules, problems };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push({ message: l10n.t('{0}: "rules" must be an object mapping rule ids to {1}.', source, SETTINGS.join(', ')) });
    return { rules, problems };
  }
  for (const [id, setting] of Object.entries(value)) {
    if (!RULES.some((r) => r.id === id)) {
      const near = nearestName(id, RULES.map((r) => r.id));
      const known = RULES.map((r) => r.id).join(', ');
      problems.push({ message: near ? l10n.t('{0}: unknown rule "{1}" (did you mean "{2}"?); known rules: {3}.', source, id, near, known) : l10n.t('{0}: unknown rule "{1}"; known rules: {2}.', source, id, known) });
    } else if (typeof setting !== 'string' || !SETTINGS.includes(setting as SeveritySetting)) {
      problems.push({ message: l10n.t('{0}: rule "{1}" has severity {2}; use one of {3}.', source, id, String(JSON.stringify(setting)), SETTINGS.join(', ')) });
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
    return { rules: {}, files: [], templates: [], problems: [{ message: l10n.t('{0}: not valid JSON ({1}); using the default rule settings.', source, (error as Error).message) }] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { rules: {}, files: [], templates: [], problems: [{ message: l10n.t('{0}: expected an object like { "rules": { "section-order": "off" } }.', source) }] };
  }
  const problems: ConfigProblem[] = [];
  for (const key of Object.keys(data)) {
    if (KNOWN_KEYS.includes(key)) continue;
    const near = nearestName(key, KNOWN_KEYS.filter((k) => k !== '$schema'));
    const known = KNOWN_KEYS.filter((k) => k !== '$schema').map((k) => `"${k}"`).join(', ');
    problems.push({ message: near ? l10n.t('{0}: unknown setting "{1}" (did you mean "{2}"?); known settings: {3}.', source, key, near, known) : l10n.t('{0}: unknown setting "{1}"; known settings: {2}.', source, key, known) });
  }
  const parsed = validateRules((data as { rules?: unknown }).rules, source);
  const globs = validateFileGlobs((data as { files?: unknown }).files, source);
  const chosen = validateTemplates(data as Record<string, unknown>, source);
  const loops = validateLoops((data as { loops?: unknown }).loops, source);
  return { rules: parsed.rules, files: globs.files, template: chosen.template, templates: chosen.templates, ...(loops.loops !== undefined ? { loops: loops.loops } : {}), problems: [...problems, ...parsed.problems, ...globs.problems, ...chosen.problems, ...loops.problems] };
}
