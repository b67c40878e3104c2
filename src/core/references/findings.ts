import * as l10n from '@vscode/l10n';
import type { PlanModel } from '../plan/model';
import type { Finding, RuleConfig } from '../types';
import { extractReferences } from './extract';
import type { RepositoryPlace } from './repository';
import { resolveReferences, type ResolvedReference } from './resolve';

export const REFERENCE_NOT_FOUND = 'reference-not-found';
export const ENV_VAR_UNKNOWN = 'env-var-unknown';

/** Every reference of the plan, resolved in its repository (what `explain` lists). */
export function planReferences(plan: PlanModel, place: RepositoryPlace): ResolvedReference[] {
  return resolveReferences(extractReferences(plan), place);
}

/**
 * reference-not-found on each path or pattern the plan claims exists that matches nothing, env-var-unknown on each
 * env var of the owner's setup no file mentions. The quick fix that puts the suggestion in is never preferred, so
 * Fix All leaves it alone: a rename is a judgment.
 */
export function referenceFindings(plan: PlanModel, place: RepositoryPlace, rules: RuleConfig = {}): Finding[] {
  const pathSeverity = rules[REFERENCE_NOT_FOUND] ?? 'warning';
  const envSeverity = rules[ENV_VAR_UNKNOWN] ?? 'warning';
  if (pathSeverity === 'off' && envSeverity === 'off') return [];
  const out: Finding[] = [];
  for (const ref of planReferences(plan, place)) {
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
      if (pathSeverity === 'off') continue;
      const message = suggestion
        ? l10n.t({ message: '{0} does not exist in the repository; did you mean {1}?', args: [ref.text, suggestion], comment: ['{0} and {1} are file paths, kept as written.'] })
        : ref.kind === 'pattern'
          ? l10n.t({ message: 'No file of the repository matches {0}.', args: [ref.text], comment: ['{0} is a file path pattern, kept as written.'] })
          : l10n.t({ message: '{0} does not exist in the repository.', args: [ref.text], comment: ['{0} is a file path, kept as written.'] });
      out.push({ ruleId: REFERENCE_NOT_FOUND, severity: pathSeverity, message, range: ref.range, ...(fixes ? { fixes } : {}) });
    }
  }
  return out;
}
