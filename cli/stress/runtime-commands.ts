/**
 * Commands of the `runtime` scenario: updates and reads of register actors (tells, asks, bursts
 * of concurrent asks issued in an order fast-check's scheduler picks), forced evictions,
 * checkpoints, budget changes, killed workers and maintenance ticks. Each command checks its
 * answers against the model, then the runtime's stats at quiescence.
 *
 * @module
 */

import assert from 'node:assert/strict';
import type fc from 'fast-check';
import type { Supervisor } from '../../runtime/index.js';
import type { RegisterMessage } from './register-actor.js';
import { within } from './within.js';

/** The model: every register's values, by address. */
export type RuntimeModel = Map<string, Map<string, number>>;

/** The real system of one run. */
export interface RuntimeReal {
  readonly sup: Supervisor;
  readonly workers: number;
  /** How long one command may take before the run fails as hung. */
  readonly commandMs: number;
  /** Set by the runner before the first command. */
  scheduler: fc.Scheduler;
  /** Addresses that have received a message (each has a route from then on). */
  readonly touched: Set<string>;
}


/** Checks the stats that must hold when nothing is under way. */
function checkQuiescent(r: RuntimeReal): void {
  const s = r.sup.stats();
  assert.equal(s.state, 'running', 'supervisor state');
  assert.equal(s.actors.activating, 0, 'actors activating at quiescence');
  assert.equal(s.actors.active + s.actors.passivated, r.touched.size, 'every actor messaged has a route');
  for (const [actor, depth] of Object.entries(s.mailboxes)) assert.equal(depth, 0, `mailbox of ${actor} at quiescence`);
  // Requests in flight are not checked: a checkpoint taken every few journal entries runs in
  // the background, so one may be under way when every command has its answer.
}

function valueOf(m: RuntimeModel, address: string, key: string): number {
  return m.get(address)?.get(key) ?? 0;
}

function setValue(m: RuntimeModel, address: string, key: string, value: number): void {
  let values = m.get(address);
  if (values === undefined) m.set(address, (values = new Map<string, number>()));
  values.set(key, value);
}

/** Base: every command is always allowed, bounded in time, and checks quiescence after. */
abstract class RuntimeCommand implements fc.AsyncCommand<RuntimeModel, RuntimeReal> {
  check(): boolean {
    return true;
  }
  async run(m: RuntimeModel, r: RuntimeReal): Promise<void> {
    await within(r.commandMs, this.toString(), this.apply(m, r));
    checkQuiescent(r);
  }
  protected abstract apply(m: RuntimeModel, r: RuntimeReal): Promise<void>;
  abstract toString(): string;
}

/** `put` as a tell: acknowledged once the tell resolves. */
export class TellPut extends RuntimeCommand {
  readonly address: string;
  readonly key: string;
  readonly value: number;
  constructor(address: string, key: string, value: number) {
    super();
    this.address = address;
    this.key = key;
    this.value = value;
  }
  protected async apply(m: RuntimeModel, r: RuntimeReal): Promise<void> {
    r.touched.add(this.address);
    await r.sup.tell(this.address, { type: 'put', key: this.key, value: this.value } satisfies RegisterMessage);
    setValue(m, this.address, this.key, this.value);
  }
  toString(): string {
    return `tell ${this.address} put ${this.key}=${this.value}`;
  }
}

/** `add` as an ask: the reply is the new value. */
export class AskAdd extends RuntimeCommand {
  readonly address: string;
  readonly key: string;
  readonly n: number;
  constructor(address: string, key: string, n: number) {
    super();
    this.address = address;
    this.key = key;
    this.n = n;
  }
  protected async apply(m: RuntimeModel, r: RuntimeReal): Promise<void> {
    r.touched.add(this.address);
    const expected = valueOf(m, this.address, this.key) + this.n;
    const reply = await r.sup.ask(this.address, { type: 'add', key: this.key, n: this.n } satisfies RegisterMessage);
    assert.equal(reply, expected, `${this.toString()} answered ${String(reply)}, the model says ${expected}`);
    setValue(m, this.address, this.key, expected);
  }
  toString(): string {
    return `ask ${this.address} add ${this.key}+${this.n}`;
  }
}

