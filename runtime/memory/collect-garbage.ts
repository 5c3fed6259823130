import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Gc = (options?: { type?: 'major' | 'minor' }) => void;
let gc: Gc | undefined;

/** V8's gc(), exposed once for this isolate: worker threads cannot be started with V8 flags. */
function v8Gc(): Gc {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as Gc;
  }
  return gc;
}

/**
 * Runs a full garbage collection of this thread's heap. Used after passivations, so the heap
 * figure a worker reports reflects the actors it dropped rather than garbage not yet swept;
 * without it the supervisor would see no relief and over-evict.
 */
export function collectGarbage(): void {
  v8Gc()();
}

/**
 * Collects, lets V8's task that releases dead ArrayBuffers (and their external-memory count)
 * run, then makes V8 finish that task: after this the thread's memory figures are current.
 * Any collection finishes the task first, so the second one is a scavenge: a full one marked
 * the whole heap again (2.9 ms against 0.24 ms on a small heap, and it grows with the heap),
 * and the daemon runs this in every thread once queries stop.
 */
export async function collectGarbageFully(): Promise<void> {
  collectGarbage();
  await new Promise((resolve) => setImmediate(resolve));
  v8Gc()({ type: 'minor' });
}
