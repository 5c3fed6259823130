import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SimulatedClock } from '../../../../runtime/index.js';
import { BatchTimer } from '../../../../actors/graph/watch/batch-timer.js';

function setup(): { clock: SimulatedClock; timer: BatchTimer; fired: number[] } {
  const clock = new SimulatedClock();
  const fired: number[] = [];
  const timer = new BatchTimer(clock, { debounceMs: 5, maxDelayMs: 50 }, () => fired.push(clock.now()));
  return { clock, timer, fired };
}

describe('BatchTimer', () => {
  it('fires once, a debounce after the last of a few quick events', () => {
    const { clock, timer, fired } = setup();

    timer.note();
    clock.advance(3);
    timer.note();
    clock.advance(3);
    timer.note();
    clock.advance(20);

    assert.deepEqual(fired, [11]);
    assert.equal(clock.pendingTimers, 0);
  });

  it('fires every maximum delay under a steady stream of events', () => {
    const { clock, timer, fired } = setup();

    for (let t = 0; t < 120; t++) {
      timer.note();
      clock.advance(1);
    }
    clock.advance(10);

    // Events at 0..119: due at 50 and 100 by the maximum delay, then 119 + 5 by the debounce.
    assert.deepEqual(fired, [50, 100, 124]);
  });

  it('does not fire while held, and fires at once on release when already due', () => {
    const { clock, timer, fired } = setup();
    timer.hold();

    timer.note();
    clock.advance(100);
    assert.deepEqual(fired, []);
    timer.release();
    clock.advance(0);

    assert.deepEqual(fired, [100]);
  });

  it('nests holds: fires only when every holder released', () => {
    const { clock, timer, fired } = setup();
    timer.hold();
    timer.hold();
    timer.note();

    timer.release();
    clock.advance(60);
    assert.deepEqual(fired, []);
    timer.release();
    clock.advance(0);

    assert.deepEqual(fired, [60]);
  });

  it('forgets the open batch on cancel()', () => {
    const { clock, timer, fired } = setup();

    timer.note();
    timer.cancel();
    clock.advance(100);

    assert.deepEqual(fired, []);
  });
});
