/**
 * An append-only `Int32Array` vector for building CSR arrays without per-element objects.
 *
 * @module
 */

/** A growable `Int32Array`; `toArray()` returns a trimmed copy. */
export class IntList {
  #data: Int32Array;
  #length = 0;

  /** @param capacity Initial capacity in elements. */
  constructor(capacity = 64) {
    this.#data = new Int32Array(Math.max(4, capacity));
  }

  /** Number of elements pushed. */
  get length(): number {
    return this.#length;
  }

  /** Appends one 32-bit signed integer. */
  push(value: number): void {
    if (this.#length === this.#data.length) this.#grow();
    this.#data[this.#length++] = value;
  }

  /** The value at `index` (unchecked beyond `length`). */
  get(index: number): number {
    return this.#data[index]!;
  }

  /** Overwrites the value at `index` (unchecked beyond `length`). */
  set(index: number, value: number): void {
    this.#data[index] = value;
  }

  /** A trimmed copy of the contents. */
  toArray(): Int32Array {
    return this.#data.slice(0, this.#length);
  }

  #grow(): void {
    const next = new Int32Array(this.#data.length * 2);
    next.set(this.#data);
    this.#data = next;
  }
}
