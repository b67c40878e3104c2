import * as assert from 'node:assert/strict';
import { escapeData, escapeProperty, formatGithub } from '../../../src/cli/formatters/github';
import { finding, notAPlan, plan } from './sample-reports';

describe('github format (workflow commands)', () => {
  it('writes one command per finding: error, warning, notice for info; then the summary as a plain line', () => {
    const files = [
      plan('docs/hubspot-rollout-plan.md', [
        finding('missing-section', 'error', [0, 2, 0, 40], 'Section J is missing'),
        finding('empty-field', 'warning', [5, 2, 5, 31]),
        finding('go-no-go-open', 'info', [84, 2, 84, 60]),
      ]),
      notAPlan('README.md'),
    ];
    assert.equal(
      formatGithub(files, { quiet: false, unreadable: 0 }),
      [
        '::error file=docs/hubspot-rollout-plan.md,line=1,col=3,endLine=1,endColumn=41,title=missing-section::Section J is missing',
        '::warning file=docs/hubspot-rollout-plan.md,line=6,col=3,endLine=6,endColumn=32,title=empty-field::empty-field says so',
        '::notice file=docs/hubspot-rollout-plan.md,line=85,col=3,endLine=85,endColumn=61,title=go-no-go-open::go-no-go-open says so',
        '1 plan checked (1 other markdown file skipped): 1 error, 1 warning, 1 info',
        '',
      ].join('\n'),
    );
  });

  it('gives a range over several lines no columns (GitHub takes them on one line only)', () => {
    const files = [plan('a.md', [finding('mapping-table', 'error', [9, 0, 12, 7]), finding('go-no-go-open', 'info', [2, 0, 4, 0])])];
    assert.deepEqual(formatGithub(files, { quiet: false, unreadable: 0 }).split('\n').slice(0, 2), [
      '::error file=a.md,line=10,endLine=13,title=mapping-table::mapping-table says so',
      '::notice file=a.md,line=3,endLine=4,title=go-no-go-open::go-no-go-open says so',
    ]);
  });

  it('escapes message and properties as @actions/core does', () => {
    const files = [plan('docs/a,b:c%d\nx.md', [finding('empty-field', 'warning', [0, 0, 0, 1], '"Rate, in %" is empty:\r\nwrite it')])];
    assert.equal(
      formatGithub(files, { quiet: true, unreadable: 1 }),
      '::warning file=docs/a%2Cb%3Ac%25d%0Ax.md,line=1,col=1,endLine=1,endColumn=2,title=empty-field::"Rate, in %25" is empty:%0D%0Awrite it\n' +
        '1 plan checked (1 could not be read): 0 errors\n',
    );
    assert.equal(escapeData('100% done\r\n:,'), '100%25 done%0D%0A:,');
    assert.equal(escapeProperty('%25 a:b,c\r\n'), '%2525 a%3Ab%2Cc%0D%0A');
  });

  it('prints only the summary when there is nothing to report', () => {
    assert.equal(formatGithub([notAPlan('notes.md')], { quiet: false, unreadable: 0 }), '0 plans checked (1 other markdown file skipped): 0 errors, 0 warnings, 0 info\n');
  });
});
