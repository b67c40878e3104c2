import * as l10n from '@vscode/l10n';
import type { TemplateSchema } from './plan/model';
import { getDefaultSchema } from './template/schema';

/** The longest plan file name, in UTF-8 bytes: most file systems stop at 255, and paths add up. */
export const MAX_FILE_NAME_BYTES = 200;

/**
 * `HubSpot CRM` -> `hubspot-crm`, `Café Böse` -> `cafe-bose`, `日本語` -> `日本語`: Latin accents go, letters and
 * digits of every script stay, anything else becomes one dash. Empty when the name has no letter or digit.
 */
export function connectorSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})[\u0300-\u036f]+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-');
  // No dash at either end (a scan: `/-+$/` would retry every dash of a run).
  let start = 0;
  let end = slug.length;
  while (slug[start] === '-') start++;
  while (end > start && slug[end - 1] === '-') end--;
  return slug.slice(start, end);
}

/** UTF-8 bytes of a text, counted by code point (the core has no TextEncoder in every host it runs in). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Why a connector name cannot name a plan file, in words a person can act on; undefined when it can. */
export function connectorNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return l10n.t('Type the connector name, for example "HubSpot CRM".');
  if (/[/\\]/.test(trimmed)) return l10n.t('Leave out / and \\: the connector name becomes the file name.');
  if (/\p{Cc}/u.test(trimmed)) return l10n.t('Write the connector name on one line, without tabs or control characters.');
  if (!connectorSlug(trimmed)) return l10n.t('The name needs a letter or a digit: the file name is made from them.');
  const bytes = utf8Length(planFileName(trimmed));
  if (bytes > MAX_FILE_NAME_BYTES) return l10n.t('The file name would be {0} bytes long; shorten the name so it stays within {1}.', bytes, MAX_FILE_NAME_BYTES);
  return undefined;
}

/** `HubSpot CRM` -> `hubspot-crm-rollout-plan.md`: the name, then the last two words of the template's title. */
export function planFileName(connectorName: string, schema: TemplateSchema = getDefaultSchema()): string {
  const kind = connectorSlug(schema.titleSuffix.split(/\s+/).slice(-2).join(' ')) || 'plan';
  return `${connectorSlug(connectorName) || 'connector'}-${kind}.md`;
}

/** The template's text with the name filled in where its title has its placeholder (`{ConnectorName}`, `{Feature}`). */
export function scaffoldPlan(connectorName: string, schema: TemplateSchema = getDefaultSchema()): string {
  const placeholder = /\{[^{}\n]+\}/.exec(schema.title)?.[0];
  if (!placeholder) return schema.text;
  return schema.text.split(placeholder).join(connectorName.trim());
}
