import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Packr } from 'msgpackr';
import {
  FrameCodec,
  clientToDaemon,
  daemonToClient,
  decodeMessage,
  encodeMessage,
  isTesseraError,
  supervisorCodec,
  supervisorToWorker,
  workerCodec,
  workerToSupervisor,
  type Direction,
  type ErrorCode,
  type MessageSchemas,
} from '../../../protocol/index.js';

/** A plain msgpack encoder, to write frames the codec would refuse to write. */
const raw = new Packr({ useRecords: false, variableMapSize: true });
const frame = (value: unknown): Uint8Array => raw.pack(value);
const bytes = (...list: number[]): Uint8Array => Uint8Array.from(list);

function assertCode(fn: () => unknown, code: ErrorCode, detail?: Record<string, unknown>): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(isTesseraError(err), `expected a TesseraError, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    if (detail) for (const [key, value] of Object.entries(detail)) assert.deepEqual((err.details as Record<string, unknown>)[key], value, key);
    return true;
  });
}

/** One valid message per kind, in catalogue order; a test below checks that no kind is missing. */
const samples: { direction: Direction<MessageSchemas>; messages: { readonly k: string; readonly [field: string]: unknown }[] }[] = [
  {
    direction: supervisorToWorker,
    messages: [
      { k: 'activate', id: 1, actor: 'partition/3', state: bytes(1, 2, 3), replay: [{ n: 1 }], rebuild: true },
      { k: 'tell', actor: 'partition/3', seq: 4, msg: { op: 'upsert', ids: [1, 2] } },
      { k: 'ask', id: 2, actor: 'partition/3', seq: 0, msg: 'who', idempotent: true },
      { k: 'checkpoint', id: 3, actor: 'partition/3', seq: 7 },
      { k: 'passivate', id: 4, actor: 'partition/3', seq: 0 },
      { k: 'drop', actor: 'partition/3' },
      { k: 'stats', id: 5, gc: false },
      { k: 'ping', id: 6, t: 12.5 },
      { k: 'shutdown', id: 7 },
    ],
  },
  {
    direction: workerToSupervisor,
    messages: [
      { k: 'ready', version: 1, worker: 0 },
      { k: 'result', id: 1, value: { rows: [[1, 'a', null]], more: false } },
      { k: 'failure', id: 2, error: { code: 'ERR_ACTOR_FAILED', message: 'boom', details: { actor: 'a/b' }, stack: 'at x' } },
      { k: 'actor_failed', actor: 'a/b', seq: 9, error: { code: 'ERR_INTERNAL', message: 'oops' } },
      { k: 'stats_reply', id: 3, heapUsed: 123_456_789, actors: { partition: 3 } },
      { k: 'pong', id: 4 },
      { k: 'log', level: 'warn', msg: 'slow' },
    ],
  },
  {
    direction: clientToDaemon,
    messages: [
      { k: 'query', id: 1, op: 'callers', args: { symbol: 'main', depth: 2 } },
      { k: 'ping', id: 2 },
      { k: 'stats', id: 3 },
      { k: 'subscribe', id: 4, topics: ['graph.changed', 'index.progress'] },
      { k: 'send', id: 5, actor: 'indexer/main', msg: ['rescan'] },
      { k: 'evict', id: 8, actor: 'partition/3' },
      { k: 'budget', id: 9, bytes: 67108864 },
      { k: 'unsubscribe', id: 10, topics: ['graph'] },
      { k: 'sync', id: 11 },
      { k: 'list', id: 12, what: 'partitions' },
      { k: 'shutdown', id: 6 },
    ],
  },
  {
    direction: daemonToClient,
    messages: [
      { k: 'result', id: 1, value: [1, 2, 3], took_us: 42 },
      { k: 'error', id: 2, error: { code: 'ERR_PROTO_BAD_FIELD', message: 'bad' } },
      { k: 'event', topic: 'graph.changed', data: { files: 3 } },
      { k: 'pong', id: 3 },
    ],
  },
];

describe('encodeMessage() and decodeMessage() round trips', () => {
  for (const { direction, messages } of samples) {
    for (const message of messages) {
      it(`round-trips ${direction.name} "${String(message.k)}"`, () => {
        const decoded = decodeMessage(direction, encodeMessage(direction, message));
        assert.deepEqual(decoded, message);
      });
    }
  }

  it('has a sample for every kind of every direction (add one when you add a kind)', () => {
    for (const { direction, messages } of samples) {
      const sampled = messages.map((m) => m.k).filter((k) => direction.hasKind(k));
      const missing = direction.kinds.filter((kind) => !sampled.includes(kind));
      assert.deepEqual(missing, [], `${direction.name} lacks samples`);
    }
  });

  it('keeps an optional field absent, never undefined', () => {
    const decoded = decodeMessage(supervisorToWorker, encodeMessage(supervisorToWorker, { k: 'ping', id: 1 }));
    assert.equal(Object.hasOwn(decoded, 't'), false);
  });

  it('writes plain msgpack maps that a generic decoder reads (no msgpackr records)', () => {
    const encoded = encodeMessage(clientToDaemon, { k: 'ping', id: 7 });
    assert.deepEqual([...encoded], [0x82, 0xa1, 0x6b, 0xa4, 0x70, 0x69, 0x6e, 0x67, 0xa2, 0x69, 0x64, 0x07]);
  });

  it('decodes bytes into a copy: later writes to the frame do not reach the message', () => {
    const encoded = new Uint8Array(encodeMessage(supervisorToWorker, { k: 'activate', id: 1, actor: 'a/b', state: bytes(7, 7, 7) }));
    const decoded = decodeMessage(supervisorToWorker, encoded);
    encoded.fill(0);
    assert.deepEqual(decoded.k === 'activate' && decoded.state, bytes(7, 7, 7));
  });

  it('decodes binary as plain Uint8Array even from a Node Buffer', () => {
    const encoded = Buffer.from(encodeMessage(supervisorToWorker, { k: 'activate', id: 1, actor: 'a/b', state: bytes(1) }));
    const decoded = decodeMessage(supervisorToWorker, encoded);
    assert.equal(decoded.k === 'activate' && decoded.state?.constructor, Uint8Array);
  });

  it('decodes from SharedArrayBuffer memory', () => {
    const encoded = encodeMessage(clientToDaemon, { k: 'query', id: 1, op: 'q', args: 'x'.repeat(300) });
    const shared = new Uint8Array(new SharedArrayBuffer(encoded.length));
    shared.set(encoded);
    assert.deepEqual(decodeMessage(clientToDaemon, shared), { k: 'query', id: 1, op: 'q', args: 'x'.repeat(300) });
  });

  it('reads 64-bit integers from other encoders as numbers when they fit in 2^53', () => {
    // { k: 'ping', id: uint64 5 }, as Go or Rust encoders write typed ids
    const decoded = decodeMessage(clientToDaemon, bytes(0x82, 0xa1, 0x6b, 0xa4, 0x70, 0x69, 0x6e, 0x67, 0xa2, 0x69, 0x64, 0xcf, 0, 0, 0, 0, 0, 0, 0, 5));
    assert.deepEqual(decoded, { k: 'ping', id: 5 });
  });

  it('keeps earlier frames intact while later ones are encoded', () => {
    const first = encodeMessage(clientToDaemon, { k: 'ping', id: 1 });
    const copy = first.slice();
    for (let i = 0; i < 5000; i++) encodeMessage(clientToDaemon, { k: 'query', id: i, op: 'q', args: 'y'.repeat(50) });
    assert.deepEqual([...first], [...copy]);
  });
});

describe('decodeMessage() rejects bad frames with a coded error', () => {
  it('rejects garbage with ERR_PROTO_MALFORMED_FRAME', () => {
    assertCode(() => decodeMessage(clientToDaemon, bytes(0xc7, 0x01, 0x69, 0x00, 0x00)), 'ERR_PROTO_MALFORMED_FRAME');
    assertCode(() => decodeMessage(clientToDaemon, bytes(0x81, 0x90, 0x01)), 'ERR_PROTO_MALFORMED_FRAME');
  });

  it('rejects deeply nested input with ERR_PROTO_MALFORMED_FRAME, not a stack overflow', () => {
    assertCode(() => decodeMessage(clientToDaemon, new Uint8Array(200_000).fill(0x91)), 'ERR_PROTO_MALFORMED_FRAME');
  });

  it('rejects an empty frame and every strict prefix with ERR_PROTO_TRUNCATED_FRAME', () => {
    const whole = encodeMessage(clientToDaemon, { k: 'query', id: 300, op: 'callers', args: { s: 'main', b: bytes(1, 2) } });
    for (let end = 0; end < whole.length; end++) {
      assertCode(() => decodeMessage(clientToDaemon, whole.subarray(0, end)), 'ERR_PROTO_TRUNCATED_FRAME');
    }
  });

  it('rejects trailing bytes with ERR_PROTO_TRAILING_BYTES, saying where the message ends', () => {
    const whole = encodeMessage(clientToDaemon, { k: 'ping', id: 1 });
    const padded = new Uint8Array(whole.length + 2);
    padded.set(whole);
    assertCode(() => decodeMessage(clientToDaemon, padded), 'ERR_PROTO_TRAILING_BYTES', { consumed: whole.length, length: whole.length + 2 });
  });

  it('rejects values that are not message objects with ERR_PROTO_NOT_A_MESSAGE', () => {
    for (const value of [1, 'ping', null, [1, 2], { id: 1 }, { k: 3, id: 1 }]) {
      assertCode(() => decodeMessage(clientToDaemon, frame(value)), 'ERR_PROTO_NOT_A_MESSAGE');
    }
    assertCode(() => decodeMessage(clientToDaemon, bytes(0xc1)), 'ERR_PROTO_NOT_A_MESSAGE'); // msgpackr's C1 object
    assertCode(() => decodeMessage(clientToDaemon, bytes(0xd6, 0xff, 0, 0, 0, 0)), 'ERR_PROTO_NOT_A_MESSAGE'); // a Date
  });

  it('rejects a kind of another direction with ERR_PROTO_UNKNOWN_KIND', () => {
    assertCode(() => decodeMessage(clientToDaemon, frame({ k: 'pong', id: 1 })), 'ERR_PROTO_UNKNOWN_KIND', {
      direction: 'ClientToDaemon',
      kind: 'pong',
    });
  });

  it('rejects a missing required field with ERR_PROTO_BAD_FIELD naming it', () => {
    assertCode(() => decodeMessage(clientToDaemon, frame({ k: 'query', op: 'q', args: 1 })), 'ERR_PROTO_BAD_FIELD', {
      kind: 'query',
      field: 'id',
      expected: 'a non-negative safe integer',
      got: 'no field',
    });
  });

  it('rejects a field of the wrong type with ERR_PROTO_BAD_FIELD saying what it got', () => {
    const cases: [unknown, string, string][] = [
      [{ k: 'ping', id: -1 }, 'id', 'number -1'],
      [{ k: 'ping', id: 1.5 }, 'id', 'number 1.5'],
      [{ k: 'ping', id: '1' }, 'id', 'string "1"'],
      [{ k: 'ping', id: 2 ** 60 }, 'id', `number ${2 ** 60}`],
      [{ k: 'subscribe', id: 1, topics: ['a', 2] }, 'topics[1]', 'number 2'],
      [{ k: 'query', id: 1, op: null, args: 1 }, 'op', 'null'],
    ];
    for (const [message, field, got] of cases) {
      assertCode(() => decodeMessage(clientToDaemon, frame(message)), 'ERR_PROTO_BAD_FIELD', { field, got });
    }
  });

  it('rejects msgpackr extension values inside "any" fields, with the path', () => {
    const date = bytes(0xd6, 0xff, 0, 0, 0, 0);
    const undef = bytes(0xd4, 0x00, 0x00);
    // { k: 'query', id: 1, op: 'q', args: { when: <Date> } }
    const head = [0x84, 0xa1, 0x6b, 0xa5, ...Buffer.from('query'), 0xa2, 0x69, 0x64, 0x01, 0xa2, 0x6f, 0x70, 0xa1, 0x71, 0xa4, ...Buffer.from('args')];
    assertCode(() => decodeMessage(clientToDaemon, bytes(...head, 0x81, 0xa4, ...Buffer.from('when'), ...date)), 'ERR_PROTO_BAD_FIELD', {
      field: 'args.when',
      got: 'Date',
    });
    assertCode(() => decodeMessage(clientToDaemon, bytes(...head, ...undef)), 'ERR_PROTO_BAD_FIELD', { field: 'args', got: 'undefined' });
  });

  it('rejects a field the schema does not name with ERR_PROTO_BAD_FIELD', () => {
    assertCode(() => decodeMessage(clientToDaemon, frame({ k: 'ping', id: 1, extra: true })), 'ERR_PROTO_BAD_FIELD', {
      field: 'extra',
      got: 'boolean true',
    });
  });

  it('rejects a malformed wire error with ERR_PROTO_BAD_FIELD on the sub-field', () => {
    assertCode(() => decodeMessage(daemonToClient, frame({ k: 'error', id: 1, error: { code: 7, message: 'x' } })), 'ERR_PROTO_BAD_FIELD', {
      field: 'error.code',
    });
  });

  it('throws a TypeError, not a coded error, when given something that is not bytes', () => {
    assert.throws(() => decodeMessage(clientToDaemon, 'ping' as unknown as Uint8Array), TypeError);
  });
});

describe('encodeMessage() refuses bad messages', () => {
  it('refuses an unknown kind with ERR_PROTO_UNKNOWN_KIND', () => {
    assertCode(() => encodeMessage(clientToDaemon, { k: 'nope', id: 1 } as never), 'ERR_PROTO_UNKNOWN_KIND');
  });

  it('refuses a bad field with ERR_PROTO_BAD_FIELD', () => {
    assertCode(() => encodeMessage(clientToDaemon, { k: 'ping', id: -3 }), 'ERR_PROTO_BAD_FIELD', { field: 'id' });
    assertCode(() => encodeMessage(supervisorToWorker, { k: 'ping', id: 1, t: undefined } as never), 'ERR_PROTO_BAD_FIELD', {
      field: 't',
      got: 'undefined',
    });
  });

  it('refuses data msgpack would change or msgpackr would extend, with the path', () => {
    const cases: [unknown, string, string][] = [
      [{ when: new Date(0) }, 'args.when', 'Date'],
      [[1, undefined], 'args[1]', 'undefined'],
      [new Map(), 'args', 'Map'],
      [{ f: () => 1 }, 'args.f', 'function'],
      [JSON.parse('{"__proto__": 1}'), 'args.__proto__', 'an own key named "__proto__"'],
      [2n ** 64n, 'args', 'bigint 18446744073709551616n outside the int64/uint64 range'],
      [new Int16Array(2), 'args', 'Int16Array'],
    ];
    for (const [args, field, got] of cases) {
      assertCode(() => encodeMessage(clientToDaemon, { k: 'query', id: 1, op: 'q', args }), 'ERR_PROTO_BAD_FIELD', { field, got });
    }
  });

  it('refuses cyclic data as nested too deeply instead of overflowing the stack', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    assertCode(() => encodeMessage(clientToDaemon, { k: 'query', id: 1, op: 'q', args: cyclic }), 'ERR_PROTO_BAD_FIELD');
  });

  it('reports a message that throws while it is read as ERR_PROTO_ENCODE_FAILED', () => {
    const args = {
      get boom(): never {
        throw new Error('getter failed');
      },
    };
    assertCode(() => encodeMessage(clientToDaemon, { k: 'query', id: 1, op: 'q', args }), 'ERR_PROTO_ENCODE_FAILED', {
      kind: 'query',
      reason: 'getter failed',
    });
  });

  it('refuses a class instance as a message with ERR_PROTO_NOT_A_MESSAGE', () => {
    class Ping {
      readonly k = 'ping';
      readonly id = 1;
    }
    assertCode(() => encodeMessage(clientToDaemon, new Ping()), 'ERR_PROTO_NOT_A_MESSAGE');
  });
});

describe('FrameCodec', () => {
  it('encodes with its sending direction and decodes with its receiving one', () => {
    const request = supervisorCodec.encode({ k: 'stats', id: 9 });
    assert.deepEqual(workerCodec.decode(request), { k: 'stats', id: 9 });
    const reply = workerCodec.encode({ k: 'pong', id: 9 });
    assert.deepEqual(supervisorCodec.decode(reply), { k: 'pong', id: 9 });
    assertCode(() => supervisorCodec.decode(request), 'ERR_PROTO_UNKNOWN_KIND');
  });

  it('exposes its directions', () => {
    const codec = new FrameCodec(clientToDaemon, daemonToClient);
    assert.equal(codec.sends, clientToDaemon);
    assert.equal(codec.receives, daemonToClient);
  });
});

describe('FrameCodec.encodeTransient() and decodeOwned(), the ring channel path', () => {
  const message = { k: 'tell', actor: 'kv/x', seq: 3, msg: { blob: new Uint8Array([1, 2, 3]) } } as const;

  it('encodeTransient() gives the same bytes as encode(), and never clobbers what encode() returned', () => {
    const transient = Uint8Array.from(supervisorCodec.encodeTransient(message));
    const kept = supervisorCodec.encode(message);
    const keptCopy = Uint8Array.from(kept);
    assert.deepEqual(Uint8Array.from(kept), transient);
    for (let i = 0; i < 100; i++) supervisorCodec.encodeTransient({ k: 'ping', id: i });
    assert.deepEqual(Uint8Array.from(kept), keptCopy);
  });

  it('decodeOwned() reads a frame in the middle of a buffer, leaving binary as a view into it', () => {
    const frame = supervisorCodec.encode(message);
    const slab = new Uint8Array(frame.length + 20);
    slab.set(frame, 10);
    const decoded = workerCodec.decodeOwned(slab, 10, 10 + frame.length) as unknown as { msg: { blob: Uint8Array } };
    assert.deepEqual(decoded, { ...message, msg: { blob: new Uint8Array([1, 2, 3]) } });
    assert.equal(decoded.msg.blob.buffer, slab.buffer, 'no copy');
  });

  it('decodeOwned() rejects an empty range and trailing bytes with coded errors', () => {
    const frame = supervisorCodec.encode(message);
    const slab = new Uint8Array(frame.length + 1);
    slab.set(frame);
    assert.throws(() => workerCodec.decodeOwned(slab, 4, 4), (e) => isTesseraError(e, 'ERR_PROTO_TRUNCATED_FRAME'));
    assert.throws(() => workerCodec.decodeOwned(slab, 0, frame.length + 1), (e) => isTesseraError(e, 'ERR_PROTO_TRAILING_BYTES'));
  });
});
