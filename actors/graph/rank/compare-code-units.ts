/**
 * The one string order of `rank/`: UTF-16 code-unit order, as `<` compares and as the partition
 * index sorts paths. Locale-independent, so results do not depend on the machine.
 *
 * @module
 */

/**
 * Compares two strings by UTF-16 code units.
 *
 * @returns Negative, zero or positive, for `Array.prototype.sort`.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
