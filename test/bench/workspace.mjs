// npm run bench:workspace: a workspace of 300 plans among 2,000 other markdown files; the CLI's `status` over it
// against the Plans view's full scan inside a real VS Code (code-server + headless chromium, as the tests run it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from '../harness/vscode-session.mjs';
import { runBenchSuite } from './run-suite.mjs';

const PLANS = 300;
const OTHERS = 2000;
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const cli = join(repoRoot, 'dist', 'cli.js');
const scanSuite = join(repoRoot, 'out', 'test', 'bench', 'view-scan');

const read = (path) => readFileSync(join(repoRoot, path), 'utf8');
const NAMES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Wonka', 'Tyrell', 'Cyberdyne'];

/** The examples with their connector renamed, a few gaps opened and closed, so no two plans are alike. */
function planVariant(i) {
  const examples = readdirSync(join(repoRoot, 'examples')).filter((f) => f.endsWith('.md'));
  const example = examples[i % examples.length];
  let text = read(join('examples', example));
  const name = `${NAMES[i % NAMES.length]} ${i}`;
  text = text.replace(/^# .*$/m, (title) => title.replace(/^# \S+( \S+)?/, `# ${name}`));
  if (i % 3 === 0) text = text.replace(/- \[x\]/, '- [ ]');
  if (i % 5 === 0) text = text.replace(/^(- [^:\n]+:).*$/m, '$1');
  return { path: i % 10 === 0 ? `docs/connectors/${name.toLowerCase().replace(' ', '-')}-rollout-plan.md` : `plans/team-${i % 12}/${example.replace('-rollout-plan', `-${i}-rollout-plan`)}`, text };
}

/**
 * Other markdown, spread over folders: packages' READMEs (what most markdown in a workspace looks like), this
 * project's docs and non-plan fixtures (which talk about plans), and short notes.
 */
function otherFile(i, sources) {
  const source = sources[i % sources.length];
  const text = i % 4 === 3 ? `# Meeting notes ${i}\n\n- Attendees: team ${i % 7}\n- Decisions: ship it\n\n## Follow-ups\n\n- [ ] write the doc\n` : `${source}\n\n<!-- copy ${i} -->\n`;
  return { path: `notes/area-${i % 40}/page-${i}.md`, text };
}

function makeWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), 'connector-plan-bench-files-'));
  const ownDocs = ['README.md', 'CHANGELOG.md', 'test/fixtures/plans/not-a-plan-playbook.md', 'test/fixtures/plans/not-a-plan-readme.md', ...readdirSync(join(repoRoot, 'docs', 'rules')).map((f) => `docs/rules/${f}`)];
  const readmes = readdirSync(join(repoRoot, 'node_modules')).sort().map((name) => `node_modules/${name}/README.md`).filter((file) => existsSync(join(repoRoot, file))).slice(0, 150);
  const sources = [...ownDocs, ...readmes].map(read);
  const files = [...Array.from({ length: PLANS }, (_, i) => planVariant(i)), ...Array.from({ length: OTHERS }, (_, i) => otherFile(i, sources))];
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.text);
  }
  // BENCH_CONFIG='{"rules":{"reference-not-found":"off","env-var-unknown":"off"}}': a .connector-plan.json for the
  // workspace, read by the CLI and the view alike (what the repository rules cost the scan).
  if (process.env.BENCH_CONFIG) writeFileSync(join(dir, '.connector-plan.json'), process.env.BENCH_CONFIG);
  return dir;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function timeCli(dir) {
  const times = [];
  let plans = 0;
  for (let round = 0; round < rounds; round++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [cli, 'status', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.status !== 0) throw new Error(`connector-plan status failed (${result.status}): ${result.stderr}`);
    const status = JSON.parse(result.stdout);
    plans = (Array.isArray(status) ? status : status.plans ?? status.files ?? []).length;
  }
  return { plans, ms: median(times) };
}

function timeView(dir) {
  return runBenchSuite({
    name: 'bench-workspace',
    folder: dir,
    suitePath: scanSuite,
    marker: 'view-scan',
    onLog: (text) => text.startsWith('view-scan detail:') && console.log(text),
  });
}

const dir = makeWorkspace();
try {
  const status = timeCli(dir);
  const view = await timeView(dir);
  const again = median(view.again);
  console.log(`workspace: ${PLANS} plans + ${OTHERS} other markdown files (medians of ${rounds} runs)`);
  console.log(`cli status: ${status.ms.toFixed(0)} ms, ${status.plans} plans (a fresh process, start-up included)`);
  console.log(`view scan: first rows ${view.firstRowsMs.toFixed(0)} ms (${view.firstRows} plans; target ≤ 1000 ms), all rows ${view.first.toFixed(0)} ms, again ${again.toFixed(0)} ms, ${view.plans} plans`);
  console.log(`ratio view / cli: first ${(view.first / status.ms).toFixed(2)}, again ${(again / status.ms).toFixed(2)}; target ≤ 1`);
  console.log(`after a reload (the view made again over the rows it stored): first rows ${view.reloadRowsMs.toFixed(0)} ms (${view.reloadRows} rows, before any file is read), all rows read again ${view.reloadAll.toFixed(0)} ms (${(view.reloadAll / status.ms).toFixed(2)} of the CLI's status)`);
  if (view.plans !== status.plans) console.log(`note: the view lists ${view.plans} plans, the CLI ${status.plans}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
