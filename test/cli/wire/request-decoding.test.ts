import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientCodec, daemonCodec, encodeValue, toWireError, type ClientToDaemon } from '../../../protocol/index.js';
import { decodeFrameRequest, decodeLineRequest } from '../../../cli/wire/request-decoding.js';
import { sniffEncoding } from '../../../cli/wire/wire-encoding.js';
import { toJsonLine } from '../../../cli/wire/json-line.js';

describe('decodeLineRequest()', () => {
  it('decodes a valid request', () => {
    assert.deepEqual(decodeLineRequest('{"k":"ping","id":4}'), { ok: true, request: { k: 'ping', id: 4 } });
  });

  it('answers text that is not JSON with ERR_DAEMON_BAD_JSON and id 0', () => {
    const decoded = decodeLineRequest('{oops');
    assert.equal(decoded.ok, false);
    assert.equal(!decoded.ok && decoded.error.code, 'ERR_DAEMON_BAD_JSON');
    assert.equal(!decoded.ok && decoded.id, 0);
  });

  it('keeps the id of a request with an unknown kind or a bad field', () => {
    const unknown = decodeLineRequest('{"k":"fly","id":9}');
    assert.deepEqual(!unknown.ok && [unknown.id, unknown.error.code], [9, 'ERR_PROTO_UNKNOWN_KIND']);
    const bad = decodeLineRequest('{"k":"query","id":10,"op":5,"args":{}}');
    assert.deepEqual(!bad.ok && [bad.id, bad.error.code], [10, 'ERR_PROTO_BAD_FIELD']);
  });

  it('answers a bad id with id 0', () => {
    const decoded = decodeLineRequest('{"k":"ping","id":-1}');
    assert.deepEqual(!decoded.ok && [decoded.id, decoded.error.code], [0, 'ERR_PROTO_BAD_FIELD']);
  });
});

describe('decodeFrameRequest()', () => {
  it('keeps the id of a readable frame with an unknown kind', () => {
    const decoded = decodeFrameRequest(encodeValue({ k: 'fly', id: 12 }));
    assert.deepEqual(!decoded.ok && [decoded.id, decoded.error.code], [12, 'ERR_PROTO_UNKNOWN_KIND']);
  });

  it('answers bytes that are not msgpack with a coded error and id 0', () => {
    const decoded = decodeFrameRequest(Uint8Array.of(0xc1));
    assert.equal(decoded.ok, false);
    assert.equal(!decoded.ok && decoded.id, 0);
    assert.match(!decoded.ok ? decoded.error.code : '', /^ERR_PROTO_/);
  });

  it('decodes frames of any size in a row, each exactly as the codec decodes it alone', () => {
    const long = { k: 'query', id: 1, op: 'def', args: { name: 'n'.repeat(40_000) } };
    const short = { k: 'ping', id: 2 };
    const frames = [long, short, long].map((m) => clientCodec.encode(m as ClientToDaemon));
    for (const frame of frames) assert.deepEqual(decodeFrameRequest(frame), { ok: true, request: daemonCodec.decode(frame) });
    // Cut short after a longer frame: the error is the cut frame's own, not one read past its end.
    for (const cut of [1, 5, 12, frames[1]!.length - 1]) {
      decodeFrameRequest(frames[0]!.subarray(0, 60));
      const part = frames[1]!.subarray(0, cut);
      const decoded = decodeFrameRequest(part);
      const expected = decodeFrameRequestAlone(part);
      assert.deepEqual(decoded, expected, `cut at ${cut}`);
    }
  });
});

/** What decoding `frame` gives without any earlier frame: the codec's own error, with the id when readable. */
function decodeFrameRequestAlone(frame: Uint8Array): unknown {
  try {
    return { ok: true, request: daemonCodec.decode(frame) };
  } catch (err) {
    return { ok: false, id: 0, error: toWireError(err, false) };
  }
}

describe('sniffEncoding()', () => {
  it('takes "{" and whitespace for JSON and anything else for msgpack frames', () => {
    assert.deepEqual([0x7b, 0x20, 0x0a].map(sniffEncoding), ['json', 'json', 'json']);
    assert.deepEqual([0x00, 0x7a, 0xff].map(sniffEncoding), ['msgpack', 'msgpack', 'msgpack']);
  });
});

describe('toJsonLine()', () => {
  it('writes bytes as base64 and big integers as strings', () => {
    assert.equal(toJsonLine({ b: Uint8Array.of(1, 2), n: 2n ** 60n, s: 5n }), '{"b":"AQI=","n":"1152921504606846976","s":5}\n');
  });
});
