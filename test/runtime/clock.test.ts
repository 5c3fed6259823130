import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createActor, createMachine } from 'xstate';
import { SimulatedClock, createSystemClock, systemClock } from '../../runtime/index.js';

describe('SimulatedClock', () => {
  it('advance() fires due timers in due-time order, ties in the order they were set', () => {
    const clock = new SimulatedClock();
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('b@20'), 20);
    clock.setTimeout(() => fired.push('a@10'), 10);
    clock.setTimeout(() => fired.push('c@20'), 20);
    clock.setTimeout(() => fired.push('d@30'), 30);

    clock.advance(20);

    assert.deepEqual(fired, ['a@10', 'b@20', 'c@20']);
    assert.equal(clock.now(), 20);
    assert.equal(clock.pendingTimers, 1);
  });

  it('now() reads the firing timer\'s due time inside its callback', () => {
    const clock = new SimulatedClock(1000);
    const seen: number[] = [];
    clock.setTimeout(() => seen.push(clock.now()), 5);
    clock.setTimeout(() => seen.push(clock.now()), 7);

    clock.advance(100);

    assert.deepEqual(seen, [1005, 1007]);
    assert.equal(clock.now(), 1100);
  });

  it('advance() fires timers set by a callback when they fall due within the same advance', () => {
    const clock = new SimulatedClock();
    const fired: number[] = [];
    clock.setTimeout(() => {
      fired.push(clock.now());
      clock.setTimeout(() => fired.push(clock.now()), 10);
      clock.setTimeout(() => fired.push(clock.now()), 100);
    }, 10);

    clock.advance(50);

    assert.deepEqual(fired, [10, 20]);
    assert.equal(clock.pendingTimers, 1);
  });

  it('clearTimeout() cancels a pending timer and ignores spent or unknown handles', () => {
    const clock = new SimulatedClock();
    let calls = 0;
    const spent = clock.setTimeout(() => calls++, 1);
    clock.advance(1);
    const cancelled = clock.setTimeout(() => calls++, 5);

    clock.clearTimeout(cancelled);
    clock.clearTimeout(cancelled);
    clock.clearTimeout(spent);
    clock.advance(10);

    assert.equal(calls, 1);
    assert.equal(clock.pendingTimers, 0);
  });

  it('setTimeout() treats negative and NaN delays as 0', () => {
    const clock = new SimulatedClock();
    let calls = 0;
    clock.setTimeout(() => calls++, -5);
    clock.setTimeout(() => calls++, Number.NaN);

    clock.advance(0);

    assert.equal(calls, 2);
  });

  it('advance() rejects negative and non-finite steps', () => {
    const clock = new SimulatedClock();
    assert.throws(() => clock.advance(-1), { name: 'RangeError', message: /current value is -1/ });
    assert.throws(() => clock.advance(Number.NaN), RangeError);
    assert.throws(() => clock.advance(Infinity), RangeError);
    assert.throws(() => new SimulatedClock(Number.NaN), RangeError);
  });

  it('advance() lets a callback error through, leaving time at that timer and later timers pending', () => {
    const clock = new SimulatedClock();
    let later = 0;
    clock.setTimeout(() => {
      throw new Error('boom');
    }, 10);
    clock.setTimeout(() => later++, 20);

    assert.throws(() => clock.advance(30), /boom/);

    assert.equal(clock.now(), 10);
    assert.equal(clock.pendingTimers, 1);
    clock.advance(10);
    assert.equal(later, 1);
  });

  it('drives XState delayed transitions as createActor(logic, { clock })', () => {
    const machine = createMachine({ initial: 'waiting', states: { waiting: { after: { 100: 'done' } }, done: {} } });
    const clock = new SimulatedClock();
    const actor = createActor(machine, { clock }).start();

    clock.advance(99);
    const before = actor.getSnapshot().value;
    clock.advance(1);

    assert.equal(before, 'waiting');
    assert.equal(actor.getSnapshot().value, 'done');
    actor.stop();
  });
});

describe('systemClock', () => {
  it('now() never goes backwards and is close to Date.now()', () => {
    const a = systemClock.now();
    const b = systemClock.now();
    assert.ok(b >= a);
    assert.ok(Math.abs(a - Date.now()) < 60_000);
  });

  it('setTimeout() fires and clearTimeout() cancels, with ref\'d timers by default', async () => {
    const fired: string[] = [];
    const kept = systemClock.setTimeout(() => fired.push('kept'), 0);
    const cancelled = systemClock.setTimeout(() => fired.push('cancelled'), 0);
    systemClock.clearTimeout(cancelled);
    const hasRef = (kept as unknown as NodeJS.Timeout).hasRef();

    await new Promise((resolve) => setTimeout(resolve, 0));

    assert.deepEqual(fired, ['kept']);
    assert.equal(hasRef, true);
  });

  it('createSystemClock({ unref: true }) unrefs its timers', () => {
    const clock = createSystemClock({ unref: true });
    const handle = clock.setTimeout(() => undefined, 60_000);

    const hasRef = (handle as unknown as NodeJS.Timeout).hasRef();
    clock.clearTimeout(handle);

    assert.equal(hasRef, false);
  });
});
