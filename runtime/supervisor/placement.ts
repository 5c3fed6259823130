import { tesseraError } from '../../protocol/index.js';
import type { ClusterView, SpawnRequest, WorkerId, WorkerView } from './cluster-view.js';

/**
 * Memory is compared in steps of this many bytes. Two workers' heap reports differ by a few MB
 * with nothing to do with their actors (when each last collected), and a report arriving in the
 * middle of a burst of activations sent every small actor after it to one worker (8 and 12 of
 * 20 in a test under load); within a step, the actor count decides.
 */
export const kPlacementMemoryStep = 8 * 1024 * 1024;

/**
 * Chooses the worker a new activation goes to: among `'ready'` workers, the one with the least
 * memory (heap used plus pending estimated bytes, in steps of {@link kPlacementMemoryStep}), then
 * the fewest actors, then the lowest id.
 * Pure and deterministic: the same view always gives the same worker, whatever the order of
 * `cluster.workers`.
 * @param cluster - the pool as the supervisor sees it
 * @param req - what is being placed (named in the error when nothing can take it)
 * @returns the chosen worker's id
 * @throws TesseraError `ERR_SUPERVISOR_NO_WORKER` when no worker is ready
 * @throws RangeError when `req.estimatedBytes`, or a ready worker's `heapUsedBytes` or
 *   `pendingBytes`, is negative or not finite
 * @example
 * const id = placeActor({ workers }, { kind: 'counter', key: 'a' });
 */
export function placeActor(cluster: ClusterView, req: SpawnRequest): WorkerId {
  const estimated = req.estimatedBytes;
  if (estimated !== undefined && !(Number.isFinite(estimated) && estimated >= 0)) {
    throw new RangeError(`Cannot place actor "${req.kind}/${req.key}": estimatedBytes must be a finite number >= 0: current value is ${estimated}`);
  }
  let best: WorkerView | undefined;
  let ready = 0;
  for (const worker of cluster.workers) {
    if (worker.status !== 'ready') continue;
    assertLoad(worker);
    ready++;
    if (best === undefined || comparePlacement(worker, best) < 0) best = worker;
  }
  if (best === undefined) {
    throw tesseraError('ERR_SUPERVISOR_NO_WORKER', { kind: req.kind, key: req.key, workers: cluster.workers.length, ready });
  }
  return best.id;
}

/** Orders workers by preference: negative when `a` should take the actor before `b`. */
function comparePlacement(a: WorkerView, b: WorkerView): number {
  const memory = memorySteps(a) - memorySteps(b);
  if (memory !== 0) return memory;
  if (a.actorCount !== b.actorCount) return a.actorCount - b.actorCount;
  return a.id - b.id;
}

function memorySteps(worker: WorkerView): number {
  return Math.floor((worker.heapUsedBytes + worker.pendingBytes) / kPlacementMemoryStep);
}

/** Rejects loads that would make the order meaningless (NaN compares as neither less nor more). */
function assertLoad(worker: WorkerView): void {
  for (const field of ['heapUsedBytes', 'pendingBytes'] as const) {
    const value = worker[field];
    if (!(Number.isFinite(value) && value >= 0)) {
      throw new RangeError(`Cannot place on worker ${worker.id}: ${field} must be a finite number >= 0: current value is ${value}`);
    }
  }
}
