import { getDefaultSchema } from './template/schema';

/** `HubSpot CRM` -> `hubspot-crm`. */
export function connectorSlug(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'connector';
}

export function planFileName(connectorName: string): string {
  return `${connectorSlug(connectorName)}-rollout-plan.md`;
}

/** The template's text with the connector name filled in. */
export function scaffoldPlan(connectorName: string): string {
  const text = getDefaultSchema().text;
  return text.replace(/\{ConnectorName\}/g, connectorName.trim());
}
