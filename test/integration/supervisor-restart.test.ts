import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTesseraError } from '../../protocol/index.js';
import { Supervisor, type RuntimeEvent } from '../../runtime/index.js';
import { tempDirs } from '../fixtures/temp-dirs.js';

const tempDir = tempDirs();

const kinds = {
  counter: new URL('../fixtures/actors/counter.js', import.meta.url),
  crashy: new URL('../fixtures/actors/crashy.js', import.meta.url),
};

async function start(extra = {}) {
  return Supervisor.start({
    kinds,
    snapshotDir: await tempDir('tessera-crash-'),
    workers: 1,
    fsync: false,
    checkpointEvery: 50,
    resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 },
    ...extra,
  });
}

const crashes = [
  { how: 'exit', message: { type: 'exit' } },
  { how: 'an uncaught throw', message: { type: 'throw' } },
  { how: 'running out of memory', message: { type: 'oom' } },
] as const;

describe('a worker killed mid-traffic', () => {
  for (const { how, message } of crashes) {
    it(`by ${how}: its actors answer again with their state and no acknowledged update is lost`, async () => {
      const sup = await start();
      const events: RuntimeEvent[] = [];
      sup.on((e) => events.push(e));
      try {
        // Acknowledged updates before the crash: some covered by a checkpoint, some only journaled.
        let expected = 0;
        for (let i = 1; i <= 120; i++) {
          const reply = await sup.ask('counter/c', { type: 'add', n: i });
          expected += i;
          assert.equal(reply, expected);
        }
        // Traffic in flight while the worker dies: each ask either answers (and counts) or fails.
        const burst = (from: number) =>
          Array.from({ length: 100 }, (_, i) => sup.ask('counter/c', { type: 'add', n: from + i }).then(() => from + i, (e: unknown) => e));
        const before = burst(1000);
        const crash = sup.tell('crashy/k', message);
        const inFlight = [...before, ...burst(2000)];
        await crash;
        const outcomes = await Promise.all(inFlight);
        for (const o of outcomes) {
          if (typeof o === 'number') expected += o;
          else assert.ok(isTesseraError(o, 'ERR_WORKER_CRASHED'), `unexpected failure ${String(o)}`);
        }
        await waitFor(() => events.some((e) => e.type === 'worker.crashed'));
        assert.equal(await sup.ask('counter/c', { type: 'get' }, { readOnly: true }), expected);
        assert.equal(sup.stats().restarts, 1);
      } finally {
        await sup.stop();
      }
    });
  }

  it('retries an idempotent ask on the replacement worker', async () => {
    const sup = await start();
    try {
      await sup.ask('counter/i', { type: 'add', n: 1 });
      const read = sup.ask('counter/i', { type: 'get' }, { idempotent: true, readOnly: true });
      await sup.tell('crashy/k', { type: 'exit' });
      assert.equal(await read, 1);
    } finally {
      await sup.stop();
    }
  });

  it('replays updates acknowledged by a new supervisor over snapshots an earlier one left', async () => {
    const snapshotDir = await tempDir('tessera-crash-');
    const first = await start({ snapshotDir });
    for (let i = 0; i < 20; i++) await first.ask('counter/c', { type: 'add', n: 1 });
    await first.stop(); // passivates: the snapshot covers journal sequence 20
    const sup = await start({ snapshotDir });
    const events: RuntimeEvent[] = [];
    sup.on((e) => events.push(e));
    try {
      // Fewer updates than the snapshot's sequence number, none checkpointed (checkpointEvery 50).
      for (let i = 0; i < 5; i++) await sup.ask('counter/c', { type: 'add', n: 10 });
      await sup.tell('crashy/k', { type: 'exit' }).catch(() => {});
      await waitFor(() => events.some((e) => e.type === 'worker.crashed'));

      assert.equal(await sup.ask('counter/c', { type: 'get' }, { readOnly: true }), 70);
    } finally {
      await sup.stop();
    }
  });

  it('stops restarting a crash loop (restart intensity) and reports it', async () => {
    const sup = await start({ restartPolicy: { maxRestartsPerSlot: 2, maxRestartsOverall: 2, windowMs: 60_000, backoffInitialMs: 1, backoffFactor: 1, backoffMaxMs: 1 } });
    const events: RuntimeEvent[] = [];
    sup.on((e) => events.push(e));
    try {
      for (let i = 0; i < 3; i++) {
        await sup.tell('crashy/loop', { type: 'exit' }).catch(() => {});
        await waitFor(() => events.filter((e) => e.type === 'worker.crashed').length > i);
      }
      await waitFor(() => events.some((e) => e.type === 'worker.given_up'));
      const givenUp = events.find((e) => e.type === 'worker.given_up') as { error: unknown };
      assert.ok(isTesseraError(givenUp.error, 'ERR_SUPERVISOR_RESTART_INTENSITY'));
      assert.equal(sup.state, 'failed');
    } finally {
      await sup.stop();
    }
  });
});

async function waitFor(cond: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
