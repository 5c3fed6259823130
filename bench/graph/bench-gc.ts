/**
 * Full garbage collections for memory figures, without asking the caller for `--expose-gc`:
 * the flag is set at run time and `gc` taken from a fresh context (V8 installs it there).
 *
 * @module
 */

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

function gcFunction(): () => void {
  if (gc === undefined) {
    const existing = (globalThis as { gc?: () => void }).gc;
    if (existing !== undefined) gc = existing;
    else {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    }
  }
  return gc;
}

/**
 * Collects garbage a few times, pausing so freed ArrayBuffer backing stores are returned.
 * @returns resolves once done
 */
export async function collectGarbage(): Promise<void> {
  const collect = gcFunction();
  for (let i = 0; i < 3; i++) {
    collect();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
