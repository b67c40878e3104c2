import type { Rule } from './rule';

// What the plan names in its repository (issue 19): these findings need the host's repository index
// (AnalyzeOptions.repository, src/core/references), so `check` never reports anything by itself; without an index
// (an untitled plan, a virtual workspace without search) neither rule says anything.

export const referenceNotFound: Rule = {
  id: 'reference-not-found',
  description: 'A file or migration the plan says exists (a file inventory, a "files created" list, the owner\'s migration list, a phase or table row marked done) matches no file of the repository.',
  defaultSeverity: 'warning',
  repository: true,
  check() {},
};

export const envVarUnknown: Rule = {
  id: 'env-var-unknown',
  description: 'An env var the owner\'s setup lists is mentioned by no file of the repository (code, .env.example, config, CI files).',
  defaultSeverity: 'warning',
  repository: true,
  check() {},
};

export const envVarUnlisted: Rule = {
  id: 'env-var-unlisted',
  description: 'An env var read by a file the plan says it created is not listed in the owner\'s setup (turn it on with a severity, such as info).',
  defaultSeverity: 'off',
  repository: true,
  check() {},
};
