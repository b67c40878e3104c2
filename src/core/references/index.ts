export type { RepositoryIndex, RepositoryPlace } from './repository';
export { isEnvName } from './repository';
export type { PlanReference, ReferenceKind } from './extract';
export { extractReferences } from './extract';
export type { Resolution, ResolvedReference } from './resolve';
export { resolveReferences, editDistance } from './resolve';
export { planReferences, referenceFindings, REFERENCE_NOT_FOUND, ENV_VAR_UNKNOWN } from './findings';
