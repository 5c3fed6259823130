/**
 * The ring readers' default spin window. A reader that spins after a message answers the next
 * one in microseconds instead of waiting for a futex wake-up (~70 µs), but it holds its core
 * while it spins. That pays only when every thread that may spin — each worker and the
 * supervisor's thread — has a core to itself. With fewer cores the spinners take turns with the
 * threads doing the work: measured on 2 cores with 2 workers (2026-11-25), spinning 0.1 ms gave
 * the graph's warm `def` a p99 of 0.96–1.3 ms against 0.64–0.82 ms without, and the runtime
 * bench 68–75k asks/s against 84k.
 *
 * @module
 */

/** Spin window, in ms, used when the cores allow it. */
export const kSpinWindowMs = 0.1;

/**
 * @param cores - cores available to the process
 * @param workers - worker threads the supervisor runs
 * @returns {@link kSpinWindowMs} when the cores exceed the workers (a core left for the
 *   supervisor's thread), else 0 (park at once)
 */
export function defaultSpinMs(cores: number, workers: number): number {
  return cores > workers ? kSpinWindowMs : 0;
}
