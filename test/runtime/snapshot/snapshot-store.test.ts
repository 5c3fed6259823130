import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isTesseraError } from '../../../protocol/index.js';
import { SnapshotStore } from '../../../runtime/index.js';

let root: string;
let n = 0;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'tessera-snapshot-store-'));
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A fresh store in its own directory. */
async function freshStore(fsync = false): Promise<SnapshotStore> {
  return SnapshotStore.open(join(root, `store-${n++}`), { fsync });
}

/** The only file in the store's directory. */
async function onlyFile(store: SnapshotStore): Promise<string> {
  const names = await readdir(store.dir);
  assert.equal(names.length, 1);
  return join(store.dir, names[0] as string);
}

function isCorrupt(address: string, reason: RegExp) {
  return (err: unknown) =>
    isTesseraError(err, 'ERR_SNAPSHOT_CORRUPT') && err.details.address === address && reason.test(err.details.reason) && err.details.path.startsWith(root);
}

describe('SnapshotStore', () => {
  it('put() then get() returns the same bytes, for any address', async () => {
    const store = await freshStore(true);
    const cases = new Map<string, Buffer>([
      ['counter/a', Buffer.from([1, 2, 3])],
      ['kv/Big Key ✓/../..', randomBytes(50 * 1024)],
      ['x'.repeat(500), Buffer.from('long address, hashed name')],
      ['empty', Buffer.alloc(0)],
    ]);

    for (const [address, bytes] of cases) await store.put(address, bytes);

    for (const [address, bytes] of cases) assert.deepEqual(await store.get(address), bytes);
  });

  it('get(), has() and delete() report a missing snapshot without error', async () => {
    const store = await freshStore();
    await store.put('a', Buffer.from('x'));

    assert.equal(await store.get('b'), undefined);
    assert.equal(await store.has('b'), false);
    assert.equal(await store.has('a'), true);
    assert.equal(await store.delete('a'), true);
    assert.equal(await store.delete('a'), false);
    assert.equal(await store.get('a'), undefined);
  });

  it('sizeOf() is the size of the snapshot file, payload plus header, and 0 when there is none', async () => {
    const store = await freshStore();
    await store.put('a', new Uint8Array(1000));
    await store.put('b', new Uint8Array(10));

    const [a, b] = [await store.sizeOf('a'), await store.sizeOf('b')];
    assert.equal(a - b, 990);
    assert.ok(b > 10, 'the header counts');
    assert.equal(await store.sizeOf('missing'), 0);
    // What it wrote it remembers; another store on the directory reads the file's size.
    const again = await SnapshotStore.open(store.dir, { fsync: false });
    assert.equal(await again.sizeOf('a'), a);
    await store.delete('a');
    assert.equal(await store.sizeOf('a'), 0);
  });

  it('list() returns every address, escaped or hashed, sorted, and ignores other files', async () => {
    const store = await freshStore();
    const long = `kv/${'y'.repeat(300)}`;
    await store.put('b/2', Buffer.from('1'));
    await store.put('A/1', Buffer.from('2'));
    await store.put(long, Buffer.from('3'));
    await writeFile(join(store.dir, 'README'), 'not a snapshot');

    assert.deepEqual(await store.list(), ['A/1', 'b/2', long]);
  });

  it('put() replaces atomically, runs writes to one address in call order and leaves no temporary file', async () => {
    const store = await freshStore();
    const writes = Array.from({ length: 20 }, (_, i) => store.put('hot', Buffer.from(`version ${i}`)));

    await Promise.all(writes);

    assert.equal((await store.get('hot'))?.toString(), 'version 19');
    assert.deepEqual(await readdir(store.dir), ['hot.snap']);
  });

  it('get() detects a flipped payload byte as ERR_SNAPSHOT_CORRUPT', async () => {
    const store = await freshStore();
    await store.put('counter/a', randomBytes(1000));
    const path = await onlyFile(store);
    const file = await readFile(path);
    file.writeUInt8(file.readUInt8(file.length - 10) ^ 0x01, file.length - 10);
    await writeFile(path, file);

    await assert.rejects(store.get('counter/a'), isCorrupt('counter/a', /checksum mismatch/));
  });

  it('get() detects a truncated file as ERR_SNAPSHOT_CORRUPT', async () => {
    const store = await freshStore();
    await store.put('a', randomBytes(1000));
    const path = await onlyFile(store);

    await truncate(path, 500);
    await assert.rejects(store.get('a'), isCorrupt('a', /truncated/));
    await truncate(path, 3);
    await assert.rejects(store.get('a'), isCorrupt('a', /shorter than the 16-byte header/));
  });

  it('get() detects a wrong magic or format version as ERR_SNAPSHOT_CORRUPT', async () => {
    const store = await freshStore();
    await store.put('a', Buffer.from('payload'));
    const path = await onlyFile(store);
    const file = await readFile(path);

    await writeFile(path, Buffer.concat([Buffer.from('JUNK'), file.subarray(4)]));
    await assert.rejects(store.get('a'), isCorrupt('a', /bad magic/));
    // 1: the format before persisted actors ended with their bulk; 3: a future one.
    for (const version of [1, 3]) {
      file.writeUInt16LE(version, 4);
      await writeFile(path, file);
      await assert.rejects(store.get('a'), isCorrupt('a', new RegExp(`format version ${version} is not supported, expected 2`)));
    }
  });

  it('put() of parts stores their concatenation', async () => {
    const store = await freshStore();
    const big = randomBytes(200 * 1024);
    await store.put('a', [Buffer.from('head'), big, Buffer.alloc(0), Buffer.from('tail')]);
    assert.deepEqual(await store.get('a'), Buffer.concat([Buffer.from('head'), big, Buffer.from('tail')]));
  });

  it('readPayloadSync() reads ranges of the payload through one descriptor', async () => {
    const store = await freshStore();
    await store.put('a', Buffer.from('0123456789'));
    assert.equal(store.readPayloadSync('missing', () => 'read'), undefined);
    const got = store.readPayloadSync('a', (payload) => [payload.length, payload.read(2, 3).toString(), payload.read(9, 1).toString()]);
    assert.deepEqual(got, [10, '234', '9']);
    assert.throws(() => store.readPayloadSync('a', (payload) => payload.read(8, 3)), { name: 'RangeError', message: 'Cannot read 3 bytes at 8: the range holds 10 bytes' });
  });

  it('readPayloadSync() refuses a damaged header or another actor\'s file, and reports a cut file', async () => {
    const store = await freshStore();
    await store.put('a', Buffer.from('for a'));
    const path = await onlyFile(store);
    const file = await readFile(path);
    await copyFile(path, join(store.dir, 'b.snap'));
    assert.throws(() => store.readPayloadSync('b', () => 'read'), isCorrupt('b', /names another actor/));
    await writeFile(path, Buffer.concat([Buffer.from('JUNK'), file.subarray(4)]));
    assert.throws(() => store.readPayloadSync('a', () => 'read'), isCorrupt('a', /bad magic/));
    await writeFile(path, file.subarray(0, file.length - 2));
    assert.throws(() => store.readPayloadSync('a', (payload) => payload.read(0, payload.length)), { name: 'RangeError', message: /the file ends after 3/ });
  });

  it('get() refuses a file that holds another actor\'s snapshot', async () => {
    const store = await freshStore();
    await store.put('a', Buffer.from('for a'));
    await copyFile(join(store.dir, 'a.snap'), join(store.dir, 'b.snap'));

    await assert.rejects(store.get('b'), isCorrupt('b', /holds the snapshot of actor "a"/));
  });

  it('reads lazily: a corrupt snapshot fails only the get() that reads it', async () => {
    const dir = join(root, `lazy-${n++}`);
    const first = await SnapshotStore.open(dir, { fsync: false });
    await first.put('good', Buffer.from('ok'));
    await writeFile(join(dir, 'bad.snap'), 'garbage');

    const store = await SnapshotStore.open(dir);

    assert.deepEqual(await store.list(), ['bad', 'good']);
    assert.equal((await store.get('good'))?.toString(), 'ok');
    await assert.rejects(store.get('bad'), isCorrupt('bad', /bad magic|shorter/));
  });

  it('list() reports a hashed snapshot whose header is damaged', async () => {
    const store = await freshStore();
    await store.put('z'.repeat(400), Buffer.from('x'));
    await writeFile(await onlyFile(store), 'JUNKJUNKJUNKJUNKJUNK');

    await assert.rejects(store.list(), isCorrupt('<unknown>', /bad magic/));
  });

  it('open() removes temporary files a crash left behind', async () => {
    const dir = join(root, `stale-${n++}`);
    await mkdir(dir);
    await writeFile(join(dir, 'a.snap.0123456789ab.tmp'), 'half-written');

    await SnapshotStore.open(dir);

    assert.deepEqual(await readdir(dir), []);
  });

  it('open() reports a path under a regular file as ERR_SNAPSHOT_IO with a hint', async () => {
    const file = join(root, `a-file-${n++}`);
    await writeFile(file, '');

    await assert.rejects(SnapshotStore.open(join(file, 'snapshots')), (err: unknown) =>
      isTesseraError(err, 'ERR_SNAPSHOT_IO') &&
      err.details.op === 'open directory' &&
      /ENOTDIR/.test(err.message) &&
      /is a file/.test(err.details.reason),
    );
  });

  it('put() reports a failed write as ERR_SNAPSHOT_IO and cleans up its temporary file', async () => {
    const store = await freshStore();
    // A directory where the snapshot file should go makes the rename fail.
    await mkdir(join(store.dir, 'a.snap'));

    await assert.rejects(store.put('a', Buffer.from('x')), (err: unknown) => isTesseraError(err, 'ERR_SNAPSHOT_IO') && err.details.op === 'write');
    await assert.rejects(store.get('a'), (err: unknown) => isTesseraError(err, 'ERR_SNAPSHOT_IO') && err.details.op === 'read');
    assert.deepEqual(await readdir(store.dir), ['a.snap']);
  });

  it('writeTemporary() on another thread\'s store, then install(): the snapshot in place, its size known', async () => {
    const store = await freshStore();
    const worker = SnapshotStore.attach(store.dir, { fsync: true });
    await store.put('kv/a', Buffer.from('old'));
    const bytes = randomBytes(5000);
    const written = await worker.writeTemporary('kv/a', [bytes.subarray(0, 100), bytes.subarray(100)]);

    assert.deepEqual(await store.get('kv/a'), Buffer.from('old'), 'not the snapshot until installed');
    assert.match(written.temp, /^kv~2Fa\.snap\.[0-9a-f]{12}\.tmp$/);
    await store.install('kv/a', written);
    assert.deepEqual(await store.get('kv/a'), bytes);
    assert.equal(await store.sizeOf('kv/a'), written.bytes);
    assert.deepEqual(await readdir(store.dir), ['kv~2Fa.snap']);
  });

  it('install() refuses a file that is not a temporary file of that actor; discardTemporary() removes one', async () => {
    const store = await freshStore();
    const written = await store.writeTemporary('a', Buffer.from('x'));

    await assert.rejects(store.install('b', written), { name: 'RangeError', message: /not a temporary snapshot file of actor "b"/ });
    await assert.rejects(store.install('a', { temp: '../a.snap.0123456789ab.tmp', bytes: 1 }), RangeError);
    await assert.rejects(store.install('a', { temp: 'a.snap', bytes: 1 }), RangeError);
    await store.discardTemporary('a', written);
    assert.deepEqual(await readdir(store.dir), []);
  });

  it('open() removes temporary files never installed (a worker that died mid-save)', async () => {
    const store = await freshStore();
    await store.put('a', Buffer.from('kept'));
    await SnapshotStore.attach(store.dir).writeTemporary('a', Buffer.from('never installed'));
    assert.equal((await readdir(store.dir)).length, 2);

    const reopened = await SnapshotStore.open(store.dir);
    assert.deepEqual(await readdir(store.dir), ['a.snap']);
    assert.deepEqual(await reopened.get('a'), Buffer.from('kept'));
  });

  it('rejects an empty or ill-formed address', async () => {
    const store = await freshStore();

    await assert.rejects(store.put('', Buffer.from('x')), { name: 'RangeError', message: /non-empty, well-formed Unicode: current value is ""/ });
    await assert.rejects(store.get('\uD800'), RangeError);
  });
});
