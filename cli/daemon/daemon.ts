import { PROTOCOL_VERSION, tesseraError, toWireError } from '../../protocol/index.js';
import { systemClock, type Clock } from '../../runtime/index.js';
import type { DaemonPaths } from '../paths/daemon-paths.js';
import { updatePidFile, type PidInfo } from '../paths/pid-file.js';
import type { IndexProgress, OpenQueryService, QueryService } from '../service/query-service.js';
import { resolveConnectionLimits, type ConnectionLimits } from './connection-limits.js';
import type { DaemonLogger } from './daemon-logger.js';
import { createDaemonLogger } from './daemon-logger.js';
import { DaemonServer } from './daemon-server.js';
import type { DaemonPhase, DaemonStats } from './daemon-stats.js';
import { OpStats } from './op-stats.js';
import { RequestHandler, type DaemonHost } from './request-handler.js';
import { claimSocket, type SocketClaim } from './socket-claim.js';

/** Options of {@link Daemon.start}. */
export interface DaemonOptions {
  /** The root's real, absolute path. */
  readonly root: string;
  readonly paths: DaemonPaths;
  /** Opens the graph (see `codeGraphOpener`). */
  readonly open: OpenQueryService;
  readonly workers?: number;
  readonly memoryBudgetBytes?: number;
  /** Watch the tree for changes (default true). */
  readonly watch?: boolean;
  /** Keep the index in the per-user cache, so the next start is warm (default true). */
  readonly persist?: boolean;
  /** Also listen on 127.0.0.1 at this port (0: any free port). */
  readonly tcpPort?: number;
  readonly limits?: Partial<ConnectionLimits>;
  /** Default: a logger that writes nothing. */
  readonly logger?: DaemonLogger;
  readonly clock?: Clock;
  /** First-index progress, for a progress bar. */
  readonly onProgress?: (progress: IndexProgress) => void;
  /** How long a stop waits for requests in flight and for clients to hang up (default 2000 ms). */
  readonly graceMs?: number;
}

/** Progress events on the `daemon` topic are at most this frequent (phase changes always go out). */
const kProgressEventMs = 100;

/**
 * The daemon: it claims the root's socket, listens at once (so `status` works and a second
 * daemon is refused while it indexes), opens the graph, then answers queries until stopped.
 *
 *   claim socket ─▶ listen ─▶ open graph (progress events) ─▶ ready ─▶ … ─▶ stop:
 *   refuse new work ─▶ drain requests ─▶ close graph (snapshots) ─▶ stop listening ─▶
 *   remove socket + pid file ─▶ hang up on clients
 *
 * Process concerns (signals, exit codes, the pid's lifetime) live in `runDaemon`.
 */
export class Daemon implements DaemonHost {
  readonly #o: DaemonOptions;
  readonly #clock: Clock;
  readonly #log: DaemonLogger;
  readonly #ops = new OpStats();
  readonly #server: DaemonServer;
  readonly #startedAt = new Date();
  readonly #startedMs: number;
  readonly #handler: RequestHandler;
  #claim: SocketClaim | undefined;
  #phase: DaemonPhase = 'indexing';
  #progress: IndexProgress = { phase: 'starting', done: 0, total: 0 };
  #lastProgressEvent = -Infinity;
  #indexTookMs: number | null = null;
  #service: QueryService | undefined;
  #unsubscribe: (() => void) | undefined;
  #stopping: Promise<void> | undefined;
  #ready!: Promise<void>;
  readonly #stopped: Promise<void>;
  #markStopped!: () => void;

