import type { TemplateSchema } from './plan/model';
import { getDefaultSchema } from './template/schema';
import { titleWords } from './template/title';

// What people call a plan: its name from the title, else its folder's for a generic file name, and the file's role.

/** File names that say nothing of the plan: a round of a review loop (`01-codex-proposal`), a final plan, `plan.md`. */
const GENERIC = new Set(['plan', 'readme', 'index', 'draft', 'proposal']);
/** Authors of rounds in a review loop: `02-claude-agent-plan` is the agent plan of round 2, whoever wrote it. */
const AUTHORS = new Set(['codex', 'claude', 'gpt', 'chatgpt', 'gemini', 'copilot', 'cursor']);

/** The last segments of a path (`/`, `\`), and the file name without `.md`. */
function pathParts(path: string): { base: string; folder?: string } {
  const parts = path.split(/[\\/]+/).filter(Boolean);
  const file = parts[parts.length - 1] ?? '';
  return { base: file.replace(/\.(?:md|markdown)$/i, ''), folder: parts.length > 1 ? parts[parts.length - 2] : undefined };
}

/** `google-workspace` -> `Google Workspace`: a folder's name as people say it (a plan's row, a loop's name). */
export function folderWords(folder: string): string {
  return folder
    .split(/[-_\s.]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** What a generic file name says of its role (`01 proposal`, `final`); undefined for a name that names the plan. */
export function fileRole(path: string): string | undefined {
  const { base } = pathParts(path);
  if (/^final/i.test(base)) return 'final';
  const round = /^(\d+)[-_ .]/.exec(base);
  if (round) {
    const words = base.slice(round[1].length).toLowerCase().split(/[-_\s.]+/).filter((w) => w && !AUTHORS.has(w));
    return [round[1], ...words].join(' ');
  }
  return undefined;
}

function isGeneric(base: string): boolean {
  return /^\d+[-_ .]/.test(base) || /^final/i.test(base) || GENERIC.has(base.toLowerCase());
}

/** `initech-rollout-plan` -> `initech`: the file name without the template's title words; empty when it is only those. */
function withoutTemplateWords(base: string, schema: TemplateSchema): string {
  for (const suffix of [...titleWords(schema).suffixes].sort((a, b) => b.length - a.length)) {
    const slug = suffix.split(/\s+/).filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    if (!slug.length) continue;
    const at = new RegExp(`(?:^|[-_ .])${slug.join('[-_ .]')}$`, 'i').exec(base);
    if (at) return base.slice(0, at.index);
  }
  return base;
}

/**
 * The name a plan's row shows: the name its title gives (`Zendesk`), else for a generic file name its folder's
 * (`Google Workspace`), else the file name without the template's words (`initech-rollout-plan.md` -> `initech`); a
 * generic file's role follows (`Google Workspace · final`).
 */
export function documentName(titleName: string | undefined, path: string | undefined, schema: TemplateSchema = getDefaultSchema()): string | undefined {
  if (!path) return titleName;
  const { base, folder } = pathParts(path);
  const own = withoutTemplateWords(base, schema);
  const generic = isGeneric(base) || !own;
  const name = titleName || (generic && folder ? folderWords(folder) : own || base);
  const role = generic ? fileRole(path) : undefined;
  return role ? `${name} · ${role}` : name || undefined;
}
