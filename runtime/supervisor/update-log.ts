/**
 * The journal behind the delivery guarantee: per actor, every message delivered since its
 * latest stored snapshot, in delivery order. After a worker crash the actor is rebuilt from
 * that snapshot plus a replay of the journal, so no acknowledged update is lost.
 *
 * - A tell is accepted (and journaled as committed) when it is handed to the worker's ring.
 * - An ask is journaled as pending when sent and committed when its reply arrives; if it
 *   fails (or its worker dies before replying) it is discarded: the caller got an error, so
 *   its effect must not appear.
 * - A checkpoint stores a snapshot taken after message `seq`; entries up to it are dropped.
 */
export interface JournalEntry {
  readonly seq: number;
  readonly message: unknown;
  committed: boolean;
}

/** Per-actor journals of delivered messages since the latest snapshot. */
export class UpdateLog {
  readonly #entries = new Map<string, JournalEntry[]>();
  readonly #nextSeq = new Map<string, number>();

  /** Appends a delivered message. @returns its sequence number */
  append(address: string, message: unknown, committed: boolean): number {
    const seq = (this.#nextSeq.get(address) ?? 0) + 1;
    this.#nextSeq.set(address, seq);
    let list = this.#entries.get(address);
    if (!list) this.#entries.set(address, (list = []));
    list.push({ seq, message, committed });
    return seq;
  }

  /** The latest sequence number handed out for an actor (0 if none). */
  lastSeq(address: string): number {
    return this.#nextSeq.get(address) ?? 0;
  }

  /** Marks an ask's entry committed (its reply arrived). */
  commit(address: string, seq: number): void {
    const entry = this.#find(address, seq);
    if (entry) entry.committed = true;
  }

  /** Removes an entry whose message failed or was never applied. */
  discard(address: string, seq: number): void {
    const list = this.#entries.get(address);
    if (!list) return;
    const i = list.findLastIndex((e) => e.seq === seq);
    if (i >= 0) list.splice(i, 1);
  }

  /** Removes every pending (unanswered) entry: their worker died before answering. */
  discardPending(address: string): void {
    const list = this.#entries.get(address);
    if (list) this.#entries.set(address, list.filter((e) => e.committed));
  }

  /** The committed messages after `afterSeq` (the snapshot's), to replay onto it in order. */
  replay(address: string, afterSeq = 0): unknown[] {
    return (this.#entries.get(address) ?? []).filter((e) => e.committed && e.seq > afterSeq).map((e) => e.message);
  }

  /**
   * Continues numbering after `seq` when it is higher than any number handed out: a snapshot
   * left by an earlier supervisor on the same directory covers messages up to `seq`, and a
   * new message numbered at or below it would be skipped by {@link replay}.
   */
  continueAfter(address: string, seq: number): void {
    if (seq > this.lastSeq(address)) this.#nextSeq.set(address, seq);
  }

  /** Drops entries covered by a snapshot taken after message `seq`. */
  truncateThrough(address: string, seq: number): void {
    const list = this.#entries.get(address);
    if (!list) return;
    const rest = list.filter((e) => e.seq > seq);
    if (rest.length === 0) this.#entries.delete(address);
    else this.#entries.set(address, rest);
  }

  /** Number of entries held for an actor. */
  size(address: string): number {
    return this.#entries.get(address)?.length ?? 0;
  }

  /** Entries held for all actors. */
  get totalEntries(): number {
    let n = 0;
    for (const list of this.#entries.values()) n += list.length;
    return n;
  }

  #find(address: string, seq: number): JournalEntry | undefined {
    // Pending asks sit near the end of the journal: search from there.
    return this.#entries.get(address)?.findLast((e) => e.seq === seq);
  }
}
