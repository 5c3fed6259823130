/** Per-connection limits of the daemon's socket. */
export interface ConnectionLimits {
  /** Largest msgpack frame payload accepted, in bytes (default 1 MiB). */
  readonly maxFrameBytes: number;
  /** Longest JSON line accepted, in bytes (default 1 MiB). */
  readonly maxLineBytes: number;
  /** Requests one connection may have in flight; more are answered ERR_DAEMON_TOO_MANY_REQUESTS (default 256). */
  readonly maxInFlight: number;
  /**
   * Unsent reply bytes above which the daemon stops reading the connection until the client
   * catches up, and drops events for it (default 8 MiB).
   */
  readonly maxPendingWriteBytes: number;
}

/** The defaults of {@link ConnectionLimits}. */
export const kDefaultConnectionLimits: ConnectionLimits = Object.freeze({
  maxFrameBytes: 1 << 20,
  maxLineBytes: 1 << 20,
  maxInFlight: 256,
  maxPendingWriteBytes: 8 << 20,
});

/**
 * Fills in the defaults and checks the values.
 * @throws {RangeError} when a limit is not a positive integer
 */
export function resolveConnectionLimits(given: Partial<ConnectionLimits> = {}): ConnectionLimits {
  const limits = { ...kDefaultConnectionLimits, ...given };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`Connection limit ${name} must be a positive integer: current value is ${value}`);
  }
  return limits;
}
