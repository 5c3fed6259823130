import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { estimateTokens, fitPrefix } from '../../../../actors/graph/rank/token-budget.js';

describe('estimateTokens()', () => {
  it('is ceil(chars / 4)', () => {
    assert.deepEqual(['', 'a', 'abcd', 'abcde', 'x'.repeat(4096)].map(estimateTokens), [0, 1, 1, 2, 1024]);
  });
});

describe('fitPrefix()', () => {
  it('finds the longest prefix whose estimate fits, by binary search', () => {
    const prefix = Float64Array.of(0, 10, 12, 16, 17, 40);

    const fits = [0, 1, 2, 3, 4, 5, 9, 10, 100].map((t) => fitPrefix(prefix, t));

    assert.deepEqual(fits, [0, 0, 0, 2, 3, 4, 4, 5, 5]);
  });
});
