import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StringInterner } from '../../../../actors/graph/index/string-interner.js';

describe('StringInterner', () => {
  it('intern() returns dense ids in insertion order and the same id for the same string', () => {
    const s = new StringInterner(2);
    const words = ['parse', 'é', '', 'main', '😀x', 'parse'];

    const ids = words.map((w) => s.intern(w));

    assert.deepEqual(ids, [0, 1, 2, 3, 4, 0]);
    assert.equal(s.size, 5);
    assert.deepEqual([0, 1, 2, 3, 4].map((id) => s.get(id)), ['parse', 'é', '', 'main', '😀x']);
  });

  it('lookup() finds interned strings and returns -1 otherwise, across table growth', () => {
    const s = new StringInterner(1);
    for (let i = 0; i < 5000; i++) s.intern(`name${i}`);

    assert.equal(s.lookup('name4321'), 4321);
    assert.equal(s.lookup('name5000'), -1);
    assert.equal(s.lookup(''), -1);
  });

  it('stores strings as UTF-8 byte ranges', () => {
    const s = new StringInterner();
    s.intern('ab');
    const id = s.intern('é');

    assert.equal(s.byteEnd(id) - s.byteStart(id), 2);
    assert.deepEqual([...s.bytes.subarray(s.byteStart(id), s.byteEnd(id))], [0xc3, 0xa9]);
  });

  it('fromParts() restores the same ids and lookups', () => {
    const s = new StringInterner();
    for (const w of ['x', 'yy', 'zzz']) s.intern(w);
    const { bytes, offsets } = s.parts();

    const t = StringInterner.fromParts(bytes, offsets);

    assert.equal(t.lookup('yy'), 1);
    assert.equal(t.get(2), 'zzz');
    assert.equal(t.intern('w'), 3);
  });

  it('fromParts() rejects offsets that do not span the bytes', () => {
    assert.throws(() => StringInterner.fromParts(new Uint8Array(3), Uint32Array.of(0, 2)), RangeError);
    assert.throws(() => StringInterner.fromParts(new Uint8Array(3), Uint32Array.of(0, 3, 2, 3)), RangeError);
  });
});
