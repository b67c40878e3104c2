// GitHub Actions reads a line of a step's output that starts (after spaces) with `::`, or the older `##[`, as a
// workflow command, and a newline in a file name starts a line. Names, paths and messages in text output pass
// through here, so each stays on its own line and none starts a command.

const COMMAND_START = /^\s*(?:::|##\[)/;
// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Control characters shown escaped (`\n`, `\r`, `\t`, `\x1b`, `\u2028`), so the text stays on one line as it is. */
export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL, (c) => NAMED[c] ?? (c.charCodeAt(0) <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}

/** A path that starts a line: escaped, and with `./` before it when it would read as a workflow command. */
export function linePath(path: string): string {
  const shown = escapeControlCharacters(path);
  return COMMAND_START.test(shown) ? `./${shown}` : shown;
}

/** A name that starts a line: escaped, and in quotes when it would read as a workflow command. */
export function lineName(name: string): string {
  const shown = escapeControlCharacters(name);
  return COMMAND_START.test(shown) ? `"${shown}"` : shown;
}

function hex(c: string, digits: number): string {
  return c.charCodeAt(0).toString(16).padStart(digits, '0');
}
