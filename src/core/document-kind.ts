import * as l10n from '@vscode/l10n';
import { plainText } from './markdown/inline';
import { matchTitle } from './plan/find-sections';
import type { PlanModel, Section, TemplateSchema, TemplateSection } from './plan/model';
import { titleWords } from './template/title';
import type { PlanProgress } from './types';

// What a document is, decided once per file: a plan of its template, a copy of a template, or something else (a
// guide, a review, a note). Rules, progress, the Plans view and the CLI read this decision and never make it again.

export type DocumentKind = 'plan' | 'template' | 'other';

export interface DocumentReading {
  kind: DocumentKind;
  /** Why, in one phrase `explain` prints. */
  why: string;
  /** What was weighed, one phrase each: the title, the words that say what the document is, each section found. */
  evidence: string[];
}

/** Words by which a document says it is something else than a plan: a review, its revision, a guide, a note. */
const OTHER_KINDS = new Set([
  'review', 'reviews', 'rereview', 're-review', 'revision', 'response', 'audit', 'analysis', 'assessment', 'guide',
  'runbook', 'playbook', 'handbook', 'notes', 'note', 'minutes', 'retro', 'retrospective', 'postmortem', 'post-mortem',
  'context', 'changelog', 'faq', 'adr', 'tutorial', 'howto', 'how-to', 'checklist', 'report', 'findings', 'convention',
]);

/** Section words many kinds of plan share (a goal, phases, a team, risks, a checklist, questions): they tell no template apart. */
const SHARED_WORDS = new Set([
  'business', 'success', 'why', 'overview', 'summary', 'scope', 'background', 'context', 'problem', 'q', 'open',
  'assumption', 'phase', 'delivery', 'rollout', 'plan', 'agent', 'wave', 'task', 'risk', 'mitigation', 'go',
  'validation', 'test', 'timeline', 'milestone', 'step', 'note', 'requirement', 'decision', 'metric', 'operational',
]);

const distinctiveBySchema = new WeakMap<TemplateSchema, Set<string>>();

/** The template's sections that no other kind of plan has (a source model, a mapping table): at least one must be there. */
export function distinctiveSections(schema: TemplateSchema): Set<string> {
  let found = distinctiveBySchema.get(schema);
  if (!found) {
    found = new Set(schema.sections.filter((s) => isDistinctive(s)).map((s) => s.id));
    // A template made only of shared sections still has to be told from other documents somehow: all of them count.
    if (!found.size) found = new Set(schema.sections.map((s) => s.id));
    distinctiveBySchema.set(schema, found);
  }
  return found;
}

function isDistinctive(section: TemplateSection): boolean {
  if (section.role === 'work' || section.role === 'risks' || section.role === 'checklist') return false;
  return section.words.some((w) => !SHARED_WORDS.has(w));
}

const WORD = /[\p{L}\p{N}-]+/gu;
const NOT_WORD = /[^\p{L}\p{N}-]+/u;

/**
 * The words of a title or file name that say what kind of document it is (`review`, `guide`), in order: each word
 * and its hyphened parts, lower case. Word by word, not the whole text lowered and split: a title of a thousand
 * words is read once. A word that lowers into more (`İ` is `i` and a dot) is split again as the whole text would be.
 */
function kindWords(text: string): string[] {
  const found: string[] = [];
  for (const [word] of text.matchAll(WORD)) {
    const lower = word.toLowerCase();
    for (const piece of lower.length === word.length ? [lower] : lower.split(NOT_WORD)) {
      for (const w of [piece, ...piece.split('-')]) if (OTHER_KINDS.has(w)) found.push(w);
    }
  }
  return found;
}

/** Whether the section's own title (letter aside) or its content bears out the template section it was taken for. */
function realEvidence(section: Section, schema: TemplateSchema): boolean {
  if (!section.template || section.secondary) return false;
  if (section.match.by === 'title' || section.match.by === 'content') return true;
  const byTitle = matchTitle({ ...section.heading, letter: undefined, letters: undefined }, schema);
  if (byTitle?.section === section.template) return true;
  // A lettered heading with a title of its own: what it holds must be what the section holds.
  switch (section.template.role) {
    case 'mapping':
      return section.mappings.some((m) => m.rows.length > 0);
    case 'links':
      return section.links.some((l) => l.checkFormat);
    case 'risks':
      return section.risks.some((r) => r.hasMitigation);
    case 'checklist':
      return section.tasks.length > 0;
    case 'work':
      return section.subsections.some((s) => s.kind);
    default:
      return section.fields.some((f) => f.template);
  }
}

export interface KindHints {
  /** The file's path (any form): its name may say what it is (`03-codex-review.md`). */
  path?: string;
  /** A host made it a plan whatever its text (a `files` glob, New Connector Plan). */
  assumed?: boolean;
}

