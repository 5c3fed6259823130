import { tesseraError, toWireError, type ClientToDaemon, type DaemonToClient } from '../../protocol/index.js';
import type { Clock } from '../../runtime/index.js';
import type { IndexProgress, QueryService } from '../service/query-service.js';
import type { DaemonPhase, DaemonStats } from './daemon-stats.js';
import type { OpStats } from './op-stats.js';
import { isQueryOp, parseQueryRequest } from './query-args.js';

/** What the handler needs from the daemon around it. */
export interface DaemonHost {
  readonly phase: DaemonPhase;
  readonly progress: IndexProgress;
  /** The graph, once the first index is ready. */
  readonly service: QueryService | undefined;
  /** Every topic a client may subscribe to. */
  readonly topics: readonly string[];
  stats(): DaemonStats;
  /** Begins a graceful shutdown (idempotent); the reply to `shutdown` goes out first. */
  shutdown(reason: string): void;
}

/** The connection a request came on, as far as the handler is concerned. */
export interface RequestOrigin {
  subscribe(topics: readonly string[]): void;
  unsubscribe(topics: readonly string[]): void;
  /** The topics subscribed now. */
  topics(): string[];
}

/**
 * Turns one ClientToDaemon request into its DaemonToClient answer. It never rejects: every
 * failure, coded or not, becomes an `error` reply (without a stack), and every request is
 * counted in {@link OpStats} under its query op or its kind.
 */
export class RequestHandler {
  readonly #host: DaemonHost;
  readonly #ops: OpStats;
  readonly #clock: Clock;
  #inFlight = 0;
  /** Resolves {@link idle}'s promise; set while someone waits for it. */
  #whenIdle: (() => void) | undefined;
  #idle: Promise<void> | undefined;

  /**
   * @param host - the daemon's state and services
   * @param ops - where request latency is recorded
   * @param clock - time source for latency and `took_us`
   */
  constructor(host: DaemonHost, ops: OpStats, clock: Clock) {
    this.#host = host;
    this.#ops = ops;
    this.#clock = clock;
  }

  /** Requests being answered now. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** Resolves once no request is being answered (at once when none is). */
  idle(): Promise<void> {
    if (this.#inFlight === 0) return Promise.resolve();
    this.#idle ??= new Promise((resolve) => (this.#whenIdle = resolve));
    return this.#idle;
  }

  /** Answers `request`; resolves with the reply, never rejects. */
  async handle(request: ClientToDaemon, origin: RequestOrigin): Promise<DaemonToClient> {
    const start = this.#clock.now();
    // Counted here rather than by a promise wrapped around each request: that cost two
    // promises and a Set entry per request on the daemon's main thread.
    this.#inFlight++;
    // Unknown ops are counted together, so random op names cannot grow the table.
    const op = request.k !== 'query' ? request.k : isQueryOp(request.op) ? request.op : '(unknown op)';
    let reply: DaemonToClient;
    try {
      reply = await this.#dispatch(request, origin, start);
    } catch (err) {
      reply = { k: 'error', id: request.id, error: toWireError(err, false) };
    }
    this.#ops.record(op, this.#clock.now() - start, reply.k === 'error');
    if (--this.#inFlight === 0 && this.#whenIdle !== undefined) {
      this.#whenIdle();
      this.#whenIdle = this.#idle = undefined;
    }
    return reply;
  }

  async #dispatch(request: ClientToDaemon, origin: RequestOrigin, start: number): Promise<DaemonToClient> {
    const host = this.#host;
    if (host.phase === 'stopping' && request.k !== 'ping' && request.k !== 'stats') {
      throw tesseraError('ERR_DAEMON_STOPPING', { kind: request.k });
    }
    switch (request.k) {
      case 'ping':
        return { k: 'pong', id: request.id };
      case 'stats':
        return { k: 'result', id: request.id, value: host.stats() };
      case 'query': {
        const query = parseQueryRequest(request.op, request.args);
        const value = await this.#service().query(query);
        return { k: 'result', id: request.id, value, took_us: Math.round((this.#clock.now() - start) * 1000) };
      }
      case 'send':
        return { k: 'result', id: request.id, value: await this.#service().send(request.actor, request.msg) };
      case 'evict':
        return { k: 'result', id: request.id, value: await this.#service().evict(request.actor) };
      case 'budget':
        return { k: 'result', id: request.id, value: await this.#service().setBudget(request.bytes) };
      case 'subscribe':
        this.#subscribe(request.topics, origin);
        return { k: 'result', id: request.id, value: { topics: request.topics } };
      case 'unsubscribe':
        origin.unsubscribe(request.topics);
        return { k: 'result', id: request.id, value: { topics: origin.topics() } };
      case 'list': {
        if (request.what !== 'partitions' && request.what !== 'workers') {
          throw tesseraError('ERR_DAEMON_BAD_ARGS', { op: 'list', field: 'what', expected: '"partitions" or "workers"', got: JSON.stringify(request.what) });
        }
        return { k: 'result', id: request.id, value: { [request.what]: this.#service().list(request.what) } };
      }
      case 'sync':
        await this.#service().sync();
        return { k: 'result', id: request.id, value: { tookMs: Math.round((this.#clock.now() - start) * 1000) / 1000 } };
      case 'shutdown':
        host.shutdown('shutdown request');
        return { k: 'result', id: request.id, value: { stopping: true } };
      default:
        throw tesseraError('ERR_PROTO_UNKNOWN_KIND', { direction: 'ClientToDaemon', kind: (request as { k: string }).k });
    }
  }

  #service(): QueryService {
    const host = this.#host;
    if (host.service === undefined) throw tesseraError('ERR_DAEMON_NOT_READY', { ...host.progress });
    return host.service;
  }

  #subscribe(topics: readonly string[], origin: RequestOrigin): void {
    const known = this.#host.topics;
    const unknown = topics.find((t) => !known.includes(t));
    if (unknown !== undefined) throw tesseraError('ERR_DAEMON_UNKNOWN_TOPIC', { topic: unknown, known: known.join(', ') });
    origin.subscribe(topics);
  }
}
