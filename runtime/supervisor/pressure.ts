/**
 * Memory pressure levels. The supervisor compares the memory its actors use with the budget and
 * evicts least recently used actors while the level is above `'normal'`.
 */

/** How close memory use is to the budget. */
export type PressureLevel = 'normal' | 'warning' | 'critical';

/** Below this share of the budget the level is `'normal'`; eviction aims back under it. */
export const kWarningRatio = 0.7;

/** At or above this share of the budget the level is `'critical'`. */
export const kCriticalRatio = 0.9;

/**
 * Classifies memory use against a budget: `'normal'` below 70 %, `'warning'` below 90 %,
 * `'critical'` at or above 90 %. The comparison is done in tenths (`used * 10 < budget * 7`), so
 * integer byte counts land exactly on the thresholds, with no rounding from `0.7 * budget`.
 * @param usedBytes - memory in use, at least 0
 * @param budgetBytes - the budget, greater than 0
 * @returns the pressure level
 * @throws RangeError when either argument is out of range or not finite
 * @example
 * pressureLevel(800, 1000); // 'warning'
 */
export function pressureLevel(usedBytes: number, budgetBytes: number): PressureLevel {
  assertBudget(budgetBytes);
  if (!(Number.isFinite(usedBytes) && usedBytes >= 0)) {
    throw new RangeError(`Cannot compute memory pressure: usedBytes must be a finite number >= 0: current value is ${usedBytes}`);
  }
  if (usedBytes * 10 < budgetBytes * (kWarningRatio * 10)) return 'normal';
  if (usedBytes * 10 < budgetBytes * (kCriticalRatio * 10)) return 'warning';
  return 'critical';
}

/**
 * Throws unless `budgetBytes` is a usable budget (finite and greater than 0).
 * @throws RangeError with the current value
 */
export function assertBudget(budgetBytes: number): void {
  if (!(Number.isFinite(budgetBytes) && budgetBytes > 0)) {
    throw new RangeError(`Memory budget must be a finite number > 0: current value is ${budgetBytes}`);
  }
}
