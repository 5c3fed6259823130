import { tesseraError } from '../errors/index.js';
import { align4, kConsumerEpoch, kConsumerParked, kFrameHeaderBytes, kHead, kLengthMask, kMoreFlag, kProducerEpoch, kProducerParked, kProducerWants, kTail } from './layout.js';
import { park, unpark } from './park.js';
import type { RingBuffer } from './ring-buffer.js';

/** Options of a {@link RingReader}. */
export interface RingReaderOptions {
  /**
   * Called once per whole message, in order: the message is `buffer[start..end)`. Those bytes
   * are never written again, so a decoder may return views into them (no copy, no allocation
   * per binary field); the buffer is a slab shared by consecutive messages (one object, so a
   * decoder may cache per-buffer state such as msgpackr's DataView).
   */
  onMessage: (buffer: Uint8Array, start: number, end: number) => void;
  /** Gets coded errors (corrupt frame, oversized message) and whatever onMessage threw. */
  onError?: (err: unknown) => void;
  /** Called once when the ring is closed and drained, or the reader stopped. */
  onClose?: () => void;
  /** Largest message accepted, in bytes (default 256 MiB); larger ones are skipped and reported. */
  maxMessageBytes?: number;
  /**
   * Spin window in ms: after a message, keep checking for the next one this long before
   * parking (default 0). Spinning yields to microtasks, so replies sent from promise callbacks
   * still go out; it buys round trips of a few µs while traffic is recent, and costs nothing idle.
   */
  spinMs?: number;
  /**
   * How many times this thread has woken its peer so far (e.g. the channel's writer's
   * `stats.wakeups`). When messages that came after a quiet spell made this thread wake its
   * peer, the reader parks instead of spinning: the kernel tends to run a thread it just woke
   * on the waker's core, so a spin there holds the peer (and its reply) back until the spin
   * ends (a parked round trip took 137 µs with the spin, 62 without, on 2 vCPUs).
   */
  peerWakeups?: () => number;
  /** Longest stretch in ms the reader keeps its thread before yielding to timers and I/O (default 4). */
  maxTurnMs?: number;
  /** Longest single park, the safety net against a missed notification (default 1 s). */
  parkTimeoutMs?: number;
  /**
   * Keep the event loop alive while started (default false). A pending Atomics.waitAsync does
   * not (transport-notes pitfall 5), so a thread whose only work is this reader would exit.
   */
  keepAlive?: boolean;
}

/** Counters a reader keeps for stats. */
export interface RingReaderStats {
  messages: number;
  bytes: number;
  /** Times the consumer parked on an empty ring. */
  parks: number;
  /** Wake-ups that found messages (each drains every message available). */
  wakeups: number;
}

const kDrainBatch = 1024;
/** test-only planted bug (issue 7): TESSERA_PLANTED_BUG=ring-drop-at-wrap; see docs/stress.md. */
const kDropAtWrap = process.env['TESSERA_PLANTED_BUG'] === 'ring-drop-at-wrap';
/**
 * Slab size. A new slab is allocated when one fills (one ArrayBuffer per 64 KB of traffic rather
 * than one per decoded binary field); a view kept from a message keeps at most its slab alive.
 */
const kSlabBytes = 64 * 1024;
/** Frames up to this many bytes are copied out of the ring byte by byte. */
const kByteLoopMax = 64;
/** Longest the spin checks the ring without yielding to microtasks, in ms. */
const kSpinSliceMs = 0.005;
/** Awaiting a settled promise yields to queued microtasks only: the spin's unit of waiting. */
const kMicrotask: Promise<void> = Promise.resolve();
/** Microtask turns yielded before each spin slice: a reply sent a few awaits deep goes out first. */
const kSliceYields = 4;
const yieldToMacrotasks = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The consumer side of a ring: parks with Atomics.waitAsync (never blocks its thread), drains
 * every available frame per wake-up, reassembles chunked messages and hands each to onMessage.
 * Only one RingReader may exist per ring (single consumer).
 */
export class RingReader {
  readonly ring: RingBuffer;
  readonly stats: RingReaderStats = { messages: 0, bytes: 0, parks: 0, wakeups: 0 };
  readonly #onMessage: (buffer: Uint8Array, start: number, end: number) => void;
  readonly #onError: (err: unknown) => void;
  readonly #onClose: (() => void) | undefined;
  readonly #maxMessageBytes: number;
  readonly #spinMs: number;
  readonly #maxTurnMs: number;
  readonly #parkTimeoutMs: number;
  readonly #keepAlive: boolean;
  readonly #peerWakeups: (() => number) | undefined;
  #tail: number;
  /** Messages are copied out of shared memory into slabs, back to back, never overwritten. */
  #slab = new Uint8Array(kSlabBytes);
  #start = 0;
  #assembled = 0;
  #skipping = false;
  #running = false;
  #stopped = false;
  #keepAliveTimer: ReturnType<typeof setInterval> | undefined;
  #done: Promise<void> | null = null;

