/**
 * Compressed sparse rows: the neighbours of row `r` are `columns[offsets[r] .. offsets[r + 1])`.
 * Two `Int32Array`s, 4 bytes per edge plus 4 per row, instead of an array object per node.
 *
 * ```
 * edges    (0→2) (1→0) (0→1) (2→0)
 * offsets  [0, 2, 3, 4]
 * columns  [2, 1, 0, 0]      row 0 = {2, 1}, row 1 = {0}, row 2 = {0}
 * ```
 *
 * @module
 */

/** A CSR adjacency over rows `0 … offsets.length - 2`. */
export interface Csr {
  /** `rowCount + 1` ascending offsets into `columns`. */
  readonly offsets: Int32Array;
  /** Column ids, grouped by row. */
  readonly columns: Int32Array;
}

/**
 * Builds a CSR adjacency from parallel edge arrays by a stable counting sort: within a row,
 * columns keep their input order.
 *
 * @param rowCount Number of rows; every row id must be below it.
 * @param rows The row (source) of each edge.
 * @param columns The column (target) of each edge, same length as `rows`.
 * @returns The adjacency, O(rowCount + edges) time and memory.
 * @throws {RangeError} When the arrays differ in length or a row id is out of range.
 */
export function buildCsr(rowCount: number, rows: Int32Array, columns: Int32Array): Csr {
  if (rows.length !== columns.length) {
    throw new RangeError(`Cannot build CSR: rows and columns differ in length: current value is ${rows.length} vs ${columns.length}`);
  }
  const offsets = new Int32Array(rowCount + 1);
  for (let e = 0; e < rows.length; e++) {
    const r = rows[e]!;
    if (r < 0 || r >= rowCount) throw new RangeError(`Cannot build CSR: row id out of range 0..${rowCount - 1}: current value is ${r}`);
    offsets[r + 1]!++;
  }
  for (let r = 0; r < rowCount; r++) offsets[r + 1]! += offsets[r]!;
  const cursor = offsets.slice(0, rowCount);
  const out = new Int32Array(rows.length);
  for (let e = 0; e < rows.length; e++) out[cursor[rows[e]!]!++] = columns[e]!;
  return { offsets, columns: out };
}
