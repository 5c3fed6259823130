import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTesseraError } from '../../../protocol/index.js';
import { kPlacementMemoryStep, placeActor, type WorkerView } from '../../../runtime/index.js';

function worker(id: number, overrides: Partial<WorkerView> = {}): WorkerView {
  return { id, status: 'ready', heapUsedBytes: 1000, pendingBytes: 0, actorCount: 0, ...overrides };
}

const req = { kind: 'counter', key: 'a' };
const MiB = 1024 * 1024;

describe('placeActor()', () => {
  it('picks the worker with the least heap used plus pending bytes', () => {
    const workers = [worker(0, { heapUsedBytes: 50 * MiB, pendingBytes: 60 * MiB }), worker(1, { heapUsedBytes: 90 * MiB }), worker(2, { heapUsedBytes: 100 * MiB })];

    assert.equal(placeActor({ workers }, req), 1);
  });

  it('compares memory in 8 MiB steps: within one, the fewest actors win', () => {
    const close = [worker(0, { heapUsedBytes: 17 * MiB, actorCount: 1 }), worker(1, { heapUsedBytes: 23.5 * MiB, actorCount: 0 })];
    const apart = [worker(0, { heapUsedBytes: 15 * MiB, actorCount: 5 }), worker(1, { heapUsedBytes: 16 * MiB, actorCount: 0 })];

    assert.equal(kPlacementMemoryStep, 8 * MiB);
    assert.equal(placeActor({ workers: close }, req), 1, '17 and 23.5 MiB: the same step');
    assert.equal(placeActor({ workers: apart }, req), 0, '15 and 16 MiB: steps 1 and 2');
  });

  it('breaks memory ties by fewest actors, then by lowest id', () => {
    const byCount = [worker(0, { actorCount: 3 }), worker(1, { actorCount: 1 }), worker(2, { actorCount: 2 })];
    const byId = [worker(5, { actorCount: 1 }), worker(3, { actorCount: 1 }), worker(4, { actorCount: 1 })];

    assert.equal(placeActor({ workers: byCount }, req), 1);
    assert.equal(placeActor({ workers: byId }, req), 3);
  });

  it('skips workers that are not ready, however light', () => {
    const workers = [
      worker(0, { status: 'starting', heapUsedBytes: 0 }),
      worker(1, { status: 'draining', heapUsedBytes: 0 }),
      worker(2, { status: 'dead', heapUsedBytes: 0 }),
      worker(3, { heapUsedBytes: 100 * MiB }),
    ];

    assert.equal(placeActor({ workers }, req), 3);
  });

  it('throws ERR_SUPERVISOR_NO_WORKER when no worker is ready', () => {
    const workers = [worker(0, { status: 'starting' }), worker(1, { status: 'dead' })];

    assert.throws(
      () => placeActor({ workers }, req),
      (err: unknown) =>
        isTesseraError(err, 'ERR_SUPERVISOR_NO_WORKER') &&
        err.details.kind === 'counter' &&
        err.details.workers === 2 &&
        err.details.ready === 0 &&
        err.message === 'Cannot place actor "counter/a": no worker is ready (0 of 2 workers ready)',
    );
    assert.throws(() => placeActor({ workers: [] }, req), (err: unknown) => isTesseraError(err, 'ERR_SUPERVISOR_NO_WORKER'));
  });

  it('rejects a negative or non-finite estimate and a NaN heap report', () => {
    const workers = [worker(0)];

    assert.throws(() => placeActor({ workers }, { ...req, estimatedBytes: -1 }), { name: 'RangeError', message: /estimatedBytes .* current value is -1/ });
    assert.throws(() => placeActor({ workers }, { ...req, estimatedBytes: Number.NaN }), RangeError);
    assert.throws(() => placeActor({ workers: [worker(0, { heapUsedBytes: Number.NaN })] }, req), { name: 'RangeError', message: /worker 0: heapUsedBytes/ });
  });

  it('accepts an estimate without letting it change the choice', () => {
    const workers = [worker(0, { heapUsedBytes: 20 * MiB }), worker(1)];

    assert.equal(placeActor({ workers }, { ...req, estimatedBytes: 1_000_000 }), 1);
  });
});
