/**
 * Synchronous ranged reads of a byte range: a slice of an open file, or of a slice. Used where
 * a few small reads from the page cache cost less than one trip through libuv's thread pool.
 *
 * @module
 */

import { readSync } from 'node:fs';

/** Reads `length` bytes at `offset` of a range of `length` bytes. */
export interface RangeReader {
  readonly length: number;
  /**
   * Offsets and headers derived from these bytes, by key (namespace keys by layer): lives as
   * long as the bytes stay the same, so a reader can skip re-reading them.
   */
  readonly memo: Map<string, unknown>;
  /** @throws RangeError when the range asked for is not inside this one; the system's error when the read fails */
  read(offset: number, length: number): Buffer;
}

/** The bytes `[start, start + length)` of the file open as `fd`. */
export function fileRange(fd: number, start: number, length: number, memo: Map<string, unknown>): RangeReader {
  return {
    length,
    memo,
    read(offset, n) {
      checkInside(offset, n, length);
      const out = Buffer.allocUnsafe(n);
      let done = 0;
      while (done < n) {
        const got = readSync(fd, out, done, n - done, start + offset + done);
        if (got === 0) throw new RangeError(`Cannot read ${n} bytes at ${start + offset}: the file ends after ${done}`);
        done += got;
      }
      return out;
    },
  };
}

/** The bytes `[start, start + length)` of `outer`. @throws RangeError when they are not inside it */
export function subRange(outer: RangeReader, start: number, length: number): RangeReader {
  checkInside(start, length, outer.length);
  return { length, memo: outer.memo, read: (offset, n) => (checkInside(offset, n, length), outer.read(start + offset, n)) };
}

function checkInside(offset: number, n: number, length: number): void {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(n) || offset < 0 || n < 0 || offset + n > length) {
    throw new RangeError(`Cannot read ${n} bytes at ${offset}: the range holds ${length} bytes`);
  }
}
