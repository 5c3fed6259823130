import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseEvictions, type EvictionCandidate, type EvictionView } from '../../../runtime/index.js';

function view(actors: EvictionCandidate[], overrides: Partial<EvictionView> = {}): EvictionView {
  const usedBytes = actors.reduce((sum, a) => sum + a.bytes, 0);
  return { actors, usedBytes, budgetBytes: 1_000_000, maxActive: 100, idleTimeoutMs: 60_000, now: 100_000, ...overrides };
}

describe('chooseEvictions()', () => {
  it('evicts nothing when no actor is idle, the cap holds and pressure is normal', () => {
    const actors = [{ address: 'a', lastUsedAt: 90_000, bytes: 100 }];

    assert.deepEqual(chooseEvictions(view(actors)), []);
  });

  it('evicts every actor idle for at least the timeout, least recently used first', () => {
    const actors = [
      { address: 'fresh', lastUsedAt: 50_000, bytes: 10 },
      { address: 'old', lastUsedAt: 10_000, bytes: 10 },
      { address: 'exactly-timed-out', lastUsedAt: 40_000, bytes: 10 },
    ];

    assert.deepEqual(chooseEvictions(view(actors)), ['old', 'exactly-timed-out']);
  });

  it('evicts least recently used actors beyond the active cap, ties broken by address', () => {
    const actors = [
      { address: 'c', lastUsedAt: 99_000, bytes: 1 },
      { address: 'b', lastUsedAt: 95_000, bytes: 1 },
      { address: 'a', lastUsedAt: 95_000, bytes: 1 },
      { address: 'd', lastUsedAt: 99_500, bytes: 1 },
    ];

    assert.deepEqual(chooseEvictions(view(actors, { maxActive: 2 })), ['a', 'b']);
  });

  it('counts pinned actors against the cap but never evicts them', () => {
    const actors = [
      { address: 'pinned-old', lastUsedAt: 1, bytes: 1, pinned: true },
      { address: 'x', lastUsedAt: 99_000, bytes: 1 },
      { address: 'y', lastUsedAt: 99_100, bytes: 1 },
    ];

    assert.deepEqual(chooseEvictions(view(actors, { maxActive: 1 })), ['x', 'y']);
  });

  it('evicts least recently used actors until projected use is below 70 % of the budget', () => {
    const actors = [
      { address: 'a', lastUsedAt: 99_001, bytes: 300 },
      { address: 'b', lastUsedAt: 99_002, bytes: 300 },
      { address: 'c', lastUsedAt: 99_003, bytes: 300 },
    ];

    // 950 of 1000 is critical; without a: 650, below 700, so one eviction suffices.
    assert.deepEqual(chooseEvictions(view(actors, { usedBytes: 950, budgetBytes: 1000 })), ['a']);
    // Exactly 70 % is warning, not normal: 1000 - 300 = 700 needs a second eviction.
    assert.deepEqual(chooseEvictions(view(actors, { usedBytes: 1000, budgetBytes: 1000 })), ['a', 'b']);
  });

  it('evicts every unpinned actor and stops when the budget cannot be met', () => {
    const actors = [
      { address: 'pinned', lastUsedAt: 0, bytes: 5000, pinned: true },
      { address: 'a', lastUsedAt: 99_000, bytes: 10 },
    ];

    assert.deepEqual(chooseEvictions(view(actors, { budgetBytes: 1000 })), ['a']);
  });

  it('takes Infinity as no cap and no idle timeout', () => {
    const actors = Array.from({ length: 50 }, (_, i) => ({ address: `a${i}`, lastUsedAt: 0, bytes: 1 }));

    assert.deepEqual(chooseEvictions(view(actors, { maxActive: Infinity, idleTimeoutMs: Infinity })), []);
  });

  it('rejects duplicate addresses and out-of-range limits', () => {
    const a = { address: 'a', lastUsedAt: 0, bytes: 1 };

    assert.throws(() => chooseEvictions(view([a, a])), { name: 'RangeError', message: 'Cannot choose evictions: address "a" is listed twice' });
    assert.throws(() => chooseEvictions(view([a], { maxActive: 1.5 })), /maxActive must be an integer >= 0 or Infinity: current value is 1.5/);
    assert.throws(() => chooseEvictions(view([a], { idleTimeoutMs: -1 })), RangeError);
    assert.throws(() => chooseEvictions(view([a], { budgetBytes: 0 })), RangeError);
    assert.throws(() => chooseEvictions(view([{ ...a, bytes: -1 }], { usedBytes: 0 })), /bytes of "a" must be a finite number >= 0/);
    assert.throws(() => chooseEvictions(view([{ ...a, lastUsedAt: Number.NaN }])), RangeError);
  });
});
