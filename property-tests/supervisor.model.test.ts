import { withSeed } from './seed.js';
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTesseraError } from '../protocol/index.js';
import { Supervisor } from '../runtime/index.js';
import { tempDirs } from '../test/fixtures/temp-dirs.js';

const tempDir = tempDirs();

/**
 * The supervisor against a Map model: counters spread over two real workers, with tells, bursts
 * of concurrent asks, evictions, killed workers, budget changes and maintenance ticks in random
 * order. Every ask returns the model's value or a coded error (then it was not applied); at
 * quiescence every actor's count equals the model's.
 */
type Model = Map<string, number>;
interface Real {
  sup: Supervisor;
}

const actors = ['counter/a', 'counter/b', 'counter/c', 'counter/d'];
const actor = fc.constantFrom(...actors);
const MB = 1024 * 1024;

class Tell implements fc.AsyncCommand<Model, Real> {
  readonly actor: string;
  readonly n: number;
  constructor(actor: string, n: number) {
    this.actor = actor;
    this.n = n;
  }
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    await r.sup.tell(this.actor, { type: 'add', n: this.n });
    m.set(this.actor, (m.get(this.actor) ?? 0) + this.n);
  }
  toString = () => `tell(${this.actor}, +${this.n})`;
}

class Burst implements fc.AsyncCommand<Model, Real> {
  readonly actor: string;
  readonly adds: number[];
  readonly killAfter: number | null;
  constructor(actor: string, adds: number[], killAfter: number | null) {
    this.actor = actor;
    this.adds = adds;
    this.killAfter = killAfter;
  }
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    const replies: Promise<unknown>[] = [];
    this.adds.forEach((n, i) => {
      // The crash travels in ring order (a read-only ask, so it is not journaled and replayed).
      if (i === this.killAfter) void r.sup.ask(this.actor, { type: 'crash' }, { readOnly: true }).catch(() => {});
      replies.push(r.sup.ask(this.actor, { type: 'add', n }).catch((e: unknown) => e));
    });
    const outcomes = await Promise.all(replies);
    let count = m.get(this.actor) ?? 0;
    outcomes.forEach((o, i) => {
      if (typeof o === 'number') {
        count += this.adds[i]!;
        assert.equal(o, count, `ask #${i} of the burst answered ${o}, the model says ${count}`);
      } else {
        assert.ok(isTesseraError(o, 'ERR_WORKER_CRASHED'), `ask #${i} failed with ${String(o)}`);
      }
    });
    m.set(this.actor, count);
  }
  toString = () => `burst(${this.actor}, [${this.adds.join(',')}]${this.killAfter === null ? '' : `, crash its worker after ${this.killAfter}`})`;
}

class KillWorker implements fc.AsyncCommand<Model, Real> {
  readonly slot: number;
  constructor(slot: number) {
    this.slot = slot;
  }
  check = () => true;
  async run(_m: Model, r: Real): Promise<void> {
    await r.sup.workerThread(this.slot)?.terminate();
  }
  toString = () => `kill(worker ${this.slot})`;
}

class Evict implements fc.AsyncCommand<Model, Real> {
  readonly actor: string;
  constructor(actor: string) {
    this.actor = actor;
  }
  check = () => true;
  async run(_m: Model, r: Real): Promise<void> {
    await r.sup.evict(this.actor);
  }
  toString = () => `evict(${this.actor})`;
}

class Budget implements fc.AsyncCommand<Model, Real> {
  readonly mb: number;
  constructor(mb: number) {
    this.mb = mb;
  }
  check = () => true;
  async run(_m: Model, r: Real): Promise<void> {
    await r.sup.setMemoryBudget(this.mb * MB);
  }
  toString = () => `budget(${this.mb} MB)`;
}

class Tick implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(_m: Model, r: Real): Promise<void> {
    await r.sup.maintain();
  }
  toString = () => 'tick';
}

const commands = [
  fc.tuple(actor, fc.integer({ min: 1, max: 100 })).map(([a, n]) => new Tell(a, n)),
  fc
    .tuple(actor, fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 12 }), fc.option(fc.nat(12), { freq: 3 }))
    .map(([a, adds, kill]) => new Burst(a, adds, kill !== null && kill < adds.length ? kill : null)),
  fc.nat(1).map((slot) => new KillWorker(slot)),
  actor.map((a) => new Evict(a)),
  fc.constantFrom(4, 64, 1024).map((mb) => new Budget(mb)),
  fc.constant(new Tick()),
];

describe(withSeed('supervisor vs a Map model'), () => {
  it('every ask returns the model value or a coded error; at quiescence all counts match', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 20 }), async (cmds) => {
        const sup = await Supervisor.start({
          kinds: { counter: new URL('../test/fixtures/actors/counter.js', import.meta.url) },
          snapshotDir: await tempDir('tessera-model-'),
          workers: 2,
          fsync: false,
          checkpointEvery: 5,
          memoryBudgetBytes: 1024 * MB,
          restartPolicy: { maxRestartsPerSlot: 100, maxRestartsOverall: 100, windowMs: 1000, backoffInitialMs: 1, backoffFactor: 1, backoffMaxMs: 1 },
        });
        try {
          const model: Model = new Map();
          await fc.asyncModelRun(() => ({ model, real: { sup } }), cmds);
          for (const a of actors) {
            const got = await sup.ask(a, { type: 'get' }, { readOnly: true, idempotent: true });
            assert.equal(got, model.get(a) ?? 0, `final count of ${a}`);
          }
        } finally {
          await sup.stop();
        }
      }),
      { numRuns: Number(process.env.FC_RUNS_SLOW ?? 12) },
    );
  });
});
