import * as l10n from '@vscode/l10n';

// The hosts decide what they read (the core never touches a file): these are the limit they share and the words
// they say when they skip something.

/** The largest file, in MB, the CLI, the MCP server and the extension read unless told otherwise (a plan is kilobytes). */
export const DEFAULT_MAX_FILE_SIZE_MB = 10;

const KB = 1024;
const MB = 1024 * 1024;

/** A limit in MB, as `--max-file-size` and `connectorPlan.maxFileSize` give it, in bytes. */
export function megabytesToBytes(megabytes: number): number {
  return Math.floor(megabytes * MB);
}

/** What a path is when it is not a regular file (nor a folder). */
export type NotAFileKind = 'fifo' | 'socket' | 'character-device' | 'block-device' | 'other';

/** Why a path that is not a regular file is not read: opening a named pipe waits for a writer, a device may never end. */
export function notARegularFileProblem(kind: NotAFileKind): string {
  switch (kind) {
    case 'fifo':
      return l10n.t('a named pipe (FIFO), not a regular file');
    case 'socket':
      return l10n.t('a socket, not a regular file');
    case 'character-device':
      return l10n.t('a character device, not a regular file');
    case 'block-device':
      return l10n.t('a block device, not a regular file');
    default:
      return l10n.t('not a regular file');
  }
}

/**
 * Why a file over the limit is not read: its size (undefined when the file system did not tell and the read found
 * out), the limit in MB, and the option or setting that raises it.
 */
export function tooLargeProblem(size: number | undefined, limitMegabytes: number, raiseWith: string): string {
  if (size === undefined) return l10n.t({ message: 'more than the {0} MB limit; raise it with {1}', args: [limitMegabytes, raiseWith], comment: ['{1} is the option or setting that raises the limit: --max-file-size or connectorPlan.maxFileSize.'] });
  return l10n.t({ message: '{0}, over the {1} MB limit; raise it with {2}', args: [fileSizeText(size), limitMegabytes, raiseWith], comment: ['{0} is the size of the file (12.5 MB), {2} the option or setting that raises the limit.'] });
}

/**
 * Why a text a host holds (an editor's document, never read through the limit) is not checked: its UTF-8 size over
 * the limit, said as tooLargeProblem says it; undefined within the limit. Counts without copying the text.
 */
export function textTooLargeProblem(text: string, limitMegabytes: number, raiseWith: string): string | undefined {
  const limit = megabytesToBytes(limitMegabytes);
  // A UTF-16 unit is 1 to 3 bytes in UTF-8 (a surrogate pair 4 for 2 units).
  if (text.length * 3 <= limit) return undefined;
  const size = utf8Length(text);
  return size > limit ? tooLargeProblem(size, limitMegabytes, raiseWith) : undefined;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** `12.5 MB`, `3.2 KB`: rounded up, so a file over a limit never reads as the limit itself. */
export function fileSizeText(bytes: number): string {
  const [amount, unit] = bytes >= MB ? [bytes / MB, 'MB'] : [bytes / KB, 'KB'];
  return `${Math.ceil(amount * 10) / 10} ${unit}`;
}
