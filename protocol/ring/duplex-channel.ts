import { RingBuffer } from './ring-buffer.js';
import { RingReader, type RingReaderOptions } from './ring-reader.js';
import { RingWriter, type RingWriterOptions } from './ring-writer.js';

/** Turns messages into frames and back, as a channel needs it. Decoding throws only coded errors. */
export interface MessageCodec<Out, In> {
  /** Encodes; the bytes need only stay valid until the next encode (the channel copies them). */
  encodeTransient(message: Out): Uint8Array;
  /** Decodes `buffer[start..end)`, bytes never written again: binary fields may be views into them. */
  decodeOwned(buffer: Uint8Array, start: number, end: number): In;
}

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
  readonly #codec: MessageCodec<Out, In>;
  readonly #onError: (err: unknown) => void;

  constructor(buffers: ChannelBuffers, side: 'creator' | 'peer', codec: MessageCodec<Out, In>, options: DuplexChannelOptions<In>) {
    const name = side === 'creator' ? ['down', 'up'] : ['up', 'down'];
    const txSab = side === 'creator' ? buffers.down : buffers.up;
    const rxSab = side === 'creator' ? buffers.up : buffers.down;
    this.#codec = codec;
    this.#onError = options.onError;
    this.writer = new RingWriter(RingBuffer.attach(txSab, name[0]), options.writer);
    const onMessage = options.onMessage;
    this.reader = new RingReader(RingBuffer.attach(rxSab, name[1]), {
      ...options.reader,
      onMessage: (buffer, start, end) => onMessage(codec.decodeOwned(buffer, start, end)),
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
    const frame = this.#codec.encodeTransient(message);
    if (this.writer.tryWrite(frame)) return undefined;
    // write() copies the frame before it returns, so the transient bytes may be reused after.
    const written = this.writer.write(frame);
    written.catch(this.#onError);
    return written;
  }

  /** Closes both rings; the peer's reader ends after draining what is already there. */
  close(): void {
    this.writer.ring.close();
    this.reader.ring.close();
  }
}
