import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kSignatureMaxChars, parseSource } from '../../../../actors/graph/parse/index.js';

describe('parseSource()', () => {
  it('returns empty tags and no error for a file in an unknown language', async () => {
    const tags = await parseSource('README.md', '# Title\n');

    assert.deepEqual(tags, { path: 'README.md', language: null, bytes: 8, defs: [], refs: [], imports: [] });
  });

  it('keeps what it could extract from a file with syntax errors, flagged ERR_GRAPH_SYNTAX_ERROR', async () => {
    const tags = await parseSource('broken.py', 'def ok():\n    call()\n\ndef bad(:\n    pass\n');

    assert.deepEqual(tags.defs.map((d) => d.name), ['ok', 'bad']);
    assert.deepEqual(tags.refs.map((r) => r.name), ['call']);
    assert.equal(tags.error?.code, 'ERR_GRAPH_SYNTAX_ERROR');
    assert.deepEqual(tags.error?.details, { path: 'broken.py', line: 4, column: 8 });
  });

  it('cancels a parse over its time limit with ERR_GRAPH_PARSE_TIMEOUT, and parses the next file normally', async () => {
    const huge = 'function f() { a(b(c(d()))); }\n'.repeat(100_000);

    const slow = await parseSource('huge.js', huge, { timeoutMs: 1 });
    const next = await parseSource('next.js', 'g()');

    assert.equal(slow.error?.code, 'ERR_GRAPH_PARSE_TIMEOUT');
    assert.deepEqual(slow.defs, []);
    assert.deepEqual(next.refs, [{ name: 'g', kind: 'call', line: 1, column: 0 }]);
  });

  it('counts columns in UTF-16 code units and bytes in UTF-8', async () => {
    const tags = await parseSource('u.ts', 'const s = "é😀"; function f() {}');

    assert.equal(tags.defs[1]!.column, 26);
    assert.equal(tags.bytes, Buffer.byteLength('const s = "é😀"; function f() {}'));
  });

  it('caps signatures at kSignatureMaxChars', async () => {
    const tags = await parseSource('long.go', `package p\nfunc F(${'a, '.repeat(150)}z int) {}\n`);

    assert.equal(tags.defs[1]!.signature.length, kSignatureMaxChars);
  });

  it('keeps the name in the signature of a definition deep in a minified line', async () => {
    const tags = await parseSource('min.js', `${'var a=1;'.repeat(100)}function deepName(){}`);

    assert.match(tags.defs.find((d) => d.name === 'deepName')!.signature, /function deepName\(\)\{\}$/);
  });

  it('takes the language from the caller when given', async () => {
    const tags = await parseSource('script', 'def f(): pass\n', { language: 'python' });

    assert.equal(tags.language, 'python');
    assert.deepEqual(tags.defs.map((d) => d.name), ['f']);
  });
});
