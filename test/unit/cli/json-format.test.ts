import * as assert from 'node:assert/strict';
import { formatJson } from '../../../src/cli/formatters/json';
import { finding, notAPlan, plan, progress } from './sample-reports';

describe('json format', () => {
  it('pins the documented shape: 1-based positions, progress, null for non-plans, no fixes', () => {
    const withFix = finding('empty-field', 'error', [3, 4, 3, 9], 'Scope is empty');
    withFix.fixes = [{ title: 'Fill in', edits: [{ range: withFix.range, newText: 'x' }], isPreferred: true }];
    withFix.sectionId = 'E';
    const output = formatJson([plan('docs/a.md', [withFix], progress(40, 1, 5, ['4 unchecked'])), notAPlan('README.md')]);
    assert.ok(output.endsWith('}\n'));
    assert.ok(output.includes('\n  "files": [\n'), 'pretty-printed with 2 spaces');
    assert.deepEqual(JSON.parse(output), {
      files: [
        {
          path: 'docs/a.md',
          isPlan: true,
          kind: 'plan',
          name: 'a',
          template: null,
          findings: [{ ruleId: 'empty-field', severity: 'error', message: 'Scope is empty', line: 4, column: 5, endLine: 4, endColumn: 10 }],
          progress: {
            percent: 40,
            sections: [
              { id: 'A', title: 'Business Goal', filled: 3, total: 3, status: 'complete' },
              { id: 'B', title: 'Source Model', filled: 1, total: 4, status: 'partial' },
            ],
            goNoGo: { checked: 1, total: 5, verdict: 'NO-GO' },
          },
        },
        { path: 'README.md', isPlan: false, kind: 'other', name: null, template: null, findings: [], progress: null },
      ],
    });
  });

  it('prints an empty list when nothing was checked', () => {
    assert.equal(formatJson([]), '{\n  "files": []\n}\n');
  });
});