  constructor(ring: RingBuffer, options: RingReaderOptions) {
    this.ring = ring;
    this.#onMessage = options.onMessage;
    this.#onError = options.onError ?? reportInNextTick;
    this.#onClose = options.onClose;
    this.#maxMessageBytes = options.maxMessageBytes ?? 256 * 1024 * 1024;
    this.#spinMs = options.spinMs ?? 0;
    this.#maxTurnMs = options.maxTurnMs ?? 4;
    this.#parkTimeoutMs = options.parkTimeoutMs ?? 1000;
    this.#keepAlive = options.keepAlive ?? false;
    this.#peerWakeups = options.peerWakeups;
    this.#tail = Atomics.load(ring.header, kTail) >>> 0;
  }

  /** True when a frame is waiting. */
  hasData(): boolean {
    return (Atomics.load(this.ring.header, kHead) >>> 0) !== this.#tail;
  }

  /**
   * Starts the read loop. @returns a promise settled when the loop ends (ring closed and
   * drained, or {@link stop})
   */
  start(): Promise<void> {
    if (this.#done) return this.#done;
    this.#running = true;
    if (this.#keepAlive) this.#keepAliveTimer = setInterval(() => {}, 0x7fffffff);
    this.#done = this.#run();
    return this.#done;
  }

  /** Stops the loop after the current turn; frames left in the ring stay there. */
  stop(): void {
    this.#stopped = true;
    // Wake our own park so the loop sees the stop at once.
    Atomics.store(this.ring.header, kConsumerParked, 0);
    Atomics.add(this.ring.header, kConsumerEpoch, 1);
    Atomics.notify(this.ring.header, kConsumerEpoch);
  }

  /**
   * Reads every whole message available now, up to `limit`. Usable without {@link start}
   * (tests, or a caller that drives the loop itself).
   * @returns the number of messages delivered
   */
  drain(limit = Infinity): number {
    const { header, bytes, words, mask, capacity } = this.ring;
    let delivered = 0;
    let head = Atomics.load(header, kHead) >>> 0;
    while (delivered < limit) {
      if (head === this.#tail) {
        head = Atomics.load(header, kHead) >>> 0;
        if (head === this.#tail) break;
      }
      const at = this.#tail & mask;
      const word = words[at >>> 2]!;
      const length = word & kLengthMask;
      const more = (word & kMoreFlag) !== 0;
      const frameBytes = align4(kFrameHeaderBytes + length);
      if (length > capacity / 4 || frameBytes > ((head - this.#tail) >>> 0)) {
        this.#corrupt(`frame of ${length} bytes at offset ${this.#tail} does not fit what was published`);
        return delivered;
      }
      // test-only planted bug (issue 7): a one-frame message whose payload wraps is silently dropped.
      if (kDropAtWrap && !more && this.#assembled === 0 && ((at + kFrameHeaderBytes) & mask) + length > capacity) this.#skipping = true;
      if (!this.#skipping) this.#append(bytes, (at + kFrameHeaderBytes) & mask, length, capacity);
      this.#tail = (this.#tail + frameBytes) >>> 0;
      // Publishing tail frees the space; the copy above is complete before the producer can reuse it.
      Atomics.store(header, kTail, this.#tail | 0);
      // Wake a producer waiting for space only once it can write a batch, not a single frame:
      // waking it per freed frame would cost a futex wake-up per message on a full ring.
      if (Atomics.load(header, kProducerParked) === 1 && capacity - ((head - this.#tail) >>> 0) >= Atomics.load(header, kProducerWants)) {
        unpark(header, kProducerParked, kProducerEpoch);
      }
      if (more) continue;
      if (this.#skipping) {
        this.#skipping = false;
        continue;
      }
      const size = this.#assembled;
      const start = this.#start;
      this.#assembled = 0;
      this.#start = align4(start + size);
      delivered++;
      this.stats.messages++;
      this.stats.bytes += size;
      try {
        this.#onMessage(this.#slab, start, start + size);
      } catch (err) {
        this.#onError(err);
      }
    }
    return delivered;
  }

  #append(bytes: Uint8Array, dataAt: number, length: number, capacity: number): void {
    const needed = this.#assembled + length;
    if (needed > this.#maxMessageBytes) {
      this.#onError(tesseraError('ERR_RING_MESSAGE_TOO_LARGE', { ring: this.ring.name, bytes: needed, limit: this.#maxMessageBytes }));
      this.#assembled = 0;
      this.#skipping = true;
      return;
    }
    if (this.#start + needed > this.#slab.length) {
      // The message does not fit what is left of the slab: move its start into a fresh one.
      const slab = new Uint8Array(Math.max(kSlabBytes, needed));
      slab.set(this.#slab.subarray(this.#start, this.#start + this.#assembled));
      this.#slab = slab;
      this.#start = 0;
    }
    const at = this.#start + this.#assembled;
    const first = Math.min(length, capacity - dataAt);
    if (first === length && length <= kByteLoopMax) {
      // Small frames: a byte loop instead of a subarray view plus set(). The view is an
      // allocation per message: one-way 37-byte messages went from 1.97 to 2.12-2.16 M/s.
      const slab = this.#slab;
      for (let i = 0; i < length; i++) slab[at + i] = bytes[dataAt + i]!;
      this.#assembled = needed;
      return;
    }
    this.#slab.set(bytes.subarray(dataAt, dataAt + first), at);
    if (first < length) this.#slab.set(bytes.subarray(0, length - first), at + first);
    this.#assembled = needed;
  }

  #corrupt(reason: string): void {
    this.#onError(tesseraError('ERR_RING_CORRUPT_FRAME', { ring: this.ring.name, reason }));
    // The stream cannot be re-framed after a bad header: close rather than guess.
    this.ring.close();
    this.#stopped = true;
  }

  async #run(): Promise<void> {
    const now = performance.now.bind(performance);
    let lastMessageAt = -Infinity;
    // Messages that came after a quiet spell (not back-to-back traffic): if handling them woke
    // the peer, park rather than spin (see peerWakeups). Back-to-back traffic keeps spinning,
    // or two sides that once both parked would go on waking each other for every message.
    let afterIdle = true;
    let wakeupsAtArrival = 0;
    let turnStart = now();
    try {
      while (!this.#stopped) {
        const wakeupsBefore = this.#wakeups();
        if (this.drain(kDrainBatch) !== 0) {
          const at = now();
          afterIdle = at - lastMessageAt > this.#spinMs;
          if (afterIdle) wakeupsAtArrival = wakeupsBefore;
          lastMessageAt = at;
          this.stats.wakeups++;
        } else if (this.ring.closed) {
          if (!this.hasData()) break;
          continue;
        }
        const t = now();
        if (t - turnStart >= this.#maxTurnMs) {
          await yieldToMacrotasks();
          turnStart = now();
        } else if (this.hasData()) {
          continue;
        } else if (t - lastMessageAt < this.#spinMs && !(afterIdle && this.#wakeups() !== wakeupsAtArrival)) {
          // Yield to microtasks first, a few turns: the messages just handled may answer from
          // promise callbacks a few awaits deep, and a slice spent before they run delays every
          // reply by its length (5 µs of a 7.6 µs back-to-back round trip; with one turn, a reply
          // two awaits deep took 8.8 µs against 4.3). Then check without yielding for a slice:
          // every await allocates (a reaction and a job), and one await per check made each
          // 0.1 ms spin allocate hundreds of KB, so every thread scavenged every few ms while
          // traffic lasted (the def tail, issue 4).
          for (let i = 0; i < kSliceYields && !this.hasData(); i++) await kMicrotask;
          const sliceEnd = Math.min(now() + kSpinSliceMs, lastMessageAt + this.#spinMs);
          while (!this.hasData() && now() < sliceEnd);
        } else {
          this.stats.parks++;
          const parked = park(this.ring.header, kConsumerParked, kConsumerEpoch, () => this.#stopped || this.ring.closed || this.hasData(), this.#parkTimeoutMs);
          if (typeof parked !== 'string') await parked;
          turnStart = now();
        }
      }
    } finally {
      this.#running = false;
      if (this.#keepAliveTimer) clearInterval(this.#keepAliveTimer);
      this.#onClose?.();
    }
  }

  /** How many times this thread has woken its peer (0 when the reader was not told). */
  #wakeups(): number {
    return this.#peerWakeups === undefined ? 0 : this.#peerWakeups();
  }

  /** True while the read loop runs. */
  get running(): boolean {
    return this.#running;
  }
}

/** Default error sink: surface the error as an uncaught exception, never swallow it (xstate, piscina). */
function reportInNextTick(err: unknown): void {
  setImmediate(() => {
    throw err;
  });
}
