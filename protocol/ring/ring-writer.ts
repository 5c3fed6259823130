import { tesseraError } from '../errors/index.js';
import { align4, kConsumerEpoch, kConsumerParked, kFrameHeaderBytes, kHead, kMoreFlag, kProducerEpoch, kProducerParked, kProducerWants, kTail } from './layout.js';
import { park, unpark } from './park.js';
import type { RingBuffer } from './ring-buffer.js';

/** Options of a {@link RingWriter}. */
export interface RingWriterOptions {
  /** Largest message accepted, in bytes (default 256 MiB). Larger ones fail with ERR_RING_MESSAGE_TOO_LARGE. */
  maxMessageBytes?: number;
  /** How long a write may wait on a full ring without any progress before failing (default 30 s). */
  backpressureTimeoutMs?: number;
  /** Longest single park, the safety net against a missed notification (default 1 s). */
  parkTimeoutMs?: number;
  /** Monotonic milliseconds (injected in tests). */
  now?: () => number;
}

interface PendingWrite {
  bytes: Uint8Array;
  offset: number;
  started: boolean;
  resolve: () => void;
  reject: (err: Error) => void;
}

/** Counters a writer keeps for stats. */
export interface RingWriterStats {
  messages: number;
  bytes: number;
  /** Writes that found the ring full and had to queue. */
  queued: number;
  /** Times the producer parked waiting for space. */
  parks: number;
  /** Times a write woke the parked consumer. */
  wakeups: number;
  /** Messages never (wholly) written: refused as too large or on a closed ring, or failed by the deadline. */
  failed: number;
}

const kResolved: Promise<void> = Promise.resolve();

/**
 * The producer side of a ring. Messages larger than a quarter of the ring are split into
 * chunks (kMoreFlag on all but the last), so any message up to `maxMessageBytes` arrives whole
 * through a ring of any size. A full ring is backpressure: writes queue in order and wait for
 * space; nothing is dropped. Only one RingWriter may exist per ring (single producer).
 */
export class RingWriter {
  readonly ring: RingBuffer;
  readonly stats: RingWriterStats = { messages: 0, bytes: 0, queued: 0, parks: 0, wakeups: 0, failed: 0 };
  /** Largest payload of one frame; bigger messages are chunked. */
  readonly chunkLimit: number;
  readonly #maxMessageBytes: number;
  readonly #timeoutMs: number;
  readonly #parkTimeoutMs: number;
  readonly #now: () => number;
  readonly #queue: PendingWrite[] = [];
  #head: number;
  /** Free bytes as of the last read of the consumer's tail, minus what was written since. */
  #knownFree = 0;
  #pumping = false;
  #pumpDone: Promise<void> | null = null;

  constructor(ring: RingBuffer, options: RingWriterOptions = {}) {
    this.ring = ring;
    this.chunkLimit = ring.capacity / 4;
    this.#maxMessageBytes = options.maxMessageBytes ?? 256 * 1024 * 1024;
    this.#timeoutMs = options.backpressureTimeoutMs ?? 30_000;
    this.#parkTimeoutMs = options.parkTimeoutMs ?? 1000;
    this.#now = options.now ?? performance.now.bind(performance);
    this.#head = Atomics.load(ring.header, kHead) >>> 0;
  }

  /** Messages waiting for space. */
  get queuedMessages(): number {
    return this.#queue.length;
  }

