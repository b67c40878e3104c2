import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzePlan, DEFAULT_MAX_FILE_SIZE_MB, checkSummary, explainPlan, explainSummary, inspectPlan, planStatus, sectionSummaries, statusSummary } from '../../../src/core';
import { nodeFileSystem } from '../../../src/cli/file-system';
import { RootFolder } from '../../../src/cli/mcp/root-folder';
import { toolResult } from '../../../src/cli/mcp/server';
import { callTool } from '../../../src/cli/mcp/tool-calls';
import { REPO_ROOT } from '../core/repo-paths';
import { runCli, TEST_VERSION } from './run-cli';
import { makeTempTree, removeTempTrees } from './temp-tree';

// A pasted credential is flagged by secret-value and never shown again: every output of every command and tool, for a
// credential of each kind planted in each position of a finished plan, must not hold its value (in any letter case).

/** Letters and digits with no vowel, x, t, b or d: a random run never spells `example`, `todo`, `tbd` or `xxx`. */
const ALPHABET = '0123456789ACFGHJKLMNPQRSVWYZcfghjkmnpqrsvwyz';
const UPPER = '0123456789ACFGHJKLMNPQRSVWYZ';

/** A seeded generator (mulberry32): the same credentials every run. */
function random(seed: number): (alphabet: string, length: number) => string {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (alphabet, length) => Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
}

interface Credential {
  /** What is pasted into the plan. */
  written: string;
  /** What must never be shown: the secret part of it (each body line of a private key). */
  values: string[];
}

type Kind =
  | 'stripe-key'
  | 'github-token'
  | 'aws-key'
  | 'assigned'
  | 'bearer'
  | 'url-password'
  | 'braced-assigned'
  | 'bold-key'
  | 'underscore-bold-token'
  | 'bold-assigned'
  | 'escaped-key'
  | 'private-key';

const KINDS: Record<Kind, (r: ReturnType<typeof random>) => Credential> = {
  'stripe-key': (r) => same(`sk_live_${r(ALPHABET, 24)}`),
  'github-token': (r) => same(`ghp_${r(ALPHABET, 36)}`),
  'aws-key': (r) => same(`AKIA${r(UPPER, 16)}`),
  assigned: (r) => secret(r(ALPHABET, 28), (value) => `API_TOKEN=${value}`),
  bearer: (r) => secret(r(ALPHABET, 32), (value) => `Bearer ${value}`),
  'url-password': (r) => secret(r(ALPHABET, 20), (value) => `https://deploy:${value}@api.stripe.com/v1`),
  'braced-assigned': (r) => secret(r(ALPHABET, 28), (value) => `{API_TOKEN=${value}}`),
  'bold-key': (r) => secret(`sk_live_${r(ALPHABET, 24)}`, (value) => `**${value}**`),
  'underscore-bold-token': (r) => secret(`ghp_${r(ALPHABET, 36)}`, (value) => `__${value}__`),
  'bold-assigned': (r) => secret(r(ALPHABET, 28), (value) => `API_TOKEN: **${value}**`),
  // Markdown escapes the underscores; what a reader sees, and what must not show, is the key itself.
  'escaped-key': (r) => secret(r(ALPHABET, 24), (value) => `sk\\_live\\_${value}`),
  'private-key': (r) => {
    const body = [r(ALPHABET, 64), r(ALPHABET, 64), r(ALPHABET, 24)];
    return { written: ['-----BEGIN RSA PRIVATE KEY-----', ...body, '-----END RSA PRIVATE KEY-----'].join('\n'), values: body };
  },
};

function same(value: string): Credential {
  return { written: value, values: [value] };
}

function secret(value: string, write: (value: string) => string): Credential {
  return { written: write(value), values: [value] };
}

/** Kinds written over several lines: only positions that take a block of lines get them. */
const BLOCKS = new Set<Kind>(['private-key']);

const BASE = readFileSync(path.join(REPO_ROOT, 'examples', 'stripe-billing-rollout-plan.md'), 'utf8');

/** Replaces one line of the finished plan (found by its start), or adds lines after it. */
function edit(plan: string, lineStart: string, replace: (line: string) => string): string {
  const lines = plan.split('\n');
  const i = lines.findIndex((line) => line.startsWith(lineStart));
  if (i < 0) throw new Error(`no line starts with ${lineStart}`);
  lines[i] = replace(lines[i]);
  return lines.join('\n');
}

interface Position {
  plant(plan: string, credential: string): string;
  /** Kinds that make no sense there (a bearer token has a space: it is not a URL). */
  not?: Kind[];
  /** Takes a block of lines (a private key). */
  block?: boolean;
}

