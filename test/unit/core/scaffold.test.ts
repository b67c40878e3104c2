import assert from 'node:assert/strict';
import { analyzePlan, connectorNameProblem, connectorSlug, planFileName, scaffoldPlan } from '../../../src/core';
import { getDefaultSchema } from '../../../src/core/template/schema';

describe('scaffold', () => {
  it('names the file after the connector', () => {
    assert.equal(planFileName('HubSpot CRM'), 'hubspot-crm-rollout-plan.md');
    assert.equal(connectorSlug('  Zoho Desk (EU) '), 'zoho-desk-eu');
    assert.equal(connectorSlug('Café Über'), 'cafe-uber');
    assert.equal(connectorSlug('???'), '');
    assert.equal(planFileName('日本語'), '日本語-rollout-plan.md');
    assert.equal(connectorSlug('Ελληνικά CRM'), 'ελληνικά-crm');
    assert.equal(connectorSlug('ガイド 2'), 'ガイド-2');
    assert.equal(connectorSlug('हिन्दी'), 'हिन्दी');
  });

  it('says what is wrong with a name that cannot name a file', () => {
    assert.equal(connectorNameProblem('HubSpot CRM'), undefined);
    assert.match(connectorNameProblem('  ')!, /Type the connector name/);
    assert.match(connectorNameProblem('Acme/EU')!, /Leave out \/ and \\/);
    assert.match(connectorNameProblem('Acme\\EU')!, /Leave out/);
    assert.match(connectorNameProblem('Acme\nEU')!, /one line/);
    for (const name of ['...', '-', '—', '!!!']) assert.match(connectorNameProblem(name)!, /needs a letter or a digit/, name);
    assert.equal(connectorNameProblem('日本語'), undefined);
    assert.equal(connectorNameProblem('a'.repeat(184)), undefined);
    assert.match(connectorNameProblem('a'.repeat(185))!, /would be 201 bytes long; .* within 200/);
    assert.match(connectorNameProblem('語'.repeat(62))!, /would be 202 bytes/);
  });

  it('fills the name into the template and nothing else', () => {
    const text = scaffoldPlan('HubSpot');
    assert.equal(text.split('\n')[0], '# HubSpot Connector Rollout Plan');
    assert.equal(text.replace('HubSpot', '{ConnectorName}'), getDefaultSchema().text);
    const report = analyzePlan(text);
    assert.equal(report.connectorName, 'HubSpot');
    assert.equal(report.findings.filter((f) => f.ruleId === 'missing-section').length, 0);
  });
});

describe('template schema', () => {
  it('is read from the template file: sections, roles, fields, choices, columns and checklist', () => {
    const schema = getDefaultSchema();
    assert.deepEqual(schema.sections.map((s) => `${s.id}:${s.role}`), ['A:fields', 'B:fields', 'C:links', 'D:mapping', 'E:work', 'F:work', 'G:risks', 'H:fields', 'I:checklist', 'J:fields']);
    const b = schema.sections[1];
    assert.deepEqual(b.fields.find((f) => f.key === 'data-pull-mode')!.choices, ['incremental', 'snapshot', 'hybrid']);
    const d = schema.sections[3];
    assert.deepEqual(d.columns.map((c) => c.choices ?? null), [null, null, null, null, ['1:1', '1:N'], ['DB', 'app']]);
    assert.deepEqual(schema.sections[4].subsectionFields.map((f) => f.label), ['Scope', 'Deliverables', 'Validation tests']);
    assert.deepEqual(schema.sections[5].subsectionFields.map((f) => f.label), ['Agent', 'Tasks', 'Blocks/unblocks']);
    assert.equal(schema.sections[8].checklist.length, 5);
  });
});
