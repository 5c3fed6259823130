/**
 * Bounds a promise in time: a command of a stress run that hangs (a lost message with no
 * deadline, a worker that never answers) must fail the run, not stall it.
 *
 * @module
 */

/**
 * Resolves or rejects like `work`, or rejects after `ms` with an Error naming `what`.
 * @param ms - the bound in milliseconds
 * @param what - what was waited for, for the message
 * @param work - the promise to bound (it keeps running; its late outcome is ignored)
 */
export function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
