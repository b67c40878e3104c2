import { fileDocument } from '../../core';
import type { CheckedFile } from '../analyze-inputs';

/** The stable `--format json` document (documented in the README); fixes are left out on purpose. */
export function formatJson(files: CheckedFile[]): string {
  return `${JSON.stringify({ files: files.map(({ path, report }) => fileDocument(path, report)) }, null, 2)}\n`;
}