/** A read-only `get`. */
export class Get extends RuntimeCommand {
  readonly address: string;
  readonly key: string;
  constructor(address: string, key: string) {
    super();
    this.address = address;
    this.key = key;
  }
  protected async apply(m: RuntimeModel, r: RuntimeReal): Promise<void> {
    r.touched.add(this.address);
    const expected = valueOf(m, this.address, this.key);
    const reply = await r.sup.ask(this.address, { type: 'get', key: this.key } satisfies RegisterMessage, { readOnly: true });
    assert.equal(reply, expected, `${this.toString()} answered ${String(reply)}, the model says ${expected}`);
  }
  toString(): string {
    return `get ${this.address} ${this.key}`;
  }
}

/** One ask of a burst: an `add` (n > 0) or a read-only `get` (n = 0). */
export interface BurstOp {
  readonly address: string;
  readonly key: string;
  readonly n: number;
}

/**
 * Concurrent asks, issued in the order the scheduler releases them; asks to one actor are
 * answered in issue order, so the model replays them in that order.
 */
export class Burst extends RuntimeCommand {
  readonly ops: readonly BurstOp[];
  constructor(ops: readonly BurstOp[]) {
    super();
    this.ops = ops;
  }
  protected async apply(m: RuntimeModel, r: RuntimeReal): Promise<void> {
    const order: number[] = [];
    const replies = this.ops.map((op, i) =>
      r.scheduler.schedule(Promise.resolve(i), `issue #${i}`).then(() => {
        order.push(i);
        r.touched.add(op.address);
        const msg: RegisterMessage = op.n > 0 ? { type: 'add', key: op.key, n: op.n } : { type: 'get', key: op.key };
        return r.sup.ask(op.address, msg, { readOnly: op.n === 0 });
      }),
    );
    await r.scheduler.waitAll();
    const outcomes = await Promise.all(replies);
    for (const i of order) {
      const op = this.ops[i]!;
      const expected = valueOf(m, op.address, op.key) + op.n;
      assert.equal(outcomes[i], expected, `burst ask #${i} (${describeOp(op)}, issued ${order.indexOf(i) + 1}th) answered ${String(outcomes[i])}, the model says ${expected}`);
      if (op.n > 0) setValue(m, op.address, op.key, expected);
    }
  }
  toString(): string {
    return `burst [${this.ops.map(describeOp).join(', ')}]`;
  }
}

function describeOp(op: BurstOp): string {
  return op.n > 0 ? `${op.address} add ${op.key}+${op.n}` : `${op.address} get ${op.key}`;
}

/** Passivates an actor to the snapshot store. */
export class Evict extends RuntimeCommand {
  readonly address: string;
  constructor(address: string) {
    super();
    this.address = address;
  }
  protected apply(_m: RuntimeModel, r: RuntimeReal): Promise<void> {
    return r.sup.evict(this.address);
  }
  toString(): string {
    return `evict ${this.address}`;
  }
}

/** Stores an actor's snapshot without stopping it. */
export class Checkpoint extends RuntimeCommand {
  readonly address: string;
  constructor(address: string) {
    super();
    this.address = address;
  }
  protected apply(_m: RuntimeModel, r: RuntimeReal): Promise<void> {
    return r.sup.checkpoint(this.address);
  }
  toString(): string {
    return `checkpoint ${this.address}`;
  }
}

/** Changes the memory budget (a tiny one evicts every actor at once). */
export class Budget extends RuntimeCommand {
  readonly kib: number;
  constructor(kib: number) {
    super();
    this.kib = kib;
  }
  protected apply(_m: RuntimeModel, r: RuntimeReal): Promise<void> {
    return r.sup.setMemoryBudget(this.kib * 1024);
  }
  toString(): string {
    return `budget ${this.kib} KiB`;
  }
}

/** Terminates a worker thread; its actors come back from snapshot plus journal elsewhere. */
export class KillWorker extends RuntimeCommand {
  readonly slot: number;
  constructor(slot: number) {
    super();
    this.slot = slot;
  }
  protected async apply(_m: RuntimeModel, r: RuntimeReal): Promise<void> {
    await r.sup.workerThread(this.slot % r.workers)?.terminate();
  }
  toString(): string {
    return `kill worker ${this.slot}`;
  }
}

/** One maintenance round (workers report memory; idle or over-budget actors are passivated). */
export class Tick extends RuntimeCommand {
  protected apply(_m: RuntimeModel, r: RuntimeReal): Promise<void> {
    return r.sup.maintain();
  }
  toString(): string {
    return 'tick';
  }
}
