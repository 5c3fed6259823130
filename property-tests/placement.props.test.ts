import { withSeed } from './seed.js';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isTesseraError } from '../protocol/index.js';
import { placeActor, type WorkerView } from '../runtime/index.js';

const MiB = 1024 * 1024;

const workerArb = (id: number): fc.Arbitrary<WorkerView> =>
  fc.record({
    id: fc.constant(id),
    status: fc.constantFrom('starting', 'ready', 'draining', 'dead'),
    // Small ranges so that ties in memory steps and actor count are common, and loads on both
    // sides of a step's edge (steps of 8 MiB: 0-32 MiB in 3 MiB strides, plus 0-2 MiB pending).
    heapUsedBytes: fc.integer({ min: 0, max: 10 }).map((n) => n * 3 * MiB),
    pendingBytes: fc.integer({ min: 0, max: 2 }).map((n) => n * MiB),
    actorCount: fc.nat({ max: 3 }),
  });

/** Pools with distinct ids in any order. */
const clusterArb = fc
  .uniqueArray(fc.nat({ max: 64 }), { maxLength: 12 })
  .chain((ids) => fc.tuple(...ids.map(workerArb)))
  .map((workers) => ({ workers }));

const reqArb = fc.record({ kind: fc.string({ minLength: 1 }), key: fc.string() });

describe(withSeed('placeActor() properties'), () => {
  it('never places on a worker that is not ready, and fails with ERR_SUPERVISOR_NO_WORKER only when none is', () => {
    fc.assert(
      fc.property(clusterArb, reqArb, (cluster, req) => {
        const ready = cluster.workers.filter((w) => w.status === 'ready');
        if (ready.length === 0) {
          assert.throws(() => placeActor(cluster, req), (err: unknown) => isTesseraError(err, 'ERR_SUPERVISOR_NO_WORKER'));
          return;
        }
        const id = placeActor(cluster, req);
        assert.ok(ready.some((w) => w.id === id), `placed on worker ${id}, which is not ready`);
      }),
    );
  });

  it('picks the minimum by (8 MiB steps of heap + pending, actor count, id) among ready workers', () => {
    fc.assert(
      fc.property(clusterArb, reqArb, (cluster, req) => {
        const ready = cluster.workers.filter((w) => w.status === 'ready');
        fc.pre(ready.length > 0);
        const key = (w: WorkerView) => [Math.floor((w.heapUsedBytes + w.pendingBytes) / (8 * MiB)), w.actorCount, w.id] as const;
        const expected = [...ready].sort((a, b) => {
          const [ka, kb] = [key(a), key(b)];
          return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2];
        })[0];

        assert.equal(placeActor(cluster, req), expected?.id);
      }),
    );
  });

  it('is deterministic: the order of the workers does not change the choice', () => {
    fc.assert(
      fc.property(
        clusterArb.filter((c) => c.workers.some((w) => w.status === 'ready')),
        reqArb,
        fc.infiniteStream(fc.nat()),
        (cluster, req, randoms) => {
          const shuffled = cluster.workers
            .map((w) => ({ w, r: randoms.next().value }))
            .sort((a, b) => a.r - b.r)
            .map(({ w }) => w);

          assert.equal(placeActor({ workers: shuffled }, req), placeActor(cluster, req));
        },
      ),
    );
  });
});
