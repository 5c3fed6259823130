import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isTesseraError } from '../../protocol/index.js';
import { Supervisor } from '../../runtime/index.js';
import { tempDirs } from '../fixtures/temp-dirs.js';

const tempDir = tempDirs();

const kinds = {
  counter: new URL('../fixtures/actors/counter.js', import.meta.url),
  kv: new URL('../fixtures/actors/kv.js', import.meta.url),
};

describe('placement', () => {
  it('spreads a burst of equal actors evenly over the workers', async () => {
    const fresh = await Supervisor.start({ kinds, snapshotDir: await tempDir('tessera-sup-'), workers: 2, fsync: false });
    try {
      await Promise.all(Array.from({ length: 20 }, (_, i) => fresh.ask(`counter/spread-${i}`, { type: 'add', n: i })));
      assert.deepEqual(fresh.stats().workers.map((w) => w.actors), [10, 10]);
    } finally {
      await fresh.stop();
    }
  });
});

describe('Supervisor with real workers', () => {
  let sup: Supervisor;
  let dir: string;
  before(async () => {
    dir = await tempDir('tessera-sup-');
    sup = await Supervisor.start({ kinds, snapshotDir: dir, workers: 2, fsync: false });
  });
  after(async () => {
    await sup.stop();
  });

  it('activates an actor on its first message and answers asks in order', async () => {
    await sup.tell('counter/a', { type: 'add', n: 2 });
    const replies = await Promise.all([1, 2, 3].map((n) => sup.ask('counter/a', { type: 'add', n })));
    assert.deepEqual(replies, [3, 5, 8]);
    assert.equal(await sup.ask('counter/a', { type: 'get' }, { readOnly: true }), 8);
  });

  it('passivates an actor to disk and re-activates it with exactly the same state', async () => {
    await sup.ask('kv/x', { type: 'put', key: 'k', value: 'v1' });
    await sup.ask('kv/x', { type: 'pad', bytes: 10_000 });
    await sup.evict('kv/x');
    assert.equal(sup.stats().actors.passivated >= 1, true);
    assert.equal(await sup.ask('kv/x', { type: 'get', key: 'k' }), 'v1');
    assert.equal(sup.stats().evictions >= 1, true);
  });

  it('evicts an actor whose stored snapshot is current without writing it again', async () => {
    const file = join(dir, 'kv~2Fclean.snap');
    const written = (): string => { const st = statSync(file); return `${st.ino}:${st.mtimeMs}`; };
    await sup.ask('kv/clean', { type: 'put', key: 'k', value: 'v1' });
    await sup.evict('kv/clean'); // changed since load: written
    const first = written();
    const clean = sup.stats().cleanEvictions;

    assert.equal(await sup.ask('kv/clean', { type: 'get', key: 'k' }, { readOnly: true }), 'v1');
    await sup.checkpoint('kv/clean');
    await sup.evict('kv/clean');

    assert.equal(sup.stats().cleanEvictions, clean + 1);
    assert.equal(written(), first, 'neither the checkpoint nor the eviction rewrote the snapshot');
    assert.equal(await sup.ask('kv/clean', { type: 'get', key: 'k' }, { readOnly: true }), 'v1');

    await sup.ask('kv/clean', { type: 'put', key: 'k', value: 'v2' });
    await sup.evict('kv/clean'); // an update since the load: written again
    assert.equal(sup.stats().cleanEvictions, clean + 1);
    assert.notEqual(written(), first);
    assert.equal(await sup.ask('kv/clean', { type: 'get', key: 'k' }, { readOnly: true }), 'v2');
  });

  it('fails an ask to an unknown kind with ERR_ACTOR_KIND_UNKNOWN and keeps serving', async () => {
    await assert.rejects(sup.ask('nope/1', { type: 'get' }), (e) => isTesseraError(e, 'ERR_ACTOR_KIND_UNKNOWN'));
    await assert.rejects(sup.ask('no-slash', { type: 'get' }), (e) => isTesseraError(e, 'ERR_ACTOR_BAD_ADDRESS'));
    assert.equal(await sup.ask('counter/a', { type: 'get' }), 8);
  });

  it('checkpoint() stores a snapshot and empties the actor\'s journal, without stopping it', async () => {
    await sup.ask('kv/cp', { type: 'put', key: 'k', value: 'v' });
    const before = sup.stats().journalEntries;
    await sup.checkpoint('kv/cp');
    assert.equal(sup.stats().journalEntries, before - 1);
    assert.equal(sup.stats().actors.active >= 1, true);
    await sup.evict('kv/cp');
    assert.equal(await sup.ask('kv/cp', { type: 'get', key: 'k' }, { readOnly: true }), 'v');
  });

  it('stats() reports workers, actors, memory, traffic and ask latency', async () => {
    await sup.maintain();
    const s = sup.stats();
    assert.equal(s.state, 'running');
    assert.equal(s.workers.length, 2);
    assert.ok(s.workers.every((w) => w.status === 'ready' && w.heapUsedBytes > 0));
    assert.ok(s.actors.active >= 1);
    assert.ok(s.messages >= 5);
    assert.ok(s.askLatencyMs.count >= 4 && s.askLatencyMs.p50 > 0 && s.askLatencyMs.p99 >= s.askLatencyMs.p50);
    assert.equal(s.memory.pressure, 'normal');
  });

  it('inspect() delivers the supervisor machine\'s XState inspection events', async () => {
    const seen: string[] = [];
    const stop = sup.inspect((e) => seen.push(e.type));
    await sup.setMemoryBudget(sup.memoryBudgetBytes); // a maintenance round sends memory.report
    stop();
    assert.ok(seen.includes('@xstate.event'), `saw ${[...new Set(seen)].join(', ')}`);
  });

  it('reports an actor whose machine throws with ERR_ACTOR_FAILED and rebuilds it without that message', async () => {
    await sup.ask('counter/f', { type: 'add', n: 5 });
    await assert.rejects(sup.ask('counter/f', { type: 'fail' }), (e) => isTesseraError(e, 'ERR_ACTOR_FAILED'));
    assert.equal(await sup.ask('counter/f', { type: 'add', n: 1 }), 6);
  });
});

