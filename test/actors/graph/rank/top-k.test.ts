import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { topK } from '../../../../actors/graph/rank/top-k.js';

describe('topK()', () => {
  it('returns the first k ids of the full sort, for every k', () => {
    const keys = [5, 3, 9, 3, 1, 7, 9, 0, 4, 4, 8, 2];
    const compare = (a: number, b: number): number => keys[b]! - keys[a]! || a - b;
    const sorted = keys.map((_, i) => i).sort(compare);

    for (let k = 0; k <= keys.length + 2; k++) assert.deepEqual([...topK(keys.length, k, compare)], sorted.slice(0, k), `k = ${k}`);
  });

  it('returns nothing for no items or k ≤ 0', () => {
    assert.deepEqual([...topK(0, 5, (a, b) => a - b)], []);
    assert.deepEqual([...topK(5, -1, (a, b) => a - b)], []);
  });
});
