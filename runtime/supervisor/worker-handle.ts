import { Worker, type ResourceLimits } from 'node:worker_threads';
import {
  DuplexChannel,
  PROTOCOL_VERSION,
  createChannelBuffers,
  fromWireError,
  supervisorCodec,
  tesseraError,
  type SupervisorToWorker,
  type WorkerToSupervisor,
} from '../../protocol/index.js';
import type { Clock, TimerHandle } from '../clock.js';
import type { WorkerBootData } from '../worker/worker-boot-data.js';

const workerMain = new URL('../worker/worker-main.js', import.meta.url);

/** Requests are the supervisor messages that carry an id; the handle assigns it. */
type Request = Extract<SupervisorToWorker, { id: number }>;
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** Whoever waits for a reply: a promise's resolvers, or an ask's own callbacks (no promise). */
export interface ReplyHandler {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

/** Options to start one worker. */
export interface WorkerHandleOptions {
  slot: number;
  kinds: Record<string, string>;
  ringBytes: number;
  spinMs: number;
  /** Where the worker writes its actors' snapshots (temporary files the supervisor installs). */
  snapshots: { dir: string; fsync: boolean };
  handshakeTimeoutMs: number;
  resourceLimits?: ResourceLimits;
  clock: Clock;
  /** Worker events that are not replies: actor_failed, log. */
  onEvent: (slot: number, message: WorkerToSupervisor) => void;
  /** The worker is gone (exit, uncaught error, out of memory); called once. */
  onExit: (slot: number, reason: string) => void;
}

/**
 * One worker thread, its channel and its requests in flight (like piscina's WorkerInfo).
 * Replies are matched by id; a reply to an unknown id is dropped and counted.
 */
export class WorkerHandle {
  readonly slot: number;
  readonly worker: Worker;
  readonly channel: DuplexChannel<SupervisorToWorker, WorkerToSupervisor>;
  /** Replies that matched no request in flight. */
  staleReplies = 0;
  /** Heap bytes the worker reported last. */
  heapUsed = 0;
  #alive = true;
  #nextId = 1;
  readonly #pending = new Map<number, ReplyHandler>();
  readonly #options: WorkerHandleOptions;
  #ready: { resolve: () => void; reject: (e: Error) => void } | undefined;

  private constructor(options: WorkerHandleOptions) {
    this.slot = options.slot;
    this.#options = options;
    const buffers = createChannelBuffers(options.ringBytes);
    const boot: WorkerBootData = { buffers, slot: options.slot, kinds: options.kinds, spinMs: options.spinMs, snapshots: options.snapshots };
    this.worker = new Worker(workerMain, { workerData: boot, ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}) });
    this.channel = new DuplexChannel(buffers, 'creator', supervisorCodec, {
      onMessage: (m) => this.#onMessage(m),
      onError: (err) => this.#options.onEvent(this.slot, { k: 'log', level: 'error', msg: String((err as Error).message ?? err) }),
      reader: { spinMs: options.spinMs },
    });
    let failure = 'exited';
    this.worker.on('error', (err) => (failure = `${(err as { code?: string }).code ?? 'error'}: ${err.message}`));
    this.worker.on('exit', (code) => this.#exited(code === 0 && failure === 'exited' ? 'exited' : `${failure} (exit code ${code})`));
  }

  /**
   * Starts a worker and waits for its READY.
   * @throws ERR_PROTO_VERSION_MISMATCH, ERR_PROTO_HANDSHAKE_TIMEOUT, ERR_WORKER_START_FAILED
   */
  static async start(options: WorkerHandleOptions): Promise<WorkerHandle> {
    const handle = new WorkerHandle(options);
    void handle.channel.start();
    const ready = new Promise<void>((resolve, reject) => (handle.#ready = { resolve, reject }));
    const timer: TimerHandle = options.clock.setTimeout(() => {
      handle.#ready?.reject(tesseraError('ERR_PROTO_HANDSHAKE_TIMEOUT', { peer: `worker ${options.slot}`, waitedMs: options.handshakeTimeoutMs }));
    }, options.handshakeTimeoutMs);
    try {
      await ready;
    } catch (err) {
      await handle.terminate();
      throw err;
    } finally {
      options.clock.clearTimeout(timer);
    }
    return handle;
  }

  /** True until the worker exits. */
  get alive(): boolean {
    return this.#alive;
  }

  /** Requests in flight. */
  get inFlight(): number {
    return this.#pending.size;
  }

  /** Sends a request and resolves with the worker's `result` value (or rejects with its `failure`). */
  request(message: WithoutId<Request>): Promise<unknown> {
    return new Promise((resolve, reject) => this.send(message, { resolve, reject }));
  }

  /**
   * Sends a request whose reply goes to `handler` (the hot path of asks: no extra promise).
   * Failures, an encoding error included, reach `handler.reject`.
   */
  send(message: WithoutId<Request>, handler: ReplyHandler): void {
    if (!this.#alive) return handler.reject(tesseraError('ERR_WORKER_CRASHED', { worker: this.slot, reason: 'already exited' }));
    const id = this.#nextId++;
    (message as unknown as { id: number }).id = id;
    this.#pending.set(id, handler);
    try {
      void this.channel.send(message as Request);
    } catch (err) {
      this.#pending.delete(id);
      handler.reject(err as Error);
    }
  }

  /** Sends a message that expects no reply. */
  post(message: Exclude<SupervisorToWorker, { id: number }>): void {
    if (this.#alive) void this.channel.send(message);
  }

  /** Stops the thread at once (its in-flight requests fail with ERR_WORKER_CRASHED). */
  async terminate(): Promise<void> {
    this.channel.close();
    await this.worker.terminate();
  }

  #onMessage(message: WorkerToSupervisor): void {
    switch (message.k) {
      case 'result':
        this.#settle(message.id)?.resolve(message.value);
        return;
      case 'failure':
        this.#settle(message.id)?.reject(fromWireError(message.error));
        return;
      case 'stats_reply':
        this.heapUsed = message.heapUsed;
        this.#settle(message.id)?.resolve(message);
        return;
      case 'pong':
        this.#settle(message.id)?.resolve(message.t);
        return;
      case 'ready':
        if (message.version !== PROTOCOL_VERSION) {
          this.#ready?.reject(tesseraError('ERR_PROTO_VERSION_MISMATCH', { expected: PROTOCOL_VERSION, got: message.version }));
        } else this.#ready?.resolve();
        this.#ready = undefined;
        return;
      case 'actor_failed':
      case 'log':
        this.#options.onEvent(this.slot, message);
        return;
      default:
        throw tesseraError('ERR_PROTO_UNKNOWN_KIND', { direction: 'WorkerToSupervisor', kind: (message as { k: string }).k });
    }
  }

  #settle(id: number): ReplyHandler | undefined {
    const pending = this.#pending.get(id);
    if (!pending) {
      this.staleReplies++;
      return undefined;
    }
    this.#pending.delete(id);
    return pending;
  }

  #exited(reason: string): void {
    if (!this.#alive) return;
    // Replies the worker wrote before it died still count: read them before failing the rest.
    this.channel.reader.drain();
    this.#alive = false;
    this.channel.close();
    this.#ready?.reject(tesseraError('ERR_WORKER_START_FAILED', { worker: this.slot, reason }));
    this.#ready = undefined;
    const err = tesseraError('ERR_WORKER_CRASHED', { worker: this.slot, reason });
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    // The supervisor first learns of the loss (routes, journals), then the callers their errors.
    this.#options.onExit(this.slot, reason);
    for (const p of pending) p.reject(err);
  }
}
