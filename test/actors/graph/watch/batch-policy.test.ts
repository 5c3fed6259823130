import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { batchDueAt } from '../../../../actors/graph/watch/index.js';
import { checkBatchPolicy } from '../../../../actors/graph/watch/batch-policy.js';

describe('batchDueAt()', () => {
  const policy = { debounceMs: 5, maxDelayMs: 50 };

  it('is due a debounce after the latest event', () => {
    assert.equal(batchDueAt({ firstAt: 100, lastAt: 100 }, policy), 105);
    assert.equal(batchDueAt({ firstAt: 100, lastAt: 120 }, policy), 125);
  });

  it('is never later than the maximum delay after the first event', () => {
    assert.equal(batchDueAt({ firstAt: 100, lastAt: 148 }, policy), 150);
    assert.equal(batchDueAt({ firstAt: 100, lastAt: 400 }, policy), 150);
  });
});

describe('checkBatchPolicy()', () => {
  it('rejects negative, non-finite and inverted delays', () => {
    assert.throws(() => checkBatchPolicy({ debounceMs: -1, maxDelayMs: 50 }), RangeError);
    assert.throws(() => checkBatchPolicy({ debounceMs: 5, maxDelayMs: Number.NaN }), RangeError);
    assert.throws(() => checkBatchPolicy({ debounceMs: 20, maxDelayMs: 10 }), /maxDelayMs must be >= debounceMs \(20\): current value is 10/);
    assert.deepEqual(checkBatchPolicy({ debounceMs: 0, maxDelayMs: 0 }), { debounceMs: 0, maxDelayMs: 0 });
  });
});
