import { RingBuffer } from './ring-buffer.js';
import { RingReader, type RingReaderOptions } from './ring-reader.js';
import { RingWriter, type RingWriterOptions } from './ring-writer.js';

/**
 * Turns one channel's messages into frames and back. It may keep state across frames (one
 * instance per channel, both ends alike): frames are decoded in the order they were encoded,
 * each once, and the channel resets both ends if one was lost. Decoding throws only coded errors.
 */
export interface StreamMessageCodec<Out, In> {
  /** Encodes; the bytes need only stay valid until the next encode (the channel copies them). */
  encodeTransient(message: Out): Uint8Array;
  /** Decodes `buffer[start..end)`, bytes never written again: binary fields may be views into them. */
  decodeOwned(buffer: Uint8Array, start: number, end: number): In;
  /** Forgets the state built by earlier encodes; the peer's decoder is told to reset too. */
  resetEncoder(): void;
  /** Forgets the state built by earlier decodes (the peer reset its encoder). */
  resetDecoder(): void;
}

/** Makes the codec of one channel (e.g. `supervisorCodec`, a FrameCodec). */
export interface MessageCodec<Out, In> {
  forStream(): StreamMessageCodec<Out, In>;
}

// An empty frame is never a message (a message is at least one msgpack byte): on a channel it
// means "the encoder was reset; reset the decoder".
const kResetFrame = new Uint8Array(0);

/** The two shared buffers of a channel, as sent to the other thread (e.g. in workerData). */
export interface ChannelBuffers {
  /** Frames from the side that created the pair to the other side. */
  down: SharedArrayBuffer;
  /** Frames from the other side back. */
  up: SharedArrayBuffer;
}

/** Options of a {@link DuplexChannel}. */
export interface DuplexChannelOptions<In> {
  /** Each decoded message, in order. */
  onMessage: (message: In) => void;
  /** Frames that failed to decode (coded errors), ring errors and handler exceptions. */
  onError: (err: unknown) => void;
  /** Called once the incoming ring is closed and drained. */
  onClose?: () => void;
  reader?: Omit<RingReaderOptions, 'onMessage' | 'onError' | 'onClose'>;
  writer?: RingWriterOptions;
}

/**
 * Allocates the two rings of a channel.
 * @param capacity - bytes per direction, a power of two
 */
export function createChannelBuffers(capacity: number): ChannelBuffers {
  return { down: RingBuffer.create(capacity, 'down').sab, up: RingBuffer.create(capacity, 'up').sab };
}

/**
 * Two rings between two threads, one per direction, carrying encoded messages.
 *
 *   creator thread                      other thread
 *   DuplexChannel(side 'creator') --down--> DuplexChannel(side 'peer')
 *                                <--up----
 */
export class DuplexChannel<Out, In> {
  readonly writer: RingWriter;
  readonly reader: RingReader;
  readonly #codec: StreamMessageCodec<Out, In>;
  readonly #onError: (err: unknown) => void;
  /** Writer failures already answered by a reset. */
  #failuresSeen = 0;
  #resetNeeded = false;

  constructor(buffers: ChannelBuffers, side: 'creator' | 'peer', codec: MessageCodec<Out, In>, options: DuplexChannelOptions<In>) {
    const name = side === 'creator' ? ['down', 'up'] : ['up', 'down'];
    const txSab = side === 'creator' ? buffers.down : buffers.up;
    const rxSab = side === 'creator' ? buffers.up : buffers.down;
    const stream = codec.forStream();
    this.#codec = stream;
    this.#onError = options.onError;
    this.writer = new RingWriter(RingBuffer.attach(txSab, name[0]), options.writer);
    const onMessage = options.onMessage;
    const writerStats = this.writer.stats;
    this.reader = new RingReader(RingBuffer.attach(rxSab, name[1]), {
      peerWakeups: () => writerStats.wakeups,
      ...options.reader,
      onMessage: (buffer, start, end) => {
        if (start === end) stream.resetDecoder();
        else onMessage(stream.decodeOwned(buffer, start, end));
      },
      onError: options.onError,
      ...(options.onClose ? { onClose: options.onClose } : {}),
    });
  }

  /** Starts reading; @returns a promise settled when reading ends */
  start(): Promise<void> {
    return this.reader.start();
  }

  /**
   * Encodes and writes a message. Returns undefined when it went straight into the ring, or a
   * promise when it had to wait for space (a failure is also passed to onError).
   * @throws a coded error if the message cannot be encoded
   */
  send(message: Out): Promise<void> | undefined {
    // A frame that never reached the ring may have carried state later frames rely on (a
    // record definition): start both ends afresh. Failures are counted synchronously, so no
    // frame encoded after one is ever sent without the reset before it.
    if (this.#resetNeeded || this.writer.stats.failed !== this.#failuresSeen) this.#reset();
    let frame: Uint8Array;
    try {
      frame = this.#codec.encodeTransient(message);
    } catch (err) {
      this.#resetNeeded = true; // an encode that failed half-way may have changed the encoder's state
      throw err;
    }
    if (this.writer.tryWrite(frame)) return undefined;
    // write() copies the frame before it returns, so the transient bytes may be reused after.
    const written = this.writer.write(frame);
    written.catch(this.#onError);
    return written;
  }

  #reset(): void {
    this.#resetNeeded = false;
    this.#failuresSeen = this.writer.stats.failed;
    this.#codec.resetEncoder();
    this.writer.write(kResetFrame).catch(this.#onError);
  }

  /** Closes both rings; the peer's reader ends after draining what is already there. */
  close(): void {
    this.writer.ring.close();
    this.reader.ring.close();
  }
}
