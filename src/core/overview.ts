import type { PlanReport } from './analyze';
import type { Heading, PlanModel, TaskItem, WorkStatus } from './plan/model';
import type { Finding, SectionProgress } from './types';

/** A phase or wave with the gaps inside it. */
export interface SubsectionOverview {
  heading: Heading;
  /** First word of the heading, lower-cased: `phase`, `wave`. */
  kind: string;
  /** From the heading's suffix (`— COMPLETE`, `(Optional)`); absent when the heading says nothing. */
  status?: WorkStatus;
  findings: Finding[];
  /** Its checkbox items and status rows: a phase's own go/no-go gate (not in the plan's count), a wave's tasks. */
  items: TaskItem[];
}

/** One template section (A–J) as a plan outline shows it: progress, where it is, its gaps, phases and checklist. */
export interface SectionOverview extends SectionProgress {
  /** The section's heading in the file; absent when the section is missing. */
  heading?: Heading;
  /** Every finding that belongs to the section, its phases' and checklist items' included. */
  findings: Finding[];
  /** Phases or waves, for a section of work. */
  subsections: SubsectionOverview[];
  /** Go/no-go items, for the checklist section (of every copy, as the verdict counts them). */
  items: TaskItem[];
}

export interface PlanOverview {
  /** In template order, missing ones included. */
  sections: SectionOverview[];
  /** Findings that belong to no template section (before the first one, in an extra section). */
  otherFindings: Finding[];
}

/** A plan's structure with its findings sorted into sections and phases: what a tree or a summary shows. */
export function planOverview(plan: PlanModel, report: PlanReport): PlanOverview {
  const known = new Set(plan.schema.sections.map((s) => s.id));
  const sections = (report.progress?.sections ?? []).map((progress): SectionOverview => {
    const copies = plan.sections.filter((s) => s.id === progress.id);
    const findings = report.findings.filter((f) => f.sectionId === progress.id);
    const subsections = copies.flatMap((s) => s.subsections.filter((sub) => sub.kind)).map((sub) => ({
      heading: sub.heading,
      kind: sub.kind!,
      status: sub.heading.status,
      findings: findings.filter((f) => f.range.start.line >= sub.startLine && f.range.start.line < sub.endLine),
      items: sub.tasks,
    }));
    const items = copies.flatMap((s) => (s.template?.role === 'checklist' ? s.tasks : []));
    return { ...progress, heading: copies[0]?.heading, findings, subsections, items };
  });
  return { sections, otherFindings: report.findings.filter((f) => !f.sectionId || !known.has(f.sectionId)) };
}
