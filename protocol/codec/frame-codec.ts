import type { Direction, MessageSchemas, MessagesOf } from '../messages/index.js';
import { encodeChecked } from './encode-checked.js';
import { packChecked, packTransient, unpackFrame, unpackOwned } from './msgpack.js';
import { StreamCodec } from './stream-codec.js';

/**
 * Encodes a message of `direction` as one msgpack map (a frame's payload).
 * The bytes may share an ArrayBuffer with other frames: copy them, never transfer `.buffer`.
 * @param direction - the direction the message travels in
 * @param message - the message; it is validated first
 * @param transient - return bytes valid only until the next encode on this thread (no buffer
 *   is allocated; for senders that copy them at once)
 * @returns the msgpack bytes
 * @throws {TesseraError} ERR_PROTO_UNKNOWN_KIND, ERR_PROTO_BAD_FIELD (with the field, what was
 *   expected and what it holds), ERR_PROTO_NOT_A_MESSAGE, or ERR_PROTO_ENCODE_FAILED (msgpackr
 *   refused the message, or reading it threw)
 * @example
 * const bytes = encodeMessage(supervisorToWorker, { k: 'ping', id: 7 });
 */
export function encodeMessage<S extends MessageSchemas>(direction: Direction<S>, message: MessagesOf<S>, transient = false): Uint8Array {
  return encodeChecked(direction, message, transient ? packTransient : packChecked);
}

/**
 * Decodes one message of `direction`. Bad input of any kind ends in a coded error, never in
 * another exception and never in a message that breaks its schema.
 * @param direction - the direction the message travels in
 * @param bytes - exactly one msgpack value; never modified, and never aliased by the result
 * @param length - how many bytes of `bytes` the message fills (default: all)
 * @returns the message
 * @throws {TesseraError} ERR_PROTO_MALFORMED_FRAME, ERR_PROTO_TRUNCATED_FRAME,
 *   ERR_PROTO_TRAILING_BYTES, ERR_PROTO_NOT_A_MESSAGE, ERR_PROTO_UNKNOWN_KIND or ERR_PROTO_BAD_FIELD
 * @throws {TypeError} when `bytes` is not a Uint8Array (a programming error, not bad input)
 */
export function decodeMessage<S extends MessageSchemas>(direction: Direction<S>, bytes: Uint8Array, length?: number): MessagesOf<S> {
  return direction.validate(unpackFrame(bytes, length));
}

/**
 * The codec of one end of a connection: it encodes what this end sends and decodes what it
 * receives. Stateless and cheap; the msgpack encoder and decoder behind it are shared.
 * @example
 * const supervisor = new FrameCodec(supervisorToWorker, workerToSupervisor);
 * const reply = supervisor.decode(bytes); // WorkerToSupervisor
 */
export class FrameCodec<Out extends MessageSchemas, In extends MessageSchemas> {
  readonly #sends: Direction<Out>;
  readonly #receives: Direction<In>;

  /**
   * @param sends - the direction of outgoing messages
   * @param receives - the direction of incoming messages
   */
  constructor(sends: Direction<Out>, receives: Direction<In>) {
    this.#sends = sends;
    this.#receives = receives;
  }

  /** The direction this end sends. */
  get sends(): Direction<Out> {
    return this.#sends;
  }

  /** The direction this end receives. */
  get receives(): Direction<In> {
    return this.#receives;
  }

  /** Encodes an outgoing message; see {@link encodeMessage}. */
  encode(message: MessagesOf<Out>): Uint8Array {
    return encodeMessage(this.#sends, message);
  }

  /** Encodes into a reused buffer: the bytes are valid until the next encode on this thread. */
  encodeTransient(message: MessagesOf<Out>): Uint8Array {
    return encodeMessage(this.#sends, message, true);
  }

  /**
   * Decodes `buffer[start..end)`, leaving binary fields as views into it: for memory that is
   * never written again (ring slabs). Same errors as {@link decodeMessage}.
   */
  decodeOwned(buffer: Uint8Array, start: number, end: number): MessagesOf<In> {
    return this.#receives.validate(unpackOwned(buffer, start, end));
  }

  /**
   * A codec for one ring channel built from these directions: it keeps record definitions
   * across the frames of that channel (see {@link StreamCodec}). Both ends of a channel use one.
   */
  forStream(): StreamCodec<Out, In> {
    return new StreamCodec(this.#sends, this.#receives);
  }

  /** Decodes an incoming message; see {@link decodeMessage}. */
  decode(bytes: Uint8Array, length?: number): MessagesOf<In> {
    return decodeMessage(this.#receives, bytes, length);
  }
}
