import { numRuns, withSeed } from './seed.js';
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decodeMessage,
  decodeValue,
  encodeMessage,
  encodeValue,
  isTesseraError,
  StreamCodec,
  type Direction,
  type MessageSchemas,
  supervisorToWorker,
} from '../protocol/index.js';
import { directions, kindArbitrary, messageArbitrary, plainData } from './arbitraries/messages.js';

/**
 * Round trips of every message kind, and fuzzing of the decoder: random bytes, and valid frames
 * with bytes flipped, inserted, cut or appended. The decoder may return a message or throw, but
 * what it throws is always a coded ERR_PROTO_* error, and what it returns always passes its
 * direction's validation and encodes again.
 */
const fuzzRuns = numRuns * 10;

function decodesOrRejectsCleanly(direction: Direction<MessageSchemas>, bytes: Uint8Array): void {
  let decoded: unknown;
  try {
    decoded = decodeMessage(direction, bytes);
  } catch (err) {
    assert.ok(isTesseraError(err), `decode threw something that is not a TesseraError: ${String(err)}`);
    assert.match(err.code, /^ERR_PROTO_/);
    return;
  }
  assert.deepEqual(decodeMessage(direction, encodeMessage(direction, direction.validate(decoded))), decoded);
}

/** A valid frame of `direction` and a way to damage it. */
function damagedFrame(direction: Direction<MessageSchemas>): fc.Arbitrary<Uint8Array> {
  const frame = messageArbitrary(direction).map((m) => new Uint8Array(encodeMessage(direction, m)));
  return fc.oneof(
    fc.tuple(frame, fc.nat(), fc.integer({ min: 1, max: 255 })).map(([f, at, xor]) => {
      if (f.length > 0) f[at % f.length]! ^= xor;
      return f;
    }),
    fc.tuple(frame, fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 4 })).map(([f, at, extra]) => {
      const i = at % (f.length + 1);
      return Uint8Array.from([...f.subarray(0, i), ...extra, ...f.subarray(i)]);
    }),
    fc.tuple(frame, fc.nat(), fc.nat({ max: 8 })).map(([f, at, n]) => {
      const i = at % (f.length + 1);
      return Uint8Array.from([...f.subarray(0, i), ...f.subarray(i + n)]);
    }),
  );
}

/** A valid frame of any direction, with its direction. */
const anyFrame = fc.oneof(
  ...directions.map((direction) => messageArbitrary(direction).map((m) => ({ direction, frame: encodeMessage(direction, m) }))),
);

describe(withSeed('decode(encode(m)) deep-equals m'), () => {
  for (const direction of directions) {
    for (const kind of direction.kinds) {
      it(`for ${direction.name} "${kind}"`, () => {
        fc.assert(
          fc.property(kindArbitrary(direction, kind), (message) => {
            assert.deepEqual(decodeMessage(direction, encodeMessage(direction, message)), message);
          }),
        );
      });
    }
  }

  it('for plain values through encodeValue() and decodeValue()', () => {
    fc.assert(
      fc.property(plainData, (value) => {
        assert.deepEqual(decodeValue(encodeValue(value)), value);
      }),
    );
  });
});

/** One step of a ring channel's stream: a message, or both ends reset (after a lost frame). */
type StreamStep = { message: { readonly k: string } } | { reset: true };

describe(withSeed('a StreamCodec pair decodes every frame of a stream to the message sent'), () => {
  for (const direction of directions) {
    it(`for ${direction.name}, with resets in between`, () => {
      const step: fc.Arbitrary<StreamStep> = fc.oneof(
        { weight: 12, arbitrary: messageArbitrary(direction).map((message) => ({ message })) },
        { weight: 1, arbitrary: fc.constant({ reset: true as const }) },
      );
      fc.assert(
        fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
          // Records persist across frames: one encoder and one decoder for the whole stream.
          const sender = new StreamCodec(direction, direction);
          const receiver = new StreamCodec(direction, direction);
          for (const s of steps) {
            if ('reset' in s) {
              sender.resetEncoder();
              receiver.resetDecoder();
              continue;
            }
            // The bytes are transient (the next encode reuses them) and decodeOwned keeps views.
            const frame = Uint8Array.from(sender.encodeTransient(s.message as never));
            assert.deepEqual(receiver.decodeOwned(frame, 0, frame.length), s.message);
          }
        }),
      );
    });
  }

  it('for plain values of many shapes in one message kind, objects used as dictionaries included', () => {
    const dictionary = fc.dictionary(fc.string({ maxLength: 6 }), plainData, { minKeys: 30, maxKeys: 40, noNullPrototype: true });
    fc.assert(
      fc.property(fc.array(fc.oneof(plainData, dictionary), { minLength: 1, maxLength: 20 }), (values) => {
        const sender = new StreamCodec(supervisorToWorker, supervisorToWorker);
        const receiver = new StreamCodec(supervisorToWorker, supervisorToWorker);
        values.forEach((msg, seq) => {
          const message = { k: 'tell', actor: 'a/1', seq, msg } as const;
          const frame = Uint8Array.from(sender.encodeTransient(message as never));
          assert.deepEqual(receiver.decodeOwned(frame, 0, frame.length), message);
        });
      }),
    );
  });
});

describe(withSeed('decode() of bad input throws only ERR_PROTO_* errors'), () => {
  for (const direction of directions) {
    it(`for random bytes as ${direction.name}`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => decodesOrRejectsCleanly(direction, bytes)),
        { numRuns: fuzzRuns },
      );
    });

    it(`for damaged ${direction.name} frames`, () => {
      fc.assert(
        fc.property(damagedFrame(direction), (bytes) => decodesOrRejectsCleanly(direction, bytes)),
        { numRuns: fuzzRuns },
      );
    });
  }

  it('for strict prefixes of valid frames, which are all ERR_PROTO_TRUNCATED_FRAME', () => {
    fc.assert(
      fc.property(anyFrame, fc.nat(), ({ direction, frame }, cut) => {
        const prefix = frame.subarray(0, cut % frame.length);
        assert.throws(
          () => decodeMessage(direction, prefix),
          (err: unknown) => isTesseraError(err, 'ERR_PROTO_TRUNCATED_FRAME'),
        );
      }),
      { numRuns: fuzzRuns },
    );
  });

  it('for valid frames with bytes appended, which are all ERR_PROTO_TRAILING_BYTES at the right offset', () => {
    fc.assert(
      fc.property(anyFrame, fc.uint8Array({ minLength: 1, maxLength: 8 }), ({ direction, frame }, extra) => {
        const padded = Uint8Array.from([...frame, ...extra]);
        assert.throws(
          () => decodeMessage(direction, padded),
          (err: unknown) =>
            isTesseraError(err, 'ERR_PROTO_TRAILING_BYTES') && err.details.consumed === frame.length && err.details.length === padded.length,
        );
      }),
      { numRuns: fuzzRuns },
    );
  });
});
