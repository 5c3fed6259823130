/**
 * Bounds the snapshot bytes being activated at once by the memory left under the budget.
 *
 * An activation holds its state several times over for a moment: the bytes read on the
 * supervisor's thread, the frame the worker assembles from the ring, and the state the kind
 * restores from it. A burst of activations of large actors (a search that must load four
 * evicted partitions of ~30 MB) is then briefly hundreds of MB that no memory report has seen
 * yet, since workers report once per maintenance round: on a quarter of the Linux kernel it
 * raised the peak RSS by 54–186 MB over the index phase's (the scale bench, issue 8). Waiting
 * activations go in arrival order; one runs whenever none is under way, so a budget too small
 * for any actor slows activations down rather than stopping them.
 *
 * @module
 */

/** Copies of a snapshot alive during its activation (read buffer, worker frame, restored state). */
export const kActivationCopies = 3;

/**
 * Pure policy: may an activation holding `bytes` start now?
 * @param inFlightBytes - bytes held by activations under way
 * @param bytes - what this one will hold (snapshot size × {@link kActivationCopies})
 * @param headroomBytes - memory left before critical pressure
 */
export function mayStartActivation(inFlightBytes: number, bytes: number, headroomBytes: number): boolean {
  return inFlightBytes === 0 || inFlightBytes + bytes <= headroomBytes;
}

/** A byte-weighted gate in front of activations (FIFO). */
export class ActivationGate {
  #inFlight = 0;
  readonly #waiting: { bytes: number; start: () => void }[] = [];
  readonly #headroom: () => number;

  /** @param headroom - bytes left before critical pressure, as last measured */
  constructor(headroom: () => number) {
    this.#headroom = headroom;
  }

  /** Bytes held by activations under way. */
  get inFlightBytes(): number {
    return this.#inFlight;
  }

  /** Activations waiting for room. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /**
   * Waits for room for `bytes`, then counts them in.
   * @returns a function that counts them out again (call it once, when the activation ended)
   */
  async enter(bytes: number): Promise<() => void> {
    if (this.#waiting.length > 0 || !mayStartActivation(this.#inFlight, bytes, this.#headroom())) {
      await new Promise<void>((start) => this.#waiting.push({ bytes, start }));
    } else this.#inFlight += bytes;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.#inFlight -= bytes;
      this.#startWaiting();
    };
  }

  #startWaiting(): void {
    while (this.#waiting.length > 0 && mayStartActivation(this.#inFlight, this.#waiting[0]!.bytes, this.#headroom())) {
      const next = this.#waiting.shift()!;
      this.#inFlight += next.bytes;
      next.start();
    }
  }
}
