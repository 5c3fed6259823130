/**
 * An append-only byte buffer with little-endian uint32 writes, for encoders that do not know
 * their output size up front.
 *
 * @module
 */

/** A growable byte buffer. */
export class GrowableBytes {
  #data: Uint8Array;
  #view: DataView;
  #length = 0;

  /** @param capacity Initial capacity in bytes. */
  constructor(capacity = 1024) {
    this.#data = new Uint8Array(Math.max(16, capacity));
    this.#view = new DataView(this.#data.buffer);
  }

  /** Bytes written. */
  get length(): number {
    return this.#length;
  }

  /** Leaves `n` zero bytes (a header written later). */
  skip(n: number): void {
    this.#reserve(n);
    this.#length += n;
  }

  /** Appends a uint32 (LE). */
  u32(value: number): void {
    this.#reserve(4);
    this.#view.setUint32(this.#length, value, true);
    this.#length += 4;
  }

  /** Overwrites the uint32 at `at` (LE). */
  patchU32(at: number, value: number): void {
    if (at < 0 || at + 4 > this.#length) throw new RangeError(`Cannot patch 4 bytes at ${at}: ${this.#length} bytes written`);
    this.#view.setUint32(at, value, true);
  }

  /** Appends `source[start, end)`. */
  append(source: Uint8Array, start = 0, end = source.length): void {
    this.#reserve(end - start);
    const data = this.#data;
    if (end - start < 64) {
      // A loop beats subarray + set for short strings (no view allocated).
      let at = this.#length;
      for (let i = start; i < end; i++) data[at++] = source[i]!;
    } else {
      data.set(source.subarray(start, end), this.#length);
    }
    this.#length += end - start;
  }

  /** A view of the bytes `[start, end)` written so far (valid until the next write). */
  view(start: number, end: number): Uint8Array {
    return this.#data.subarray(start, end);
  }

  /** Forgets what was written, keeping the capacity. */
  clear(): void {
    this.#length = 0;
  }

  /** The bytes written, as an exactly-sized copy. */
  bytes(): Uint8Array {
    return this.#data.slice(0, this.#length);
  }

  #reserve(n: number): void {
    if (this.#length + n <= this.#data.length) return;
    const data = new Uint8Array(Math.max(this.#length + n, this.#data.length * 2));
    data.set(this.#data.subarray(0, this.#length));
    this.#data = data;
    this.#view = new DataView(data.buffer);
  }
}