/** Plan or not, from the title, the words that say what the document is, and the sections found by their titles or content. */
export function readDocumentKind(plan: PlanModel, hints: KindHints = {}): DocumentReading {
  let text = readByText.get(plan);
  if (!text) readByText.set(plan, (text = readText(plan)));
  const { reading, titleMatch, saysOther } = text;
  if (hints.assumed) return { kind: 'plan', why: l10n.t('checked as a plan: a `files` glob of .connector-plan.json names it, or New Connector Plan made it'), evidence: [...reading.evidence] };
  const fileSays = hints.path && !titleMatch && !saysOther ? kindWords(hints.path.split(/[\\/]/).pop() ?? '') : [];
  if (fileSays.length) return { kind: 'other', why: l10n.t('the word "{0}" in its file name says it is not a plan', fileSays[0]), evidence: [...reading.evidence] };
  return { ...reading, evidence: [...reading.evidence] };
}

/** The reading of a plan's own text, before what the host knows: the parse and the check both ask for it, and a title can be long. */
const readByText = new WeakMap<PlanModel, { reading: DocumentReading; titleMatch: boolean; saysOther: boolean }>();

function readText(plan: PlanModel): { reading: DocumentReading; titleMatch: boolean; saysOther: boolean } {
  const { schema } = plan;
  const words = titleWords(schema);
  const titleText = plan.title ? plainText(plan.title.text) : undefined;
  const evidence: string[] = [];
  const found = new Set<string>();
  for (const section of plan.sections) {
    if (!section.id || found.has(section.id) || !realEvidence(section, schema)) continue;
    found.add(section.id);
    evidence.push(l10n.t('{0}) {1} at line {2}', section.id, section.template!.title, section.heading.line + 1));
  }
  const distinctive = distinctiveSections(schema);
  const distinct = [...found].filter((id) => distinctive.has(id)).length;

  const at = titleText ? words.find(titleText) : -1;
  const titleMatch = at >= 0;
  // `Review of the HubSpot Rollout Plan` is a review; `HubSpot Rollout Plan (revision 2)` is the plan.
  const saysOther = titleText ? kindWords(titleMatch ? titleText.slice(0, at) : titleText) : [];
  const read = (reading: DocumentReading) => ({ reading, titleMatch, saysOther: saysOther.length > 0 });
  if (saysOther.length) return read({ kind: 'other', why: l10n.t('the word "{0}" in its title says it is not a plan', saysOther[0]), evidence });

  if (titleMatch && (words.strong || found.size >= 2)) return read({ kind: 'plan', why: l10n.t('its title "{0}" names a plan', titleText!), evidence });
  if (found.size >= words.minSections && distinct > 0) {
    return read({ kind: 'plan', why: found.size === 1 ? l10n.t("1 of the template's sections is there") : l10n.t("{0} of the template's sections are there", found.size), evidence });
  }
  const suffix = words.suffixes[1] ?? schema.titleSuffix;
  if (found.size >= words.minSections) {
    return read({ kind: 'other', why: l10n.t({ message: 'no "… {0}" title, and its {1} sections are ones any plan has: none of those only this template has', args: [suffix, found.size], comment: ["{0} is the end of the template's title: Rollout Plan."] }), evidence });
  }
  return read({
    kind: 'other',
    why: found.size === 1
      ? l10n.t({ message: 'no "… {0}" title, and only 1 of the template\'s sections (a plan without that title needs {1})', args: [suffix, words.minSections], comment: ["{0} is the end of the template's title: Rollout Plan."] })
      : l10n.t({ message: 'no "… {0}" title, and only {1} of the template\'s sections (a plan without that title needs {2})', args: [suffix, found.size, words.minSections], comment: ["{0} is the end of the template's title: Rollout Plan."] }),
    evidence,
  });
}

/**
 * A plan with nothing written in it and no name of its own is a copy of its template (the team's blank copy, a
 * template kept in the repository): never checked as a plan. A plan New Connector Plan made has its name.
 */
export function isBlankCopy(plan: PlanModel, progress: PlanProgress, hints: KindHints = {}): boolean {
  if (hints.assumed || plan.assumedPlan || plan.connectorName) return false;
  if (progress.goNoGo.checked > 0 || progress.sections.some((s) => s.filled > 0)) return false;
  return progress.sections.some((s) => s.status !== 'missing');
}

/** The reading of a blank copy. */
export function templateReading(plan: PlanModel, evidence: string[]): DocumentReading {
  const title = plan.title ? plainText(plan.title.text) : undefined;
  return {
    kind: 'template',
    why: title && /\{[^{}]+\}/.test(title)
      ? l10n.t('its title "{0}" still holds the template\'s placeholder, and nothing is written in it yet: a template, not checked', title)
      : l10n.t('nothing is written in any of its fields and its title names no plan: a copy of the template, not checked'),
    evidence,
  };
}
