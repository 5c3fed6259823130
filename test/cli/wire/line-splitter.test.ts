import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineSplitter } from '../../../cli/wire/line-splitter.js';

function collect(splitter: LineSplitter, chunks: Buffer[]): { got: string[]; errors: string[] } {
  const got: string[] = [];
  const errors: string[] = [];
  for (const chunk of chunks) {
    const err = splitter.push(chunk, (line) => got.push(line));
    if (err) errors.push(`${err.code} ${err.details.bytes}`);
  }
  return { got, errors };
}

describe('LineSplitter', () => {
  it('splits on newlines, drops a CR before them and skips blank lines', () => {
    const { got } = collect(new LineSplitter(100), [Buffer.from('{"a":1}\r\n\n  \n{"b":2}\n{"c"')]);
    assert.deepEqual(got, ['{"a":1}', '{"b":2}']);
  });

  it('joins a line cut inside a multi-byte character', () => {
    const bytes = Buffer.from('{"s":"héllo €"}\n');
    for (let cut = 0; cut <= bytes.length; cut++) {
      const { got } = collect(new LineSplitter(100), [bytes.subarray(0, cut), bytes.subarray(cut)]);
      assert.deepEqual(got, ['{"s":"héllo €"}'], `cut at ${cut}`);
    }
  });

  it('reports a line over the limit, even before its newline arrives', () => {
    const splitter = new LineSplitter(8);
    const { got, errors } = collect(splitter, [Buffer.from('12345678\n'), Buffer.from('123456'), Buffer.from('789'), Buffer.from('\nok\n')]);
    assert.deepEqual(got, ['12345678']);
    assert.deepEqual(errors, ['ERR_DAEMON_FRAME_TOO_LARGE 9']);
  });

  it('counts what is held of an unfinished line', () => {
    const splitter = new LineSplitter(100);
    collect(splitter, [Buffer.from('abc')]);
    assert.equal(splitter.pendingBytes, 3);
  });
});
