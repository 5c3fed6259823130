import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toIndexFile } from '../../../../actors/graph/partition/index.js';

describe('toIndexFile()', () => {
  it('maps a parse result to the index input: text language, null enclosing, no reference kinds', () => {
    const out = toIndexFile({
      path: 'a.ts',
      language: 'typescript',
      bytes: 20,
      defs: [
        { name: 'A', kind: 'class', line: 1, column: 6, endLine: 3, enclosing: '', signature: 'class A {' },
        { name: 'm', kind: 'method', line: 2, column: 2, endLine: 2, enclosing: 'A', signature: 'm() {}' },
      ],
      refs: [{ name: 'B', kind: 'new', line: 2, column: 9 }],
      imports: ['./b.js'],
      content: 'class A {\n  m() {}\n}\n',
      error: { code: 'ERR_GRAPH_SYNTAX_ERROR', message: 'x', details: {} },
    });

    assert.deepEqual(out, {
      path: 'a.ts',
      language: 'typescript',
      defs: [
        { name: 'A', kind: 'class', line: 1, column: 6, endLine: 3, enclosing: null, signature: 'class A {' },
        { name: 'm', kind: 'method', line: 2, column: 2, endLine: 2, enclosing: 'A', signature: 'm() {}' },
      ],
      refs: [{ name: 'B', line: 2, column: 9 }],
      imports: ['./b.js'],
      content: 'class A {\n  m() {}\n}\n',
    });
  });

  it('indexes a file without a grammar as text, and skips one without content', () => {
    const base = { path: 'README', language: null, bytes: 2, defs: [], refs: [], imports: [] };

    assert.equal(toIndexFile({ ...base, content: 'hi' })?.language, 'text');
    assert.equal(toIndexFile(base), null);
  });
});
