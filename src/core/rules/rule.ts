import type { Field, PlanModel, Section, Subsection } from '../plan/model';
import type { Finding, SeveritySetting } from '../types';

/** What a rule reports; the engine adds the rule id and the configured severity. */
export type FindingInput = Omit<Finding, 'ruleId' | 'severity'>;

export interface Rule {
  id: string;
  description: string;
  /** `off` for a rule a team turns on: `check` is not called unless a setting gives it a severity. */
  defaultSeverity: SeveritySetting;
  /** Its findings cover, exactly, text still as the template wrote it (a placeholder, an option list): editors show it faded. */
  templateText?: true;
  /** Its findings are about the whole file, anchored at its title: `check --changed-since` keeps them for any file that changed. */
  scope?: 'file';
  /** Its findings come from the review loop the file belongs to (src/core/loop/gate.ts), not from the file's own text: `check` is never called. */
  loop?: true;
  /** Its findings compare the plan with its repository (AnalyzeOptions.repository, src/core/references): `check` is never called. */
  repository?: true;
  check(plan: PlanModel, report: (finding: FindingInput) => void): void;
}

/** The plan's template sections (first occurrence of each), in document order; those written inside another section are left out unless asked for. */
export function templateSections(plan: PlanModel, options: { includeNested?: boolean } = {}): Section[] {
  const seen = new Set<string>();
  return plan.sections.filter((s) => s.id && (options.includeNested || s.nestedIn === undefined) && !seen.has(s.id) && seen.add(s.id));
}

export function sectionName(template: { id: string; title: string }): string {
  return `${template.id}) ${template.title}`;
}

export interface FieldPlace {
  field: Field;
  section: Section;
  subsection?: Subsection;
}

/** Every field of the plan's template sections, nested ones included; deferred and optional work is left out unless asked for. */
export function templateFields(plan: PlanModel, options: { includeSetAside?: boolean } = {}): FieldPlace[] {
  // Several rules ask for the same list of the same plan: walk it once for each answer.
  let cached = placesOf.get(plan);
  if (!cached) placesOf.set(plan, (cached = {}));
  const key = options.includeSetAside ? 'all' : 'checked';
  return (cached[key] ??= walkFields(plan, Boolean(options.includeSetAside)));
}

const placesOf = new WeakMap<PlanModel, { all?: FieldPlace[]; checked?: FieldPlace[] }>();

function walkFields(plan: PlanModel, includeSetAside: boolean): FieldPlace[] {
  const out: FieldPlace[] = [];
  const walk = (fields: Field[], section: Section, subsection?: Subsection) => {
    for (const field of fields) {
      if (field.foreign) continue;
      out.push({ field, section, subsection });
      walk(field.children, section, subsection);
    }
  };
  for (const section of plan.sections) {
    if (!section.template) continue;
    walk(section.fields, section);
    for (const sub of section.subsections) if (includeSetAside || !isSetAside(sub)) walk(sub.fields, section, sub);
  }
  return out;
}

/** A phase or wave that is done, deferred or optional owes nothing. */
export function isSetAside(sub: Subsection): boolean {
  return sub.heading.status === 'complete' || sub.heading.status === 'deferred' || sub.heading.status === 'optional';
}
