import * as assert from 'node:assert/strict';
import { megabytesToBytes, textTooLargeProblem } from '../../../src/core';

describe('an open document over the size limit', () => {
  const limit = 0.005;
  const bytes = megabytesToBytes(limit);

  it('is measured in UTF-8 bytes, as the same file on disk would be', () => {
    assert.equal(textTooLargeProblem('a'.repeat(bytes), limit, 'connectorPlan.maxFileSize'), undefined);
    assert.equal(textTooLargeProblem('a'.repeat(bytes + 1), limit, 'connectorPlan.maxFileSize'), '5.2 KB, over the 0.005 MB limit; raise it with connectorPlan.maxFileSize');
    // Fewer UTF-16 units than bytes: `ä` is 2 bytes, `€` 3, `😀` (two units) 4.
    assert.match(textTooLargeProblem('ä'.repeat(bytes / 2 + 1), limit, 'x') ?? '', /over the 0\.005 MB limit/);
    assert.equal(textTooLargeProblem('€'.repeat(Math.floor(bytes / 3)), limit, 'x'), undefined);
    assert.match(textTooLargeProblem('😀'.repeat(bytes / 4 + 1), limit, 'x') ?? '', /over/);
    assert.equal(textTooLargeProblem('😀'.repeat(Math.floor(bytes / 4)), limit, 'x'), undefined);
  });
});
