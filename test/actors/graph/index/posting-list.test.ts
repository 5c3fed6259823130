import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GrowableBytes } from '../../../../actors/graph/index/growable.js';
import { decodePostings, encodePostings, intersectPostings, unitePostings } from '../../../../actors/graph/index/posting-list.js';

describe('posting lists', () => {
  it('encodePostings() writes gaps minus one as varints', () => {
    const out = new GrowableBytes();

    encodePostings(out, Uint32Array.of(0, 1, 2, 130, 100000), 0, 5);

    // 0 → 0; 1 → 0; 2 → 0; 130 → 127; 100000 → 99869 = 0x1861d (3 bytes).
    assert.deepEqual([...out.toArray()], [0, 0, 0, 127, 0x9d, 0x8c, 0x06]);
  });

  it('decodePostings() inverts encodePostings(), including ids near 2^32', () => {
    const ids = Uint32Array.of(3, 4, 900, 70000, 0xfffffff0, 0xffffffff);
    const out = new GrowableBytes();
    encodePostings(out, ids, 0, ids.length);
    const bytes = out.toArray();

    assert.deepEqual([...decodePostings(bytes, 0, bytes.length)], [...ids]);
  });

  it('intersectPostings() and unitePostings() follow set semantics on sorted lists', () => {
    const a = Uint32Array.of(1, 3, 5, 7);
    const b = Uint32Array.of(3, 4, 5, 8);

    assert.deepEqual([...intersectPostings(a, b)], [3, 5]);
    assert.deepEqual([...unitePostings(a, b)], [1, 3, 4, 5, 7, 8]);
    assert.deepEqual([...intersectPostings(a, new Uint32Array(0))], []);
  });
});
