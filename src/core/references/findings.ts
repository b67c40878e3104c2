import * as l10n from '@vscode/l10n';
import type { PlanModel } from '../plan/model';
import type { Finding, RelatedLocation, RuleConfig } from '../types';
import { DOTENV, extractReferences, setupEnvFields } from './extract';
import { repositoryLookup, type RepositoryLookup, type RepositoryPlace } from './repository';
import { resolveReferences, type ResolvedReference } from './resolve';

export const REFERENCE_NOT_FOUND = 'reference-not-found';
export const ENV_VAR_UNKNOWN = 'env-var-unknown';
export const ENV_VAR_UNLISTED = 'env-var-unlisted';

/** Every reference of the plan, resolved in its repository (what `explain` lists). */
export function planReferences(plan: PlanModel, place: RepositoryPlace): ResolvedReference[] {
  return resolveReferences(extractReferences(plan), place);
}

const MARKDOWN_NAME = /\.(?:md|markdown|mdx)$/i;

/** A link to a markdown page (`../on-call.md`, `guide.md#setup`). */
function isMarkdownPage(text: string): boolean {
  const anchor = text.indexOf('#');
  return MARKDOWN_NAME.test(anchor < 0 ? text : text.slice(0, anchor));
}

/**
 * Whether the plan names nothing of the repository it is in (markdown pages left out): at least two things looked up (files, patterns, env
 * vars; `envLookedUp` false when env vars were not), one of them a file or a pattern, and not one found or near one
 * that is (a suggestion). A plan kept apart from its code, in a docs or handbook repository, reads so; a plan in its
 * own repository names at least something there, or something close to it (a renamed migration).
 */
export function namesAnotherRepository(references: readonly ResolvedReference[], envLookedUp = true): boolean {
  let named = 0;
  let files = 0;
  for (const ref of references) {
    // A markdown page (a link to a sibling doc) says nothing of where the code is: a docs repository has its pages.
    if ((ref.kind === 'env' && !envLookedUp) || isMarkdownPage(ref.text)) continue;
    const resolution = ref.resolution;
    if (resolution.found || resolution.suggestion) return false;
    if (resolution.outside) continue;
    named++;
    if (ref.kind !== 'env') files++;
  }
  return named >= 2 && files >= 1;
}

/**
 * reference-not-found on each path or pattern the plan claims exists that matches nothing, env-var-unknown on each
 * env var of the owner's setup no file mentions, env-var-unlisted (off unless turned on) on each env var the files
 * the plan says it created read that the setup does not list. The quick fix that puts the suggestion in is never
 * preferred, so Fix All leaves it alone: a rename is a judgment.
 */
export function referenceFindings(plan: PlanModel, place: RepositoryPlace, rules: RuleConfig = {}): Finding[] {
  const pathSeverity = rules[REFERENCE_NOT_FOUND] ?? 'warning';
  const envSeverity = rules[ENV_VAR_UNKNOWN] ?? 'warning';
  const unlistedSeverity = rules[ENV_VAR_UNLISTED] ?? 'off';
  if (pathSeverity === 'off' && envSeverity === 'off' && unlistedSeverity === 'off') return [];
  const lookup = repositoryLookup(place.index);
  // With env-var-unknown off, env vars are not looked up: no file is read for the names it mentions (reading every
  // file is most of what references cost), unless env-var-unlisted reads the few files the plan created.
  const references = resolveReferences(extractReferences(plan), place, envSeverity === 'off' ? (ref) => ref.kind !== 'env' : undefined);
  // A plan kept apart from the code it describes (a docs or handbook repository) names nothing of this one: none of
  // its references is a finding here.
  if (namesAnotherRepository(references, envSeverity !== 'off')) return [];
  const out: Finding[] = [];
  for (const ref of references) {
    if (ref.resolution.found || !ref.claim) continue;
    const suggestion = ref.resolution.suggestion;
    const fixes = suggestion ? [{ title: l10n.t('Replace with {0}', suggestion), edits: [{ range: ref.range, newText: suggestion }] }] : undefined;
    if (ref.kind === 'env') {
      if (envSeverity === 'off') continue;
      const message = suggestion
        ? l10n.t({ message: 'Env var {0} is mentioned by no file of the repository (code, .env.example, config, CI); did you mean {1}?', args: [ref.text, suggestion], comment: ['{0} and {1} are environment variable names, kept as written.'] })
        : l10n.t({ message: 'Env var {0} is mentioned by no file of the repository (code, .env.example, config, CI).', args: [ref.text], comment: ['{0} is an environment variable name, kept as written.'] });
      out.push({ ruleId: ENV_VAR_UNKNOWN, severity: envSeverity, message, range: ref.range, ...(fixes ? { fixes } : {}) });
    } else {
      if (pathSeverity === 'off' || ref.resolution.outside) continue;
      const message = suggestion
        ? l10n.t({ message: '{0} does not exist in the repository; did you mean {1}?', args: [ref.text, suggestion], comment: ['{0} and {1} are file paths, kept as written.'] })
        : ref.kind === 'pattern'
          ? l10n.t({ message: 'No file of the repository matches {0}.', args: [ref.text], comment: ['{0} is a file path pattern, kept as written.'] })
          : l10n.t({ message: '{0} does not exist in the repository.', args: [ref.text], comment: ['{0} is a file path, kept as written.'] });
      out.push({ ruleId: REFERENCE_NOT_FOUND, severity: pathSeverity, message, range: ref.range, ...(fixes ? { fixes } : {}) });
    }
  }
  if (unlistedSeverity !== 'off') {
    for (const finding of unlistedFindings(plan, references, lookup)) out.push({ ...finding, severity: unlistedSeverity });
  }
  return out;
}

