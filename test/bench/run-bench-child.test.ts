import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lastJsonLine, tailLines } from '../../bench/all/run-bench-child.js';

describe('lastJsonLine()', () => {
  it('parses the last line when it is a JSON object', () => {
    assert.deepEqual(lastJsonLine('progress\n{"a":1}\n\n'), { a: 1 });
  });

  it('gives undefined for no output, text, or JSON that is not an object', () => {
    assert.equal(lastJsonLine(''), undefined);
    assert.equal(lastJsonLine('{"a":1}\ndone\n'), undefined);
    assert.equal(lastJsonLine('[1,2]\n'), undefined);
  });
});

describe('tailLines()', () => {
  it('keeps the last n lines as a terminal shows them, without redraws or colours', () => {
    const text = 'one\ntwo\r\x1b[Kindexing 10%\r\x1b[Kindexing 99%\n\x1b[31mError: boom\x1b[0m\n\n';
    assert.equal(tailLines(text, 2), 'indexing 99%\nError: boom');
    assert.equal(tailLines(text, 10), 'one\nindexing 99%\nError: boom');
  });
});
