// The Globex client globex-plan.md says Phase 1 delivered: the fixture workspace is the repository its plans describe.
export function globexToken(): string | undefined {
  return process.env.GLOBEX_API_TOKEN;
}
