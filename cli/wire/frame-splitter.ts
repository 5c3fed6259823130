import { tesseraError, type TesseraError } from '../../protocol/index.js';

/** Bytes of the big-endian length that precedes every msgpack frame on the socket. */
export const kFrameHeaderBytes = 4;

/**
 * Cuts a byte stream into length-prefixed frames (a 4-byte big-endian length, then that many
 * bytes). It copies only what spans chunks: a frame that lies within one chunk is delivered as
 * a view of it, valid until `push` returns (the codec copies what it keeps).
 *
 * A length over `maxFrameBytes` cannot be trusted to re-frame the stream, so the splitter
 * reports `ERR_DAEMON_FRAME_TOO_LARGE` once and ignores everything after it.
 */
export class FrameSplitter {
  readonly #max: number;
  /** Chunks of an unfinished frame (header included), and their total size. */
  #held: Buffer[] = [];
  #heldBytes = 0;
  #failed = false;

  /** @param maxFrameBytes - the largest payload accepted */
  constructor(maxFrameBytes: number) {
    if (!Number.isSafeInteger(maxFrameBytes) || maxFrameBytes < 1) {
      throw new RangeError(`maxFrameBytes must be a positive integer: current value is ${maxFrameBytes}`);
    }
    this.#max = maxFrameBytes;
  }

  /** Bytes received but not yet delivered as a frame. */
  get pendingBytes(): number {
    return this.#heldBytes;
  }

  /**
   * Feeds bytes; calls `onFrame` for each complete frame, in order.
   * @returns the error that broke the stream (then, and afterwards, nothing more is delivered),
   *   or undefined
   */
  push(chunk: Buffer, onFrame: (frame: Buffer) => void): TesseraError<'ERR_DAEMON_FRAME_TOO_LARGE'> | undefined {
    if (this.#failed) return undefined;
    let buf = chunk;
    if (this.#heldBytes > 0) {
      this.#held.push(chunk);
      this.#heldBytes += chunk.length;
      const need = this.#needed();
      if (need === -1) return this.#fail(this.#held[0]!.length >= kFrameHeaderBytes ? this.#held[0]! : Buffer.concat(this.#held));
      if (this.#heldBytes < need) return undefined;
      buf = Buffer.concat(this.#held, this.#heldBytes);
      this.#held = [];
      this.#heldBytes = 0;
    }
    let at = 0;
    while (buf.length - at >= kFrameHeaderBytes) {
      const length = buf.readUInt32BE(at);
      if (length > this.#max) return this.#fail(buf.subarray(at));
      if (buf.length - at - kFrameHeaderBytes < length) break;
      onFrame(buf.subarray(at + kFrameHeaderBytes, at + kFrameHeaderBytes + length));
      at += kFrameHeaderBytes + length;
    }
    if (at < buf.length) {
      // Copy the tail: the caller may reuse the chunk's memory once push returns.
      this.#held = [Buffer.from(buf.subarray(at))];
      this.#heldBytes = buf.length - at;
    }
    return undefined;
  }

  /** Total bytes the held frame needs (header + payload), 0 if its header is incomplete, -1 if too large. */
  #needed(): number {
    if (this.#heldBytes < kFrameHeaderBytes) return 0;
    const first = this.#held[0]!;
    const header = first.length >= kFrameHeaderBytes ? first : Buffer.concat(this.#held).subarray(0, kFrameHeaderBytes);
    const length = header.readUInt32BE(0);
    return length > this.#max ? -1 : kFrameHeaderBytes + length;
  }

  #fail(at: Buffer): TesseraError<'ERR_DAEMON_FRAME_TOO_LARGE'> {
    this.#failed = true;
    this.#held = [];
    this.#heldBytes = 0;
    return tesseraError('ERR_DAEMON_FRAME_TOO_LARGE', { bytes: at.readUInt32BE(0), limit: this.#max, encoding: 'msgpack' });
  }
}

/**
 * Prefixes a payload with its length, in one new buffer (one write per frame).
 * @param payload - the msgpack bytes of one message
 * @returns header and payload
 */
export function frameBytes(payload: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(kFrameHeaderBytes + payload.length);
  out.writeUInt32BE(payload.length, 0);
  out.set(payload, kFrameHeaderBytes);
  return out;
}
