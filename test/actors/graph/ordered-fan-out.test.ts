import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { orderedFanOut } from '../../../actors/graph/ordered-fan-out.js';

/** A task per index that resolves when the test says so. */
function gates(): { open: (i: number, v?: number) => void; launch: (i: number) => Promise<number>; launched: number[] } {
  const resolvers = new Map<number, (v: number) => void>();
  const launched: number[] = [];
  return {
    launched,
    launch: (i) => {
      launched.push(i);
      return new Promise((resolve) => resolvers.set(i, resolve));
    },
    open: (i, v = i) => resolvers.get(i)!(v),
  };
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('orderedFanOut()', () => {
  it('consumes in index order whatever order tasks finish in, with at most `concurrency` in flight', async () => {
    const g = gates();
    const seen: number[] = [];
    const done = orderedFanOut(4, 2, g.launch, (v) => (seen.push(v), true));

    assert.deepEqual(g.launched, [0, 1]);
    g.open(1);
    await tick();
    assert.deepEqual(seen, []);
    assert.deepEqual(g.launched, [0, 1, 2]);
    g.open(0);
    await tick();
    assert.deepEqual(seen, [0, 1]);
    g.open(3);
    g.open(2);
    await done;

    assert.deepEqual(seen, [0, 1, 2, 3]);
  });

  it('stops launching once consume returns false, and ignores answers still in flight', async () => {
    const g = gates();
    const seen: number[] = [];
    const done = orderedFanOut(5, 2, g.launch, (v) => (seen.push(v), v < 1));

    g.open(0);
    await tick();
    g.open(1);
    await done;
    g.open(2);
    await tick();

    assert.deepEqual(seen, [0, 1]);
    assert.deepEqual(g.launched, [0, 1, 2]);
  });

  it('rejects with the first failure, including a launch that throws', async () => {
    await assert.rejects(orderedFanOut(3, 3, (i) => (i === 1 ? Promise.reject(new Error('boom')) : Promise.resolve(i)), () => true), /boom/);
    await assert.rejects(
      orderedFanOut(2, 1, () => {
        throw new TypeError('bad');
      }, () => true),
      TypeError,
    );
  });

  it('resolves at once for no tasks and refuses a concurrency below 1', async () => {
    await orderedFanOut(0, 1, () => Promise.reject(new Error('never')), () => true);
    assert.throws(() => orderedFanOut(1, 0, () => Promise.resolve(0), () => true), /concurrency must be at least 1: current value is 0/);
  });
});
