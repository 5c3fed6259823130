import { tesseraError, type TesseraError } from '../../protocol/index.js';

const kNewline = 0x0a;

/**
 * Cuts a byte stream into newline-terminated lines (the JSON encoding of the socket). A `\r`
 * before the newline is dropped and blank lines are skipped. A line longer than `maxLineBytes`
 * (without its newline) reports `ERR_DAEMON_FRAME_TOO_LARGE` once; nothing is delivered after it.
 */
export class LineSplitter {
  readonly #max: number;
  #held: Buffer[] = [];
  #heldBytes = 0;
  #failed = false;

  /** @param maxLineBytes - the longest line accepted, in bytes */
  constructor(maxLineBytes: number) {
    if (!Number.isSafeInteger(maxLineBytes) || maxLineBytes < 1) {
      throw new RangeError(`maxLineBytes must be a positive integer: current value is ${maxLineBytes}`);
    }
    this.#max = maxLineBytes;
  }

  /**
   * Feeds bytes; calls `onLine` for each complete, non-blank line.
   * @returns the error that broke the stream, or undefined
   */
  push(chunk: Buffer, onLine: (line: string) => void): TesseraError<'ERR_DAEMON_FRAME_TOO_LARGE'> | undefined {
    if (this.#failed) return undefined;
    let start = 0;
    for (let nl = chunk.indexOf(kNewline); nl !== -1; nl = chunk.indexOf(kNewline, start)) {
      const bytes = this.#heldBytes + nl - start;
      if (bytes > this.#max) return this.#fail(bytes);
      const part = chunk.subarray(start, nl);
      const line = this.#heldBytes === 0 ? part.toString('utf8') : this.#take(part);
      const trimmed = line.endsWith('\r') ? line.slice(0, -1) : line;
      if (trimmed.trim() !== '') onLine(trimmed);
      start = nl + 1;
    }
    if (start < chunk.length) {
      this.#heldBytes += chunk.length - start;
      if (this.#heldBytes > this.#max) return this.#fail(this.#heldBytes);
      this.#held.push(Buffer.from(chunk.subarray(start)));
    }
    return undefined;
  }

  /** Bytes of an unfinished line (a client that ends without a newline left these). */
  get pendingBytes(): number {
    return this.#heldBytes;
  }

  #take(last: Buffer): string {
    this.#held.push(last);
    const line = Buffer.concat(this.#held).toString('utf8');
    this.#held = [];
    this.#heldBytes = 0;
    return line;
  }

  #fail(bytes: number): TesseraError<'ERR_DAEMON_FRAME_TOO_LARGE'> {
    this.#failed = true;
    this.#held = [];
    this.#heldBytes = 0;
    return tesseraError('ERR_DAEMON_FRAME_TOO_LARGE', { bytes, limit: this.#max, encoding: 'JSON line' });
  }
}
