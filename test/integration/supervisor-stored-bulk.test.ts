import assert from 'node:assert/strict';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Supervisor } from '../../runtime/index.js';
import { tempDirs } from '../fixtures/temp-dirs.js';

const tempDir = tempDirs();

const kinds = { kv: new URL('../fixtures/actors/kv.js', import.meta.url), counter: new URL('../fixtures/actors/counter.js', import.meta.url) };
const pad = (bytes: number) => 'x'.repeat(bytes); // the kv kind's filler

describe('Supervisor.readStoredBulk()', () => {
  it('reads ranges of a passivated actor\'s bulk without activating it, only while its stored snapshot is its latest state', async () => {
    const dir = await tempDir('tessera-bulk-');
    const sup = await Supervisor.start({ kinds, snapshotDir: dir, workers: 1, fsync: false });
    try {
      const whole = (address: string) => sup.readStoredBulk(address, (bulk) => bulk.read(0, bulk.length).toString());
      assert.equal(whole('kv/a'), undefined, 'never seen');
      await sup.ask('kv/a', { type: 'pad', bytes: 5000 });
      assert.equal(whole('kv/a'), undefined, 'active');
      await sup.evict('kv/a');
      const activations = sup.stats().activations;
      assert.equal(whole('kv/a'), pad(5000));
      assert.deepEqual(sup.readStoredBulk('kv/a', (bulk) => [bulk.length, bulk.read(4990, 10).toString()]), [5000, pad(10)]);
      assert.equal(sup.stats().activations, activations, 'reading loaded nothing');
      assert.throws(() => sup.readStoredBulk('kv/a', (bulk) => bulk.read(4999, 2)), RangeError);
      assert.throws(() => sup.readStoredBulk('kv/a', () => { throw new Error('from the reader'); }), /from the reader/);

      // An update re-activates it: the file is stale until the next passivation.
      await sup.tell('kv/a', { type: 'pad', bytes: 7 });
      assert.equal(whole('kv/a'), undefined);
      await sup.evict('kv/a');
      assert.equal(whole('kv/a'), pad(7));

      // A kind without bulk; a damaged file: nothing, and the next activation reports it.
      await sup.ask('counter/c', { type: 'add', n: 2 });
      await sup.evict('counter/c');
      assert.equal(sup.readStoredBulk('counter/c', () => 'read'), undefined);
      const [file] = (await readdir(dir)).filter((f) => f.startsWith('kv'));
      await writeFile(join(dir, file!), 'TSNP');
      assert.equal(whole('kv/a'), undefined);
    } finally {
      await sup.stop();
    }
  });

  it('reads an active actor\'s bulk while its stored snapshot is current: loaded from it, or checkpointed, with nothing journaled since', async () => {
    const dir = await tempDir('tessera-bulk-');
    const sup = await Supervisor.start({ kinds, snapshotDir: dir, workers: 1, fsync: false });
    try {
      const whole = (address: string) => sup.readStoredBulk(address, (bulk) => bulk.read(0, bulk.length).toString());
      await sup.ask('kv/a', { type: 'pad', bytes: 300 });
      assert.equal(whole('kv/a'), undefined, 'active, never saved');
      await sup.checkpoint('kv/a');
      assert.equal(whole('kv/a'), pad(300), 'active, just checkpointed');

      await sup.ask('kv/a', { type: 'get', key: 'k' }, { readOnly: true }); // read-only: changes nothing, journals nothing
      assert.equal(whole('kv/a'), pad(300));
      await sup.tell('kv/a', { type: 'pad', bytes: 40 });
      assert.equal(whole('kv/a'), undefined, 'an update since the snapshot');
      await sup.checkpoint('kv/a');
      assert.equal(whole('kv/a'), pad(40));

      await sup.evict('kv/a');
      await sup.ask('kv/a', { type: 'get', key: 'k' }, { readOnly: true }); // re-activated from the file
      assert.equal(sup.stats().actors.active, 1);
      assert.equal(whole('kv/a'), pad(40), 'active, loaded from its snapshot');
    } finally {
      await sup.stop();
    }
  });
});
