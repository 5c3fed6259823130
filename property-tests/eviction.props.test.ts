import { withSeed } from './seed.js';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { chooseEvictions, pressureLevel, type EvictionView } from '../runtime/index.js';

const now = 1_000_000;

const viewArb: fc.Arbitrary<EvictionView> = fc
  .record({
    actors: fc.uniqueArray(
      fc.record({
        address: fc.string({ minLength: 1, maxLength: 6 }),
        // A small range makes equal last-use times (ties) common.
        lastUsedAt: fc.integer({ min: now - 20, max: now }),
        bytes: fc.nat({ max: 1000 }),
        pinned: fc.boolean(),
      }),
      { selector: (a) => a.address, maxLength: 30 },
    ),
    baseline: fc.nat({ max: 5000 }),
    budgetBytes: fc.integer({ min: 1, max: 20_000 }),
    maxActive: fc.oneof(fc.nat({ max: 30 }), fc.constant(Infinity)),
    idleTimeoutMs: fc.oneof(fc.nat({ max: 25 }), fc.constant(Infinity)),
  })
  .map(({ actors, baseline, budgetBytes, maxActive, idleTimeoutMs }) => ({
    actors,
    usedBytes: baseline + actors.reduce((sum, a) => sum + a.bytes, 0),
    budgetBytes,
    maxActive,
    idleTimeoutMs,
    now,
  }));

function applied(view: EvictionView, evicted: readonly string[]) {
  const gone = new Set(evicted);
  const remaining = view.actors.filter((a) => !gone.has(a.address));
  const freed = view.actors.filter((a) => gone.has(a.address)).reduce((sum, a) => sum + a.bytes, 0);
  return { remaining, usedBytes: view.usedBytes - freed };
}

describe(withSeed('chooseEvictions() properties'), () => {
  it('returns known addresses without duplicates and never a pinned actor', () => {
    fc.assert(
      fc.property(viewArb, (view) => {
        const evicted = chooseEvictions(view);
        const byAddress = new Map(view.actors.map((a) => [a.address, a]));

        assert.equal(new Set(evicted).size, evicted.length);
        for (const address of evicted) {
          assert.ok(byAddress.has(address), `unknown address ${address}`);
          assert.notEqual(byAddress.get(address)?.pinned, true, `evicted pinned ${address}`);
        }
      }),
    );
  });

  it('brings use back under 70 % of the budget whenever evicting every unpinned actor would', () => {
    fc.assert(
      fc.property(viewArb, (view) => {
        const after = applied(view, chooseEvictions(view));
        const floor = applied(view, view.actors.filter((a) => !a.pinned).map((a) => a.address)).usedBytes;

        if (pressureLevel(floor, view.budgetBytes) === 'normal') {
          assert.equal(pressureLevel(after.usedBytes, view.budgetBytes), 'normal');
          assert.ok(after.usedBytes * 10 < view.budgetBytes * 7);
        } else {
          assert.equal(after.remaining.filter((a) => !a.pinned).length, 0);
        }
      }),
    );
  });

  it('evicts every idle unpinned actor and respects the cap as far as unpinned actors allow', () => {
    fc.assert(
      fc.property(viewArb, (view) => {
        const { remaining } = applied(view, chooseEvictions(view));
        const pinned = view.actors.filter((a) => a.pinned).length;

        for (const a of remaining) assert.ok(a.pinned || now - a.lastUsedAt < view.idleTimeoutMs, `idle ${a.address} kept`);
        assert.ok(remaining.length <= Math.max(view.maxActive, pinned));
      }),
    );
  });

  it('evicts no more than needed: least recently used first, and the last one was needed', () => {
    fc.assert(
      fc.property(viewArb, (view) => {
        const evicted = chooseEvictions(view);
        fc.pre(evicted.length > 0);
        const lru = view.actors
          .filter((a) => !a.pinned)
          .sort((a, b) => a.lastUsedAt - b.lastUsedAt || (a.address < b.address ? -1 : 1));
        const last = lru[evicted.length - 1];
        const before = applied(view, evicted.slice(0, -1));

        assert.deepEqual(evicted, lru.slice(0, evicted.length).map((a) => a.address));
        assert.ok(last !== undefined);
        const idle = now - last.lastUsedAt >= view.idleTimeoutMs;
        const overCap = before.remaining.length > view.maxActive;
        const overBudget = pressureLevel(before.usedBytes, view.budgetBytes) !== 'normal';
        assert.ok(idle || overCap || overBudget, `evicted ${last.address} without need`);
      }),
    );
  });

  it('is deterministic: the order of the actors does not change the result', () => {
    fc.assert(
      fc.property(viewArb, (view) => {
        const reversed = { ...view, actors: [...view.actors].reverse() };

        assert.deepEqual(chooseEvictions(reversed), chooseEvictions(view));
      }),
    );
  });
});
