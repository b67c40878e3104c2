import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { AGENT_TOOLS, DEFAULT_TEMPLATE_TEXT, toolInputSchema } from '../../../src/core';
import { GOOD_PLAN } from '../core/plan-text';
import { REPO_ROOT } from '../core/repo-paths';
import { buildCliBundle, callTool, mcpSuiteSession, startMcpServer } from './mcp-server';
import { runCli } from './run-cli';
import { makeTempTree, removeTempTrees } from './temp-tree';

const example = (name: string) => readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8');
const teamFixture = (name: string) => readFileSync(path.join(REPO_ROOT, 'test/fixtures/team-templates/feature-rollout', name), 'utf8');
const NOT_A_PLAN = '# Team notes\n\n## Goals\n- ship\n';
const PACKAGE_VERSION = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const MCP_SPECS = AGENT_TOOLS.filter((tool) => tool.mcpName);

/** A root with a config (a rule raised, a team template for features/), connector plans, a feature plan and a non-plan. */
const ROOT_TREE = {
  '.connector-plan.json': JSON.stringify({ rules: { 'empty-field': 'error' }, templates: [{ files: 'features/**/*.md', template: 'templates/feature.md' }] }),
  'templates/feature.md': teamFixture('template.md'),
  'features/dark-mode.md': teamFixture('draft-one-gap-per-line-dark-mode.md'),
  'docs/connectors/hubspot-rollout-plan.md': example('hubspot-rollout-plan.md'),
  'docs/connectors/stripe-billing-rollout-plan.md': example('stripe-billing-rollout-plan.md'),
  'docs/notes.md': NOT_A_PLAN,
  'assets/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
  // A review loop whose final plan still has an open P1.
  'reviews/zeta/01-a-plan.md': GOOD_PLAN,
  'reviews/zeta/02-b-review.md': '# Review\n\n### P1-1 — Archived issues are never synced\n### P2-1 — No test for merged users\n',
  'reviews/zeta/03-a-revision.md': '# Revision\n\n| Finding | Status |\n|---|---|\n| P2-1 | Fixed |\n| P2-9 | Fixed |\n',
  'reviews/zeta/FINAL-PLAN.md': GOOD_PLAN,
};

