// Installs VS Code 1.100.3 from the npm package code-server@4.100.3 into .vscode-test/, once.
// Recipe: /work/shared/notes/real-vscode-tests.md. The marker file is written last, so a half install is redone.
import { spawn } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemPackages, findOnPath, systemHost } from '../../scripts/system-packages.mjs';

export { CHROMIUM_PATH } from '../../scripts/system-packages.mjs';

export const CODE_SERVER_VERSION = '4.100.3';
export const VSCODE_VERSION = '1.100.3';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cacheDir = join(repoRoot, '.vscode-test');
export const installDir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
export const codeServerBin = join(installDir, 'node_modules', '.bin', 'code-server');
const markerFile = join(installDir, '.installed');
const logFile = join(cacheDir, `install-code-server-${CODE_SERVER_VERSION}.log`);

export function isVSCodeInstalled() {
  return existsSync(markerFile);
}

// Variables set by an outer `npm run` (local_prefix, lifecycle, package) would redirect the nested installs.
function cleanNpmEnv(extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('npm_')));
  return { ...env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false', ...extra };
}

function run(log, cwd, args, env = cleanNpmEnv()) {
  log.write(`\n$ (cd ${cwd} && ${args.join(' ')})\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(args[0], args.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk) => {
      log.write(chunk);
      output += chunk;
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`\`${args.join(' ')}\` exited with ${code}`))));
  });
}

function tail(file, lines) {
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

async function install(print) {
  const started = Date.now();
  rmSync(installDir, { recursive: true, force: true });
  mkdirSync(installDir, { recursive: true });
  const log = createWriteStream(logFile);
  const vscodeDir = join(installDir, 'node_modules', 'code-server', 'lib', 'vscode');
  const steps = [
    ['download code-server', () => run(log, installDir, ['npm', 'install', '--prefix', installDir, '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`])],
    ['install VS Code server modules', () => run(log, vscodeDir, ['npm', 'install', '--omit=dev', '--ignore-scripts'])],
    ['build native modules', () => {
      // The postinstall we skipped would download ripgrep from GitHub; Debian's binary stands in for it.
      const ripgrepBin = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
      mkdirSync(ripgrepBin, { recursive: true });
      copyFileSync(realpathSync(findOnPath('rg')), join(ripgrepBin, 'rg'));
      return run(log, vscodeDir, ['npm', 'rebuild'], cleanNpmEnv({ npm_config_yes: 'true' }));
    }],
    ['link what code-server\'s postinstall links', () => {
      const codeServerDir = join(installDir, 'node_modules', 'code-server');
      symlinkSync('node_modules', join(vscodeDir, 'node_modules.asar'));
      symlinkSync('code-linux.sh', join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
      symlinkSync('browser-linux.sh', join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
      return existsSync(join(codeServerDir, 'out', 'node', 'entry.js'));
    }],
    ['install built-in extensions\' modules', () => run(log, join(vscodeDir, 'extensions'), ['npm', 'install', '--omit=dev'])],
    ['build argon2', () => run(log, installDir, ['npm', 'rebuild', 'argon2'])],
    ['check the version', async () => {
      const output = await run(log, installDir, [codeServerBin, '--version']);
      if (!output.includes(VSCODE_VERSION)) throw new Error(`expected VS Code ${VSCODE_VERSION}, got: ${output.trim()}`);
    }],
  ];
  print(`Installing VS Code ${VSCODE_VERSION} (code-server ${CODE_SERVER_VERSION}) into ${installDir} (log: ${logFile})`);
  for (const [index, [name, step]] of steps.entries()) {
    print(`  ${index + 1}/${steps.length} ${name}`);
    try {
      await step();
    } catch (error) {
      log.write(`\n${error.stack ?? error}\n`);
      await new Promise((resolve) => log.end(resolve));
      throw new Error(`VS Code install failed at "${name}": ${error.message}\n--- last lines of ${logFile} ---\n${tail(logFile, 60)}`);
    }
  }
  await new Promise((resolve) => log.end(resolve));
  writeFileSync(markerFile, `code-server ${CODE_SERVER_VERSION} installed ${new Date().toISOString()}\n`);
  print(`VS Code ${VSCODE_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** Makes sure the system packages are there (installing them when it can) and VS Code is installed; installs it when missing. */
export async function ensureVSCode({ print = (line) => console.log(line) } = {}) {
  if (!ensureSystemPackages({ ...systemHost(), print })) throw Object.assign(new Error('The real VS Code tests cannot run without those system packages.'), { exitCode: 2 });
  if (!isVSCodeInstalled()) await install(print);
  return installDir;
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await ensureVSCode();
    if (process.argv.includes('--verbose')) console.log(`VS Code ${VSCODE_VERSION} is ready in ${installDir}`);
  } catch (error) {
    console.error(error.message);
    process.exit(error.exitCode ?? 1);
  }
}
