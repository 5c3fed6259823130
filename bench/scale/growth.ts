/**
 * How a cost grows with the size of the work: the slope of the least-squares line through
 * (log size, log cost). 1 is linear, below 1 sublinear, 2 quadratic.
 *
 * @module
 */

/**
 * Fits `log y = a + b log x` and returns `b`.
 * @param sizes - work sizes (lines), > 0
 * @param costs - the cost at each size (seconds, megabytes), > 0
 * @returns the exponent `b`
 * @throws RangeError for fewer than two points, lengths that differ, non-positive values or a
 *   single distinct size
 * @example
 * growthExponent([1, 2, 4], [3, 6, 12]); // 1
 */
export function growthExponent(sizes: readonly number[], costs: readonly number[]): number {
  if (sizes.length !== costs.length) throw new RangeError(`Cannot fit a growth exponent: ${sizes.length} sizes but ${costs.length} costs`);
  if (sizes.length < 2) throw new RangeError(`Cannot fit a growth exponent: need at least 2 points: current value is ${sizes.length}`);
  for (const v of [...sizes, ...costs]) {
    if (!(v > 0 && Number.isFinite(v))) throw new RangeError(`Cannot fit a growth exponent: every size and cost must be a finite number > 0: current value is ${v}`);
  }
  const xs = sizes.map(Math.log);
  const ys = costs.map(Math.log);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i]! - my);
    sxx += (x - mx) ** 2;
  });
  if (sxx === 0) throw new RangeError('Cannot fit a growth exponent: all sizes are equal');
  return sxy / sxx;
}
