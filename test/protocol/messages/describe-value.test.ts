import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeValue } from '../../../protocol/index.js';

describe('describeValue()', () => {
  it('names types and shows short values', () => {
    const cases: [unknown, string][] = [
      [undefined, 'undefined'],
      [null, 'null'],
      [1.5, 'number 1.5'],
      [true, 'boolean true'],
      [3n, 'bigint 3n'],
      ['ab', 'string "ab"'],
      [[1, 2], 'array of 2'],
      [new Uint8Array(3), 'Uint8Array of 3 bytes'],
      [{}, 'object'],
      [Object.create(null), 'object with a null prototype'],
      [new Date(0), 'Date'],
      [() => 1, 'function'],
    ];
    for (const [value, text] of cases) assert.equal(describeValue(value), text);
  });

  it('cuts long strings', () => {
    assert.equal(describeValue('x'.repeat(100)), `string "${'x'.repeat(40)}…"`);
  });
});
