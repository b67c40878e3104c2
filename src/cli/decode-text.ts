export type DecodedText = { text: string } | { problem: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8 (the BOM is dropped); NUL bytes mean a binary or UTF-16 file. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.includes(0)) return { problem: 'binary file (it contains NUL bytes); save it as UTF-8 text' };
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return { problem: 'not valid UTF-8; save it as UTF-8' };
  }
}
