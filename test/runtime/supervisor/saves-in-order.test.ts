import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SavesInOrder } from '../../../runtime/supervisor/saves-in-order.js';

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: Error) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** A keep step that records what it kept. */
function recorder(): { kept: string[]; keep: (v: string) => Promise<void> } {
  const kept: string[] = [];
  return { kept, keep: (v) => (kept.push(v), Promise.resolve()) };
}

describe('SavesInOrder', () => {
  it('keeps the saves of one actor in the order requested when their replies come in reverse', async () => {
    const saves = new SavesInOrder();
    const { kept, keep } = recorder();
    const first = deferred<string>();
    const second = deferred<string>();
    const a = saves.run('x', first.promise, keep);
    const b = saves.run('x', second.promise, keep);
    second.resolve('seq 9');
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(kept, [], 'the later save waits for the earlier one');
    first.resolve('seq 5');
    await Promise.all([a, b]);
    assert.deepEqual(kept, ['seq 5', 'seq 9']);
    assert.equal(saves.has('x'), false);
  });

  it('lets a later save go on when an earlier one fails, and reports the failure to its caller only', async () => {
    const saves = new SavesInOrder();
    const { kept, keep } = recorder();
    const first = deferred<string>();
    const a = saves.run('x', first.promise, keep);
    const b = saves.run('x', Promise.resolve('seq 3'), keep);
    first.reject(new Error('worker crashed'));
    await assert.rejects(a, /worker crashed/);
    await b;
    assert.deepEqual(kept, ['seq 3']);
  });

  it('does not order saves of different actors, and settled() waits for every save of one', async () => {
    const saves = new SavesInOrder();
    const { kept, keep } = recorder();
    const slow = deferred<string>();
    void saves.run('x', slow.promise, keep);
    await saves.run('y', Promise.resolve('y1'), keep);
    assert.deepEqual(kept, ['y1']);
    assert.equal(saves.has('x'), true);
    let settled = false;
    const waiting = saves.settled('x').then(() => (settled = true));
    await new Promise((r) => setImmediate(r));
    assert.equal(settled, false);
    slow.resolve('x1');
    await waiting;
    assert.deepEqual(kept, ['y1', 'x1']);
  });
});
