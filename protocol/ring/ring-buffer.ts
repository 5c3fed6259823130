import { tesseraError } from '../errors/index.js';
import {
  kCapacityWord,
  kClosed,
  kConsumerEpoch,
  kConsumerParked,
  kHead,
  kHeaderBytes,
  kMagicWord,
  kMaxCapacity,
  kMinCapacity,
  kProducerEpoch,
  kProducerParked,
  kRingMagic,
  kTail,
} from './layout.js';
import { wakeAlways } from './park.js';

/**
 * The shared memory of one SPSC ring and the views both sides use on it. It holds no side's
 * private state: {@link RingWriter} and {@link RingReader} own that.
 */
export class RingBuffer {
  /** The shared memory; send it to the other thread to attach there. */
  readonly sab: SharedArrayBuffer;
  /** Name used in errors and stats. */
  readonly name: string;
  /** Data capacity in bytes, a power of two. */
  readonly capacity: number;
  /** capacity - 1, for `position & mask`. */
  readonly mask: number;
  /** @internal */ readonly header: Int32Array;
  /** @internal */ readonly bytes: Uint8Array;
  /** @internal 32-bit view of the data region, for frame headers at 4-aligned offsets. */
  readonly words: Uint32Array;

  private constructor(sab: SharedArrayBuffer, name: string, capacity: number) {
    this.sab = sab;
    this.name = name;
    this.capacity = capacity;
    this.mask = capacity - 1;
    this.header = new Int32Array(sab, 0, kHeaderBytes / 4);
    this.bytes = new Uint8Array(sab, kHeaderBytes, capacity);
    this.words = new Uint32Array(sab, kHeaderBytes, capacity / 4);
  }

  /**
   * Allocates a ring.
   * @param capacity - data bytes, a power of two between 64 B and 1 GiB
   * @param name - shown in errors, e.g. "sup->w1"
   * @throws RangeError for a capacity that is not a power of two in range
   */
  static create(capacity: number, name = 'ring'): RingBuffer {
    if (!Number.isInteger(capacity) || capacity < kMinCapacity || capacity > kMaxCapacity || (capacity & (capacity - 1)) !== 0) {
      throw new RangeError(
        `Cannot create ring "${name}": capacity must be a power of two from ${kMinCapacity} to ${kMaxCapacity}: current value is ${capacity}`,
      );
    }
    const sab = new SharedArrayBuffer(kHeaderBytes + capacity);
    const header = new Int32Array(sab, 0, kHeaderBytes / 4);
    header[kCapacityWord] = capacity;
    header[kMagicWord] = kRingMagic;
    return new RingBuffer(sab, name, capacity);
  }

  /**
   * Attaches to a ring created elsewhere (typically on another thread).
   * @throws TypeError when the buffer is not a ring created by {@link RingBuffer.create}
   */
  static attach(sab: SharedArrayBuffer, name = 'ring'): RingBuffer {
    if (!(sab instanceof SharedArrayBuffer) || sab.byteLength < kHeaderBytes + kMinCapacity) {
      throw new TypeError(`Cannot attach ring "${name}": expected a SharedArrayBuffer made by RingBuffer.create`);
    }
    const header = new Int32Array(sab, 0, kHeaderBytes / 4);
    const capacity = Atomics.load(header, kCapacityWord);
    if (Atomics.load(header, kMagicWord) !== kRingMagic || sab.byteLength !== kHeaderBytes + capacity) {
      throw new TypeError(`Cannot attach ring "${name}": the buffer's header does not describe a ring of its size`);
    }
    return new RingBuffer(sab, name, capacity);
  }

  /** Bytes written and not yet consumed (frame headers and padding included). */
  usedBytes(): number {
    return (Atomics.load(this.header, kHead) - Atomics.load(this.header, kTail)) >>> 0;
  }

  /** True once either side closed the ring. */
  get closed(): boolean {
    return Atomics.load(this.header, kClosed) === 1;
  }

  /**
   * Closes the ring for both sides and wakes whoever is parked. Frames already written stay
   * readable; new writes fail with ERR_RING_CLOSED.
   */
  close(): void {
    Atomics.store(this.header, kClosed, 1);
    wakeAlways(this.header, kConsumerParked, kConsumerEpoch);
    wakeAlways(this.header, kProducerParked, kProducerEpoch);
  }

  /** @internal The error a write on a closed ring fails with. */
  closedError(): Error {
    return tesseraError('ERR_RING_CLOSED', { ring: this.name });
  }
}
