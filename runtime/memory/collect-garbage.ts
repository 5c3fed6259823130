import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * Runs a full garbage collection of this thread's heap. Used after passivations, so the heap
 * figure a worker reports reflects the actors it dropped rather than garbage not yet swept;
 * without it the supervisor would see no relief and over-evict. Worker threads cannot be
 * started with V8 flags, so --expose-gc is set at run time for this isolate's new contexts.
 */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

/**
 * Collects, lets V8's task that releases dead ArrayBuffers (and their external-memory count)
 * run, then collects again: after this the thread's memory figures are current.
 */
export async function collectGarbageFully(): Promise<void> {
  collectGarbage();
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
}
