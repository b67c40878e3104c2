import * as assert from 'node:assert/strict';
import { formatText } from '../../../src/cli/formatters/text';
import { finding, notAPlan, plan } from './sample-reports';

describe('text format', () => {
  const files = [
    plan('docs/hubspot-rollout-plan.md', [
      finding('empty-field', 'error', [3, 0, 3, 22], 'Authentication model is empty'),
      finding('placeholder-left', 'warning', [10, 12, 10, 30]),
      finding('open-question', 'info', [40, 2, 40, 6]),
    ]),
    plan('docs/stripe-rollout-plan.md', [finding('empty-field', 'warning', [0, 0, 0, 1])]),
    notAPlan('README.md'),
  ];

  it('prints path:line:col severity rule-id message with 1-based positions, then a summary', () => {
    assert.equal(
      formatText(files, { quiet: false, unreadable: 0 }),
      [
        'docs/hubspot-rollout-plan.md:4:1 error empty-field Authentication model is empty',
        'docs/hubspot-rollout-plan.md:11:13 warning placeholder-left placeholder-left says so',
        'docs/hubspot-rollout-plan.md:41:3 info open-question open-question says so',
        'docs/stripe-rollout-plan.md:1:1 warning empty-field empty-field says so',
        '2 plans checked (1 other markdown file skipped): 1 error, 2 warnings, 1 info',
        '',
      ].join('\n'),
    );
  });

  it('counts only errors in the summary when quiet', () => {
    const quietFiles = [plan('a.md', [finding('empty-field', 'error', [0, 0, 0, 1])])];
    assert.equal(formatText(quietFiles, { quiet: true, unreadable: 0 }), 'a.md:1:1 error empty-field empty-field says so\n1 plan checked: 1 error\n');
  });

  it('mentions files that could not be read', () => {
    assert.equal(formatText([notAPlan('a.md'), notAPlan('b.md')], { quiet: false, unreadable: 1 }), '0 plans checked (2 other markdown files skipped, 1 could not be read): 0 errors, 0 warnings, 0 info\n');
  });
});
