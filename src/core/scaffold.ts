import { getDefaultSchema } from './template/schema';

/** `HubSpot CRM` -> `hubspot-crm`. */
export function connectorSlug(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'connector';
}

/** Why a connector name cannot name a plan file, in words a person can act on; undefined when it can. */
export function connectorNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return 'Type the connector name, for example "HubSpot CRM".';
  if (/[/\\]/.test(trimmed)) return 'Leave out / and \\: the connector name becomes the file name.';
  if (/\p{Cc}/u.test(trimmed)) return 'Write the connector name on one line, without tabs or control characters.';
  return undefined;
}

export function planFileName(connectorName: string): string {
  return `${connectorSlug(connectorName)}-rollout-plan.md`;
}

/** The template's text with the connector name filled in. */
export function scaffoldPlan(connectorName: string): string {
  const text = getDefaultSchema().text;
  return text.replace(/\{ConnectorName\}/g, connectorName.trim());
}
