import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeValue, findNonPlainData, isPlainData, kMaxPlainDataDepth } from '../../../protocol/index.js';

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('isPlainData() and findNonPlainData()', () => {
  it('accept the msgpack data model', () => {
    for (const value of [null, true, 0, -1.5, NaN, '', 'é', 2n ** 63n, new Uint8Array(2), Buffer.from('x'), [], {}, Object.create(null)]) {
      assert.equal(isPlainData(value), true, describeValue(value));
      assert.equal(findNonPlainData(value, 'v'), undefined);
    }
  });

  it('refuse what msgpack would change or msgpackr would extend', () => {
    for (const value of [undefined, new Date(), new Map(), new Set(), /x/, new Error('e'), new Float64Array(1), Symbol('s'), () => 1, 2n ** 64n]) {
      assert.equal(isPlainData(value), false, describeValue(value));
      assert.equal(findNonPlainData({ a: [value] }, 'v')?.path, 'v.a[0]');
    }
  });

  it(`refuse nesting deeper than ${kMaxPlainDataDepth} levels`, () => {
    assert.equal(isPlainData(nested(kMaxPlainDataDepth)), true);
    assert.equal(isPlainData(nested(kMaxPlainDataDepth + 1)), false);
    assert.match(findNonPlainData(nested(kMaxPlainDataDepth + 1), 'v')?.got ?? '', /nested deeper/);
  });

  it('quote keys that are not identifiers in paths', () => {
    assert.equal(findNonPlainData({ 'a b': undefined }, 'v')?.path, 'v["a b"]');
  });
});
