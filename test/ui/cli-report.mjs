// What the CLI (dist/cli.js, built before the UI run) says about a plan: the workbench must show the same.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fixtureWorkspace, repoRoot } from '../harness/vscode-session.mjs';

function cli(...args) {
  const run = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), ...args, '--format', 'json'], { cwd: fixtureWorkspace, encoding: 'utf8' });
  // 1 only means the plans have errors; 2 means the CLI could not check them.
  if (run.status !== 0 && run.status !== 1) throw new Error(`connector-plan ${args.join(' ')} exited with ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** `check --format json` of one file (a path in the fixture workspace, or absolute): `{ path, isPlan, findings, progress }`. */
export function checkFile(file) {
  return cli('check', file).files[0];
}

/** `status --format json` of the plans under a folder (default: the fixture workspace): `[{ path, name, percent, goNoGo }]`. */
export function planStatuses(folder = '.') {
  return cli('status', folder).plans;
}

/** A plan's row label in the Plans view, and its status bar text: the name, then `85% · NO-GO 2/3` (`85% · no go/no-go checklist`). */
export function progressText({ percent, goNoGo }) {
  return goNoGo.total ? `${percent}% · ${goNoGo.verdict} ${goNoGo.checked}/${goNoGo.total}` : `${percent}% · no go/no-go checklist`;
}