describe('connector-plan mcp (the built bin as a stdio MCP server, with the SDK client)', function () {
  this.timeout(30000);
  let outside: string;
  const server = mcpSuiteSession(() => {
    outside = makeTempTree({ 'elsewhere-rollout-plan.md': example('hubspot-rollout-plan.md'), 'plans/other-rollout-plan.md': example('zendesk-rollout-plan.md') });
    return makeTempTree(ROOT_TREE);
  });

  const cliJson = async (argv: string[]) => JSON.parse((await runCli([...argv, '--format', 'json'], { cwd: server.root })).stdout) as Record<string, unknown>;

  it('introduces itself as connector-plan with the package version', () => {
    assert.deepEqual(server.session.client.getServerVersion(), { name: 'connector-plan', version: PACKAGE_VERSION });
    assert.match(server.session.client.getInstructions() ?? '', /check_plan, fix what it reports, and check_plan again/);
  });

  it('lists the MCP tools of AGENT_TOOLS with their descriptions, input schemas and hints', async () => {
    const { tools } = await server.session.client.listTools();
    assert.deepEqual(tools.map((t) => t.name), ['check_plan', 'list_plans', 'explain_plan', 'review_status', 'new_plan']);
    assert.deepEqual(tools.map((t) => t.name), MCP_SPECS.map((spec) => spec.mcpName));
    for (const [i, spec] of MCP_SPECS.entries()) {
      assert.deepEqual(tools[i].inputSchema, toolInputSchema(spec, 'mcp'), spec.id);
      assert.equal(tools[i].description, spec.modelDescription);
      assert.equal(tools[i].title, spec.displayName);
    }
    assert.deepEqual(tools.map((t) => [t.name, t.annotations?.readOnlyHint, t.annotations?.destructiveHint]), [
      ['check_plan', true, undefined],
      ['list_plans', true, undefined],
      ['explain_plan', true, undefined],
      ['review_status', true, undefined],
      ['new_plan', false, false],
    ]);
  });

  it('check_plan gives a summary and the JSON of check --format json, with the root config and team template', async () => {
    for (const file of ['docs/connectors/hubspot-rollout-plan.md', 'features/dark-mode.md']) {
      const result = await callTool(server.session, 'check_plan', { path: file });
      assert.equal(result.isError, false, result.texts[0]);
      assert.equal(result.texts.length, 2);
      const cli = (await cliJson(['check', file])) as { files: unknown[] };
      assert.deepEqual(JSON.parse(result.texts[1]), cli.files[0], file);
      assert.deepEqual(result.structured, cli.files[0]);
      assert.match(result.texts[0], new RegExp(`^${file}: checked as a connector rollout plan\\.\\nVerdict: NO-GO\\.`));
    }
    const hubspot = JSON.parse((await callTool(server.session, 'check_plan', { path: 'docs/connectors/hubspot-rollout-plan.md' })).texts[1]) as { findings: { ruleId: string; severity: string }[] };
    assert.ok(hubspot.findings.some((f) => f.ruleId === 'empty-field' && f.severity === 'error'), 'the root config raises empty-field to error');
    const feature = await callTool(server.session, 'check_plan', { path: './features/../features/dark-mode.md' });
    assert.match(feature.texts[0], /^features\/dark-mode\.md: checked/);
  });

  it('check_plan takes an absolute path inside the root', async () => {
    const result = await callTool(server.session, 'check_plan', { path: path.join(server.root, 'docs/connectors/stripe-billing-rollout-plan.md') });
    assert.equal(result.isError, false);
    assert.match(result.texts[0], /^docs\/connectors\/stripe-billing-rollout-plan\.md: checked as a connector rollout plan\.\nVerdict: GO\./);
  });

  it('list_plans gives the JSON of status --format json, for the root and for a folder', async () => {
    const all = await callTool(server.session, 'list_plans', {});
    assert.equal(all.isError, false);
    assert.deepEqual(JSON.parse(all.texts[1]), await cliJson(['status']));
    assert.match(all.texts[0], /^4 plans in the server's root folder: 1 GO, 3 NO-GO\.\n- docs\/connectors\/hubspot-rollout-plan\.md \(HubSpot\): \d+%, NO-GO/);
    assert.match(all.texts[0], /\n- reviews\/zeta\/FINAL-PLAN\.md \(Linear\): 100%, NO-GO, go\/no-go 2\/2; review loop reviews\/zeta, stage final, 1 open P1\/P2$/m);
    const docs = await callTool(server.session, 'list_plans', { folder: 'docs/connectors' });
    assert.deepEqual(JSON.parse(docs.texts[1]), await cliJson(['status', 'docs/connectors']));
    assert.match(docs.texts[0], /^2 plans in docs\/connectors: 1 GO, 1 NO-GO\./);
    const none = await callTool(server.session, 'list_plans', { folder: 'templates/..' });
    assert.deepEqual(JSON.parse(none.texts[1]), await cliJson(['status', '.']));
  });

  it('review_status gives the JSON of loop --format json, after a summary of what is still open', async () => {
    const result = await callTool(server.session, 'review_status', { folder: 'reviews/zeta' });
    assert.equal(result.isError, false, result.texts[0]);
    const cli = await cliJson(['loop', 'reviews/zeta']);
    assert.deepEqual(JSON.parse(result.texts[1]), cli);
    assert.deepEqual(result.structured, cli);
    assert.equal(result.texts[0], [
      'reviews/zeta: the review loop of Linear, stage final.',
      'Plan of record: reviews/zeta/FINAL-PLAN.md. Review gate: NO-GO (NO-GO while a P1 or P2 finding is open).',
      'Open findings: P1 1 · P2 0 · P3 0',
      'Still open, to answer by id in the next round:',
      '- P1-1 (P1, open): "Archived issues are never synced", raised at reviews/zeta/02-b-review.md:3',
      'Answers to findings no review raised (check their ids):',
      '- reviews/zeta/03-a-revision.md:6 P2-9',
    ].join('\n'));
    const check = await callTool(server.session, 'check_plan', { path: 'reviews/zeta/FINAL-PLAN.md' });
    assert.deepEqual(JSON.parse(check.texts[1]), ((await cliJson(['check', 'reviews/zeta/FINAL-PLAN.md'])) as { files: unknown[] }).files[0]);
    assert.match(check.texts[0], /\n- line 1: error open-review-finding: Review finding P1-1 \(P1\) is still open/);
  });

  it('review_status refuses a folder that is no loop, a file, a path outside the root and a missing folder, with a clear text', async () => {
    assert.deepEqual((await callTool(server.session, 'review_status', { folder: 'docs' })).texts, ['docs is not a review loop: it needs two or more numbered rounds (01-….md, 02-….md), or a FINAL*PLAN*.md beside one']);
    assert.match((await callTool(server.session, 'review_status', { folder: 'reviews/zeta/FINAL-PLAN.md' })).texts[0], /is a file, not a folder/);
    assert.deepEqual((await callTool(server.session, 'review_status', { folder: '../x' })).texts, [`"../x" is outside the server's root folder: only files inside it can be read or written.`]);
    const missing = await callTool(server.session, 'review_status', {});
    assert.equal(missing.isError, true);
    assert.match(missing.texts[0], /^Missing "folder": The review loop's folder, relative to the server's root folder/);
  });

  it('explain_plan gives the JSON of explain --format json, a non-plan included', async () => {
    for (const file of ['docs/connectors/hubspot-rollout-plan.md', 'features/dark-mode.md', 'docs/notes.md']) {
      const result = await callTool(server.session, 'explain_plan', { path: file });
      assert.equal(result.isError, false);
      assert.deepEqual(JSON.parse(result.texts[1]), await cliJson(['explain', file]), file);
    }
    const notes = await callTool(server.session, 'explain_plan', { path: 'docs/notes.md' });
    assert.match(notes.texts[0], /^docs\/notes\.md is not read as a connector rollout plan: the word "notes" in its title says it is not a plan/);
    const hubspot = await callTool(server.session, 'explain_plan', { path: 'docs/connectors/hubspot-rollout-plan.md' });
    assert.match(hubspot.texts[0], /^docs\/connectors\/hubspot-rollout-plan\.md is read as a plan .*\n- line \d+ "A\) Business Goal": section A\) Business Goal/);
  });

  it('new_plan creates the plan the CLI creates, in docs/connectors by default, and its first check', async () => {
    const result = await callTool(server.session, 'new_plan', { name: 'Acme Billing' });
    assert.equal(result.isError, false, result.texts[0]);
    const file = 'docs/connectors/acme-billing-rollout-plan.md';
    assert.match(result.texts[0], new RegExp(`^Created ${file} from the built-in template\\. Write each section, then check it with check_plan\\.\\n${file}: checked as a connector rollout plan\\.\\nVerdict: NO-GO\\. Progress: 0%`));
    const cliRoot = makeTempTree();
    assert.equal((await runCli(['new', 'Acme Billing'], { cwd: cliRoot })).code, 0);
    assert.equal(readFileSync(path.join(server.root, file), 'utf8'), readFileSync(path.join(cliRoot, file), 'utf8'));
    const document = JSON.parse(result.texts[1]) as { created: string };
    assert.equal(document.created, file);
    assert.deepEqual({ ...document, created: undefined }, { ...((await cliJson(['check', file])) as { files: object[] }).files[0], created: undefined });
  });

  it('new_plan uses the team template the root config gives the new file', async () => {
    const result = await callTool(server.session, 'new_plan', { name: 'Saved Filters', folder: 'features' });
    assert.equal(result.isError, false, result.texts[0]);
    const created = (JSON.parse(result.texts[1]) as { created: string }).created;
    assert.match(result.texts[0], new RegExp(`^Created ${created} from the team template templates/feature\\.md\\.`));
    assert.ok(created.startsWith('features/'));
    const teamRoot = makeTempTree({ 't.md': teamFixture('template.md') });
    assert.equal((await runCli(['new', 'Saved Filters', '--dir', 'features', '--template', 't.md'], { cwd: teamRoot })).code, 0);
    assert.equal(readFileSync(path.join(server.root, created), 'utf8'), readFileSync(path.join(teamRoot, created), 'utf8'));
  });

  it('new_plan never overwrites a file, and writes only inside the root', async () => {
    const file = path.join(server.root, 'docs/connectors/stripe-billing-rollout-plan.md');
    const before = readFileSync(file, 'utf8');
    const existing = await callTool(server.session, 'new_plan', { name: 'Stripe Billing' });
    assert.deepEqual(existing, { isError: true, structured: undefined, texts: ['docs/connectors/stripe-billing-rollout-plan.md already exists, and new_plan never overwrites a file: check or edit that plan, or give another name or folder.'] });
    assert.equal(readFileSync(file, 'utf8'), before);
    const up = await callTool(server.session, 'new_plan', { name: 'Escape', folder: '../escaped' });
    assert.deepEqual(up.texts, [`"../escaped" is outside the server's root folder: only files inside it can be read or written.`]);
    assert.equal(up.isError, true);
    const absolute = await callTool(server.session, 'new_plan', { name: 'Escape', folder: outside });
    assert.deepEqual(absolute.texts, [`"${outside}" is outside the server's root folder: give a path relative to it.`]);
    assert.ok(!existsSync(path.join(server.root, '../escaped')) && !existsSync(path.join(outside, 'escape-rollout-plan.md')));
    const badName = await callTool(server.session, 'new_plan', { name: 'a/b' });
    assert.equal(badName.isError, true);
    assert.match(badName.texts[0], /^Bad connector name "a\/b": .* Give the folder as "folder"\.$/);
    const onFile = await callTool(server.session, 'new_plan', { name: 'X', folder: 'docs/notes.md' });
    assert.deepEqual(onFile.texts, ['"docs/notes.md" is a file, not a folder: give the folder to create the plan in.']);
  });

  it('refuses bad paths with a message, as one text part with isError', async () => {
    const refusals: [Record<string, unknown>, string][] = [
      [{ path: 'docs/connectors/missing-rollout-plan.md' }, `"docs/connectors/missing-rollout-plan.md" does not exist in the server's root folder: give a path relative to it (list_plans lists the plans).`],
      [{ path: 'docs' }, `"docs" is a folder, not a plan's markdown file: give the file's path (list_plans lists the plans in a folder).`],
      [{ path: '../elsewhere-rollout-plan.md' }, `"../elsewhere-rollout-plan.md" is outside the server's root folder: only files inside it can be read or written.`],
      [{ path: 'docs/../../x.md' }, `"docs/../../x.md" is outside the server's root folder: only files inside it can be read or written.`],
      [{ path: path.join(outside, 'elsewhere-rollout-plan.md') }, `"${path.join(outside, 'elsewhere-rollout-plan.md')}" is outside the server's root folder: give a path relative to it.`],
      [{ path: 'assets/logo.png' }, 'cannot check assets/logo.png: binary file (it contains NUL bytes); save it as UTF-8 text'],
      [{ path: 'docs/notes.md' }, `docs/notes.md is not a connector rollout plan: it has neither a rollout-plan title nor most of the template's sections, so nothing was checked. Name it in the files globs of .connector-plan.json to check it anyway.`],
      [{ path: 'templates/feature.md' }, 'templates/feature.md is a template named by .connector-plan.json, not a plan: templates are never checked as plans.'],
      [{}, `Missing "path": The plan's markdown file, relative to the server's root folder (for example docs/connectors/stripe-rollout-plan.md).`],
      [{ path: true }, '"path" must be a string, not true.'],
      [{ path: { file: 'a.md' } }, '"path" must be a string, not {"file":"a.md"}.'],
      [{ path: 'docs/notes.md', file: 'x' }, 'Unknown input "file": check_plan takes "path" (string).'],
    ];
    for (const [args, text] of refusals) {
      assert.deepEqual(await callTool(server.session, 'check_plan', args), { isError: true, structured: undefined, texts: [text] }, JSON.stringify(args));
    }
    assert.deepEqual((await callTool(server.session, 'list_plans', { folder: 'docs/notes.md' })).texts, ['"docs/notes.md" is a file, not a folder: give a folder (or check_plan to check that file).']);
    assert.deepEqual((await callTool(server.session, 'list_plans', { folder: '..' })).texts, [`".." is outside the server's root folder: only files inside it can be read or written.`]);
    assert.deepEqual((await callTool(server.session, 'explain_plan', { path: 'nope.md' })).isError, true);
    assert.deepEqual(await callTool(server.session, 'set_go_no_go_item', { item: '1' }), { isError: true, structured: undefined, texts: ['Unknown tool "set_go_no_go_item": this server has check_plan, list_plans, explain_plan, review_status, new_plan.'] });
  });

  it('refuses symbolic links that lead outside the root, and does not list plans through them', async () => {
    const linked = makeTempTree({ 'docs/inside-rollout-plan.md': example('stripe-billing-rollout-plan.md') });
    symlinkSync(path.join(outside, 'elsewhere-rollout-plan.md'), path.join(linked, 'docs/linked-rollout-plan.md'));
    symlinkSync(path.join(outside, 'plans'), path.join(linked, 'elsewhere'));
    symlinkSync(path.join(linked, 'docs/inside-rollout-plan.md'), path.join(linked, 'alias-rollout-plan.md'));
    const linkedSession = await startMcpServer(server.bin, linked);
    try {
      const file = await callTool(linkedSession, 'check_plan', { path: 'docs/linked-rollout-plan.md' });
      assert.deepEqual(file, { isError: true, structured: undefined, texts: [`"docs/linked-rollout-plan.md" leads outside the server's root folder through a symbolic link: only files inside it can be read or written.`] });
      const throughFolder = await callTool(linkedSession, 'check_plan', { path: 'elsewhere/other-rollout-plan.md' });
      assert.deepEqual(throughFolder.texts, [`"elsewhere/other-rollout-plan.md" leads outside the server's root folder through a symbolic link: only files inside it can be read or written.`]);
      assert.equal((await callTool(linkedSession, 'list_plans', { folder: 'elsewhere' })).isError, true);
      assert.equal((await callTool(linkedSession, 'new_plan', { name: 'Escape', folder: 'elsewhere/new' })).isError, true);
      assert.ok(!existsSync(path.join(outside, 'plans/new')));
      const alias = await callTool(linkedSession, 'check_plan', { path: 'alias-rollout-plan.md' });
      assert.equal(alias.isError, false, 'a link that stays inside the root is followed');
      const all = JSON.parse((await callTool(linkedSession, 'list_plans', {})).texts[1]) as { plans: { path: string }[] };
      assert.deepEqual(all.plans.map((p) => p.path), ['alias-rollout-plan.md', 'docs/inside-rollout-plan.md']);
      assert.deepEqual(linkedSession.clientErrors, []);
    } finally {
      await linkedSession.close();
    }
  });

  it('does not read a config above the root', async () => {
    const parent = makeTempTree({ '.connector-plan.json': JSON.stringify({ rules: { 'empty-field': 'off', 'go-no-go-open': 'off' } }), 'inner/docs/hubspot-rollout-plan.md': example('hubspot-rollout-plan.md') });
    const inner = await startMcpServer(server.bin, path.join(parent, 'inner'));
    try {
      const result = JSON.parse((await callTool(inner, 'check_plan', { path: 'docs/hubspot-rollout-plan.md' })).texts[1]) as { findings: { ruleId: string }[] };
      assert.ok(result.findings.some((f) => f.ruleId === 'go-no-go-open'));
    } finally {
      await inner.close();
    }
  });

  it('offers the built-in template and the root config\'s team template as markdown resources', async () => {
    const { resources } = await server.session.client.listResources();
    assert.deepEqual(resources.map((r) => [r.uri, r.mimeType]), [
      ['connector-plan://template', 'text/markdown'],
      ['connector-plan://template/templates/feature.md', 'text/markdown'],
    ]);
    const builtIn = await server.session.client.readResource({ uri: 'connector-plan://template' });
    assert.deepEqual(builtIn.contents, [{ uri: 'connector-plan://template', mimeType: 'text/markdown', text: DEFAULT_TEMPLATE_TEXT }]);
    const team = await server.session.client.readResource({ uri: 'connector-plan://template/templates/feature.md' });
    assert.equal((team.contents[0] as { text: string }).text, teamFixture('template.md'));
    await assert.rejects(server.session.client.readResource({ uri: 'connector-plan://template/docs/notes.md' }), /No resource connector-plan:\/\/template\/docs\/notes\.md/);
  });

  it('never echoes a pasted secret in any result or log line', async () => {
    const key = ['sk', 'live', '51HqLyjWDarjtT1zdp7dcXVoI'].join('_');
    const plan = example('stripe-billing-rollout-plan.md')
      .replace(/^(- \*{0,2}Auth[^\n]*)$/m, `$1 (key ${key})`)
      .replace(/^- \[x\] ([^\n]*)$/m, `- [x] Old key ${key} rotated`)
      .replace(/^## A\)/m, `## Notes on ${key}\n\nSTRIPE_SECRET_KEY=${key}\n\n## A)`);
    assert.equal(plan.split(key).length - 1, 4, 'the key is pasted four times');
    const secretRoot = makeTempTree({ 'docs/leaky-rollout-plan.md': plan });
    const secretSession = await startMcpServer(server.bin, secretRoot);
    try {
      const results = [
        await callTool(secretSession, 'check_plan', { path: 'docs/leaky-rollout-plan.md' }),
        await callTool(secretSession, 'explain_plan', { path: 'docs/leaky-rollout-plan.md' }),
        await callTool(secretSession, 'list_plans', {}),
      ];
      const check = JSON.parse(results[0].texts[1]) as { findings: { ruleId: string }[] };
      assert.ok(check.findings.filter((f) => f.ruleId === 'secret-value').length >= 2, 'the check flags the pasted key');
      const everything = JSON.stringify(results) + secretSession.stderr();
      assert.ok(!everything.includes(key) && !everything.includes(key.slice(8)), 'a result or the log shows the key');
    } finally {
      await secretSession.close();
    }
  });

  it('writes only its one start line on stderr', () => {
    assert.equal(server.session.stderr(), `connector-plan mcp: serving ${server.root} over stdio\n`);
  });
});

describe('connector-plan mcp, started wrong or stopped', function () {
  this.timeout(30000);
  let bundle: ReturnType<typeof buildCliBundle>;
  before(() => (bundle = buildCliBundle()));
  after(() => {
    removeTempTrees();
    bundle?.remove();
  });
  const run = (args: string[], input = '') => spawnSync(process.execPath, [bundle.bin, ...args], { cwd: makeTempTree({ 'a.md': NOT_A_PLAN }), input, encoding: 'utf8' });

  it('exits 2 before serving when the root is missing or not a folder', () => {
    assert.deepEqual(pick(run(['mcp', '--root', 'missing'])), { status: 2, stdout: '', stderr: 'connector-plan: cannot serve missing: no such file or directory (ENOENT)\n' });
    assert.deepEqual(pick(run(['mcp', '--root', 'a.md'])), { status: 2, stdout: '', stderr: 'connector-plan: cannot serve a.md: it is not a folder\n' });
    const extra = pick(run(['mcp', 'docs']));
    assert.equal(extra.status, 2);
    assert.match(extra.stderr, /^connector-plan: mcp takes no paths; use --root docs to serve that folder\nUsage: connector-plan mcp \[--root <folder>\]/);
  });

  it('answers every request it was sent, then exits 0 when its input ends', () => {
    const requests = [
      { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'list_plans', arguments: {} } },
    ];
    const result = run(['mcp'], requests.map((r) => JSON.stringify(r)).join('\n') + '\n');
    assert.equal(result.status, 0, result.stderr);
    const answers = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: number; result: { content?: { text: string }[] } });
    assert.deepEqual(answers.map((a) => a.id), [1, 2]);
    assert.equal(answers[1].result.content?.[0].text, "No connector rollout plans in the server's root folder.");
  });

  it('skips a line that is not JSON-RPC without quoting it, and goes on answering', () => {
    const key = ['sk', 'live', '51HqLyjWDarjtT1zdp7dcXVoI'].join('_');
    const lines = [
      JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } }),
      `STRIPE_KEY=${key} is not a message`,
      JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }),
    ];
    const result = run(['mcp'], `${lines.join('\n')}\n`);
    assert.equal(result.status, 0);
    assert.deepEqual(result.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { id: number }).id), [1, 2]);
    assert.match(result.stderr, /a message could not be handled \(SyntaxError\)/);
    assert.ok(!result.stderr.includes(key.slice(8)), 'the log quotes the line');
  });

  it('in-process, without the process\'s streams, says how to run it', async () => {
    const result = await runCli(['mcp'], { cwd: makeTempTree() });
    assert.deepEqual(result, { code: 2, stdout: '', stderr: 'connector-plan: mcp serves over the standard input and output of a process; run it as connector-plan mcp\n' });
  });
});

function pick({ status, stdout, stderr }: { status: number | null; stdout: string; stderr: string }) {
  return { status, stdout, stderr };
}


describe('README: With AI agents', () => {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## With AI agents\n'), readme.indexOf('\n## ', readme.indexOf('\n## With AI agents\n') + 5));

  it('lists every MCP tool in its table', () => {
    const rows = [...section.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
    assert.deepEqual(rows, MCP_SPECS.map((spec) => spec.mcpName));
  });

  it('registers the server with JSON a client can read, running connector-plan mcp', () => {
    const blocks = [...section.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((m) => JSON.parse(m[1]) as { mcpServers?: Record<string, { args: string[] }>; servers?: Record<string, { args: string[]; type: string }> });
    assert.deepEqual(blocks.map((b) => Object.keys(b)), [['mcpServers'], ['servers']]);
    assert.deepEqual(blocks[0].mcpServers!['connector-plan'].args, ['connector-plan', 'mcp', '--root', '.']);
    assert.deepEqual(blocks[1].servers!['connector-plan'].args.slice(0, 2), ['connector-plan', 'mcp']);
    assert.equal(blocks[1].servers!['connector-plan'].type, 'stdio');
  });
});
