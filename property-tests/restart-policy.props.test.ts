import { withSeed } from './seed.js';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decideRestart, emptyRestartState, type RestartPolicy, type RestartState } from '../runtime/index.js';

const policyArb: fc.Arbitrary<RestartPolicy> = fc.record({
  maxRestartsPerSlot: fc.nat({ max: 5 }),
  maxRestartsOverall: fc.nat({ max: 8 }),
  windowMs: fc.integer({ min: 1, max: 100 }),
  backoffInitialMs: fc.nat({ max: 50 }),
  backoffFactor: fc.constantFrom(1, 1.5, 2, 3),
  backoffMaxMs: fc.nat({ max: 500 }),
});

/** Failures at non-decreasing times (gaps often 0, so bursts happen). */
const failuresArb = fc
  .array(fc.record({ slot: fc.nat({ max: 3 }), gap: fc.oneof(fc.constant(0), fc.nat({ max: 60 })) }), { maxLength: 40 })
  .map((events) => {
    let now = 0;
    return events.map(({ slot, gap }) => ({ slot, now: (now += gap) }));
  });

describe(withSeed('decideRestart() properties'), () => {
  it('matches a model that counts granted restarts in the window (now - windowMs, now]', () => {
    fc.assert(
      fc.property(policyArb, failuresArb, (policy, failures) => {
        const granted: { slot: number; at: number }[] = [];
        let state: RestartState = emptyRestartState;
        for (const failure of failures) {
          const inWindow = granted.filter((g) => g.at > failure.now - policy.windowMs);
          const slotCount = inWindow.filter((g) => g.slot === failure.slot).length;
          const allowed = slotCount < policy.maxRestartsPerSlot && inWindow.length < policy.maxRestartsOverall;

          const { decision, state: next } = decideRestart(policy, state, failure);
          state = next;

          assert.equal(decision.restart, allowed);
          if (decision.restart) {
            granted.push({ slot: failure.slot, at: failure.now });
            const expected = policy.backoffInitialMs === 0 ? 0 : Math.min(policy.backoffMaxMs, policy.backoffInitialMs * policy.backoffFactor ** slotCount);
            assert.equal(decision.delayMs, expected);
          } else {
            assert.equal(decision.error.code, 'ERR_SUPERVISOR_RESTART_INTENSITY');
            assert.equal(decision.error.details.scope, slotCount >= policy.maxRestartsPerSlot ? 'slot' : 'overall');
          }
        }
      }),
    );
  });

  it('never grants more than the limits within any window, and delays stay within [0, backoffMaxMs]', () => {
    fc.assert(
      fc.property(policyArb, failuresArb, (policy, failures) => {
        const granted: { slot: number; at: number }[] = [];
        let state: RestartState = emptyRestartState;
        for (const failure of failures) {
          const { decision, state: next } = decideRestart(policy, state, failure);
          state = next;
          if (!decision.restart) continue;
          assert.ok(decision.delayMs >= 0 && decision.delayMs <= Math.max(policy.backoffMaxMs, 0));
          granted.push({ slot: failure.slot, at: failure.now });
        }
        for (const end of granted) {
          const window = granted.filter((g) => g.at > end.at - policy.windowMs && g.at <= end.at);
          assert.ok(window.length <= policy.maxRestartsOverall);
          assert.ok(window.filter((g) => g.slot === end.slot).length <= policy.maxRestartsPerSlot);
        }
      }),
    );
  });

  it('never mutates the state it is given', () => {
    fc.assert(
      fc.property(policyArb, failuresArb, fc.nat({ max: 3 }), (policy, failures, slot) => {
        let state: RestartState = emptyRestartState;
        for (const failure of failures) state = decideRestart(policy, state, failure).state;
        const copy = structuredClone(state);
        const last = failures.at(-1)?.now ?? 0;

        decideRestart(policy, state, { slot, now: last });
        decideRestart(policy, state, { slot, now: last + policy.windowMs });

        assert.deepEqual(state, copy);
      }),
    );
  });
});
