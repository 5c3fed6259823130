/**
 * Fan-out with a concurrency limit and early termination, consuming results in order.
 *
 *   launch(0) launch(1) launch(2)            ← at most `concurrency` in flight
 *      │         ✓         │
 *      ✓ ─ consume(0) ─ consume(1) ─ …       ← strictly in index order
 *                   └ false: stop launching; answers still in flight are ignored
 *
 * Partitions are contiguous path ranges, so consuming partition answers in partition order
 * merges them in path order; a query that has enough once a prefix of partitions has answered
 * stops asking the rest. `launch` runs when a slot frees, so it can size its ask from what the
 * consumed prefix already holds.
 *
 * @module
 */

/**
 * Runs `launch(i)` for `i` in `[0, count)`, at most `concurrency` at once, and hands results to
 * `consume` in index order until it returns false.
 * @param count - number of tasks
 * @param concurrency - most tasks in flight (at least 1)
 * @param launch - starts task `i`
 * @param consume - takes task `i`'s result; returns whether to go on
 * @returns resolves once every task is consumed or `consume` returned false
 * @throws the first task rejection (tasks after it are not launched)
 * @example
 * const hits: Hit[] = [];
 * await orderedFanOut(ids.length, 4, (i) => ask(ids[i]), (page) => (hits.push(...page), hits.length < limit));
 */
export function orderedFanOut<T>(count: number, concurrency: number, launch: (i: number) => Promise<T>, consume: (value: T, i: number) => boolean): Promise<void> {
  if (!(concurrency >= 1)) throw new RangeError(`Cannot fan out: concurrency must be at least 1: current value is ${concurrency}`);
  return new Promise((resolve, reject) => {
    const done = new Array<{ value: T } | undefined>(count);
    let next = 0;
    let consumed = 0;
    let inFlight = 0;
    let stopped = false;
    const finish = (): void => {
      if (stopped || consumed === count) {
        stopped = true;
        resolve();
      }
    };
    const drain = (): void => {
      for (let r = done[consumed]; !stopped && r !== undefined; r = done[consumed]) {
        done[consumed] = undefined;
        if (!consume(r.value, consumed++)) stopped = true;
      }
    };
    const pump = (): void => {
      while (!stopped && inFlight < concurrency && next < count) {
        const i = next++;
        inFlight++;
        let task: Promise<T>;
        try {
          task = launch(i);
        } catch (err) {
          task = Promise.reject(asError(err));
        }
        task.then(
          (value) => {
            inFlight--;
            if (stopped) return;
            done[i] = { value };
            drain();
            pump();
            finish();
          },
          (err: unknown) => {
            inFlight--;
            if (stopped) return;
            stopped = true;
            reject(asError(err));
          },
        );
      }
    };
    pump();
    finish();
  });
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}
