import { fromWireError, tesseraError, type ClientToDaemon, type WireError } from '../../protocol/index.js';
import type { Clock, TimerHandle } from '../../runtime/index.js';

interface Pending {
  readonly message: ClientToDaemon;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timeoutMs: number;
  timer: TimerHandle | undefined;
  sent: boolean;
}

/**
 * A client's requests in flight: it numbers them, sends at most `maxInFlight` at once (queueing
 * the rest in order, so a pipelining caller never trips the daemon's own limit), settles each
 * by its reply's `id`, and fails it after its timeout. A reply whose id is no longer pending (it
 * timed out) is dropped. No I/O: `send` is whatever writes a message.
 */
export class RequestWindow {
  readonly #send: (message: ClientToDaemon) => void;
  readonly #max: number;
  readonly #clock: Clock;
  readonly #pending = new Map<number, Pending>();
  readonly #queue: Pending[] = [];
  #nextId = 1;
  #inFlight = 0;
  #closedWith: Error | undefined;

  /**
   * @param send - writes one message to the daemon
   * @param maxInFlight - requests sent but not answered, at most
   * @param clock - for timeouts
   */
  constructor(send: (message: ClientToDaemon) => void, maxInFlight: number, clock: Clock) {
    if (!Number.isSafeInteger(maxInFlight) || maxInFlight < 1) throw new RangeError(`maxInFlight must be a positive integer: current value is ${maxInFlight}`);
    this.#send = send;
    this.#max = maxInFlight;
    this.#clock = clock;
  }

  /** Requests not yet answered (sent or queued). */
  get size(): number {
    return this.#pending.size;
  }

  /**
   * Sends a request (or queues it) and resolves with its answer's value.
   * @param build - makes the message from its id
   * @param timeoutMs - fails with ERR_DAEMON_REQUEST_TIMEOUT after this long (counted from now)
   */
  request(build: (id: number) => ClientToDaemon, timeoutMs: number): Promise<unknown> {
    if (this.#closedWith !== undefined) return Promise.reject(this.#closedWith);
    const id = this.#nextId;
    this.#nextId = this.#nextId >= 0xffffffff ? 1 : this.#nextId + 1;
    return new Promise((resolve, reject) => {
      const entry: Pending = { message: build(id), resolve, reject, timeoutMs, timer: undefined, sent: false };
      this.#pending.set(id, entry);
      if (Number.isFinite(timeoutMs)) entry.timer = this.#clock.setTimeout(() => this.#timeout(id), timeoutMs);
      if (this.#inFlight < this.#max) this.#transmit(entry);
      else this.#queue.push(entry);
    });
  }

  /** Settles request `id` with a value (a `result` or `pong`). */
  resolve(id: number, value: unknown): void {
    this.#settle(id)?.resolve(value);
  }

  /** Settles request `id` with an error reply; id 0 (a connection-level error) is the caller's to handle. */
  reject(id: number, error: WireError): void {
    this.#settle(id)?.reject(fromWireError(error));
  }

  /** Fails everything pending and refuses new requests with `error`. */
  close(error: Error): void {
    this.#closedWith ??= error;
    const all = [...this.#pending.keys()];
    this.#queue.length = 0;
    for (const id of all) this.#settle(id)?.reject(error);
  }

  #transmit(entry: Pending): void {
    entry.sent = true;
    this.#inFlight++;
    try {
      this.#send(entry.message);
    } catch (err) {
      this.#settle(entry.message.id)?.reject(err as Error); // a message that does not encode
    }
  }

  #settle(id: number): Pending | undefined {
    const entry = this.#pending.get(id);
    if (entry === undefined) return undefined; // timed out already: a stale reply
    this.#pending.delete(id);
    if (entry.timer !== undefined) this.#clock.clearTimeout(entry.timer);
    if (entry.sent) {
      this.#inFlight--;
      const next = this.#queue.shift();
      if (next !== undefined) this.#transmit(next);
    } else {
      this.#queue.splice(this.#queue.indexOf(entry), 1);
    }
    return entry;
  }

  #timeout(id: number): void {
    const entry = this.#pending.get(id);
    if (entry === undefined) return;
    entry.timer = undefined;
    this.#settle(id)?.reject(tesseraError('ERR_DAEMON_REQUEST_TIMEOUT', { kind: entry.message.k, timeoutMs: entry.timeoutMs }));
  }
}
