import { withSeed } from './seed.js';
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RingBuffer, RingReader, RingWriter } from '../protocol/index.js';

/**
 * Model-based test of one ring against an array queue: random frame sizes from 0 bytes to
 * several times the ring, random interleavings of writes (immediate or queued) and partial
 * reads, wrap-around and full rings. Invariant: what the reader got is always a prefix of
 * what was written, in order and byte for byte; at quiescence it is all of it.
 */
interface Model {
  written: Uint8Array[];
}
interface Real {
  writer: RingWriter;
  reader: RingReader;
  got: Uint8Array[];
  pending: Promise<void>[];
}

const settle = () => new Promise<void>((r) => setImmediate(r));

function checkPrefix(m: Model, r: Real): void {
  assert.ok(r.got.length <= m.written.length, 'reader got more messages than were written');
  for (let i = 0; i < r.got.length; i++) assert.deepEqual(r.got[i], m.written[i], `message ${i} differs`);
}

class WriteCommand implements fc.AsyncCommand<Model, Real> {
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }
  check(): boolean {
    return true;
  }
  async run(m: Model, r: Real): Promise<void> {
    m.written.push(this.bytes);
    if (!r.writer.tryWrite(this.bytes)) r.pending.push(r.writer.write(this.bytes));
    await Promise.resolve();
    checkPrefix(m, r);
  }
  toString(): string {
    return `write(${this.bytes.length} B)`;
  }
}

class ReadCommand implements fc.AsyncCommand<Model, Real> {
  readonly limit: number;
  constructor(limit: number) {
    this.limit = limit;
  }
  check(): boolean {
    return true;
  }
  async run(m: Model, r: Real): Promise<void> {
    r.reader.drain(this.limit);
    await settle(); // lets a parked writer see the freed space
    checkPrefix(m, r);
  }
  toString(): string {
    return `read(${this.limit})`;
  }
}

describe(withSeed('ring buffer vs an array queue'), () => {
  for (const capacity of [64, 256]) {
    it(`keeps order and content through a ${capacity}-byte ring`, async () => {
      const commands = [
        fc.uint8Array({ minLength: 0, maxLength: capacity * 3 }).map((b) => new WriteCommand(b)),
        fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constant(Infinity)).map((n) => new ReadCommand(n)),
      ];
      await fc.assert(
        fc.asyncProperty(fc.commands(commands, { maxCommands: 60 }), async (cmds) => {
          const ring = RingBuffer.create(capacity, 'model');
          const got: Uint8Array[] = [];
          const real: Real = {
            writer: new RingWriter(ring, { parkTimeoutMs: 50 }),
            reader: new RingReader(ring, { onMessage: (b, start, end) => got.push(b.slice(start, end)) }),
            got,
            pending: [],
          };
          const model: Model = { written: [] };
          await fc.asyncModelRun(() => ({ model, real }), cmds);
          // Quiescence: drain until every queued write landed and was read.
          for (let i = 0; i < 10_000 && got.length < model.written.length; i++) {
            real.reader.drain();
            await settle();
          }
          await Promise.all(real.pending);
          assert.equal(got.length, model.written.length);
          checkPrefix(model, real);
          assert.equal(ring.usedBytes(), 0);
        }),
        { numRuns: 200 },
      );
    });
  }
});
