// package.json's user-facing strings live in package.nls.json (English) as `%key%` references, so VS Code shows
// them in the display language from package.nls.<locale>.json. The generated parts (rule settings, agent tools)
// write their references and English texts through here.
const REFERENCE = /^%([^%\s]+)%$/;

/** `%key%` for a package.json value. */
export const nlsReference = (key) => `%${key}%`;

/** The key of a `%key%` reference, else undefined. */
export function nlsKeyOf(value) {
  return typeof value === 'string' ? REFERENCE.exec(value)?.[1] : undefined;
}

/**
 * package.nls.json's text with `entries` (key -> English) set and any other key starting with one of `prefixes`
 * dropped (a rule or tool that no longer exists); hand-written keys are kept, in their order.
 */
export function withNlsEntries(nlsText, entries, prefixes) {
  const nls = JSON.parse(nlsText);
  const kept = Object.fromEntries(Object.entries(nls).filter(([key]) => key in entries || !prefixes.some((prefix) => key.startsWith(prefix))));
  return `${JSON.stringify({ ...kept, ...entries }, null, 2)}\n`;
}

