import type { Socket } from 'node:net';
import { tesseraError, toWireError, type ClientToDaemon, type DaemonToClient, type TesseraError } from '../../protocol/index.js';
import { FrameSplitter } from '../wire/frame-splitter.js';
import { LineSplitter } from '../wire/line-splitter.js';
import { decodeFrameRequest, decodeLineRequest, type DecodedRequest } from '../wire/request-decoding.js';
import { encodeForClient } from '../wire/reply-encoding.js';
import { sniffEncoding, type WireEncoding } from '../wire/wire-encoding.js';
import type { ConnectionLimits } from './connection-limits.js';
import type { RequestOrigin } from './request-handler.js';

/** How long a client may keep its side open after the daemon ended its own. */
const kHangUpMs = 1000;

/** What a connection hands its requests to, and tells about itself. */
export interface ConnectionHooks {
  /** Answers one request; never rejects. */
  handle(request: ClientToDaemon, origin: RequestOrigin): Promise<DaemonToClient>;
  /** Called for input the connection refused (for the log). */
  onBadInput(error: { code: string; message: string }, fatal: boolean): void;
  /** Called once the socket closed. */
  onClose(connection: ClientConnection): void;
}

/**
 * One client on the daemon's socket.
 *
 *   bytes ─▶ sniff 1st byte ─▶ FrameSplitter | LineSplitter ─▶ decode ─▶ in-flight gate ─▶ hooks.handle
 *                                                                                           │
 *   socket ◀── corked writes (one writev per tick) ◀── encodeForClient ◀── reply ◀──────────┘
 *
 * Requests run concurrently and are answered as they finish (match them by `id`). Limits are
 * answered, never waited on: a request over `maxInFlight` gets ERR_DAEMON_TOO_MANY_REQUESTS at
 * once; a frame or line over its size limit gets ERR_DAEMON_FRAME_TOO_LARGE (id 0) and closes
 * the connection, since the stream can no longer be framed. Undecodable messages inside a good
 * frame are answered with their coded error and the connection goes on. When unsent replies
 * pile up past `maxPendingWriteBytes` the connection stops reading until the client catches up
 * (and drops events meanwhile), so a client that never reads costs bounded memory.
 */
export class ClientConnection implements RequestOrigin {
  readonly #socket: Socket;
  readonly #limits: ConnectionLimits;
  readonly #hooks: ConnectionHooks;
  readonly #topics = new Set<string>();
  #encoding: WireEncoding | undefined;
  #splitter: FrameSplitter | LineSplitter | undefined;
  #inFlight = 0;
  #inputEnded = false;
  #closing = false;
  #corked = false;
  #droppedEvents = 0;

