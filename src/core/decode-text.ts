import * as l10n from '@vscode/l10n';
// TextDecoder is a global of every host the core runs in (Node, the extension hosts, browser workers); the core's
// own lib has no DOM types, so it is declared here as far as it is used.
declare const TextDecoder: new (label: string, options?: { fatal?: boolean }) => { decode(bytes: Uint8Array): string };

export type DecodedText = { text: string } | { problem: string };

/** Strict UTF-8 (the BOM is dropped); NUL bytes mean a binary or UTF-16 file. The CLI, the editor's agent tools and the MCP server read files with it. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.includes(0)) return { problem: l10n.t('binary file (it contains NUL bytes); save it as UTF-8 text') };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { problem: l10n.t('not valid UTF-8; save it as UTF-8') };
  }
}
