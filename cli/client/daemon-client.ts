import { connect as netConnect, type Socket } from 'node:net';
import {
  clientCodec,
  fromWireError,
  tesseraError,
  type ClientToDaemon,
  type ClientToDaemonKind,
  type ClientToDaemonOf,
  type DaemonToClient,
} from '../../protocol/index.js';
import { systemClock, type Clock } from '../../runtime/index.js';
import type { DaemonStats } from '../daemon/daemon-stats.js';
import type { QueryAnswer, QueryOp } from '../service/query-service.js';
import { FrameSplitter, frameBytes } from '../wire/frame-splitter.js';
import { RequestWindow } from './request-window.js';

/** Where a daemon listens: its Unix socket, or a loopback TCP port. */
export type DaemonTarget = { readonly socketPath: string } | { readonly port: number; readonly host?: string };

/** Options of {@link DaemonClient.connect}. */
export interface DaemonClientOptions {
  /** Default time limit of a request (default 30 s; `Infinity` for none). */
  readonly timeoutMs?: number;
  /** Requests sent at once; more wait in the client, in order (default 128). */
  readonly maxInFlight?: number;
  /** Largest reply frame accepted (default 256 MiB). */
  readonly maxFrameBytes?: number;
  readonly clock?: Clock;
}

/** The fields of a request of kind `K`, without `k` and `id`. */
export type RequestFields<K extends ClientToDaemonKind> = Omit<ClientToDaemonOf<K>, 'k' | 'id'>;

/** A listener of `event` messages. */
export type DaemonEventListener = (topic: string, data: unknown) => void;

/**
 * A connection to a daemon, speaking length-prefixed msgpack frames. Requests may be pipelined
 * freely: each gets an id, replies are matched by id, and at most `maxInFlight` are on the wire.
 * @example
 * const client = await DaemonClient.connect({ socketPath });
 * const { results } = await client.query('def', { name: 'parse' });
 * client.close();
 */
export class DaemonClient {
  readonly #socket: Socket;
  readonly #window: RequestWindow;
  readonly #timeoutMs: number;
  readonly #listeners = new Set<DaemonEventListener>();
  readonly #closed: Promise<void>;
  #corked = false;

