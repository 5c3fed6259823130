import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodePersisted, encodePersisted, kPersistedTrailerBytes, locateBulk } from '../../../runtime/actor/persisted-format.js';

describe('persisted actor bytes', () => {
  it('round-trip a snapshot with a bulk, an empty bulk and none, keeping them apart', () => {
    const snapshot = { status: 'active', context: { n: 3, tags: ['a', null] }, value: 'idle' };
    for (const bulk of [new Uint8Array([1, 2, 3, 255]), new Uint8Array(0), undefined]) {
      const bytes = encodePersisted(bulk === undefined ? { snapshot } : { snapshot, bulk });
      const back = decodePersisted(bytes);
      assert.deepEqual(back.snapshot, snapshot);
      assert.deepEqual(back.bulk === undefined ? undefined : [...back.bulk], bulk === undefined ? undefined : [...bulk]);
      assert.equal('bulk' in back, bulk !== undefined);
    }
  });

  it('puts the bulk last, found from the trailer alone', () => {
    const bulk = new Uint8Array(1000).map((_, i) => i % 251);
    const bytes = encodePersisted({ snapshot: { big: 'x'.repeat(300) }, bulk });
    const at = locateBulk(bytes.subarray(bytes.length - kPersistedTrailerBytes), bytes.length);
    assert.deepEqual(at, { start: bytes.length - kPersistedTrailerBytes - 1000, length: 1000 });
    assert.deepEqual(bytes.subarray(at.start, at.start + at.length), bulk);
  });

  it('writes bulk parts back to back, restored as one bulk', () => {
    const back = decodePersisted(encodePersisted({ snapshot: 'x', bulkParts: [new Uint8Array([1, 2]), new Uint8Array(0), new Uint8Array([3])] }));
    assert.deepEqual([...back.bulk!], [1, 2, 3]);
  });

  it('drops undefined fields of the snapshot, as msgpack cannot carry them', () => {
    assert.deepEqual(decodePersisted(encodePersisted({ snapshot: { a: 1, output: undefined } })).snapshot, { a: 1 });
  });

  it('refuses a trailer it did not write', () => {
    const bytes = encodePersisted({ snapshot: 1, bulk: new Uint8Array(4) });
    const junk = bytes.slice();
    junk[junk.length - 1] = 0;
    assert.throws(() => decodePersisted(junk), { name: 'RangeError', message: /wrong magic number/ });
    const long = bytes.slice();
    new DataView(long.buffer).setUint32(long.length - 8, 10_000, true);
    assert.throws(() => decodePersisted(long), { name: 'RangeError', message: /announces 10000 bytes of bulk in \d+ bytes/ });
    assert.throws(() => decodePersisted(new Uint8Array(3)), { name: 'RangeError', message: /shorter than its trailer/ });
  });
});
