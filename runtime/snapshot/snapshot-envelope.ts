/**
 * A stored snapshot is the actor's persisted bytes plus the journal sequence number it covers:
 * replay after a restore applies only entries after that number, so a snapshot written while
 * the journal was not yet truncated can never apply a message twice.
 *
 * Layout: float64 LE sequence number, then the persisted bytes.
 */

/** Bytes before the persisted bytes. */
export const kSnapshotSeqBytes = 8;
const kSeqBytes = kSnapshotSeqBytes;

/** Wraps persisted bytes with the sequence number they cover (one copy: see {@link wrapSnapshotParts}). */
export function wrapSnapshot(seq: number, state: Uint8Array): Uint8Array {
  return Buffer.concat(wrapSnapshotParts(seq, state));
}

/** Persisted bytes with the sequence number they cover, as two parts, without copying `state`. */
export function wrapSnapshotParts(seq: number, state: Uint8Array): Uint8Array[] {
  const head = new Uint8Array(kSeqBytes);
  new DataView(head.buffer).setFloat64(0, seq, true);
  return [head, state];
}

/** Splits a stored snapshot. @throws RangeError when it is shorter than its header */
export function unwrapSnapshot(stored: Uint8Array): { seq: number; state: Uint8Array } {
  if (stored.length < kSeqBytes) throw new RangeError(`Stored snapshot is ${stored.length} bytes: shorter than its ${kSeqBytes}-byte header`);
  const seq = new DataView(stored.buffer, stored.byteOffset, kSeqBytes).getFloat64(0, true);
  return { seq, state: stored.subarray(kSeqBytes) };
}
