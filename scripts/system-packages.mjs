// The Debian packages the tests need, installed when they are missing: chromium (the browser the real VS Code tests
// drive), ripgrep (VS Code's search; its npm package would download it), libkrb5-dev (headers for the `kerberos`
// native module built while code-server is installed), git and pre-commit (the pre-commit hook's test runs
// pre-commit in a git repository), and neovim (the language server's test drives Neovim's built-in LSP client,
// headless). `npm ci` needs none of them. Usage: node scripts/system-packages.mjs
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, realpathSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const SYSTEM_PACKAGES = ['chromium', 'git', 'libkrb5-dev', 'neovim', 'pre-commit', 'ripgrep'];
export const INSTALL_COMMAND = `sudo apt-get install -y --no-install-recommends ${SYSTEM_PACKAGES.join(' ')}`;

/** The executable `command` on PATH, or undefined. */
export function findOnPath(command, path = process.env.PATH ?? '') {
  for (const dir of path.split(delimiter)) {
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** The packages of SYSTEM_PACKAGES this machine lacks, each found by what the tests use of it. */
export function missingSystemPackages({ exists = existsSync, onPath = findOnPath } = {}) {
  const present = {
    chromium: exists(CHROMIUM_PATH),
    git: Boolean(onPath('git')),
    'libkrb5-dev': exists('/usr/include/krb5.h') || Boolean(onPath('krb5-config')),
    neovim: Boolean(onPath('nvim')),
    'pre-commit': Boolean(onPath('pre-commit')),
    ripgrep: Boolean(onPath('rg')),
  };
  return SYSTEM_PACKAGES.filter((name) => !present[name]);
}

/**
 * Installs the missing packages with apt-get when it runs as root and apt-get exists; otherwise says which command
 * to run. Returns true when every package is there at the end. Everything it touches is passed in (`host`).
 */
export function ensureSystemPackages({ missing, isRoot, hasAptGet, run, print, printError }) {
  const before = missing();
  if (before.length === 0) return true;
  if (isRoot && hasAptGet) {
    const started = Date.now();
    print(`Installing the system packages the tests need: ${before.join(', ')} (apt-get, as root)`);
    for (const command of [['apt-get', 'update', '-qq'], ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...before]]) {
      const result = run(command);
      if (!result.ok) {
        printError(`\`${command.join(' ')}\` failed:\n${result.output.trim().split('\n').slice(-20).join('\n')}`);
        return cannotInstall(before, printError, true);
      }
    }
    const after = missing();
    if (after.length > 0) return cannotInstall(after, printError, true);
    print(`Installed ${before.join(', ')} in ${Math.round((Date.now() - started) / 1000)} s`);
    return true;
  }
  return cannotInstall(before, printError, hasAptGet);
}

function cannotInstall(missing, printError, hasAptGet) {
  printError(`The tests need system packages that are missing: ${missing.join(', ')}.`);
  if (hasAptGet) printError(`Install them (run \`sudo apt-get update\` first if this machine never did), then run the tests again:\n  ${INSTALL_COMMAND}`);
  else printError(`This machine has no apt-get: install chromium (as ${CHROMIUM_PATH}), git, Neovim (nvim), pre-commit, ripgrep and the Kerberos development headers (krb5.h) with its package manager. On Debian or Ubuntu:\n  ${INSTALL_COMMAND}`);
  return false;
}

/** The real machine: root by uid, apt-get on PATH, commands run non-interactively with their output collected. */
export function systemHost() {
  return {
    missing: () => missingSystemPackages(),
    isRoot: process.getuid?.() === 0,
    hasAptGet: Boolean(findOnPath('apt-get')),
    run: ([command, ...args]) => {
      const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
      return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
    },
    print: (line) => console.log(line),
    printError: (line) => console.error(line),
  };
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = ensureSystemPackages(systemHost()) ? 0 : 1;
}
