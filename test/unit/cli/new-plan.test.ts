import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { planFileName, scaffoldPlan } from '../../../src/core';
import { runCli } from './run-cli';
import { makeTempTree, removeTempTrees } from './temp-tree';

describe('new', () => {
  let cwd: string;
  beforeEach(() => (cwd = makeTempTree()));
  afterEach(removeTempTrees);

  it('creates docs/connectors/<name>-rollout-plan.md from the template and prints its path', async () => {
    const relative = `docs/connectors/${planFileName('HubSpot CRM')}`;
    assert.deepEqual(await runCli(['new', 'HubSpot CRM'], { cwd }), { code: 0, stdout: `${relative}\n`, stderr: '' });
    assert.equal(readFileSync(path.join(cwd, relative), 'utf8'), scaffoldPlan('HubSpot CRM'));
  });

  it('creates the plan in --dir, making the folders it needs', async () => {
    const run = await runCli(['new', '  Stripe  ', '--dir', 'plans/2025'], { cwd });
    assert.equal(run.code, 0);
    assert.equal(run.stdout, `plans/2025/${planFileName('Stripe')}\n`);
    assert.equal(readFileSync(path.join(cwd, 'plans/2025', planFileName('Stripe')), 'utf8'), scaffoldPlan('Stripe'));
  });

  it('refuses to overwrite an existing plan without --force', async () => {
    const file = path.join(cwd, 'docs/connectors', planFileName('Stripe'));
    await runCli(['new', 'Stripe'], { cwd });
    writeFileSync(file, 'my edits');
    const run = await runCli(['new', 'Stripe'], { cwd });
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `connector-plan: docs/connectors/${planFileName('Stripe')} already exists; use --force to overwrite it\n`);
    assert.equal(readFileSync(file, 'utf8'), 'my edits');
  });

  it('overwrites with --force', async () => {
    const file = path.join(cwd, 'docs/connectors', planFileName('Stripe'));
    await runCli(['new', 'Stripe'], { cwd });
    writeFileSync(file, 'my edits');
    assert.equal((await runCli(['new', 'Stripe', '--force'], { cwd })).code, 0);
    assert.equal(readFileSync(file, 'utf8'), scaffoldPlan('Stripe'));
  });

  it('exits 2 when --dir is a file', async () => {
    writeFileSync(path.join(cwd, 'taken'), 'x');
    const run = await runCli(['new', 'Stripe', '--dir', 'taken'], { cwd });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^connector-plan: cannot create the folder taken: .*\(EEXIST\)\n$/);
  });

  const badNames: [string[], string][] = [
    [['new', ''], 'bad connector name: Type the connector name, for example "HubSpot CRM".'],
    [['new', '   '], 'bad connector name: Type the connector name, for example "HubSpot CRM".'],
    [['new', 'acme/crm'], 'bad connector name "acme/crm": Leave out / and \\: the connector name becomes the file name. Use --dir to choose the folder.'],
    [['new', 'acme\\crm'], 'bad connector name "acme\\crm": Leave out / and \\: the connector name becomes the file name. Use --dir to choose the folder.'],
    // The newline is shown escaped: a line of output never starts with what a name holds.
    [['new', 'two\nlines'], 'bad connector name "two\\nlines": Write the connector name on one line, without tabs or control characters.'],
    [['new', 'HubSpot', 'CRM'], 'expected one connector name, got 2 words; quote a name with spaces: connector-plan new "HubSpot CRM"'],
  ];
  for (const [argv, message] of badNames) {
    it(`exits 2 for a bad name: ${JSON.stringify(argv.slice(1))}`, async () => {
      const run = await runCli(argv, { cwd });
      assert.equal(run.code, 2);
      assert.ok(run.stderr.startsWith(`connector-plan: ${message}\nUsage: connector-plan new`), run.stderr);
      assert.equal(existsSync(path.join(cwd, 'docs')), false);
    });
  }
});
