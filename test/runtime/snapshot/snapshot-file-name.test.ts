import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kMaxEscapedLength, parseSnapshotFileName, snapshotFileName } from '../../../runtime/snapshot/snapshot-file-name.js';

describe('snapshotFileName()', () => {
  it('keeps [a-z0-9_-] and escapes every other UTF-8 byte as ~HH', () => {
    assert.equal(snapshotFileName('kv/Big key'), 'kv~2F~42ig~20key.snap');
    assert.equal(snapshotFileName('../x'), '~2E~2E~2Fx.snap');
    assert.equal(snapshotFileName('é'), '~C3~A9.snap');
  });

  it('keeps addresses that differ only in case apart, even after case folding', () => {
    const upper = snapshotFileName('A');
    const lower = snapshotFileName('a');

    assert.notEqual(upper.toLowerCase(), lower.toLowerCase());
  });

  it('hashes addresses whose escaped form is too long', () => {
    const name = snapshotFileName('/'.repeat(kMaxEscapedLength));

    assert.match(name, /^[0-9a-f]{64}\.h\.snap$/);
    assert.deepEqual(parseSnapshotFileName(name), { form: 'hashed' });
  });

  it('rejects an empty address and a lone surrogate', () => {
    assert.throws(() => snapshotFileName(''), RangeError);
    assert.throws(() => snapshotFileName('a\uDC00'), { name: 'RangeError', message: /current value is "a\\udc00"/ });
  });
});

describe('parseSnapshotFileName()', () => {
  it('inverts snapshotFileName() for escaped names', () => {
    for (const address of ['counter/a', 'Ünïcödé/😀', '~', 'a.b', '-_-']) {
      assert.deepEqual(parseSnapshotFileName(snapshotFileName(address)), { form: 'escaped', address });
    }
  });

  it('classifies temporary files, foreign files and non-canonical escapes as other', () => {
    for (const name of ['a.snap.0123456789ab.tmp', 'README', 'A.snap', '~2f.snap', '~61.snap', '~FF.snap', '.snap']) {
      assert.deepEqual(parseSnapshotFileName(name), { form: 'other' }, name);
    }
  });
});
