import * as assert from 'node:assert/strict';
import type { RuleMeta } from '../../../src/core';
import { formatSarif } from '../../../src/cli/formatters/sarif';
import { finding, notAPlan, plan } from './sample-reports';

describe('sarif format', () => {
  const rules: RuleMeta[] = [
    { id: 'empty-field', description: 'Fields must be filled in', defaultSeverity: 'error' },
    { id: 'placeholder-left', description: 'Template placeholders must be replaced', defaultSeverity: 'warning' },
    { id: 'open-question', description: 'Open questions are listed', defaultSeverity: 'info' },
  ];
  const files = [
    plan('docs/my plan #1.md', [
      finding('placeholder-left', 'warning', [10, 12, 10, 30], 'Replace {source_a}'),
      finding('open-question', 'info', [2, 0, 3, 0]),
    ]),
    notAPlan('README.md'),
  ];
  const log = JSON.parse(formatSarif(files, { rules, tool: { version: '1.2.3', informationUri: 'https://example.test/cp' } }));

  it('is one SARIF 2.1.0 run of connector-plan', () => {
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0\.json$/);
    assert.equal(log.runs.length, 1);
    assert.deepEqual(Object.keys(log.runs[0].tool.driver), ['name', 'version', 'informationUri', 'rules']);
    assert.equal(log.runs[0].tool.driver.name, 'connector-plan');
    assert.equal(log.runs[0].tool.driver.version, '1.2.3');
    assert.equal(log.runs[0].tool.driver.informationUri, 'https://example.test/cp');
  });

  it('describes every rule, with its default level (info -> note)', () => {
    assert.deepEqual(log.runs[0].tool.driver.rules, [
      { id: 'empty-field', shortDescription: { text: 'Fields must be filled in' }, fullDescription: { text: 'Fields must be filled in' }, help: { text: 'Fields must be filled in' }, defaultConfiguration: { level: 'error' } },
      { id: 'placeholder-left', shortDescription: { text: 'Template placeholders must be replaced' }, fullDescription: { text: 'Template placeholders must be replaced' }, help: { text: 'Template placeholders must be replaced' }, defaultConfiguration: { level: 'warning' } },
      { id: 'open-question', shortDescription: { text: 'Open questions are listed' }, fullDescription: { text: 'Open questions are listed' }, help: { text: 'Open questions are listed' }, defaultConfiguration: { level: 'note' } },
    ]);
  });

  it('describes a rule that is off by default as disabled', () => {
    const off = JSON.parse(formatSarif(files, { rules: [...rules, { id: 'turned-on-by-teams', description: 'Off unless turned on', defaultSeverity: 'off' }], tool: { version: '1.2.3' } }));
    assert.deepEqual(off.runs[0].tool.driver.rules[3].defaultConfiguration, { enabled: false, level: 'none' });
  });

  it('gives each finding a result with rule index, level, message and a 1-based region under %SRCROOT%', () => {
    assert.deepEqual(log.runs[0].results, [
      {
        ruleId: 'placeholder-left',
        ruleIndex: 1,
        level: 'warning',
        message: { text: 'Replace {source_a}' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'docs/my%20plan%20%231.md', uriBaseId: '%SRCROOT%' },
              region: { startLine: 11, startColumn: 13, endLine: 11, endColumn: 31 },
            },
          },
        ],
      },
      {
        ruleId: 'open-question',
        ruleIndex: 2,
        level: 'note',
        message: { text: 'open-question says so' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'docs/my%20plan%20%231.md', uriBaseId: '%SRCROOT%' },
              region: { startLine: 3, startColumn: 1, endLine: 4, endColumn: 1 },
            },
          },
        ],
      },
    ]);
  });

  it('leaves out informationUri when unknown and ruleIndex for a rule it does not list', () => {
    const bare = JSON.parse(formatSarif([plan('a.md', [finding('mystery', 'error', [0, 0, 0, 1])])], { rules: [], tool: { version: '0.0.1' } }));
    assert.equal('informationUri' in bare.runs[0].tool.driver, false);
    assert.equal('ruleIndex' in bare.runs[0].results[0], false);
    assert.equal(bare.runs[0].results[0].level, 'error');
  });

  it('keeps an empty results array when there are no findings (code scanning requires it)', () => {
    const empty = JSON.parse(formatSarif([], { rules, tool: { version: '1.2.3' } }));
    assert.deepEqual(empty.runs[0].results, []);
  });
});
