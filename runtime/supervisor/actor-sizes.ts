/**
 * Estimated bytes per active actor and their sum per worker, kept incrementally so placement
 * reads a worker's total in O(1) however many actors it runs.
 */
export class ActorSizes {
  readonly #byActor = new Map<string, { slot: number; bytes: number }>();
  readonly #bySlot = new Map<number, number>();

  /** Records (or updates) an actor's size on a worker. */
  set(address: string, slot: number, bytes: number): void {
    this.delete(address);
    this.#byActor.set(address, { slot, bytes });
    this.#bySlot.set(slot, (this.#bySlot.get(slot) ?? 0) + bytes);
  }

  /** Forgets an actor (passivated, failed, or its worker died). */
  delete(address: string): void {
    const entry = this.#byActor.get(address);
    if (!entry) return;
    this.#byActor.delete(address);
    this.#bySlot.set(entry.slot, (this.#bySlot.get(entry.slot) ?? 0) - entry.bytes);
  }

  /** An actor's estimated bytes (0 when unknown). */
  get(address: string): number {
    return this.#byActor.get(address)?.bytes ?? 0;
  }

  /** The sum over a worker's actors. */
  bytesOn(slot: number): number {
    return this.#bySlot.get(slot) ?? 0;
  }
}
