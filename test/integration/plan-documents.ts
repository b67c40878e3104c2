import * as vscode from 'vscode';
import type { ConnectorPlanApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'connector-plan.connector-plan';

/** The extension's API, activating it if needed. */
export async function extensionApi(): Promise<ConnectorPlanApi> {
  const extension = vscode.extensions.getExtension<ConnectorPlanApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

/** A small plan with known gaps, one per rule the editor tests exercise. */
export function planText(name = 'Acme'): string {
  return [
    `# ${name} Connector Rollout Plan`,
    '',
    '## A) Business Goal',
    '- Why this connector exists: partner health.',
    '- Decisions/metrics this should unlock:',
    '- Success in the next 2-4 weeks: 90% linked.',
    '',
    '## B) Source Model',
    '- External system: Acme API',
    '- Authentication model: OAuth',
    '- Plan/tier constraints: none',
    '- Data pull mode: incremental / snapshot / hybrid',
    '',
    '## C) Linking Points (Identity Graph)',
    '- Link 1: `account.id` -> `partners.acme_id`',
    '',
    '## D) Mapping Rules + Cardinality',
    '| Mapping Purpose | source | External ID | Internal Entity | Cardinality | Enforced In |',
    '|---|---|---|---|---|---|',
    '| Account | `acme_account` | `account.id` | `partners` | 1:1 | DB |',
    '',
    '- onConflict strategy: upsert',
    '- Required metadata per mapping: `synced_at`',
    '',
    '## E) Delivery Phases',
    '### Phase 1: Connection + Mapping',
    '- Scope: OAuth',
    '- Deliverables: client',
    '- Validation tests: 401 handled',
    '',
    '## F) Agent-Team Plan',
    '### Wave 1',
    '- Agent: `schema-sync`',
    '- Tasks: migration',
    '',
    '## G) Risks + Mitigations',
    '- Risk 1: rate limits',
    '',
    '## H) Manual Setup Handoff (Owner Actions)',
    '- External app creation: admin',
    '- Required permissions/scopes: read',
    '- Secrets/env vars (`.env.local` + deployment): `ACME_TOKEN`',
    '- Migration files to apply: `001_acme.sql`',
    '- First smoke-test sequence: test-connection',
    '',
    '## I) Operational Go/No-Go',
    '- [x] Auth and connection test pass',
    '- [ ] Mappings validated',
    '',
    '## J) Open Questions and Assumptions',
    '- Q1: none yet',
    '- Assumptions made: one account per partner',
    '',
  ].join('\n');
}

/** Resolves with the diagnostics of `uri` once `accept` says they are the awaited ones (after the next change, or now). */
export function diagnosticsWhen(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs = 10_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const current = vscode.languages.getDiagnostics(uri);
      if (!accept(current)) return false;
      listener.dispose();
      clearTimeout(timer);
      resolve(current);
      return true;
    };
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`diagnostics of ${uri.toString()} never matched; last: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line + 1} ${String((d.code as { value: string })?.value)}`))}`));
    }, timeoutMs);
    check();
  });
}

export const ruleOf = (d: vscode.Diagnostic) => String((d.code as { value: string | number }).value);
export const hasRule = (ruleId: string) => (diagnostics: vscode.Diagnostic[]) => diagnostics.some((d) => ruleOf(d) === ruleId);

export async function openPlan(content = planText()): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  return vscode.window.showTextDocument(document);
}
