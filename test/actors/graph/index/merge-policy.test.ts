import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planMerge } from '../../../../actors/graph/index/merge-policy.js';

const live = (...sizes: number[]) => sizes.map((n) => ({ live: n, total: n }));

describe('planMerge()', () => {
  it('merges the newest neighbours of similar size, like a binary counter', () => {
    assert.deepEqual(planMerge(live(1000, 1, 1)), { start: 1, end: 3 });
    assert.equal(planMerge(live(1000, 3, 1)), null);
    assert.deepEqual(planMerge(live(1000, 400, 300)), { start: 1, end: 3 });
    assert.deepEqual(planMerge(live(1000, 600)), { start: 0, end: 2 });
  });

  it('drops segments with nothing live and rewrites mostly dead ones', () => {
    assert.deepEqual(planMerge([{ live: 1000, total: 1000 }, { live: 0, total: 5 }]), { start: 1, end: 2 });
    assert.deepEqual(planMerge([{ live: 400, total: 1000 }, { live: 1, total: 1 }]), { start: 0, end: 1 });
  });

  it('caps the number of segments', () => {
    const sizes = live(...Array.from({ length: 6 }, (_, i) => 10 ** (6 - i)));
    assert.equal(planMerge(sizes), null);
    assert.deepEqual(planMerge(sizes, { mergeFactor: 2, maxDeadRatio: 0.5, maxSegments: 4 }), { start: 4, end: 6 });
  });
});
