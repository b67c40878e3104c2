import * as assert from 'node:assert/strict';
import { formatStatusJson } from '../../../src/cli/formatters/status-json';
import { formatStatusText } from '../../../src/cli/formatters/status-text';
import { notAPlan, plan, progress } from './sample-reports';

describe('status formats', () => {
  const files = [
    plan('docs/connectors/hubspot-crm-rollout-plan.md', [], progress(100, 5, 5), 'HubSpot CRM'),
    notAPlan('README.md'),
    plan('docs/untitled.md', [], progress(7.6, 0, 5)),
  ];

  it('prints one aligned row per plan, named by connector or file name', () => {
    assert.equal(
      formatStatusText(files),
      [
        'Plan         Progress  Go/No-Go  Verdict  File',
        'HubSpot CRM      100%       5/5  GO       docs/connectors/hubspot-crm-rollout-plan.md',
        'untitled.md        8%       0/5  NO-GO    docs/untitled.md',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is no plan', () => {
    assert.equal(formatStatusText([notAPlan('README.md')]), 'No connector plans found (1 markdown file looked at).\n');
  });

  it('gives plans with path, name, percent and go/no-go in JSON', () => {
    assert.deepEqual(JSON.parse(formatStatusJson(files)), {
      plans: [
        { path: 'docs/connectors/hubspot-crm-rollout-plan.md', name: 'HubSpot CRM', percent: 100, goNoGo: { checked: 5, total: 5, verdict: 'GO' } },
        { path: 'docs/untitled.md', name: 'untitled.md', percent: 7.6, goNoGo: { checked: 0, total: 5, verdict: 'NO-GO' } },
      ],
    });
  });
});
