import * as assert from 'node:assert/strict';
import { formatStatusJson } from '../../../src/cli/formatters/status-json';
import { formatStatusText } from '../../../src/cli/formatters/status-text';
import { formatStatusMarkdown } from '../../../src/cli/formatters/status-markdown';
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
        'untitled           8%       0/5  NO-GO    docs/untitled.md',
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
        { path: 'docs/untitled.md', name: 'untitled', percent: 7.6, goNoGo: { checked: 0, total: 5, verdict: 'NO-GO' } },
      ],
    });
  });
});

describe('status --format markdown (a GitHub job summary)', () => {
  it('is a one-line heading with the counts, then a table: linked file, progress, go/no-go and verdict', () => {
    const files = [
      plan('docs/connectors/hubspot-crm-rollout-plan.md', [], progress(100, 5, 5), 'HubSpot CRM'),
      notAPlan('README.md'),
      plan('docs/untitled.md', [], progress(7.6, 0, 5)),
      plan('docs/zendesk plan (v2).md', [], progress(84, 2, 5), 'Zendesk'),
    ];
    assert.equal(
      formatStatusMarkdown(files),
      [
        '### Connector plans: 3 plans · 1 GO · 2 NO-GO',
        '',
        '| Plan | Progress | Go/No-Go | Verdict | File |',
        '| --- | ---: | ---: | --- | --- |',
        '| HubSpot CRM | 100% | 5/5 | GO | [docs/connectors/hubspot-crm-rollout-plan.md](docs/connectors/hubspot-crm-rollout-plan.md) |',
        '| untitled | 8% | 0/5 | **NO-GO** | [docs/untitled.md](docs/untitled.md) |',
        '| Zendesk | 84% | 2/5 | **NO-GO** | [docs/zendesk plan \\(v2\\).md](docs/zendesk%20plan%20%28v2%29.md) |',
        '',
      ].join('\n'),
    );
  });

  it('escapes | and markdown in names and paths, and links where it is told to', () => {
    const files = [plan('docs/a|b_c.md', [], progress(50, 1, 1), 'Foo | *Bar* [x](y) <b> `c` $x$ \\ ~z~')];
    const table = formatStatusMarkdown(files, { link: (path) => `https://example.test/blob/abc/${path.replace('|', '%7C')}` });
    assert.equal(
      table.split('\n')[4],
      '| Foo \\| \\*Bar\\* \\[x\\]\\(y\\) \\<b\\> \\`c\\` \\$x\\$ \\\\ \\~z\\~ | 50% | 1/1 | GO | [docs/a\\|b\\_c.md](https://example.test/blob/abc/docs/a%7Cb_c.md) |',
    );
    assert.equal(table.split('\n')[0], '### Connector plans: 1 plan · 1 GO · 0 NO-GO');
  });

  it('says so in a line, not an empty table, when there is no plan', () => {
    assert.equal(formatStatusMarkdown([notAPlan('README.md'), notAPlan('notes.md')]), '### Connector plans: none found\n\nNo connector plans found (2 markdown files looked at).\n');
    assert.equal(formatStatusMarkdown([]), '### Connector plans: none found\n\nNo connector plans found (0 markdown files looked at).\n');
  });
});
