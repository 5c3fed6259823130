import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pressureLevel } from '../../../runtime/index.js';

describe('pressureLevel()', () => {
  it('is normal below 70 % of the budget, warning below 90 %, critical at or above', () => {
    assert.equal(pressureLevel(0, 1000), 'normal');
    assert.equal(pressureLevel(699, 1000), 'normal');
    assert.equal(pressureLevel(700, 1000), 'warning');
    assert.equal(pressureLevel(899, 1000), 'warning');
    assert.equal(pressureLevel(900, 1000), 'critical');
    assert.equal(pressureLevel(5000, 1000), 'critical');
  });

  it('lands exactly on the thresholds where 0.7 * budget would round', () => {
    // 0.7 * 3 is 2.0999999999999996 in floating point; 2.1 is exactly 70 % of 3.
    assert.equal(pressureLevel(2.1, 3), 'warning');
    assert.equal(pressureLevel(7, 10), 'warning');
    assert.equal(pressureLevel(6.999, 10), 'normal');
  });

  it('rejects a budget that is zero, negative or not finite, and a negative use', () => {
    assert.throws(() => pressureLevel(1, 0), { name: 'RangeError', message: /budget must be a finite number > 0: current value is 0/ });
    assert.throws(() => pressureLevel(1, -5), RangeError);
    assert.throws(() => pressureLevel(1, Infinity), RangeError);
    assert.throws(() => pressureLevel(-1, 10), { name: 'RangeError', message: /usedBytes .* current value is -1/ });
    assert.throws(() => pressureLevel(Number.NaN, 10), RangeError);
  });
});
