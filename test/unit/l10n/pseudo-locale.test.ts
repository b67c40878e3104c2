import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { getDefaultSchema, RULES, scaffoldPlan } from '../../../src/core';
import { localeFromEnv, bundleCandidates } from '../../../src/cli/locale';
import { runCli, type CliRun } from '../cli/run-cli';
import { makeTempTree, removeTempTrees } from '../cli/temp-tree';
import { REPO_ROOT } from '../core/repo-paths';

const L10N_DEV = path.join(REPO_ROOT, 'node_modules/@vscode/l10n-dev/dist/cli.js');
const PSEUDO = { LANG: 'qps-ploc' };
/** What the pseudo-locale makes of ASCII letters: every message it translated holds some. */
const PSEUDO_LETTER = /[ȦȧƀƇƈḒḓḖḗƑƒƓɠĦħĪīĴĵĶķĿŀḾḿȠƞǾǿƤƥɊɋŘřŞşŦŧŬŭṼṽẆẇẊẋẎẏẐẑ]/;

// A plan with a gap of almost every kind: the template as it is (placeholders, option lists, empty fields, no mapping
// rows, unticked items), then a second A section, a secret, a risk without mitigation and a mapping row short of cells.
const PLAN = scaffoldPlan('Initech')
  .replace('- Risk 1:', '- Risk 1: the vendor throttles bulk exports\n- Risk 2: API_TOKEN = "9fQ2kLmZ7xW4vB8nR3tY6uJ1hG5dS0aP"')
  .replace('| Tertiary |', '| Account | only two |\n| Tertiary |')
  .replace('## F) Agent-Team Plan', '### Phase 5: Hardening\n- Scope: retries\n\n## F) Agent-Team Plan')
  .replace('## G) Risks + Mitigations', '### Wave 4\n- Agent: docs\n\n## G) Risks + Mitigations')
  .concat('\n## A) Business Goal\n- Why this connector exists: twice\n');

