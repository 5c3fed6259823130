import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Supervisor, type RuntimeEvent } from '../../runtime/index.js';
import { tempDirs } from '../fixtures/temp-dirs.js';

const tempDir = tempDirs();

const kinds = { kv: new URL('../fixtures/actors/kv.js', import.meta.url) };
const MB = 1024 * 1024;

describe('memory budget', () => {
  it('lowering the budget at run time evicts until under it, and every evicted actor answers correctly', async () => {
    const sup = await Supervisor.start({ kinds, snapshotDir: await tempDir('tessera-mem-'), workers: 2, fsync: false, memoryBudgetBytes: 1024 * MB });
    try {
      await sup.maintain();
      const baseline = sup.stats().memory.usedBytes; // idle workers: code, rings, buffers
      // 40 actors of ~256 KB each: ~10 MB of state on top of the baseline.
      for (let i = 0; i < 40; i++) {
        await sup.ask(`kv/${i}`, { type: 'put', key: 'id', value: String(i) });
        await sup.ask(`kv/${i}`, { type: 'pad', bytes: 256 * 1024 });
      }
      await sup.maintain();
      const before = sup.stats();
      assert.equal(before.actors.active, 40);
      // A budget whose normal level (70 %) leaves room for the baseline and 30 % of the actors.
      const actorsBytes = before.memory.usedBytes - baseline;
      assert.ok(actorsBytes > 5 * MB, `the actors hold ${actorsBytes} bytes`);
      const budget = Math.round((baseline + 0.3 * actorsBytes) / 0.7);
      const levels: string[] = [];
      sup.on((e) => e.type === 'pressure.changed' && levels.push(e.level));
      await sup.setMemoryBudget(budget);
      assert.ok(levels.includes('warning') || levels.includes('critical'), `pressure went through ${levels.join(', ')}`);
      await sup.maintain(); // workers report their heap after the evictions (with a GC)
      const after = sup.stats();
      assert.ok(after.evictions > 0, 'some actors were evicted');
      assert.equal(after.memory.pressure, 'normal', `used ${after.memory.usedBytes} of ${budget}`);
      for (let i = 0; i < 40; i++) assert.equal(await sup.ask(`kv/${i}`, { type: 'get', key: 'id' }, { readOnly: true }), String(i));
    } finally {
      await sup.stop();
    }
  });

  it('counts memory held outside the heaps (externalBytes) against the budget', async () => {
    let external = 0;
    const sup = await Supervisor.start({ kinds, snapshotDir: await tempDir('tessera-mem-'), workers: 1, fsync: false, memoryBudgetBytes: 1024 * MB, externalBytes: () => external });
    try {
      await sup.maintain();
      const without = sup.stats().memory;
      external = 950 * MB;
      await sup.maintain();
      const withExternal = sup.stats().memory;
      assert.ok(withExternal.usedBytes - without.usedBytes >= 900 * MB, `used ${without.usedBytes} then ${withExternal.usedBytes}`);
      assert.equal(withExternal.pressure, 'critical');
    } finally {
      await sup.stop();
    }
  });

  it("with memoryScope 'process' counts the whole process's RSS, and evicts when only RSS is over the budget", async () => {
    const dir = await tempDir('tessera-mem-');
    const heaps = await Supervisor.start({ kinds, snapshotDir: dir, workers: 1, fsync: false, memoryBudgetBytes: 1024 * MB });
    const whole = await Supervisor.start({ kinds, snapshotDir: join(dir, 'p'), workers: 1, fsync: false, memoryBudgetBytes: 1024 * MB, memoryScope: 'process' });
    try {
      await Promise.all([heaps.maintain(), whole.maintain()]);
      const rss = process.memoryUsage.rss();
      // Two runtimes and the test runner in one process: RSS is far above one worker's heap.
      assert.ok(heaps.stats().memory.usedBytes < rss / 2, `heaps ${heaps.stats().memory.usedBytes}, rss ${rss}`);
      assert.ok(whole.stats().memory.usedBytes >= 0.8 * rss, `process ${whole.stats().memory.usedBytes}, rss ${rss}`);
      await whole.ask('kv/a', { type: 'put', key: 'k', value: 'v' });
      // A budget under the process's RSS but far over the worker's heap: only the process scope evicts.
      await whole.setMemoryBudget(Math.floor(rss / 2));
      await whole.maintain();
      assert.equal(whole.stats().actors.active, 0);
      assert.ok(whole.stats().evictions >= 1);
      assert.equal(await whole.ask('kv/a', { type: 'get', key: 'k' }, { readOnly: true }), 'v');
    } finally {
      await Promise.all([heaps.stop(), whole.stop()]);
    }
    await assert.rejects(Supervisor.start({ kinds, snapshotDir: dir, memoryScope: 'all' as 'process' }), /memoryScope/);
  });

  it('detects a corrupted snapshot, reports it and rebuilds instead of loading it', async () => {
    const dir = await tempDir('tessera-corrupt-');
    const sup = await Supervisor.start({ kinds, snapshotDir: dir, workers: 1, fsync: false });
    const events: RuntimeEvent[] = [];
    sup.on((e) => events.push(e));
    try {
      await sup.ask('kv/c', { type: 'put', key: 'a', value: 'b' });
      await sup.evict('kv/c');
      const [file] = (await readdir(dir)).filter((f) => f.endsWith('.snap'));
      assert.ok(file, 'a snapshot file was written');
      const bytes = await readFile(join(dir, file));
      bytes[bytes.length - 3]! ^= 0xff;
      await writeFile(join(dir, file), bytes);
      // The kv kind has no rebuild hook: the actor restarts empty, and the corruption is reported.
      assert.equal(await sup.ask('kv/c', { type: 'get', key: 'a' }, { readOnly: true }), null);
      const corrupt = events.find((e) => e.type === 'snapshot.corrupt');
      assert.ok(corrupt, 'a snapshot.corrupt event was emitted');
      assert.equal((corrupt as { error: { code: string } }).error.code, 'ERR_SNAPSHOT_CORRUPT');
      assert.equal(sup.stats().corruptSnapshots, 1);
    } finally {
      await sup.stop();
    }
  });
});

