import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../core/repo-paths';

interface Host {
  missing: () => string[];
  isRoot: boolean;
  hasAptGet: boolean;
  run: (command: string[]) => { ok: boolean; output: string };
  print: (line: string) => void;
  printError: (line: string) => void;
}
interface SystemPackages {
  ensureSystemPackages(host: Host): boolean;
  missingSystemPackages(probe: { exists: (file: string) => boolean; onPath: (command: string) => string | undefined }): string[];
  INSTALL_COMMAND: string;
}

const EXACT_COMMAND = 'sudo apt-get install -y --no-install-recommends chromium git libkrb5-dev neovim pre-commit ripgrep';

/** A machine where `installed` packages are there; apt-get "installs" what it is asked for unless `aptFails`. */
function fakeMachine(options: { installed: string[]; isRoot: boolean; hasAptGet: boolean; aptFails?: boolean; aptInstallsNothing?: boolean }) {
  const installed = new Set(options.installed);
  const ran: string[] = [];
  const out: string[] = [];
  const err: string[] = [];
  const host: Host = {
    missing: () => ['chromium', 'git', 'libkrb5-dev', 'neovim', 'pre-commit', 'ripgrep'].filter((name) => !installed.has(name)),
    isRoot: options.isRoot,
    hasAptGet: options.hasAptGet,
    run: (command) => {
      ran.push(command.join(' '));
      if (options.aptFails) return { ok: false, output: 'E: Unable to locate package chromium\n' };
      if (command[1] === 'install' && !options.aptInstallsNothing) for (const name of command.slice(2)) if (!name.startsWith('-')) installed.add(name);
      return { ok: true, output: '' };
    },
    print: (line) => out.push(line),
    printError: (line) => err.push(line),
  };
  return { host, ran, out, err };
}

describe('scripts/system-packages.mjs (what npm test installs before the tests that need it)', () => {
  let script: SystemPackages;
  before(async () => {
    script = await import(pathToFileURL(path.join(REPO_ROOT, 'scripts', 'system-packages.mjs')).href);
  });

  it('runs nothing and prints nothing when every package is there, root or not', () => {
    for (const isRoot of [true, false]) {
      const machine = fakeMachine({ installed: ['chromium', 'git', 'libkrb5-dev', 'neovim', 'pre-commit', 'ripgrep'], isRoot, hasAptGet: true });
      assert.equal(script.ensureSystemPackages(machine.host), true);
      assert.deepEqual([machine.ran, machine.out, machine.err], [[], [], []]);
    }
  });

  it('as root with apt-get: apt-get update, then installs what is missing, non-interactively', () => {
    const machine = fakeMachine({ installed: ['git', 'pre-commit', 'ripgrep'], isRoot: true, hasAptGet: true });
    assert.equal(script.ensureSystemPackages(machine.host), true);
    assert.deepEqual(machine.ran, ['apt-get update -qq', 'apt-get install -y -qq --no-install-recommends chromium libkrb5-dev neovim']);
    assert.deepEqual(machine.err, []);
    assert.match(machine.out[0], /^Installing the system packages the tests need: chromium, libkrb5-dev, neovim \(apt-get, as root\)$/);
    assert.match(machine.out[1], /^Installed chromium, libkrb5-dev, neovim in \d+ s$/);
  });

  it('not root: runs nothing, prints the exact command and fails', () => {
    const machine = fakeMachine({ installed: ['chromium', 'git', 'neovim', 'pre-commit'], isRoot: false, hasAptGet: true });
    assert.equal(script.ensureSystemPackages(machine.host), false);
    assert.deepEqual(machine.ran, []);
    assert.equal(script.INSTALL_COMMAND, EXACT_COMMAND);
    assert.equal(machine.err[0], 'The tests need system packages that are missing: libkrb5-dev, ripgrep.');
    assert.ok(machine.err.join('\n').split('\n').includes(`  ${EXACT_COMMAND}`), machine.err.join('\n'));
  });

  it('no apt-get, even as root: runs nothing, says what to install and fails', () => {
    const machine = fakeMachine({ installed: [], isRoot: true, hasAptGet: false });
    assert.equal(script.ensureSystemPackages(machine.host), false);
    assert.deepEqual(machine.ran, []);
    assert.match(machine.err.join('\n'), /no apt-get: install chromium \(as \/usr\/bin\/chromium\), git, Neovim \(nvim\), pre-commit, ripgrep and the Kerberos development headers/);
    assert.ok(machine.err.join('\n').includes(EXACT_COMMAND));
  });

  it('as root, when apt-get fails or installs nothing: shows why, the command, and fails', () => {
    const failing = fakeMachine({ installed: [], isRoot: true, hasAptGet: true, aptFails: true });
    assert.equal(script.ensureSystemPackages(failing.host), false);
    assert.deepEqual(failing.ran, ['apt-get update -qq']);
    assert.match(failing.err[0], /^`apt-get update -qq` failed:\nE: Unable to locate package chromium$/);
    assert.ok(failing.err.join('\n').includes(EXACT_COMMAND));
    const useless = fakeMachine({ installed: [], isRoot: true, hasAptGet: true, aptInstallsNothing: true });
    assert.equal(script.ensureSystemPackages(useless.host), false);
    assert.equal(useless.ran.length, 2);
    assert.equal(useless.err[0], 'The tests need system packages that are missing: chromium, git, libkrb5-dev, neovim, pre-commit, ripgrep.');
  });

  it('finds each package by what the tests use: /usr/bin/chromium, git, nvim, pre-commit and rg on PATH, krb5.h or krb5-config', () => {
    const probe = (files: string[], commands: string[]) => ({ exists: (file: string) => files.includes(file), onPath: (command: string) => (commands.includes(command) ? `/usr/bin/${command}` : undefined) });
    assert.deepEqual(script.missingSystemPackages(probe([], [])), ['chromium', 'git', 'libkrb5-dev', 'neovim', 'pre-commit', 'ripgrep']);
    assert.deepEqual(script.missingSystemPackages(probe(['/usr/bin/chromium', '/usr/include/krb5.h'], ['git', 'nvim', 'pre-commit', 'rg'])), []);
    assert.deepEqual(script.missingSystemPackages(probe(['/usr/bin/chromium'], ['krb5-config', 'git'])), ['neovim', 'pre-commit', 'ripgrep']);
  });

  it('is the first step of npm test, and .ci/run is just npm ci and npm test', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.match(manifest.scripts.test, /^node scripts\/system-packages\.mjs && /);
    const ci = fs.readFileSync(path.join(REPO_ROOT, '.ci', 'run'), 'utf8');
    assert.deepEqual(ci.split('\n').filter((line) => /^(npm|apt-get|sudo) /.test(line)), ['npm ci --no-audit --no-fund', 'npm test']);
  });
});
