import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { GOOD_PLAN } from '../core/plan-text';
import { buildCliBundle, callTool, startMcpServer, type McpSession } from './mcp-server';
import { makeFifo, makeSparseFile, stopFifoWriters } from './special-files';
import { makeTempTree, removeTempTrees } from './temp-tree';

// A FIFO fed by a writer (see makeFifo) gives a reader a plan: a server that opened it would answer with a check.
// FIFOs nobody feeds would hold a reader forever: calls on them carry a timeout, so the test ends either way.
describe('connector-plan mcp and files that are not regular files', function () {
  this.timeout(30000);
  let bundle: ReturnType<typeof buildCliBundle>;
  let root: string;
  let session: McpSession;

  before(async function () {
    if (process.platform === 'win32') this.skip();
    bundle = buildCliBundle();
    root = makeTempTree({ 'docs/acme-rollout-plan.md': GOOD_PLAN });
    makeFifo(path.join(root, 'docs/fed-rollout-plan.md'), GOOD_PLAN);
    for (const n of [1, 2, 3, 4]) makeFifo(path.join(root, `docs/silent-${n}-rollout-plan.md`));
    makeSparseFile(path.join(root, 'docs/huge-rollout-plan.md'), 11 * 1024 * 1024);
    session = await startMcpServer(bundle.bin, root);
  });
  after(async () => {
    await session?.close();
    stopFifoWriters();
    removeTempTrees();
    bundle?.remove();
  });

  it('check_plan and explain_plan refuse a FIFO unopened, as a tool error naming it', async () => {
    for (const tool of ['check_plan', 'explain_plan']) {
      const result = await callTool(session, tool, { path: 'docs/fed-rollout-plan.md' }, 5000);
      assert.deepEqual(result.texts, ['cannot check docs/fed-rollout-plan.md: a named pipe (FIFO), not a regular file'], tool);
      assert.equal(result.isError, true);
    }
  });

  it('four calls on FIFOs nobody writes leave the server answering the next call at once', async () => {
    const refused = await Promise.all([1, 2, 3, 4].map((n) => callTool(session, 'check_plan', { path: `docs/silent-${n}-rollout-plan.md` }, 5000)));
    assert.deepEqual(refused.map((r) => r.isError), [true, true, true, true]);
    const ordinary = await callTool(session, 'check_plan', { path: 'docs/acme-rollout-plan.md' }, 5000);
    assert.equal(ordinary.isError, false, ordinary.texts[0]);
    const listed = await callTool(session, 'list_plans', { folder: 'docs' }, 5000);
    assert.deepEqual((listed.structured as { plans: { path: string }[] }).plans.map((p) => p.path), ['docs/acme-rollout-plan.md'], 'FIFOs are not listed, nor read');
  });

  it('check_plan refuses a file over the size limit, naming its size and the flag', async () => {
    const result = await callTool(session, 'check_plan', { path: 'docs/huge-rollout-plan.md' }, 5000);
    assert.deepEqual([result.isError, result.texts], [true, ['cannot check docs/huge-rollout-plan.md: 11 MB, over the 10 MB limit; raise it with --max-file-size']]);
  });
});
