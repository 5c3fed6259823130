import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeHit } from '../../../cli/service/normalize-hit.js';

describe('normalizeHit()', () => {
  it('makes an absolute file root-relative with forward slashes', () => {
    assert.deepEqual(normalizeHit('/repo', { file: '/repo/src/a.ts', line: 3 }), { file: 'src/a.ts', line: 3 });
    assert.deepEqual(normalizeHit('/repo', { file: 'src\\win\\b.ts', line: 1 }), { file: 'src/win/b.ts', line: 1 });
  });

  it('keeps the documented fields with values of their type, then other plain fields', () => {
    const hit = { file: 'a.ts', line: 2, column: 4, name: 'f', kind: 'function', text: 'function f() {}', ranges: [[0, 8]], when: new Date(0), kind2: undefined };
    const out = normalizeHit('/r', hit);
    assert.deepEqual(out, { file: 'a.ts', line: 2, column: 4, name: 'f', kind: 'function', text: 'function f() {}', ranges: [[0, 8]] });
    assert.deepEqual(Object.keys(out), ['file', 'line', 'column', 'name', 'kind', 'text', 'ranges']);
    assert.deepEqual(normalizeHit('/r', { file: 'a.ts', line: 2, name: 7 as never }), { file: 'a.ts', line: 2 });
    assert.deepEqual(normalizeHit('/r', { file: 'a.ts', line: 2, column: undefined, name: undefined }), { file: 'a.ts', line: 2 });
  });
});
