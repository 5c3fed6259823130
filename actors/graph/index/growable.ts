/**
 * Append-only typed-array vectors used while building an index. `toArray()` returns a copy
 * trimmed to the exact length, so a finished index holds no slack capacity.
 *
 * @module
 */

/** A growable `Uint32Array`. */
export class GrowableU32 {
  #data: Uint32Array;
  #length = 0;

  /** @param capacity Initial capacity in elements. */
  constructor(capacity = 64) {
    this.#data = new Uint32Array(Math.max(4, capacity));
  }

  /** Number of elements pushed. */
  get length(): number {
    return this.#length;
  }

  /** Appends one value (0 … 2^32 − 1). */
  push(value: number): void {
    if (this.#length === this.#data.length) this.#grow(this.#length + 1);
    this.#data[this.#length++] = value;
  }

  /** The value at `index` (unchecked beyond `length`). */
  get(index: number): number {
    return this.#data[index]!;
  }

  /** Overwrites the value at `index`. */
  set(index: number, value: number): void {
    this.#data[index] = value;
  }

  /** A trimmed copy of the contents. */
  toArray(): Uint32Array {
    return this.#data.slice(0, this.#length);
  }

  #grow(min: number): void {
    const next = new Uint32Array(Math.max(min, this.#data.length * 2));
    next.set(this.#data.subarray(0, this.#length));
    this.#data = next;
  }
}

/** A growable byte buffer with LEB128 varint writes. */
export class GrowableBytes {
  #data: Uint8Array;
  #length = 0;

  /** @param capacity Initial capacity in bytes. */
  constructor(capacity = 256) {
    this.#data = new Uint8Array(Math.max(16, capacity));
  }

  /** Number of bytes written. */
  get length(): number {
    return this.#length;
  }

  /** Appends one byte. */
  push(byte: number): void {
    if (this.#length === this.#data.length) this.#grow(this.#length + 1);
    this.#data[this.#length++] = byte;
  }

  /** Appends a byte range. */
  pushBytes(bytes: Uint8Array): void {
    if (this.#length + bytes.length > this.#data.length) this.#grow(this.#length + bytes.length);
    this.#data.set(bytes, this.#length);
    this.#length += bytes.length;
  }

  /** Appends an unsigned integer (0 … 2^32 − 1) as a LEB128 varint. */
  pushVarint(value: number): void {
    let v = value >>> 0;
    while (v >= 0x80) {
      this.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    this.push(v);
  }

  /** A trimmed copy of the contents. */
  toArray(): Uint8Array {
    return this.#data.slice(0, this.#length);
  }

  #grow(min: number): void {
    const next = new Uint8Array(Math.max(min, this.#data.length * 2));
    next.set(this.#data.subarray(0, this.#length));
    this.#data = next;
  }
}
