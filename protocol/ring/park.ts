/**
 * The park/unpark handshake both sides of a ring use, once for "data available" (consumer
 * parks) and once for "space available" (producer parks).
 *
 * Lost wake-ups are the classic bug here (transport-notes pitfall 1). The rule that prevents
 * them: the sleeper reads the epoch BEFORE raising its parked flag and waits on the epoch, not
 * on the flag or on head/tail; the waker clears the flag with compareExchange and only then
 * bumps the epoch and notifies. Any waker that runs after the sleeper read the epoch changes
 * it, so the sleeper's wait returns 'not-equal' instead of sleeping through the change.
 */

/** What a park attempt found. */
export type ParkResult = 'ready' | 'woken' | 'timed-out';

/**
 * Parks the calling side until woken, `isReady()` turns true, or `timeoutMs` passes.
 * Never blocks the thread: uses Atomics.waitAsync.
 * @param header - the ring's Int32 header view
 * @param parkedIdx - the side's parked-flag word
 * @param epochIdx - the side's epoch word
 * @param isReady - re-checked after raising the flag, so work published meanwhile is not missed
 * @param timeoutMs - safety net in case a notification is ever missed; always bounded
 */
export function park(
  header: Int32Array,
  parkedIdx: number,
  epochIdx: number,
  isReady: () => boolean,
  timeoutMs: number,
): ParkResult | Promise<ParkResult> {
  const epoch = Atomics.load(header, epochIdx);
  Atomics.store(header, parkedIdx, 1);
  // Re-check after the flag is visible: a waker that published before seeing the flag
  // would not notify, so the work it published must be found here.
  if (isReady()) {
    Atomics.compareExchange(header, parkedIdx, 1, 0);
    return 'ready';
  }
  const wait = Atomics.waitAsync(header, epochIdx, epoch, timeoutMs);
  if (!wait.async) {
    Atomics.compareExchange(header, parkedIdx, 1, 0);
    return wait.value === 'timed-out' ? 'timed-out' : 'woken';
  }
  return wait.value.then((value) => {
    // On a timeout nobody cleared the flag; clear it so wakers stop notifying for nothing.
    Atomics.compareExchange(header, parkedIdx, 1, 0);
    return value === 'timed-out' ? 'timed-out' : 'woken';
  });
}

/**
 * Wakes the other side if it is parked. Cheap when it is not: one atomic load.
 * @returns true when a parked side was woken
 */
export function unpark(header: Int32Array, parkedIdx: number, epochIdx: number): boolean {
  if (Atomics.load(header, parkedIdx) === 0) return false;
  if (Atomics.compareExchange(header, parkedIdx, 1, 0) !== 1) return false;
  Atomics.add(header, epochIdx, 1);
  Atomics.notify(header, epochIdx, 1);
  return true;
}

/** Wakes a parked side unconditionally (used by close, where both sides must look). */
export function wakeAlways(header: Int32Array, parkedIdx: number, epochIdx: number): void {
  Atomics.store(header, parkedIdx, 0);
  Atomics.add(header, epochIdx, 1);
  Atomics.notify(header, epochIdx);
}
