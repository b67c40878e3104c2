import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { REPO_ROOT } from '../core/repo-paths';
import { callTool, mcpSuiteSession } from './mcp-server';
import { runCli } from './run-cli';
import { fixtureTree, makeTempRepository } from './temp-tree';

// The MCP server (the built bin, with the SDK's client) compares a plan with its repository as `check` and `explain`
// do (issue 19): the same reference findings, env-var-unlisted turned on by the repository's .connector-plan.json.

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/repos/references-delivered');
const PLANS = ['docs/connectors/hubspot-rollout-plan.md', 'docs/connectors/pipedrive-rollout-plan.md', 'docs/connectors/zendesk-rollout-plan.md'];
const REPOSITORY_RULES = new Set(['reference-not-found', 'env-var-unknown', 'env-var-unlisted']);

describe('connector-plan mcp and the plan\'s repository (issue 19)', function () {
  this.timeout(60000);
  const server = mcpSuiteSession(() => makeTempRepository(fixtureTree(FIXTURE)));

  it('check_plan returns the reference findings check --format json gives, file by file', async () => {
    let compared = 0;
    for (const file of PLANS) {
      const result = await callTool(server.session, 'check_plan', { path: file });
      assert.equal(result.isError, false, result.texts[0]);
      const cli = JSON.parse((await runCli(['check', '--format', 'json', file], { cwd: server.root })).stdout) as { files: { findings: { ruleId: string }[] }[] };
      assert.deepEqual(JSON.parse(result.texts[1]), cli.files[0], file);
      compared += cli.files[0].findings.filter((f) => REPOSITORY_RULES.has(f.ruleId)).length;
    }
    assert.equal(compared, 8, 'the fixture\'s seven HubSpot findings and one Pipedrive finding were compared');
    const hubspot = await callTool(server.session, 'check_plan', { path: PLANS[0] });
    assert.match(hubspot.texts[0], /\n- line 38: warning reference-not-found: \.\.\/\.\.\/src\/lib\/hubspot\/webhook\.ts does not exist in the repository; did you mean \.\.\/\.\.\/src\/lib\/hubspot\/webhooks\.ts\?/);
    assert.match(hubspot.texts[0], /\n- line 79: info env-var-unlisted: Env var HUBSPOT_PORTAL_ID is read by src\/lib\/hubspot\/client\.ts/);
  });

  it('explain_plan lists the references explain --format json lists', async () => {
    const result = await callTool(server.session, 'explain_plan', { path: PLANS[0] });
    assert.equal(result.isError, false, result.texts[0]);
    const cli = JSON.parse((await runCli(['explain', '--format', 'json', PLANS[0]], { cwd: server.root })).stdout) as { references: unknown[] };
    const got = JSON.parse(result.texts[1]) as { references: unknown[] };
    assert.deepEqual(got.references, cli.references);
    assert.equal(got.references.length, 12);
  });
});
