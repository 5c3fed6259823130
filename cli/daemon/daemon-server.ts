import { chmod } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { DaemonToClient } from '../../protocol/index.js';
import { encodeForClient } from '../wire/reply-encoding.js';
import type { WireEncoding } from '../wire/wire-encoding.js';
import { ClientConnection, type ConnectionHooks } from './client-connection.js';
import type { ConnectionLimits } from './connection-limits.js';

/** Where a {@link DaemonServer} listens. */
export interface ListenOptions {
  /** The Unix domain socket; the caller has claimed the path (see `claimSocket`). */
  readonly socketPath: string;
  /** Also listen on 127.0.0.1 at this TCP port (0: any free port). */
  readonly tcpPort?: number;
}

/**
 * The daemon's listeners and connections: one Unix socket (mode 0600) and optionally a loopback
 * TCP port, both feeding {@link ClientConnection}s, plus the fan-out of events to subscribers.
 * It knows nothing about graphs: requests go to `hooks.handle`.
 */
export class DaemonServer {
  readonly #limits: ConnectionLimits;
  readonly #hooks: Omit<ConnectionHooks, 'onClose'>;
  readonly #connections = new Set<ClientConnection>();
  readonly #servers: Server[] = [];
  #tcpPort: number | null = null;

  /**
   * @param limits - per-connection limits
   * @param hooks - the request handler and the bad-input reporter
   */
  constructor(limits: ConnectionLimits, hooks: Omit<ConnectionHooks, 'onClose'>) {
    this.#limits = limits;
    this.#hooks = hooks;
  }

  /** Open connections. */
  get connections(): number {
    return this.#connections.size;
  }

  /** Requests in flight over all connections. */
  get inFlight(): number {
    let n = 0;
    for (const c of this.#connections) n += c.inFlight;
    return n;
  }

  /** The TCP port listened on, or null. */
  get tcpPort(): number | null {
    return this.#tcpPort;
  }

  /**
   * Starts listening.
   * @throws the listen error (EADDRINUSE, EACCES, ...) with nothing left listening
   */
  async listen(options: ListenOptions): Promise<void> {
    try {
      await this.#listenOn(this.#newServer(), { path: options.socketPath });
      await chmod(options.socketPath, 0o600);
      if (options.tcpPort !== undefined) {
        const tcp = this.#newServer();
        await this.#listenOn(tcp, { host: '127.0.0.1', port: options.tcpPort });
        this.#tcpPort = (tcp.address() as AddressInfo).port;
      }
    } catch (err) {
      await this.close(0);
      throw err;
    }
  }

  /**
   * Sends an event to every connection subscribed to `topic`, encoding it at most once per encoding.
   * @throws a coded error when `data` is not plain data
   */
  publish(topic: string, data: unknown): void {
    const message: DaemonToClient = { k: 'event', topic, data };
    const encoded = new Map<WireEncoding, Buffer | string>();
    const encode = (encoding: WireEncoding): Buffer | string => {
      let bytes = encoded.get(encoding);
      if (bytes === undefined) encoded.set(encoding, (bytes = encodeForClient(encoding, message)));
      return bytes;
    };
    for (const connection of this.#connections) if (connection.wants(topic)) connection.sendEvent(encode);
  }

  /** Stops accepting connections; open ones go on until {@link closeConnections}. */
  stopListening(): void {
    for (const server of this.#servers) server.close();
  }

  /**
   * Lets every connection finish the requests it has in flight, then ends it; connections still
   * open after `graceMs` are destroyed. Stops listening too.
   */
  async close(graceMs = 2000): Promise<void> {
    // server.close() calls back once every connection of that server has closed.
    const closed = Promise.all(this.#servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    for (const c of this.#connections) c.close();
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        for (const c of this.#connections) c.close(true);
        resolve();
      }, graceMs);
    });
    await Promise.race([closed, grace]);
    clearTimeout(timer);
    await closed;
  }

  #newServer(): Server {
    const server = createServer({ allowHalfOpen: true, pauseOnConnect: false }, (socket) => this.#accept(socket));
    this.#servers.push(server);
    return server;
  }

  #accept(socket: Socket): void {
    const connection = new ClientConnection(socket, this.#limits, {
      ...this.#hooks,
      onClose: (c) => this.#connections.delete(c),
    });
    this.#connections.add(connection);
  }

  #listenOn(server: Server, at: { path: string } | { host: string; port: number }): Promise<void> {
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(at, () => {
        server.off('error', reject);
        resolve();
      });
    });
  }
}
