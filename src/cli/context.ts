import * as path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { CliFileSystem } from './file-system';
import type { GitRunner } from './git-changes';
import { escapeControlCharacters } from './formatters/terminal-text';

export interface TextSink {
  write(text: string): unknown;
}

export interface ToolInfo {
  version: string;
  /** Where SARIF viewers link the tool name; omitted from SARIF when unknown. */
  informationUri?: string;
}

/** Everything a command may touch outside itself. */
export interface CliContext {
  cwd: string;
  stdout: TextSink;
  stderr: TextSink;
  fs: CliFileSystem;
  tool: ToolInfo;
  /** The environment variables a command may read (GitHub Actions' `GITHUB_*`); never all of process.env by default. */
  env: Readonly<Record<string, string | undefined>>;
  /** The largest file read, in MB (`--max-file-size`); anything larger is named and skipped. */
  maxFileSize: number;
  /** The process's standard input and output as streams, for `mcp`'s protocol; absent when run in-process. */
  stdio?: { input: Readable; output: Writable };
  /** Runs git (`check --changed-since`); the real git unless a test hands in another. */
  git?: GitRunner;
  /** The rules' pages (`<folder>/<rule-id>.md`, shipped in the package's docs/rules/): what `lsp` links diagnostics to. */
  ruleDocsFolder?: string;
}

/** The path shown to people and written into JSON/SARIF: relative to cwd, forward slashes. */
export function displayPath(cwd: string, absolutePath: string): string {
  return path.relative(cwd, absolutePath).split(path.sep).join('/') || '.';
}

/** One line on stderr; a name in the message with a newline in it cannot start another (see terminal-text). */
export function printError(context: CliContext, message: string): void {
  context.stderr.write(`connector-plan: ${escapeControlCharacters(message)}\n`);
}