  private constructor(socket: Socket, options: DaemonClientOptions) {
    this.#socket = socket;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#window = new RequestWindow((m) => this.#write(m), options.maxInFlight ?? 128, options.clock ?? systemClock);
    const splitter = new FrameSplitter(options.maxFrameBytes ?? 256 << 20);
    socket.on('data', (chunk: Buffer) => {
      const broken = splitter.push(chunk, (frame) => this.#onFrame(frame));
      if (broken) this.#fail(broken);
    });
    socket.on('error', (err) => this.#fail(err));
    this.#closed = new Promise((resolve) =>
      socket.once('close', () => {
        this.#window.close(tesseraError('ERR_DAEMON_CONNECTION_CLOSED', { reason: 'the connection closed', pending: this.#window.size }));
        resolve();
      }),
    );
  }

  /**
   * Connects to a daemon.
   * @throws {TesseraError} ERR_DAEMON_NOT_RUNNING when nothing answers there
   */
  static connect(target: DaemonTarget, options: DaemonClientOptions = {}): Promise<DaemonClient> {
    const where = 'socketPath' in target ? target.socketPath : `${target.host ?? '127.0.0.1'}:${target.port}`;
    return new Promise((resolve, reject) => {
      const socket = 'socketPath' in target ? netConnect({ path: target.socketPath }) : netConnect({ port: target.port, host: target.host ?? '127.0.0.1' });
      socket.once('error', (err) => reject(tesseraError('ERR_DAEMON_NOT_RUNNING', { socket: where, reason: err.message })));
      socket.once('connect', () => {
        socket.removeAllListeners('error');
        socket.setNoDelay(true);
        resolve(new DaemonClient(socket, options));
      });
    });
  }

  /** Resolves when the connection has closed (by either side). */
  get closed(): Promise<void> {
    return this.#closed;
  }

  /**
   * Sends one request and resolves with its answer: a `result`'s value, or undefined for `pong`.
   * @param kind - the request kind
   * @param fields - its fields, without `k` and `id`
   * @param timeoutMs - this request's time limit (default: the client's)
   * @throws the daemon's coded error (rebuilt with `fromWireError`), ERR_DAEMON_REQUEST_TIMEOUT,
   *   ERR_DAEMON_CONNECTION_CLOSED, or ERR_PROTO_* for fields that do not encode
   */
  request<K extends ClientToDaemonKind>(kind: K, fields: RequestFields<K>, timeoutMs = this.#timeoutMs): Promise<unknown> {
    return this.#window.request((id) => ({ k: kind, id, ...fields }) as unknown as ClientToDaemon, timeoutMs);
  }

  /** Runs query `op`; see docs/cli.md for each op's arguments. */
  async query(op: QueryOp, args: Record<string, unknown> = {}, timeoutMs?: number): Promise<QueryAnswer> {
    return (await this.request('query', { op, args }, timeoutMs)) as QueryAnswer;
  }

  /** Round trip to the daemon. */
  async ping(timeoutMs?: number): Promise<void> {
    await this.request('ping', {}, timeoutMs);
  }

  /** The daemon's figures. */
  async stats(timeoutMs?: number): Promise<DaemonStats> {
    return (await this.request('stats', {}, timeoutMs)) as DaemonStats;
  }

  /** Delivers `msg` to an actor and resolves with its reply. */
  send(actor: string, msg: unknown, timeoutMs?: number): Promise<unknown> {
    return this.request('send', { actor, msg }, timeoutMs);
  }

  /** Passivates an actor (`kind/key`), or every partition with `all`. */
  async evict(target: string, timeoutMs?: number): Promise<{ evicted: string[] }> {
    return (await this.request('evict', { actor: target }, timeoutMs)) as { evicted: string[] };
  }

  /** Changes the daemon's memory budget, in bytes. */
  async setBudget(bytes: number, timeoutMs?: number): Promise<{ budgetBytes: number }> {
    return (await this.request('budget', { bytes }, timeoutMs)) as { budgetBytes: number };
  }

  /** Starts events for `topics`; they go to the {@link onEvent} listeners. */
  async subscribe(topics: readonly string[]): Promise<void> {
    await this.request('subscribe', { topics });
  }

  /** Stops events of `topics`; resolves with the topics still subscribed. */
  async unsubscribe(topics: readonly string[]): Promise<string[]> {
    return ((await this.request('unsubscribe', { topics })) as { topics: string[] }).topics;
  }

  /** The daemon's partitions (path order) or workers, one plain row each. */
  async list(what: 'partitions' | 'workers', timeoutMs?: number): Promise<Record<string, unknown>[]> {
    return ((await this.request('list', { what }, timeoutMs)) as Record<string, Record<string, unknown>[]>)[what]!;
  }

  /** Resolves once every file change the daemon's watcher has seen is applied. */
  async sync(timeoutMs?: number): Promise<{ tookMs: number }> {
    return (await this.request('sync', {}, timeoutMs)) as { tookMs: number };
  }

  /** Adds an event listener; @returns the function that removes it */
  onEvent(listener: DaemonEventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Asks the daemon to stop; resolves once it has hung up, i.e. it has stopped serving. */
  async shutdown(): Promise<void> {
    await this.request('shutdown', {});
    await this.#closed;
  }

  /** Closes the connection; pending requests fail with ERR_DAEMON_CONNECTION_CLOSED. */
  close(): Promise<void> {
    this.#socket.end();
    return this.#closed;
  }

  #write(message: ClientToDaemon): void {
    const bytes = frameBytes(clientCodec.encodeTransient(message));
    // Requests made in the same tick go out in one writev.
    if (!this.#corked) {
      this.#corked = true;
      this.#socket.cork();
      process.nextTick(() => {
        this.#corked = false;
        this.#socket.uncork();
      });
    }
    this.#socket.write(bytes);
  }

  #onFrame(frame: Buffer): void {
    let message: DaemonToClient;
    try {
      message = clientCodec.decode(frame);
    } catch (err) {
      this.#fail(err as Error);
      return;
    }
    switch (message.k) {
      case 'result':
        return this.#window.resolve(message.id, message.value);
      case 'pong':
        return this.#window.resolve(message.id, undefined);
      case 'error':
        if (message.id === 0) return this.#fail(fromWireError(message.error));
        return this.#window.reject(message.id, message.error);
      case 'event':
        for (const listener of this.#listeners) listener(message.topic, message.data);
        return;
      default:
        this.#fail(tesseraError('ERR_PROTO_UNKNOWN_KIND', { direction: 'DaemonToClient', kind: (message as { k: string }).k }));
    }
  }

  /** The stream is unusable: fail everything pending with `error` and hang up. */
  #fail(error: Error): void {
    this.#window.close(error);
    this.#socket.destroy();
  }
}