/** Where a credential is pasted: each position puts it where some output quotes that part of the plan. */
const POSITIONS: Record<string, Position> = {
  prose: { plant: (p, c) => edit(p, '## B) Source Model', (l) => `We tried the sandbox with ${c} last week.\n\n${l}`), block: true },
  'code span': { plant: (p, c) => edit(p, '- Authentication model:', (l) => `${l} (for now \`${c}\`)`) },
  'code block': {
    plant: (p, c) => edit(p, '- First smoke-test sequence:', (l) => `- Local run:\n\n  \`\`\`sh\n  curl -H "${c.replaceAll('\n', '\n  ')}" localhost\n  \`\`\`\n\n${l}`),
    block: true,
  },
  'table cell': { plant: (p, c) => edit(p, '| Plan catalogue |', () => `| Plan catalogue | \`stripe_product\` | product ${c} | \`plans\` | N:1 | app |`) },
  'cardinality cell': { plant: (p, c) => edit(p, '| Plan catalogue |', () => `| Plan catalogue | \`stripe_product\` | product \`id\` | \`plans\` | ${c} | app |`) },
  'choice field': { plant: (p, c) => edit(p, '- Data pull mode:', () => `- Data pull mode: ${c}`) },
  'section heading': { plant: (p, c) => edit(p, '## J) Open Questions', (l) => `## Notes on ${c}\n\n- nothing yet\n\n${l}`) },
  'phase heading': { plant: (p, c) => edit(p, '## F) Agent-Team Plan', (l) => `### Phase 5: ${c}\n- Scope:\n\n${l}`) },
  'wave heading': { plant: (p, c) => edit(p, '## G) Risks', (l) => `### Wave ${c}\n- Agent:\n\n${l}`) },
  title: { plant: (p, c) => edit(p, '# Stripe Billing', () => `# ${c} Connector Rollout Plan`) },
  label: { plant: (p, c) => edit(p, '- Plan/tier constraints:', () => `- Plan/tier constraints ${c}:`) },
  'link text': { plant: (p, c) => edit(p, '- Link 3:', (l) => `${l}\n- Link 4: ${c}`) },
  'link URL': {
    plant: (p, c) => edit(p, '- Link 3:', (l) => `${l}\n- Link 4: [the key page](${c.startsWith('https://') ? c : `https://dashboard.stripe.com/keys?${c}`})`),
    not: ['bearer'],
  },
  'go/no-go item': { plant: (p, c) => edit(p, '- [x] Logs/alerts', (l) => `${l}\n- [ ] Rotate ${c} before launch`) },
  placeholder: { plant: (p, c) => edit(p, '- Plan/tier constraints:', () => `- Plan/tier constraints: {${c}}`) },
  risk: { plant: (p, c) => edit(p, '## H) Manual Setup', (l) => `- Risk 4: ${c} may leak from the logs.\n\n${l}`) },
  'front matter': { plant: (p, c) => `---\nowner: billing\nnote: ${c}\n---\n${p}`, block: true },
  'HTML comment': { plant: (p, c) => edit(p, '## D) Mapping Rules', (l) => `<!-- for later: ${c} -->\n${l}`), block: true },
};

/**
 * Positions where the detector does not see a kind as a credential, so there is nothing to hide (none today: the
 * value of `{API_TOKEN=…}` in braces used to read as a placeholder). Listed so the day the detector sees them, they join the matrix.
 */
const UNSEEN = new Set<string>([]);

/** The file a position and kind are planted in. */
function fileOf(position: string, kind: Kind): string {
  return `plans/${position.replace(/\W+/g, '-')}-${kind}-rollout-plan.md`;
}

interface Case {
  name: string;
  file: string;
  values: string[];
}

function plantAll(): { tree: Record<string, string>; cases: Case[] } {
  const r = random(17);
  const tree: Record<string, string> = {};
  const cases: Case[] = [];
  for (const [position, { plant, not, block }] of Object.entries(POSITIONS)) {
    for (const [kind, make] of Object.entries(KINDS) as [Kind, (typeof KINDS)[Kind]][]) {
      if (not?.includes(kind) || (BLOCKS.has(kind) && !block)) continue;
      const name = `${position} × ${kind}`;
      const credential = make(r);
      const file = fileOf(position, kind);
      tree[file] = plant(BASE, credential.written);
      if (!UNSEEN.has(name)) cases.push({ name, file, values: credential.values });
    }
  }
  return { tree, cases };
}

describe('credentials are never echoed (every output, every position)', function () {
  this.timeout(120000);
  const { tree, cases } = plantAll();
  /** The rule on (a finding names the kind) and off (nothing flags it, and still nothing shows it). */
  const roots: Record<string, string> = {};
  /** Output name -> its text. */
  const outputs = new Map<string, string>();
  let checkJson = '';

  before(async () => {
    roots['secret-value on'] = makeTempTree(tree);
    roots['secret-value off'] = makeTempTree({ ...tree, '.connector-plan.json': JSON.stringify({ rules: { 'secret-value': 'off' } }) });
    for (const [variant, root] of Object.entries(roots)) {
      const cli = async (name: string, argv: string[]) => {
        const run = await runCli(argv, { cwd: root });
        outputs.set(`${variant}: ${name}`, run.stdout + run.stderr);
        return run.stdout;
      };
      for (const format of ['text', 'json', 'sarif', 'github']) {
        const stdout = await cli(`check --format ${format}`, ['check', 'plans', '--format', format]);
        if (variant === 'secret-value on' && format === 'json') checkJson = stdout;
      }
      for (const format of ['text', 'json', 'markdown']) await cli(`status --format ${format}`, ['status', 'plans', '--format', format]);
      const server = await RootFolder.open(root, nodeFileSystem);
      if ('problem' in server) throw new Error(server.problem);
      const context = { cwd: root, stdout: { write: () => true }, stderr: { write: () => true }, fs: nodeFileSystem, tool: { version: TEST_VERSION }, env: {}, maxFileSize: DEFAULT_MAX_FILE_SIZE_MB };
      const mcp = async (name: string, tool: string, input: Record<string, unknown>) => outputs.set(`${variant}: ${name}`, JSON.stringify(toolResult(await callTool(tool, input, server, context))));
      await mcp('MCP list_plans', 'list_plans', {});
      for (const file of Object.keys(tree)) {
        for (const format of ['text', 'json']) await cli(`explain --format ${format} ${file}`, ['explain', file, '--format', format]);
        await mcp(`MCP check_plan ${file}`, 'check_plan', { path: file });
        await mcp(`MCP explain_plan ${file}`, 'explain_plan', { path: file });
      }
    }
    for (const [file, text] of Object.entries(tree)) {
      const { report, plan } = inspectPlan(text);
      outputs.set(`core: report ${file}`, JSON.stringify(report, (key, value: unknown) => (key === 'newText' ? undefined : value)));
      outputs.set(`core: checkSummary ${file}`, checkSummary(file, analyzePlan(text)));
      outputs.set(`core: statusSummary ${file}`, statusSummary([planStatus(file, report)!], 'plans'));
      outputs.set(`core: explainSummary ${file}`, explainSummary(file, explainPlan(text)));
      outputs.set(`core: sectionSummaries ${file}`, JSON.stringify(sectionSummaries(plan, report)));
    }
  });
  after(removeTempTrees);

  it('plants each credential once, in a plan with no other, where the secret-value rule flags it once', () => {
    assert.deepEqual(analyzePlan(BASE).findings, []);
    const flagged = JSON.parse(checkJson) as { files: { path: string; findings: { ruleId: string }[] }[] };
    const secretsIn = (file: string) => flagged.files.find((f) => f.path === file)?.findings.filter((f) => f.ruleId === 'secret-value').length ?? 0;
    const unflagged = cases.filter((c) => c.values.some((value) => tree[c.file].split(value).length !== 2) || secretsIn(c.file) !== 1).map((c) => `${c.name}: ${secretsIn(c.file)}`);
    assert.deepEqual(unflagged, []);
    const seen = [...UNSEEN].filter((name) => {
      const [position, kind] = name.split(' × ');
      return secretsIn(fileOf(position, kind as Kind)) > 0;
    });
    assert.deepEqual(seen, [], 'the detector sees these now: take them out of UNSEEN');
  });

  it(`shows no credential's value in any output`, () => {
    assert.ok(outputs.size > 1000, `${outputs.size} outputs`);
    const leaks = new Map<string, string[]>();
    for (const [output, text] of outputs) {
      // A markdown table escapes `_` as `\_`: the value is still there for a reader.
      const lower = text.replaceAll('\\', '').toLowerCase();
      for (const c of cases) {
        if (c.values.some((value) => lower.includes(value.toLowerCase()))) leaks.set(c.name, [...(leaks.get(c.name) ?? []), output.replace(` ${c.file}`, '')]);
      }
    }
    assert.deepEqual([...leaks].map(([name, where]) => `${name}: ${where.join(', ')}`), []);
  });
});
