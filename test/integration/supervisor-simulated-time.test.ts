import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SimulatedClock, Supervisor, type RuntimeEvent } from '../../runtime/index.js';
import { tempDirs } from '../fixtures/temp-dirs.js';

const tempDir = tempDirs();

const kinds = { counter: new URL('../fixtures/actors/counter.js', import.meta.url) };

async function start(clock: SimulatedClock, extra = {}) {
  return Supervisor.start({ kinds, snapshotDir: await tempDir('tessera-sim-'), workers: 1, fsync: false, clock, ...extra });
}

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('supervision in simulated time', () => {
  it('passivates actors idle past idleTimeoutMs, and only then', async () => {
    const clock = new SimulatedClock();
    const sup = await start(clock, { idleTimeoutMs: 60_000, maintenanceIntervalMs: 1000 });
    try {
      await sup.ask('counter/old', { type: 'add', n: 1 });
      clock.advance(30_000);
      await sup.ask('counter/new', { type: 'add', n: 2 });
      clock.advance(31_000); // old: idle 61 s, new: idle 31 s
      await sup.maintain();
      assert.equal(sup.stats().actors.active, 1);
      assert.equal(sup.stats().actors.passivated, 1);
      assert.equal(await sup.ask('counter/old', { type: 'get' }, { readOnly: true }), 1);
    } finally {
      await sup.stop();
    }
  });

  it('restarts a crashed worker only after the backoff elapses on the clock', async () => {
    const clock = new SimulatedClock();
    const backoff = { maxRestartsPerSlot: 5, maxRestartsOverall: 5, windowMs: 60_000, backoffInitialMs: 5000, backoffFactor: 2, backoffMaxMs: 60_000 };
    const sup = await start(clock, { restartPolicy: backoff });
    const events: RuntimeEvent[] = [];
    sup.on((e) => events.push(e));
    try {
      await sup.ask('counter/c', { type: 'add', n: 4 });
      await sup.ask('counter/c', { type: 'crash' }, { readOnly: true }).catch(() => {});
      while (!events.some((e) => e.type === 'worker.crashed')) await settle();
      await settle();
      assert.equal(sup.stats().workers[0]!.status, 'starting', 'no restart before the backoff');
      assert.equal(events.filter((e) => e.type === 'worker.started').length, 0);
      clock.advance(5000);
      while (!events.some((e) => e.type === 'worker.started')) await settle();
      assert.equal(await sup.ask('counter/c', { type: 'get' }, { readOnly: true }), 4);
    } finally {
      await sup.stop();
    }
  });
});
