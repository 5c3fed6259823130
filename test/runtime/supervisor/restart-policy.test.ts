import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTesseraError } from '../../../protocol/index.js';
import { decideRestart, defaultRestartPolicy, emptyRestartState, type RestartPolicy, type RestartState } from '../../../runtime/index.js';

const policy: RestartPolicy = {
  maxRestartsPerSlot: 3,
  maxRestartsOverall: 5,
  windowMs: 1000,
  backoffInitialMs: 10,
  backoffFactor: 2,
  backoffMaxMs: 35,
};

/** Fails `slot` at each time in turn, returning the decisions and the final state. */
function failures(events: { slot: number; now: number }[], start: RestartState = emptyRestartState) {
  let state = start;
  const decisions = events.map((failure) => {
    const outcome = decideRestart(policy, state, failure);
    state = outcome.state;
    return outcome.decision;
  });
  return { decisions, state };
}

describe('decideRestart()', () => {
  it('grants restarts with exponential backoff capped at backoffMaxMs', () => {
    const { decisions } = failures([0, 1, 2].map((now) => ({ slot: 0, now })));

    assert.deepEqual(decisions, [
      { restart: true, delayMs: 10 },
      { restart: true, delayMs: 20 },
      { restart: true, delayMs: 35 },
    ]);
  });

  it('refuses the slot\'s restart beyond maxRestartsPerSlot within the window', () => {
    const { decisions } = failures([0, 1, 2, 3].map((now) => ({ slot: 1, now })));

    const last = decisions[3];
    assert.equal(last?.restart, false);
    assert.ok(last !== undefined && !last.restart && isTesseraError(last.error, 'ERR_SUPERVISOR_RESTART_INTENSITY'));
    assert.deepEqual(last.error.details, { scope: 'slot', slot: 1, restarts: 3, maxRestarts: 3, windowMs: 1000 });
    assert.equal(last.error.message, 'Worker slot 1 already restarted 3 times within 1000 ms (limit 3): giving up on it');
  });

  it('refuses any restart beyond maxRestartsOverall within the window', () => {
    const { decisions } = failures([0, 1, 2, 0, 1, 3].map((slot, now) => ({ slot, now })));

    const last = decisions[5];
    assert.deepEqual(decisions.slice(0, 5).map((d) => d.restart), [true, true, true, true, true]);
    assert.ok(last !== undefined && !last.restart);
    assert.deepEqual(last.error.details, { scope: 'overall', slot: 3, restarts: 5, maxRestarts: 5, windowMs: 1000 });
  });

  it('forgets restarts at or before now - windowMs, so the backoff starts over', () => {
    const { decisions, state } = failures([0, 10, 20, 1010, 1015].map((now) => ({ slot: 0, now })));

    // At 1010 the restarts at 0 and 10 are out of the window (at <= 1010 - 1000); only 20 counts.
    assert.deepEqual(decisions.slice(3), [
      { restart: true, delayMs: 20 },
      { restart: true, delayMs: 35 },
    ]);
    assert.deepEqual(state.restarts, [
      { slot: 0, at: 20 },
      { slot: 0, at: 1010 },
      { slot: 0, at: 1015 },
    ]);
  });

  it('does not record a refused restart', () => {
    const { state } = failures([0, 1, 2, 3, 4].map((now) => ({ slot: 0, now })));

    assert.equal(state.restarts.length, 3);
  });

  it('never mutates the state it is given', () => {
    const before = failures([{ slot: 0, now: 0 }]).state;
    const snapshot = structuredClone(before);

    decideRestart(policy, before, { slot: 0, now: 5 });
    decideRestart(policy, before, { slot: 0, now: 5000 });

    assert.deepEqual(before, snapshot);
    assert.ok(Object.isFrozen(emptyRestartState.restarts));
  });

  it('gives 0 ms delays with a zero initial backoff, however many restarts', () => {
    const zero = { ...policy, backoffInitialMs: 0, backoffFactor: 1e300, maxRestartsPerSlot: 10, maxRestartsOverall: 10 };
    let state = emptyRestartState;
    const delays: number[] = [];
    for (let now = 0; now < 5; now++) {
      const outcome = decideRestart(zero, state, { slot: 0, now });
      state = outcome.state;
      if (outcome.decision.restart) delays.push(outcome.decision.delayMs);
    }

    assert.deepEqual(delays, [0, 0, 0, 0, 0]);
  });

  it('refuses every restart with a limit of 0', () => {
    const outcome = decideRestart({ ...policy, maxRestartsPerSlot: 0 }, emptyRestartState, { slot: 0, now: 0 });

    assert.equal(outcome.decision.restart, false);
  });

  it('rejects an invalid policy or time', () => {
    assert.throws(() => decideRestart({ ...policy, maxRestartsPerSlot: -1 }, emptyRestartState, { slot: 0, now: 0 }), {
      name: 'RangeError',
      message: 'Invalid restart policy: maxRestartsPerSlot must be an integer >= 0: current value is -1',
    });
    assert.throws(() => decideRestart({ ...policy, backoffFactor: 0.5 }, emptyRestartState, { slot: 0, now: 0 }), RangeError);
    assert.throws(() => decideRestart({ ...policy, windowMs: Infinity }, emptyRestartState, { slot: 0, now: 0 }), RangeError);
    assert.throws(() => decideRestart(policy, emptyRestartState, { slot: 0, now: Number.NaN }), RangeError);
  });

  it('has a usable default policy', () => {
    const outcome = decideRestart(defaultRestartPolicy, emptyRestartState, { slot: 0, now: 0 });

    assert.deepEqual(outcome.decision, { restart: true, delayMs: defaultRestartPolicy.backoffInitialMs });
  });
});
