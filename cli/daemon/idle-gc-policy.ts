import { setFlagsFromString } from 'node:v8';

/**
 * Limits V8's memory reducer to one collection per idle spell (V8 runs up to three). The
 * daemon already returns idle garbage itself: 10 s after the last query the graph runs a full
 * collection in every thread (CodeGraph's `collect` idle work). The reducer then collected
 * again in every thread, about 8 s after the last activity and again later.
 *
 * Measured on 2 vCPUs (2026-11-25), daemon bench, 60 s idle after its burst:
 * - Before: 0.50–0.53 % of a core.
 * - With this flag and a scavenge as the second of the daemon's own two collections
 *   (`collectGarbageFully`): 0.38 %.
 * - Turning the reducer off altogether: 0.27 %. But a 3-file tree's idle RSS rose from about
 *   95 to 106.6 MiB, over the 100 MB target. The reducer's collections return memory that a
 *   plain full collection keeps.
 *
 * The flag is process-wide and takes effect at run time, in the main thread too: there, the
 * reducer's late collection went from about 75 to 42 ms of CPU. Call it once, before the daemon
 * starts.
 */
export function limitIdleCollections(): void {
  setFlagsFromString('--memory-reducer-single-gc');
}
