import { main } from '../../../src/cli/main';
import type { CliFileSystem } from '../../../src/cli/file-system';
import type { GitRunner } from '../../../src/cli/git-changes';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export const TEST_VERSION = '9.8.7-test';

/** Runs main() in-process and captures what it wrote. */
export async function runCli(argv: string[], options: { cwd: string; fs?: CliFileSystem; env?: Record<string, string>; l10nFolder?: string; git?: GitRunner }): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    cwd: options.cwd,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    fs: options.fs,
    env: options.env,
    l10nFolder: options.l10nFolder,
    git: options.git,
    tool: { version: TEST_VERSION, informationUri: 'https://example.test/connector-plan' },
  });
  return { code, stdout, stderr };
}
