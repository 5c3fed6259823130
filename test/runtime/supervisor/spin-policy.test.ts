import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultSpinMs, kSpinWindowMs } from '../../../runtime/index.js';

describe('defaultSpinMs', () => {
  it('spins when a core is left over for the supervisor thread', () => {
    assert.equal(defaultSpinMs(16, 8), kSpinWindowMs);
    assert.equal(defaultSpinMs(3, 2), kSpinWindowMs);
    assert.ok(kSpinWindowMs > 0);
  });

  it('parks at once when the workers take every core', () => {
    assert.equal(defaultSpinMs(2, 2), 0);
    assert.equal(defaultSpinMs(16, 16), 0);
    assert.equal(defaultSpinMs(2, 4), 0);
  });
});
