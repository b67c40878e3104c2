import assert from 'node:assert/strict';
import { isEnvName, repositoryFileFacts } from '../../../src/core/references';
import { seededDraw } from './draw';

/** The definition: every word (a run of letters, digits and underscores) of an env var's shape, each once, in order. */
function byWords(text: string): string[] {
  return [...new Set((text.match(/[A-Za-z0-9_]+/g) ?? []).filter(isEnvName))];
}

describe('repositoryFileFacts (issue 19): the env var names a file mentions', () => {
  it('takes whole words of an env var shape only', () => {
    const text = [
      'process.env.SLACK_BOT_TOKEN; env["API_KEY"]; SLACK_BOT_TOKEN again',
      'FOO_BAR_ _FOO_BAR FOO__BAR fooFOO_BAR FOO_BARbaz FOO_BAR9 9FOO_BAR Foo_BAR',
      'ÉFOO_BAR éA_B_C FOO_BARé A_B ABCD_E1 X_' + 'Y_'.repeat(60) + 'Z',
      'MAX_RETRIES=5\n`DEFAULT_PAGE_SIZE`-(NODE_ENV)+A_BC',
    ].join('\n');
    assert.deepEqual(repositoryFileFacts(text).envNames, byWords(text));
    assert.deepEqual(repositoryFileFacts(text).envNames, ['SLACK_BOT_TOKEN', 'API_KEY', 'FOO_BAR9', 'FOO_BAR', 'A_B_C', 'ABCD_E1', 'MAX_RETRIES', 'DEFAULT_PAGE_SIZE', 'NODE_ENV', 'A_BC']);
  });

  it('gives what the words give on any mix of letters, digits, underscores and other characters', () => {
    const alphabet = 'AB9_a é-.\n';
    const next = seededDraw(7);
    for (let round = 0; round < 200; round++) {
      let text = '';
      for (let i = 0; i < 300; i++) text += alphabet[next(alphabet.length)];
      assert.deepEqual(repositoryFileFacts(text).envNames, byWords(text), JSON.stringify(text));
    }
  });
});
