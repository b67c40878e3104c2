export type { RepositoryIndex, RepositoryPlace, RepositoryFileFacts } from './repository';
export { isEnvName, isReadForFacts, repositoryFileFacts } from './repository';
export { gitignoreMatcher, isLeftOut, MAX_WILDCARD_PATTERNS, NEVER_LISTED } from './gitignore';
export type { GitignoreMatcher } from './gitignore';
export type { PlanReference, ReferenceKind } from './extract';
export { extractReferences } from './extract';
export type { Resolution, ResolvedReference } from './resolve';
export { resolveReferences, editDistance } from './resolve';
export { planReferences, referenceFindings, REFERENCE_NOT_FOUND, ENV_VAR_UNKNOWN } from './findings';