/** Set by the runtime or the platform, never by the owner: Node's mode, Next.js's phase, Vercel's and CI's own, Supabase's in every edge function. */
const PROVIDED = new Set(['NODE_ENV', 'NEXT_RUNTIME', 'NEXT_PHASE', 'SUPABASE_URL', 'SUPABASE_ANON_KEY', 'SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_DB_URL']);
const PROVIDED_PREFIX = /^(?:VERCEL|GITHUB|RUNNER|NETLIFY|RENDER|RAILWAY|FLY|AWS_LAMBDA|DENO_DEPLOYMENT)_/;
/** Tests and their fixtures read variables of their own, no part of the owner's setup. */
const TEST_FILE = /(?:^|\/)(?:tests?|__tests__|spec|specs|e2e|fixtures)\/|\.(?:test|spec)\.[A-Za-z]+$/;

/** Per repository: which files (not tests) read each env var. */
const readersOf = new WeakMap<RepositoryLookup, Map<string, string[]>>();

function readers(lookup: RepositoryLookup): Map<string, string[]> {
  let map = readersOf.get(lookup);
  if (!map) {
    map = new Map();
    for (const file of lookup.list) {
      if (TEST_FILE.test(file)) continue;
      for (const name of lookup.factsOf(file)?.envRead ?? []) {
        const at = map.get(name);
        if (at) at.push(file);
        else map.set(name, [file]);
      }
    }
    readersOf.set(lookup, map);
  }
  return map;
}

/**
 * env-var-unlisted: an env var that a file the plan says it created reads (a claimed path that is exactly one file of
 * the repository, tests left out) and that the owner setup's env field does not list, neither by name nor through a
 * file it points to (`copy .env.example`). Said once per variable, on the env field's label (where the name is to be
 * added), naming the first such file; every file that reads it is a related place. Nothing without an env field that
 * lists a variable, nor for a variable the runtime sets or that code the plan did not create reads too (the app's
 * setup has it already).
 */
function unlistedFindings(plan: PlanModel, references: ResolvedReference[], lookup: RepositoryLookup): Omit<Finding, 'severity'>[] {
  const listedRefs = references.filter((r) => r.kind === 'env' && r.setupEnv);
  if (!listedRefs.length) return [];
  const field = setupEnvFields(plan).find((f) => listedRefs.some((r) => r.range.start.line >= f.startLine && r.range.start.line < Math.max(f.startLine + 1, f.endLine)));
  if (!field) return [];
  const listed = new Set(listedRefs.map((r) => r.text));
  for (const ref of references) {
    if (ref.kind !== 'path' || !ref.setupEnv || !ref.resolution.found || ref.resolution.matches.length !== 1) continue;
    const file = ref.resolution.matches[0];
    if (DOTENV.test(file.slice(file.lastIndexOf('/') + 1))) for (const name of lookup.factsOf(file)?.envNames ?? []) listed.add(name);
  }
  // The files the plan says it created, each with the places the plan names it, in the plan's order.
  const created = new Map<string, ResolvedReference[]>();
  for (const ref of references) {
    if (ref.kind !== 'path' || !ref.claim || !ref.resolution.found || ref.resolution.matches.length !== 1) continue;
    const how = ref.resolution.how;
    const file = ref.resolution.matches[0];
    if ((how !== 'root' && how !== 'plan-folder' && how !== 'tail') || !lookup.files.has(file) || TEST_FILE.test(file)) continue;
    const at = created.get(file);
    if (at) at.push(ref);
    else created.set(file, [ref]);
  }
  const unlisted = new Map<string, { file: string; related: RelatedLocation[] }>();
  for (const [file, refs] of created) {
    for (const name of lookup.factsOf(file)?.envRead ?? []) {
      if (listed.has(name) || PROVIDED.has(name) || PROVIDED_PREFIX.test(name)) continue;
      if ((readers(lookup).get(name) ?? []).some((reader) => !created.has(reader))) continue;
      const related = refs.map((ref) => ({ message: l10n.t({ message: '{0} reads {1}', args: [file, name], comment: ['{0} is a file path, {1} an environment variable name.'] }), range: ref.range }));
      const seen = unlisted.get(name);
      if (seen) seen.related.push(...related);
      else unlisted.set(name, { file, related });
    }
  }
  return [...unlisted].map(([name, { file, related }]) => ({
    ruleId: ENV_VAR_UNLISTED,
    message: l10n.t({ message: "Env var {0} is read by {1}, which the plan says it created, but the owner's setup does not list it.", args: [name, file], comment: ['{0} is an environment variable name, {1} a file path.'] }),
    range: field.labelRange,
    related,
  }));
}