/** Text that is data, not a message: the plan's and the template's words, file names, rule ids, option names, syntax. */
function dataPhrases(...texts: string[]): string[] {
  const schema = getDefaultSchema();
  const phrases = new Set<string>([
    ...RULES.map((r) => r.id),
    // Command names, format names and the connectors' names, as the command line and the plans write them.
    ...['check', 'status', 'explain', 'loop', 'new', 'template', 'mcp', 'lsp', 'text', 'json', 'sarif', 'github', 'markdown', 'Globex', 'Initech'],
    ...schema.sections.flatMap((s) => [`${s.id}) ${s.title}`, s.title, s.headingText, ...s.fields.flatMap((f) => [f.label, f.guidance, ...(f.choices ?? [])]), ...s.subsectionFields.map((f) => f.label), ...s.columns.flatMap((c) => [c.title, ...(c.choices ?? [])]), ...s.checklist, s.subsectionKind ?? '']),
    schema.title,
  ]);
  for (const text of texts) {
    for (const [, inner] of text.matchAll(/\{([^{}\n]+)\}/g)) phrases.add(inner);
    for (const line of text.split(/\r?\n/)) {
      for (const part of line.replace(/^[\s#>*|-]*(?:\[[ xX]\]\s*)?/, '').split(/\s*(?:\||:|->|\*\*|`)\s*/)) phrases.add(part.trim());
    }
  }
  return [...phrases].filter((p) => p.length >= 3).sort((a, b) => b.length - a.length);
}

/** The English left in a line once its data is taken out: runs of plain ASCII words (of 3 letters or more). */
function untranslated(line: string, phrases: string[]): string | undefined {
  let rest = line.replace(/connector-plan(?: [a-z]+)?(?: (?:\[[^\]]*\]|<[^>]*>|"[^"]*"))*/g, ' '); // command syntax
  for (const phrase of phrases) rest = rest.split(phrase).join(' ');
  rest = rest
    .replace(/"[^"]*"/g, ' ') // quoted names: labels, tasks, values
    .replace(/\{[^{}]*\}/g, ' ') // placeholders, as the template writes them
    .replace(/[^:]*\(E[A-Z]+\)/g, ' ') // the system's own words for a file error (ENOENT)
    .replace(/(?:^|[\s'])--?[a-z][a-z-]*/g, ' ') // option names
    .replace(/<[a-z-]+>/g, ' ') // an option's value in its syntax: <value>
    .replace(/\S*[\\/.]\S*/g, ' '); // paths and file names
  const words = rest.match(/\b[A-Za-z]{3,}\b(?:[\s,;()'-]+\b[A-Za-z]{3,}\b)*/g)?.filter((w) => !/^(?:GO|NO|CRM|API|MCP|JSON|SARIF)$/.test(w));
  return words?.length ? words.join(' | ') : undefined;
}

function assertPseudo(label: string, text: string, phrases: string[]): void {
  const offenders = text
    .split('\n')
    .filter((line) => line.trim())
    .flatMap((line) => {
      const left = untranslated(line, phrases);
      return left ? [`${line}\n    English left: ${left}`] : [];
    });
  assert.deepEqual(offenders, [], `${label}: lines not pseudo-localized`);
}

describe('pseudo-locale (qps-ploc) through the CLI', function () {
  this.timeout(60_000);
  let bundles: string;
  let cwd: string;
  let phrases: string[];
  const run = (argv: string[]): Promise<CliRun> => runCli(argv, { cwd, env: PSEUDO, l10nFolder: bundles });

  before(() => {
    // The pseudo bundle is made from the committed English one, which the bundle test keeps current.
    bundles = mkdtempSync(path.join(tmpdir(), 'connector-plan-qps-'));
    copyFileSync(path.join(REPO_ROOT, 'l10n/bundle.l10n.json'), path.join(bundles, 'bundle.l10n.json'));
    execFileSync(process.execPath, [L10N_DEV, 'generate-pseudo', path.join(bundles, 'bundle.l10n.json')], { stdio: 'pipe' });
    const gaps = readFileSync(path.join(REPO_ROOT, 'test/fixtures/cli/gaps/globex-rollout-plan.md'), 'utf8');
    cwd = makeTempTree({ 'initech-rollout-plan.md': PLAN, 'globex-rollout-plan.md': gaps, 'notes.md': '# Notes\n' });
    phrases = dataPhrases(PLAN, gaps, getDefaultSchema().text);
  });
  after(() => {
    removeTempTrees();
    rmSync(bundles, { recursive: true, force: true });
  });

  it('check: every finding message, the summary and the gate messages', async () => {
    const result = await run(['check', '--max-warnings', '0', '--require-go']);
    assert.equal(result.code, 1);
    const findings = result.stdout.split('\n').filter((l) => /^\S+\.md:\d+:\d+ /.test(l));
    assert.ok(findings.length > 40, `a plan with many gaps (${findings.length})`);
    // `path:line:col severity rule-id message`: the first four stay as they are (problem matchers read them).
    const messages = findings.map((l) => /^\S+:\d+:\d+ (?:error|warning|info) [a-z-]+ (.*)$/.exec(l)?.[1] ?? `unparsed: ${l}`);
    for (const message of messages) assert.match(message, PSEUDO_LETTER, message);
    const ruleIds = new Set(findings.map((l) => l.split(' ')[2]));
    for (const id of ['missing-section', 'empty-field', 'unfilled-placeholder', 'unchosen-option', 'go-no-go-open', 'duplicate-section', 'secret-value', 'risk-without-mitigation', 'mapping-table', 'phase-incomplete', 'wave-incomplete']) assert.ok(ruleIds.has(id), id);
    assertPseudo('check messages', messages.join('\n'), phrases);
    assertPseudo('check summary', result.stdout.split('\n').filter((l) => l && !findings.includes(l)).join('\n'), phrases);
    assertPseudo('check stderr', result.stderr.replace(/^connector-plan: /gm, ''), phrases);
  });

  it('status, explain and template', async () => {
    const status = await run(['status']);
    assert.equal(status.code, 0);
    assertPseudo('status', status.stdout, phrases);
    const markdown = await run(['status', '--format', 'markdown']);
    assertPseudo('status markdown', markdown.stdout.replace(/\\/g, ''), phrases);
    const explain = await run(['explain', 'initech-rollout-plan.md']);
    assert.equal(explain.code, 0);
    assertPseudo('explain', explain.stdout, phrases);
    const template = await run(['template', path.join(REPO_ROOT, 'src/core/template/connector-rollout-plan.md')]);
    assert.equal(template.code, 0);
    assertPseudo('template', template.stdout, phrases);
  });

  it('help of the CLI and of every command', async () => {
    for (const argv of [['--help'], ['check', '--help'], ['status', '--help'], ['explain', '--help'], ['loop', '--help'], ['new', '--help'], ['template', '--help'], ['mcp', '--help'], ['lsp', '--help']]) {
      const result = await run(argv);
      assert.equal(result.code, 0, argv.join(' '));
      assertPseudo(argv.join(' '), result.stdout, phrases);
    }
  });

  it('usage errors and problems', async () => {
    for (const argv of [[], ['lint'], ['check', '--format', 'xml'], ['check', '--max-warnings', 'many'], ['new'], ['new', 'a', 'b'], ['new', 'x/y'], ['explain'], ['explain', 'missing.md'], ['loop'], ['loop', 'missing.md'], ['template'], ['mcp', 'p'], ['lsp'], ['lsp', 'p'], ['check', 'nowhere/*.md'], ['check', '--bogus'], ['status', '--format'], ['check', '--quiet=yes']]) {
      const result = await run(argv);
      assert.equal(result.code, 2, argv.join(' '));
      assertPseudo(argv.join(' ') || '(nothing)', result.stderr.replace(/^connector-plan: /gm, ''), phrases);
    }
  });

  it('English without a bundle for the locale, or with C', async () => {
    for (const env of [{ LANG: 'fr_FR.UTF-8' }, { LC_ALL: 'C', LANG: 'qps-ploc' }, {}] as Record<string, string>[]) {
      const result = await runCli(['lint'], { cwd, env, l10nFolder: bundles });
      assert.match(result.stderr, /^connector-plan: unknown command "lint"\nUsage: /, JSON.stringify(env));
    }
  });
});

describe('the locale of the environment', () => {
  it('is LC_ALL, then LC_MESSAGES, then LANG, without codeset or modifier; C and POSIX are English', () => {
    assert.equal(localeFromEnv({ LANG: 'de_DE.UTF-8' }), 'de-de');
    assert.equal(localeFromEnv({ LC_MESSAGES: 'pt_BR', LANG: 'de_DE.UTF-8' }), 'pt-br');
    assert.equal(localeFromEnv({ LC_ALL: 'fr_CA.UTF-8@euro', LC_MESSAGES: 'pt_BR', LANG: 'de' }), 'fr-ca');
    assert.equal(localeFromEnv({ LC_ALL: '', LANG: 'ja_JP.eucJP' }), 'ja-jp');
    assert.equal(localeFromEnv({ LANG: 'qps-ploc' }), 'qps-ploc');
    for (const english of [{}, { LANG: 'C' }, { LC_ALL: 'POSIX', LANG: 'de_DE' }, { LANG: 'C.UTF-8' }]) assert.equal(localeFromEnv(english), undefined, JSON.stringify(english));
  });

  it('is looked for with its region first, then the language alone', () => {
    assert.deepEqual(bundleCandidates('/x', 'de-de').map((f) => path.basename(f)), ['bundle.l10n.de-de.json', 'bundle.l10n.de.json']);
    assert.deepEqual(bundleCandidates('/x', 'fr').map((f) => path.basename(f)), ['bundle.l10n.fr.json']);
  });
});