  /**
   * Writes a message now if it fits in one frame, the ring has room and nothing is queued.
   * @returns false when nothing was written (use {@link write}, which queues)
   */
  tryWrite(message: Uint8Array): boolean {
    const length = message.length;
    const need = align4(kFrameHeaderBytes + length);
    if (this.#queue.length !== 0 || length > this.chunkLimit) return false;
    // Known free space first: reading the consumer's tail (its cache line) only when that runs
    // out saves a cross-core cache miss per message.
    if (this.#knownFree < need && (this.#knownFree = this.#freeBytes()) < need) return false;
    if (this.ring.closed) return false;
    this.#put(message, 0, length, false);
    this.stats.messages++;
    this.stats.bytes += length;
    if (unpark(this.ring.header, kConsumerParked, kConsumerEpoch)) this.stats.wakeups++;
    return true;
  }

  /**
   * Writes a message, waiting for space as long as the consumer makes progress.
   * The bytes are copied if they must wait, so the caller may reuse its buffer at once.
   * @returns a promise settled once the whole message is in the ring
   * @throws (rejects) ERR_RING_MESSAGE_TOO_LARGE, ERR_RING_CLOSED, ERR_RING_BACKPRESSURE_TIMEOUT
   */
  write(message: Uint8Array): Promise<void> {
    if (this.tryWrite(message)) return kResolved;
    if (message.length > this.#maxMessageBytes) {
      this.stats.failed++;
      return Promise.reject(
        tesseraError('ERR_RING_MESSAGE_TOO_LARGE', { ring: this.ring.name, bytes: message.length, limit: this.#maxMessageBytes }),
      );
    }
    if (this.ring.closed) {
      this.stats.failed++;
      return Promise.reject(this.ring.closedError());
    }
    this.stats.queued++;
    return new Promise<void>((resolve, reject) => {
      // Uint8Array's slice copies; Buffer's (msgpackr returns Buffers) would only make a view.
      this.#queue.push({ bytes: Uint8Array.prototype.slice.call(message), offset: 0, started: false, resolve, reject });
      if (!this.#pumping) this.#pumpDone = this.#pump();
    });
  }

  /** Resolves once every queued message is in the ring (or has failed). Never rejects. */
  flushed(): Promise<void> {
    return this.#pumping && this.#pumpDone ? this.#pumpDone : kResolved;
  }

  #freeBytes(): number {
    return this.ring.capacity - ((this.#head - Atomics.load(this.ring.header, kTail)) >>> 0);
  }

  /** Copies one frame in and publishes it. The caller has checked there is room. */
  #put(src: Uint8Array, start: number, end: number, more: boolean): void {
    const { bytes, words, mask, capacity } = this.ring;
    const length = end - start;
    const at = this.#head & mask;
    words[at >>> 2] = (length | (more ? kMoreFlag : 0)) >>> 0;
    const dataAt = (at + kFrameHeaderBytes) & mask;
    const first = Math.min(length, capacity - dataAt);
    if (length === first) {
      bytes.set(start === 0 && end === src.length ? src : src.subarray(start, end), dataAt);
    } else {
      bytes.set(src.subarray(start, start + first), dataAt);
      bytes.set(src.subarray(start + first, end), 0);
    }
    const frameBytes = align4(kFrameHeaderBytes + length);
    this.#head = (this.#head + frameBytes) >>> 0;
    this.#knownFree -= frameBytes;
    // Publishing head is what makes the frame visible; the plain writes above happen-before it.
    Atomics.store(this.ring.header, kHead, this.#head | 0);
  }

  /** Moves queued messages into the ring as space appears. One pump runs at a time. */
  async #pump(): Promise<void> {
    this.#pumping = true;
    // A pending waitAsync does not keep the event loop alive (pitfall 5); queued writes must
    // not be abandoned by a thread exiting under them.
    const keepAlive = setInterval(() => {}, 0x7fffffff);
    let lastProgress = this.#now();
    try {
      while (this.#queue.length !== 0) {
        const pending = this.#queue[0]!;
        if (this.ring.closed) {
          this.#failAll(this.ring.closedError());
          return;
        }
        if (this.#writeChunks(pending)) lastProgress = this.#now();
        if (pending.started && pending.offset === pending.bytes.length) {
          this.#queue.shift();
          this.stats.messages++;
          this.stats.bytes += pending.bytes.length;
          pending.resolve();
          continue;
        }
        const waited = this.#now() - lastProgress;
        if (waited >= this.#timeoutMs) {
          this.#timeOut(pending, waited);
          return;
        }
        const need = align4(kFrameHeaderBytes + Math.min(this.chunkLimit, pending.bytes.length - pending.offset));
        // Ask to be woken when a quarter of the ring is free (or the next frame fits, if larger),
        // so each wake-up moves a batch of messages instead of one.
        Atomics.store(this.ring.header, kProducerWants, Math.max(need, this.ring.capacity >>> 2));
        this.stats.parks++;
        const parked = park(
          this.ring.header,
          kProducerParked,
          kProducerEpoch,
          () => this.ring.closed || this.#freeBytes() >= need,
          Math.min(this.#parkTimeoutMs, this.#timeoutMs - waited),
        );
        if (typeof parked !== 'string') await parked;
      }
    } finally {
      clearInterval(keepAlive);
      this.#pumping = false;
    }
  }

  /** Writes as many chunks of `pending` as fit. @returns true if any was written */
  #writeChunks(pending: PendingWrite): boolean {
    let progress = false;
    const total = pending.bytes.length;
    do {
      const chunk = Math.min(this.chunkLimit, total - pending.offset);
      if (this.#freeBytes() < align4(kFrameHeaderBytes + chunk)) break;
      const end = pending.offset + chunk;
      this.#put(pending.bytes, pending.offset, end, end < total);
      pending.offset = end;
      pending.started = true;
      progress = true;
    } while (pending.offset < total);
    if (progress && unpark(this.ring.header, kConsumerParked, kConsumerEpoch)) this.stats.wakeups++;
    return progress;
  }

  /**
   * The consumer made no progress for the whole deadline. Every queued write fails (they wait
   * on the same consumer). If part of a message is already in the ring, the stream can no
   * longer be framed correctly, so the ring is closed as well.
   */
  #timeOut(pending: PendingWrite, waited: number): void {
    const err = tesseraError('ERR_RING_BACKPRESSURE_TIMEOUT', {
      ring: this.ring.name,
      waitedMs: Math.round(waited),
      bytes: pending.bytes.length - pending.offset,
    });
    if (pending.started) this.ring.close();
    this.#failAll(err);
  }

  #failAll(err: Error): void {
    const failed = this.#queue.splice(0);
    this.stats.failed += failed.length;
    for (const p of failed) p.reject(err);
  }
}
