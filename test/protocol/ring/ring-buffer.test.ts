import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RingBuffer, RingReader, RingWriter, isTesseraError } from '../../../protocol/index.js';

function pair(capacity: number, writerOptions = {}, maxMessageBytes?: number) {
  const ring = RingBuffer.create(capacity, 'test');
  const got: Uint8Array[] = [];
  const errors: unknown[] = [];
  const writer = new RingWriter(ring, writerOptions);
  const reader = new RingReader(RingBuffer.attach(ring.sab, 'test'), {
    onMessage: (m, start, end) => got.push(m.slice(start, end)),
    onError: (e) => errors.push(e),
    ...(maxMessageBytes === undefined ? {} : { maxMessageBytes }),
  });
  return { ring, writer, reader, got, errors };
}

const bytes = (n: number, seed = 1) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);

describe('RingBuffer.create()', () => {
  it('rejects a capacity that is not a power of two, with the value in the message', () => {
    assert.throws(() => RingBuffer.create(1000, 'q7'), (e: Error) => e instanceof RangeError && /"q7".*current value is 1000/.test(e.message));
    assert.throws(() => RingBuffer.create(32), RangeError);
  });

  it('attach() refuses a buffer that is not a ring', () => {
    assert.throws(() => RingBuffer.attach(new SharedArrayBuffer(1024)), TypeError);
  });
});

describe('RingWriter.tryWrite() and RingReader.drain()', () => {
  it('keeps order and content, zero-length frames included', () => {
    const { writer, reader, got } = pair(256);
    const sent = [bytes(0), bytes(1), bytes(5, 2), bytes(17, 3)];
    for (const m of sent) assert.equal(writer.tryWrite(m), true);
    assert.equal(reader.drain(), 4);
    assert.deepEqual(got, sent);
  });

  it('wraps around the end of the data region many times', () => {
    const { writer, reader, got } = pair(64);
    const sent: Uint8Array[] = [];
    for (let i = 0; i < 200; i++) {
      const m = bytes(i % 15, i);
      sent.push(m);
      assert.equal(writer.tryWrite(m), true, `frame ${i} fits an empty ring`);
      assert.equal(reader.drain(), 1);
    }
    assert.deepEqual(got, sent);
  });

  it('returns false on a full ring and writes nothing', () => {
    const { ring, writer } = pair(64);
    assert.equal(writer.tryWrite(bytes(12)), true);
    assert.equal(writer.tryWrite(bytes(12)), true);
    assert.equal(writer.tryWrite(bytes(12)), true);
    assert.equal(writer.tryWrite(bytes(12)), true);
    const used = ring.usedBytes();
    assert.equal(used, 64);
    assert.equal(writer.tryWrite(bytes(0)), false);
    assert.equal(ring.usedBytes(), used);
  });
});

describe('RingWriter.write()', () => {
  it('delivers a message 20x larger than the ring, whole, in chunks', async () => {
    const { writer, reader, got } = pair(256);
    const big = bytes(5000, 9);
    const done = writer.write(big);
    const loop = reader.start();
    await done;
    await writer.flushed();
    while (got.length < 1) await new Promise((r) => setImmediate(r));
    reader.stop();
    await loop;
    assert.equal(got.length, 1);
    assert.deepEqual(got[0], big);
  });

  it('waits for space when the ring is full and loses nothing', async () => {
    const { writer, reader, got } = pair(128);
    const sent = Array.from({ length: 300 }, (_, i) => bytes(i % 40, i));
    const writes = sent.map((m) => writer.write(m));
    assert.ok(writer.queuedMessages > 0, 'some writes had to queue');
    const loop = reader.start();
    await Promise.all(writes);
    while (got.length < sent.length) await new Promise((r) => setImmediate(r));
    reader.stop();
    await loop;
    assert.deepEqual(got, sent);
  });

  it('fails with ERR_RING_BACKPRESSURE_TIMEOUT when nobody drains, after the deadline', async () => {
    const { writer } = pair(64, { backpressureTimeoutMs: 30, parkTimeoutMs: 10 });
    while (writer.tryWrite(bytes(4)));
    await assert.rejects(writer.write(bytes(4)), (e) => isTesseraError(e, 'ERR_RING_BACKPRESSURE_TIMEOUT'));
  });

  it('rejects a message over maxMessageBytes with ERR_RING_MESSAGE_TOO_LARGE', async () => {
    const { writer } = pair(256, { maxMessageBytes: 100 });
    await assert.rejects(writer.write(bytes(101)), (e) => isTesseraError(e, 'ERR_RING_MESSAGE_TOO_LARGE'));
  });

  it('rejects writes on a closed ring with ERR_RING_CLOSED', async () => {
    const { ring, writer } = pair(256);
    ring.close();
    await assert.rejects(writer.write(bytes(3)), (e) => isTesseraError(e, 'ERR_RING_CLOSED'));
  });
});

describe('RingReader', () => {
  it('skips and reports a message over its maxMessageBytes, then reads the next one', () => {
    const { writer, reader, got, errors } = pair(256, {}, 10);
    writer.tryWrite(bytes(20));
    writer.tryWrite(bytes(3));
    assert.equal(reader.drain(), 1);
    assert.deepEqual(got, [bytes(3)]);
    assert.equal(errors.length, 1);
    assert.ok(isTesseraError(errors[0], 'ERR_RING_MESSAGE_TOO_LARGE'));
  });

  it('reports a corrupt frame header with ERR_RING_CORRUPT_FRAME and closes the ring', () => {
    const { ring, writer, reader, errors } = pair(256);
    writer.tryWrite(bytes(8));
    new Uint32Array(ring.sab, 256, 64)[0] = 200; // claims more bytes than were published
    assert.equal(reader.drain(), 0);
    assert.ok(isTesseraError(errors[0], 'ERR_RING_CORRUPT_FRAME'));
    assert.equal(ring.closed, true);
  });

  it('passes what onMessage throws to onError and keeps reading', () => {
    const ring = RingBuffer.create(256);
    const errors: unknown[] = [];
    let n = 0;
    const reader = new RingReader(ring, {
      onMessage: () => {
        n++;
        if (n === 1) throw new Error('boom');
      },
      onError: (e) => errors.push(e),
    });
    const writer = new RingWriter(ring);
    writer.tryWrite(bytes(1));
    writer.tryWrite(bytes(1));
    assert.equal(reader.drain(), 2);
    assert.equal(n, 2);
    assert.equal((errors[0] as Error).message, 'boom');
  });

  it('wakes from a park when a frame is written, and ends once the ring is closed and drained', async () => {
    const { ring, writer, reader, got } = pair(256);
    const loop = reader.start();
    await new Promise((r) => setTimeout(r, 20));
    assert.ok(reader.stats.parks >= 1, 'reader parked on the empty ring');
    writer.tryWrite(bytes(7));
    ring.close();
    await loop;
    assert.deepEqual(got, [bytes(7)]);
    assert.equal(reader.running, false);
  });
});

describe('RingReader slabs', () => {
  it('never writes again the bytes of a delivered message, so views into them stay valid', () => {
    const ring = RingBuffer.create(1024);
    const writer = new RingWriter(ring);
    const views: Uint8Array[] = [];
    const reader = new RingReader(ring, { onMessage: (b, start, end) => views.push(b.subarray(start, end)) });
    for (let i = 0; i < 2000; i++) {
      writer.tryWrite(bytes(100, i));
      reader.drain();
    }
    views.forEach((v, i) => assert.deepEqual(v, bytes(100, i), `message ${i}`));
  });
});
