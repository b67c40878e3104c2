import * as l10n from '@vscode/l10n';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { FILE_SCOPE_RULES } from '../core';
import type { CheckedFile } from './analyze-inputs';
import { changedLinesOfDiff, touchesSpans, type LineSpan } from './unified-diff';

export interface GitResult {
  /** Exit code; undefined when git could not be started or was stopped (see `problem`). */
  code?: number;
  stdout: string;
  stderr: string;
  /** Why git did not run to its end: not installed, timed out, too much output. */
  problem?: string;
}

/** Runs git in a folder and hands back what it printed. Tests swap it for one that fails. */
export type GitRunner = (args: string[], cwd: string) => GitResult;

const GIT_TIMEOUT_MS = 60_000;

/** git with no stdin (it never waits on a prompt), a time limit and no pager, colour or external diff tool. */
export const runGit: GitRunner = (args, cwd) => {
  const result = spawnSync('git', args, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: GIT_TIMEOUT_MS,
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8',
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', GIT_OPTIONAL_LOCKS: '0' },
  });
  const error = result.error as NodeJS.ErrnoException | undefined;
  const problem = !error ? undefined
    : error.code === 'ENOENT' ? l10n.t('git is not installed (or not on PATH)')
    : error.code === 'ETIMEDOUT' ? l10n.t('git did not finish within {0} seconds', GIT_TIMEOUT_MS / 1000)
    : error.message;
  return { code: result.status ?? undefined, stdout: result.stdout ?? '', stderr: result.stderr ?? '', problem };
};

/** Why the changed lines could not be read, said to the user (exit 2). */
export class ChangedLinesError extends Error {}

/** Files given to one git command at most, so a long list never exceeds the command line's limit. */
const PATHS_PER_COMMAND = 200;

/**
 * The lines of each checked file added or changed since `rev`, by its path as shown (relative to `cwd`):
 * `git diff --unified=0 <rev>` against the working tree; a file git does not track yet is new as a whole.
 * A file absent from the result did not change.
 */
export function changedLinesSince(rev: string, files: readonly string[], cwd: string, git: GitRunner): Map<string, LineSpan[] | 'all'> {
  const prefix = gitOutput(git(['rev-parse', '--show-prefix'], cwd), rev).replace(/\n$/, '');
  const inRepository = new Map<string, string>();
  for (const file of files) {
    const repoPath = path.posix.normalize(prefix + file);
    if (repoPath.startsWith('../') || path.posix.isAbsolute(repoPath)) throw new ChangedLinesError(l10n.t('--changed-since: {0} is outside the git repository of the current folder', file));
    inRepository.set(repoPath, file);
  }
  const changed = new Map<string, LineSpan[] | 'all'>();
  const paths = [...inRepository.values()];
  for (let at = 0; at < paths.length; at += PATHS_PER_COMMAND) {
    const batch = paths.slice(at, at + PATHS_PER_COMMAND);
    const common = ['--literal-pathspecs', '-c', 'core.quotePath=false'];
    const diff = gitOutput(git([...common, 'diff', '--unified=0', '--no-color', '--no-ext-diff', '--no-textconv', '--no-relative', '--src-prefix=a/', '--dst-prefix=b/', rev, '--', ...batch], cwd), rev);
    for (const [repoPath, spans] of changedLinesOfDiff(diff)) {
      const shown = inRepository.get(repoPath);
      if (shown !== undefined) changed.set(shown, spans);
    }
    const untracked = gitOutput(git([...common, 'ls-files', '-z', '--others', '--full-name', '--', ...batch], cwd), rev);
    for (const repoPath of untracked.split('\0')) {
      const shown = inRepository.get(repoPath);
      if (shown !== undefined) changed.set(shown, 'all');
    }
  }
  return changed;
}

function gitOutput(result: GitResult, rev: string): string {
  if (result.problem) throw new ChangedLinesError(l10n.t('--changed-since {0}: {1}', rev, result.problem));
  if (result.code !== 0) {
    const said = result.stderr.trim().split('\n').filter((line) => line.trim() !== '').slice(0, 3).join(' ');
    throw new ChangedLinesError(l10n.t('--changed-since {0}: git could not compare with it: {1}', rev, said || l10n.t('exit code {0}', String(result.code))));
  }
  return result.stdout;
}

/**
 * Each file with only the findings on lines it changed, and those about the whole file when it changed at all;
 * files that did not change keep none.
 */
export function keepChangedFindings(files: CheckedFile[], changed: ReadonlyMap<string, LineSpan[] | 'all'>): CheckedFile[] {
  return files.map((file) => {
    const spans = changed.get(file.path);
    const findings = spans === 'all' ? file.report.findings
      : spans === undefined ? []
      : file.report.findings.filter((finding) => FILE_SCOPE_RULES.has(finding.ruleId) || touchesSpans(spans, finding.range.start.line + 1, finding.range.end.line + 1));
    return { ...file, report: { ...file.report, findings } };
  });
}
