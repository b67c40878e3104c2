import type { RuleConfig, SeveritySetting } from '../types';
import { duplicateSection } from './duplicate-section';
import { emptyField } from './empty-field';
import { goNoGoOpen } from './go-no-go-open';
import { invalidChoice } from './invalid-choice';
import { linkingPointFormat } from './linking-point-format';
import { mappingTable } from './mapping-table';
import { missingSection } from './missing-section';
import { openReviewFinding, unknownReviewFinding } from './open-review-finding';
import { envVarUnknown, envVarUnlisted, referenceNotFound } from './references';
import { phaseIncomplete } from './phase-incomplete';
import { riskWithoutMitigation } from './risk-without-mitigation';
import type { Rule } from './rule';
import { secretValue } from './secret-value';
import { sectionOrder } from './section-order';
import { unchosenOption } from './unchosen-option';
import { unfilledPlaceholder } from './unfilled-placeholder';
import { waveIncomplete } from './wave-incomplete';

/** Every rule, in the order findings are reported. */
export const RULE_LIST: Rule[] = [
  missingSection,
  duplicateSection,
  sectionOrder,
  emptyField,
  unfilledPlaceholder,
  unchosenOption,
  invalidChoice,
  linkingPointFormat,
  mappingTable,
  phaseIncomplete,
  waveIncomplete,
  riskWithoutMitigation,
  secretValue,
  goNoGoOpen,
  openReviewFinding,
  unknownReviewFinding,
  referenceNotFound,
  envVarUnknown,
  envVarUnlisted,
];

export interface RuleMeta {
  id: string;
  description: string;
  /** `off` for a rule a team turns on (env-var-unlisted). */
  defaultSeverity: SeveritySetting;
}

export const RULES: RuleMeta[] = RULE_LIST.map(({ id, description, defaultSeverity }) => ({ id, description, defaultSeverity }));

/** Rules whose findings are template text left unfilled, exactly its range: shown faded in the editor. */
export const TEMPLATE_TEXT_RULES: ReadonlySet<string> = new Set(RULE_LIST.filter((r) => r.templateText).map((r) => r.id));

/** Rules whose findings are about the whole file (anchored at its title), not the line they are shown on. */
export const FILE_SCOPE_RULES: ReadonlySet<string> = new Set(RULE_LIST.filter((r) => r.scope === 'file').map((r) => r.id));

/** Rules whose findings compare the plan with its repository (AnalyzeOptions.repository): nothing without one. */
export const REPOSITORY_RULES: ReadonlySet<string> = new Set(RULE_LIST.filter((r) => r.repository).map((r) => r.id));

/** Whether these rules (a config's, over the defaults) turn on any rule that needs the repository: a host indexes it only then. */
export function checksRepository(rules: RuleConfig = {}): boolean {
  return RULE_LIST.some((r) => r.repository && (rules[r.id] ?? r.defaultSeverity) !== 'off');
}

/** Rules whose findings come from the file's review loop, not from its own text (AnalyzeOptions.loop). */
export const LOOP_RULES: ReadonlySet<string> = new Set(RULE_LIST.filter((r) => r.loop).map((r) => r.id));
