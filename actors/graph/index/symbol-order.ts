/**
 * The order of a segment's symbol table: by lower-cased name, then by raw name (UTF-16 code
 * units). Every name with a given case-insensitive prefix (`lower(name).startsWith(lower(p))`)
 * then sits in one contiguous run, found by binary search.
 *
 * @module
 */

/**
 * Compares two names in symbol-table order.
 *
 * @returns Negative, zero or positive.
 */
export function compareSymbols(a: string, b: string): number {
  return compareFolded(a.toLowerCase(), a, b.toLowerCase(), b);
}

/**
 * Compares names whose lower-cased forms are already known.
 *
 * @returns Negative, zero or positive.
 */
export function compareFolded(foldedA: string, a: string, foldedB: string, b: string): number {
  if (foldedA !== foldedB) return foldedA < foldedB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Sorts distinct names into symbol-table order.
 *
 * @param names Distinct names.
 * @returns A new sorted array.
 */
export function sortSymbols(names: Iterable<string>): string[] {
  const raw = [...names];
  const folded = raw.map((s) => s.toLowerCase());
  const order = raw.map((_, i) => i);
  order.sort((i, j) => compareFolded(folded[i]!, raw[i]!, folded[j]!, raw[j]!));
  return order.map((i) => raw[i]!);
}