describe('activations under memory pressure', () => {
  /**
   * Six evicted actors of 256 KB asked at once; returns the most activations seen under way at
   * one time. `headroomBytes` sets the memory left before critical pressure (via externalBytes).
   */
  async function burst(headroomBytes: number | null): Promise<number> {
    let external = 0;
    const budget = 1024 * MB;
    const sup = await Supervisor.start({ kinds, snapshotDir: await tempDir('tessera-act-'), workers: 2, fsync: false, memoryBudgetBytes: budget, externalBytes: () => external });
    try {
      for (let i = 0; i < 6; i++) {
        await sup.ask(`kv/${i}`, { type: 'put', key: 'id', value: String(i) });
        await sup.ask(`kv/${i}`, { type: 'pad', bytes: 256 * 1024 });
        await sup.evict(`kv/${i}`);
      }
      if (headroomBytes !== null) {
        await sup.maintain();
        external = 0.9 * budget - sup.stats().memory.usedBytes - headroomBytes;
        await sup.maintain();
        assert.equal(sup.stats().memory.pressure, 'warning');
      }
      let most = 0;
      let mostWaiting = 0;
      let done = false;
      const sample = (): void => {
        const stats = sup.stats();
        most = Math.max(most, stats.actors.activating);
        mostWaiting = Math.max(mostWaiting, stats.memory.gate.waiting);
        if (!done) setImmediate(sample);
      };
      sample();
      const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => sup.ask(`kv/${i}`, { type: 'get', key: 'id' }, { readOnly: true })));
      done = true;
      assert.deepEqual(answers, ['0', '1', '2', '3', '4', '5']);
      assert.deepEqual(sup.stats().memory.gate, { inFlightBytes: 0, waiting: 0 });
      if (headroomBytes !== null) assert.ok(mostWaiting >= 1, 'stats show activations waiting for headroom');
      return most;
    } finally {
      await sup.stop();
    }
  }

  it('activates one at a time when two snapshots would not fit the headroom left', async () => {
    // 256 KB snapshots count three times (read buffer, worker frame, restored state): 768 KB each.
    assert.equal(await burst(MB), 1);
  });

  it('activates them together when there is room', async () => {
    assert.ok((await burst(null)) > 1);
  });
});
