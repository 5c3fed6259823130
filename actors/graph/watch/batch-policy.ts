/** The timing of an open batch: when its first and its latest event arrived. */
export interface BatchWindow {
  readonly firstAt: number;
  readonly lastAt: number;
}

/** How long a batch stays open. */
export interface BatchPolicy {
  /** Quiet time that closes a batch. */
  readonly debounceMs: number;
  /** A batch never stays open longer than this after its first event. */
  readonly maxDelayMs: number;
}

/**
 * When an open batch is due: after `debounceMs` of quiet, but never later than `maxDelayMs`
 * after its first event, so a steady stream of events still comes out in bounded batches.
 * @param window - the open batch's first and latest event times
 * @param policy - debounce and maximum delay
 * @returns the time at which to deliver the batch
 * @example
 * batchDueAt({ firstAt: 0, lastAt: 48 }, { debounceMs: 5, maxDelayMs: 50 }); // 50
 */
export function batchDueAt(window: BatchWindow, policy: BatchPolicy): number {
  return Math.min(window.lastAt + policy.debounceMs, window.firstAt + policy.maxDelayMs);
}

/**
 * Checks a policy's numbers.
 * @param policy - the policy to check
 * @returns the policy
 * @throws RangeError when a delay is negative or not finite, or the maximum is below the debounce
 */
export function checkBatchPolicy(policy: BatchPolicy): BatchPolicy {
  for (const key of ['debounceMs', 'maxDelayMs'] as const) {
    const v = policy[key];
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`Cannot watch: ${key} must be a finite number >= 0: current value is ${v}`);
  }
  if (policy.maxDelayMs < policy.debounceMs) {
    throw new RangeError(`Cannot watch: maxDelayMs must be >= debounceMs (${policy.debounceMs}): current value is ${policy.maxDelayMs}`);
  }
  return policy;
}
