import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeValue, encodeValue, isTesseraError } from '../../../protocol/index.js';

describe('encodeValue() and decodeValue()', () => {
  it('round-trip plain data, wide integers as bigint', () => {
    const value = { a: [1, -2.5, 'x', null, true], b: new Uint8Array([9]), big: 2n ** 60n, neg: -(2n ** 60n), far: 2 ** 40 };
    assert.deepEqual(decodeValue(encodeValue(value)), value);
  });

  it('encodeValue() refuses data that is not plain with ERR_PROTO_NOT_PLAIN_DATA and the path', () => {
    assert.throws(
      () => encodeValue({ list: [1, new Set([1])] }),
      (err: unknown) => isTesseraError(err, 'ERR_PROTO_NOT_PLAIN_DATA') && err.details.path === 'value.list[1]' && err.details.got === 'Set',
    );
  });

  it('decodeValue() refuses msgpackr extension values with ERR_PROTO_NOT_PLAIN_DATA', () => {
    // [<Date 1970-01-01>]
    assert.throws(
      () => decodeValue(Uint8Array.from([0x91, 0xd6, 0xff, 0, 0, 0, 0])),
      (err: unknown) => isTesseraError(err, 'ERR_PROTO_NOT_PLAIN_DATA') && err.details.path === 'value[0]',
    );
  });

  it('decodeValue() maps bad bytes to the frame codes', () => {
    assert.throws(() => decodeValue(new Uint8Array(0)), (err: unknown) => isTesseraError(err, 'ERR_PROTO_TRUNCATED_FRAME'));
    assert.throws(() => decodeValue(Uint8Array.from([1, 2])), (err: unknown) => isTesseraError(err, 'ERR_PROTO_TRAILING_BYTES'));
  });
});
