import * as assert from 'node:assert/strict';
import { evaluateGate } from '../../../src/cli/commands/release-gate';
import { finding, notAPlan, plan, progress } from './sample-reports';

describe('release gate (exit 1 or not)', () => {
  const warning = finding('placeholder-left', 'warning', [0, 0, 0, 1]);
  const info = finding('open-question', 'info', [0, 0, 0, 1]);
  const error = finding('empty-field', 'error', [0, 0, 0, 1]);
  const go = progress(100, 5, 5);

  it('fails on any error, with nothing more to say', () => {
    assert.deepEqual(evaluateGate([plan('a.md', [error], go)], { requireGo: false }), { failed: true, messages: [] });
  });

  it('never fails on warnings without --max-warnings, nor on info', () => {
    assert.equal(evaluateGate([plan('a.md', [warning, warning, info, info], go)], { requireGo: false }).failed, false);
  });

  it('fails when warnings exceed --max-warnings', () => {
    const files = [plan('a.md', [warning, info], go), plan('b.md', [warning], go)];
    assert.equal(evaluateGate(files, { requireGo: false, maxWarnings: 2 }).failed, false);
    assert.deepEqual(evaluateGate(files, { requireGo: false, maxWarnings: 1 }), { failed: true, messages: ['2 warnings, more than --max-warnings 1 allows'] });
  });

  it('with --require-go, fails on each NO-GO plan and says why', () => {
    const files = [plan('go.md', [], go), plan('nogo.md', [], progress(80, 3, 5, ['2 checklist items unchecked'])), notAPlan('README.md')];
    assert.deepEqual(evaluateGate(files, { requireGo: true }), { failed: true, messages: ['nogo.md is NO-GO (3/5 go/no-go items checked): 2 checklist items unchecked'] });
    assert.equal(evaluateGate([plan('go.md', [], go)], { requireGo: true }).failed, false);
  });

  it('with --require-go, fails when no plan was checked at all', () => {
    assert.deepEqual(evaluateGate([notAPlan('README.md')], { requireGo: true }), { failed: true, messages: ['--require-go: no connector plans were checked'] });
  });
});
