// The public face of the core: everything the CLI and the extension may use.
export * from './types';
export { analyzePlan, inspectPlan } from './analyze';
export type { AnalyzeOptions, PlanReport } from './analyze';
export { parseConfig } from './config';
export type { ParsedConfig } from './config';
export { scaffoldPlan, planFileName, connectorSlug, connectorNameProblem } from './scaffold';
export { planSnippet, snippetParts, snippetsFileText } from './snippets';
export type { SnippetPart } from './snippets';
export { RULES } from './rules';
export type { RuleMeta } from './rules';
export { fixAllEdits, disableEdits, goNoGoEdit, goNoGoItems } from './edits';
export { planOverview } from './overview';
export type { PlanOverview, SectionOverview, SubsectionOverview } from './overview';
export { completionsAt, hoverAt } from './assist';
export type { PlanCompletion, PlanCompletionKind, PlanHover } from './assist';
export type { PlanModel, Section, Subsection, Field, TaskItem, Heading, WorkStatus, TemplateSchema, TemplateSection, TemplateField } from './plan/model';
export { getDefaultSchema } from './template/schema';
export { mightBePlan } from './plan/parse-plan';