  private constructor(options: DaemonOptions) {
    this.#o = options;
    this.#clock = options.clock ?? systemClock;
    this.#log = options.logger ?? createDaemonLogger(undefined);
    this.#startedMs = this.#clock.now();
    this.#stopped = new Promise((resolve) => (this.#markStopped = resolve));
    const handler = (this.#handler = new RequestHandler(this, this.#ops, this.#clock));
    this.#server = new DaemonServer(resolveConnectionLimits(options.limits), {
      handle: (request, origin) => handler.handle(request, origin),
      onBadInput: (error, fatal) => this.#log[fatal ? 'warn' : 'debug']({ code: error.code }, `bad input: ${error.message}`),
    });
  }

  /**
   * Claims the socket, listens, and starts the first index in the background.
   * @returns the daemon, already answering `ping`, `stats` and `subscribe`; await
   *   {@link Daemon.ready} for queries
   * @throws {TesseraError} ERR_DAEMON_ALREADY_RUNNING, ERR_DAEMON_SOCKET_DIR, or the listen error
   */
  static async start(options: DaemonOptions): Promise<Daemon> {
    const daemon = new Daemon(options);
    await daemon.#listen();
    daemon.#ready = daemon.#index();
    // `ready` rejects when indexing fails; the daemon then stops by itself, so a caller that
    // only awaits `stopped` must not see an unhandled rejection.
    daemon.#ready.catch(() => undefined);
    return daemon;
  }

  /** Resolves once the first index is complete; rejects with ERR_DAEMON_INDEX_FAILED. */
  get ready(): Promise<void> {
    return this.#ready;
  }

  /** Resolves once the daemon has stopped, whoever stopped it (a client, a signal, a failed index). */
  get stopped(): Promise<void> {
    return this.#stopped;
  }

  get phase(): DaemonPhase {
    return this.#phase;
  }

  get progress(): IndexProgress {
    return this.#progress;
  }

  get service(): QueryService | undefined {
    return this.#service;
  }

  get topics(): readonly string[] {
    return ['daemon', ...(this.#service?.topics ?? ['runtime', 'graph'])];
  }

  /** The TCP port, when listening on one. */
  get tcpPort(): number | null {
    return this.#server.tcpPort;
  }

  stats(): DaemonStats {
    const memory = process.memoryUsage();
    return {
      protocol: PROTOCOL_VERSION,
      pid: process.pid,
      root: this.#o.root,
      socket: this.#o.paths.socket,
      tcpPort: this.#server.tcpPort,
      log: this.#o.paths.log,
      startedAt: this.#startedAt.toISOString(),
      state: this.#phase,
      uptimeMs: Math.round(this.#clock.now() - this.#startedMs),
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      index: { ...this.#progress, tookMs: this.#indexTookMs },
      watch: this.#o.watch ?? true,
      persist: this.#o.persist ?? true,
      connections: this.#server.connections,
      requests: { ...this.#ops.totals, inFlight: this.#server.inFlight },
      ops: this.#ops.figures(),
      graph: this.#service?.stats() ?? null,
    };
  }

  shutdown(reason: string): void {
    void this.stop(reason);
  }

  /** Stops gracefully (idempotent); resolves once every client was hung up on. */
  stop(reason = 'stop requested'): Promise<void> {
    this.#stopping ??= this.#stop(reason).finally(() => this.#markStopped());
    return this.#stopping;
  }

  async #listen(): Promise<void> {
    const { paths } = this.#o;
    const info: PidInfo = { pid: process.pid, root: this.#o.root, socket: paths.socket, log: paths.log, started: this.#startedAt.toISOString(), tcpPort: null };
    this.#claim = await claimSocket(paths, info);
    if (this.#claim.replacedStale) this.#log.warn({ socket: paths.socket }, 'replaced the files of a daemon that is gone');
    try {
      await this.#server.listen({ socketPath: paths.socket, ...(this.#o.tcpPort === undefined ? {} : { tcpPort: this.#o.tcpPort }) });
      if (this.#server.tcpPort !== null) await updatePidFile(paths.pid, { ...info, tcpPort: this.#server.tcpPort });
    } catch (err) {
      await this.#claim.release();
      throw err;
    }
    this.#log.info({ socket: paths.socket, tcpPort: this.#server.tcpPort, root: this.#o.root }, 'listening');
  }

  async #index(): Promise<void> {
    const started = this.#clock.now();
    let service: QueryService;
    try {
      service = await this.#o.open({
        root: this.#o.root,
        watch: this.#o.watch ?? true,
        persist: this.#o.persist ?? true,
        onProgress: (p) => this.#onProgress(p),
        onNotice: (n) => {
          this.#log.warn({ code: n.code }, n.message);
          this.#publish('graph', { type: 'notice', ...n });
        },
        ...(this.#o.workers === undefined ? {} : { workers: this.#o.workers }),
        ...(this.#o.memoryBudgetBytes === undefined ? {} : { memoryBudgetBytes: this.#o.memoryBudgetBytes }),
      });
    } catch (err) {
      const error = tesseraError('ERR_DAEMON_INDEX_FAILED', { root: this.#o.root, reason: toWireError(err).message });
      this.#log.error({ err: toWireError(err) }, error.message);
      void this.stop('the first index failed');
      throw error;
    }
    if (this.#stopping !== undefined) {
      await service.close();
      throw tesseraError('ERR_DAEMON_STOPPING', { kind: 'start' });
    }
    this.#service = service;
    this.#unsubscribe = service.on((topic, data) => this.#publish(topic, data));
    this.#indexTookMs = Math.round(this.#clock.now() - started);
    this.#phase = 'ready';
    const files = service.stats().files;
    this.#log.info({ tookMs: this.#indexTookMs, files }, 'first index ready');
    this.#publish('daemon', { type: 'ready', tookMs: this.#indexTookMs, files });
  }

  #onProgress(progress: IndexProgress): void {
    const phaseChanged = progress.phase !== this.#progress.phase;
    this.#progress = { phase: progress.phase, done: progress.done, total: progress.total };
    this.#o.onProgress?.(this.#progress);
    const now = this.#clock.now();
    if (!phaseChanged && now - this.#lastProgressEvent < kProgressEventMs) return;
    this.#lastProgressEvent = now;
    if (phaseChanged) this.#log.info({ ...this.#progress }, `indexing: ${progress.phase}`);
    this.#publish('daemon', { type: 'index.progress', ...this.#progress });
  }

  #publish(topic: string, data: unknown): void {
    try {
      this.#server.publish(topic, data);
    } catch (err) {
      this.#log.error({ err: toWireError(err), topic }, 'cannot publish an event');
    }
  }

  async #stop(reason: string): Promise<void> {
    const grace = this.#o.graceMs ?? 2000;
    this.#phase = 'stopping';
    this.#log.info({ reason }, 'stopping');
    this.#publish('daemon', { type: 'stopping', reason });
    await this.#ready?.catch(() => undefined);
    await withTimeout(this.#handler.idle(), grace);
    this.#unsubscribe?.();
    try {
      await this.#service?.close();
    } catch (err) {
      this.#log.error({ err: toWireError(err) }, 'closing the graph failed');
    }
    this.#server.stopListening();
    await this.#claim?.release();
    await this.#server.close(grace);
    this.#log.info('stopped');
  }
}

function withTimeout(work: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