  // Bound once, not per chunk or per request.
  readonly #onLine = (line: string): void => this.#accept(decodeLineRequest(line));
  readonly #onFrame = (frame: Buffer): void => this.#accept(decodeFrameRequest(frame));
  readonly #onAnswer = (reply: DaemonToClient): void => {
    this.#inFlight--;
    this.#reply(reply);
    this.#endIfIdle();
  };

  /**
   * @param socket - an accepted socket (created with `allowHalfOpen`, so answers still go out
   *   after the client ends its side)
   * @param limits - per-connection limits
   * @param hooks - the handler and the server's callbacks
   */
  constructor(socket: Socket, limits: ConnectionLimits, hooks: ConnectionHooks) {
    this.#socket = socket;
    this.#limits = limits;
    this.#hooks = hooks;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.#onData(chunk));
    socket.on('end', () => {
      this.#inputEnded = true;
      this.#endIfIdle();
    });
    socket.on('drain', () => socket.resume());
    // A reset by the client is routine; the close that follows does the bookkeeping.
    socket.on('error', () => socket.destroy());
    socket.on('close', () => hooks.onClose(this));
  }

  /** The encoding the client speaks, once it sent its first byte. */
  get encoding(): WireEncoding | undefined {
    return this.#encoding;
  }

  /** Requests being answered now. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** Events not sent because the client was not reading. */
  get droppedEvents(): number {
    return this.#droppedEvents;
  }

  /** Adds topics whose events this connection receives. */
  subscribe(topics: readonly string[]): void {
    for (const topic of topics) this.#topics.add(topic);
  }

  /** Removes topics (unknown ones are ignored). */
  unsubscribe(topics: readonly string[]): void {
    for (const topic of topics) this.#topics.delete(topic);
  }

  /** The topics subscribed now, sorted. */
  topics(): string[] {
    return [...this.#topics].sort();
  }

  /** True when the connection subscribed to `topic`. */
  wants(topic: string): boolean {
    return this.#topics.has(topic);
  }

  /**
   * Sends an event if the client keeps up; drops it (and counts it) otherwise.
   * @param encoded - the event, encoded once per encoding by the caller
   */
  sendEvent(encoded: (encoding: WireEncoding) => Buffer | string): void {
    if (this.#encoding === undefined || this.#closing) return;
    if (this.#socket.writableLength > this.#limits.maxPendingWriteBytes) {
      this.#droppedEvents++;
      return;
    }
    this.#write(encoded(this.#encoding), true);
  }

  /** Ends the connection once its requests are answered (graceful), or at once with `force`. */
  close(force = false): void {
    if (force) {
      this.#socket.destroy();
      return;
    }
    this.#inputEnded = true; // from now on, what the client sends is read and dropped
    this.#endIfIdle();
  }

  #onData(chunk: Buffer): void {
    // Input after a fatal error or a close is read and dropped: reading on is what lets the
    // socket see the client's end and close.
    if (this.#closing || this.#inputEnded) return;
    if (this.#splitter === undefined) {
      this.#encoding = sniffEncoding(chunk[0]!);
      this.#splitter = this.#encoding === 'json' ? new LineSplitter(this.#limits.maxLineBytes) : new FrameSplitter(this.#limits.maxFrameBytes);
    }
    const broken = this.#splitter instanceof LineSplitter ? this.#splitter.push(chunk, this.#onLine) : this.#splitter.push(chunk, this.#onFrame);
    if (broken !== undefined) this.#fail(broken);
  }

  #accept(decoded: DecodedRequest): void {
    if (this.#closing) return;
    if (!decoded.ok) {
      this.#hooks.onBadInput(decoded.error, false);
      this.#reply({ k: 'error', id: decoded.id, error: decoded.error });
      return;
    }
    const { request } = decoded;
    if (this.#inFlight >= this.#limits.maxInFlight) {
      const error = tesseraError('ERR_DAEMON_TOO_MANY_REQUESTS', { limit: this.#limits.maxInFlight });
      this.#reply({ k: 'error', id: request.id, error: toWireError(error, false) });
      return;
    }
    this.#inFlight++;
    void this.#hooks.handle(request, this).then(this.#onAnswer);
  }

  #fail(error: TesseraError): void {
    this.#hooks.onBadInput(error, true);
    this.#reply({ k: 'error', id: 0, error: toWireError(error, false) });
    this.#inputEnded = true;
    this.#closing = true;
    this.#hangUp();
  }

  #reply(message: DaemonToClient): void {
    if (this.#socket.destroyed || this.#socket.writableEnded) return;
    // A reply with no other request in flight has nothing to join: it goes out at once.
    this.#write(encodeForClient(this.#encoding ?? 'msgpack', message), this.#inFlight > 0);
  }

  /**
   * @param cork - hold the bytes until the end of the tick, so that what else is written in
   *   this tick goes out in the same writev (events always are: bursts of them must count
   *   against `maxPendingWriteBytes`, not fill the kernel's buffer)
   */
  #write(bytes: Buffer | string, cork: boolean): void {
    const socket = this.#socket;
    if (socket.destroyed || socket.writableEnded) return;
    if (cork && !this.#corked) {
      this.#corked = true;
      socket.cork();
      process.nextTick(() => {
        this.#corked = false;
        socket.uncork();
      });
    }
    if (!socket.write(bytes) && socket.writableLength > this.#limits.maxPendingWriteBytes) socket.pause();
  }

  #endIfIdle(): void {
    if (!this.#inputEnded || this.#inFlight > 0 || this.#closing) return;
    this.#closing = true;
    this.#hangUp();
  }

  /** Ends our side; a client that does not end its own within a second is cut off. */
  #hangUp(): void {
    this.#socket.end();
    setTimeout(() => this.#socket.destroy(), kHangUpMs).unref();
  }
}