describe('snapshots written by the workers', () => {
  it('an eviction leaves the snapshot file in place and no temporary file behind', async () => {
    const dir = await tempDir('tessera-sup-');
    const sup = await Supervisor.start({ kinds, snapshotDir: dir, workers: 2, fsync: true });
    try {
      await Promise.all(['a', 'b', 'c'].map((k) => sup.ask(`kv/${k}`, { type: 'put', key: 'k', value: k })));
      await Promise.all(['a', 'b', 'c'].map((k) => sup.evict(`kv/${k}`)));
      assert.deepEqual((await readdir(dir)).sort(), ['kv~2Fa.snap', 'kv~2Fb.snap', 'kv~2Fc.snap']);
      assert.deepEqual(await Promise.all(['a', 'b', 'c'].map((k) => sup.ask(`kv/${k}`, { type: 'get', key: 'k' }))), ['a', 'b', 'c']);
    } finally {
      await sup.stop();
    }
  });

  it('a write the worker cannot make keeps the state in memory: reported, nothing lost', async () => {
    const dir = await tempDir('tessera-sup-');
    const sup = await Supervisor.start({ kinds, snapshotDir: dir, workers: 2, fsync: false });
    const errors: unknown[] = [];
    sup.on((e) => void (e.type === 'error' && errors.push(e.error)));
    try {
      await sup.ask('kv/lost', { type: 'put', key: 'k', value: 'v1' });
      await rm(dir, { recursive: true }); // the worker's temporary file cannot be created
      await sup.evict('kv/lost');
      assert.equal(sup.stats().actors.passivated >= 1, true);
      assert.ok(errors.some((e) => isTesseraError(e, 'ERR_SNAPSHOT_IO') && e.details.op === 'write'), `errors: ${errors.map(String).join('; ')}`);
      assert.equal(await sup.ask('kv/lost', { type: 'get', key: 'k' }), 'v1');
      await sup.ask('kv/lost', { type: 'put', key: 'k2', value: 'v2' });
      assert.deepEqual(await sup.ask('kv/lost', { type: 'dump' }), { k: 'v1', k2: 'v2' });
    } finally {
      await sup.stop();
    }
  });
});
