import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrameSplitter, frameBytes } from '../../../cli/wire/frame-splitter.js';

function frames(...payloads: string[]): Buffer {
  return Buffer.concat(payloads.map((p) => frameBytes(Buffer.from(p))));
}

function collect(splitter: FrameSplitter, chunks: Buffer[]): { got: string[]; errors: string[] } {
  const got: string[] = [];
  const errors: string[] = [];
  for (const chunk of chunks) {
    const err = splitter.push(chunk, (f) => got.push(f.toString()));
    if (err) errors.push(err.code);
  }
  return { got, errors };
}

describe('FrameSplitter', () => {
  it('delivers every frame of one chunk, in order', () => {
    const { got } = collect(new FrameSplitter(100), [frames('a', 'bc', '', 'def')]);
    assert.deepEqual(got, ['a', 'bc', '', 'def']);
  });

  it('reassembles frames cut at every possible offset', () => {
    const stream = frames('hello', 'x', 'a longer payload');
    for (let cut = 0; cut <= stream.length; cut++) {
      const { got } = collect(new FrameSplitter(100), [stream.subarray(0, cut), stream.subarray(cut)]);
      assert.deepEqual(got, ['hello', 'x', 'a longer payload'], `cut at ${cut}`);
    }
  });

  it('reassembles a stream fed one byte at a time', () => {
    const stream = frames('one', 'two');
    const { got } = collect(new FrameSplitter(100), [...stream].map((b) => Buffer.from([b])));
    assert.deepEqual(got, ['one', 'two']);
  });

  it('does not alias a held tail to the chunk the caller may reuse', () => {
    const stream = frames('abcdef');
    const first = Buffer.from(stream.subarray(0, 6));
    const splitter = new FrameSplitter(100);
    const got: string[] = [];
    splitter.push(first, (f) => got.push(f.toString()));
    first.fill(0);
    splitter.push(Buffer.from(stream.subarray(6)), (f) => got.push(f.toString()));
    assert.deepEqual(got, ['abcdef']);
  });

  it('reports a length over the limit once, then ignores the stream', () => {
    const big = Buffer.alloc(4);
    big.writeUInt32BE(101);
    const splitter = new FrameSplitter(100);
    const { got, errors } = collect(splitter, [Buffer.concat([frames('ok'), big]), frames('after')]);
    assert.deepEqual(got, ['ok']);
    assert.deepEqual(errors, ['ERR_DAEMON_FRAME_TOO_LARGE']);
  });

  it('reports a length over the limit whose header spans chunks', () => {
    const { errors } = collect(new FrameSplitter(100), [Buffer.from([0xff, 0xff]), Buffer.from([0xff, 0xff])]);
    assert.deepEqual(errors, ['ERR_DAEMON_FRAME_TOO_LARGE']);
  });

  it('refuses a limit that is not a positive integer', () => {
    assert.throws(() => new FrameSplitter(0), RangeError);
  });
});
