/**
 * Commands of the `daemon` scenario: queries over the daemon's socket (one at a time, and
 * pipelined in the scheduler's order), a client that disconnects mid-request, evictions and
 * budget changes through the socket, and a daemon restart. File changes are in
 * daemon-file-commands.ts.
 *
 * @module
 */

import type fc from 'fast-check';
import { connect } from 'node:net';
import { DaemonClient } from '../client/daemon-client.js';
import type { ChangeWaiter } from './daemon-file-commands.js';
import type { DaemonProcess } from './daemon-process.js';
import { checkQuery, describeQuery, type GraphQuery, type QueryTarget } from './graph-commands.js';
import type { GraphModel } from './graph-model.js';
import { within } from './within.js';

/** The real system of one run: a daemon and a connected client (both replaced on restart). */
export interface DaemonReal {
  daemon: DaemonProcess;
  client: DaemonClient;
  /** The tree the daemon serves. */
  readonly root: string;
  /** Waits for the daemon's `files.changed` events (re-attached to each new client). */
  readonly changes: ChangeWaiter;
  /** Starts the daemon again (same root, same files). */
  readonly restart: () => Promise<DaemonProcess>;
  readonly commandMs: number;
  /** Set by the runner before the first command. */
  scheduler: fc.Scheduler;
}

/** The daemon's client as a query target. */
export function clientTarget(client: DaemonClient): QueryTarget {
  return {
    query: (op, arg, limit) => client.query(op, op === 'outline' ? { file: arg } : op === 'search' ? { pattern: arg, limit } : { name: arg, limit }),
  };
}

/** Base: every command is always allowed and bounded in time. */
export abstract class DaemonCommand implements fc.AsyncCommand<GraphModel, DaemonReal> {
  check(): boolean {
    return true;
  }
  run(m: GraphModel, r: DaemonReal): Promise<void> {
    return within(r.commandMs, this.toString(), this.apply(m, r));
  }
  protected abstract apply(m: GraphModel, r: DaemonReal): Promise<void>;
  abstract toString(): string;
}

/** Queries pipelined on the client, issued in the scheduler's order (one query: no burst). */
export class SocketQueries extends DaemonCommand {
  readonly queries: readonly GraphQuery[];
  #text: string;
  constructor(queries: readonly GraphQuery[]) {
    super();
    this.queries = queries;
    this.#text = this.#describe();
  }
  protected async apply(m: GraphModel, r: DaemonReal): Promise<void> {
    this.#text = this.#describe(m);
    const target = clientTarget(r.client);
    const checks = this.queries.map((q, i) => r.scheduler.schedule(Promise.resolve(i), `query #${i}`).then(() => checkQuery(q, m, target)));
    await r.scheduler.waitAll();
    await Promise.all(checks);
  }
  #describe(m?: GraphModel): string {
    const list = this.queries.map((q) => describeQuery(q, m));
    return list.length === 1 ? `socket ${list[0]}` : `socket burst [${list.join(', ')}]`;
  }
  toString(): string {
    return this.#text;
  }
}

/**
 * Another client sends queries as JSON lines and hangs up before the answers come (after
 * `afterMs`); the daemon must go on serving everyone else.
 */
export class DisconnectMidRequest extends DaemonCommand {
  readonly queries: number;
  readonly afterMs: number;
  constructor(queries: number, afterMs: number) {
    super();
    this.queries = queries;
    this.afterMs = afterMs;
  }
  protected async apply(_m: GraphModel, r: DaemonReal): Promise<void> {
    const socket = connect(r.daemon.socket);
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const lines = Array.from({ length: this.queries }, (_, i) => JSON.stringify({ k: 'query', id: i + 1, op: 'refs', args: { name: 'foo' } }));
    socket.write(`${lines.join('\n')}\n`);
    if (this.afterMs > 0) await new Promise((resolve) => setTimeout(resolve, this.afterMs));
    socket.destroy();
    // The daemon still answers the client that stayed (the next command checks the answers).
    await r.client.ping();
  }
  toString(): string {
    return `a client sends ${this.queries} queries and hangs up after ${this.afterMs} ms`;
  }
}

/** Evicts every partition through the socket. */
export class SocketEvictAll extends DaemonCommand {
  protected async apply(_m: GraphModel, r: DaemonReal): Promise<void> {
    await r.client.evict('all');
  }
  toString(): string {
    return 'socket evict all';
  }
}

/** Changes the memory budget through the socket. */
export class SocketBudget extends DaemonCommand {
  readonly kib: number;
  constructor(kib: number) {
    super();
    this.kib = kib;
  }
  protected async apply(_m: GraphModel, r: DaemonReal): Promise<void> {
    await r.client.setBudget(this.kib * 1024);
  }
  toString(): string {
    return `socket budget ${this.kib} KiB`;
  }
}

/** Shuts the daemon down through the socket, starts it again and reconnects. */
export class RestartDaemon extends DaemonCommand {
  protected async apply(_m: GraphModel, r: DaemonReal): Promise<void> {
    await r.client.shutdown();
    await r.daemon.exited;
    await r.client.close();
    r.daemon = await r.restart();
    r.client = await DaemonClient.connect({ socketPath: r.daemon.socket });
    await r.changes.attach(r.client);
  }
  toString(): string {
    return 'restart the daemon';
  }
}
