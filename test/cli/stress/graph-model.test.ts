import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSource } from '../../../actors/graph/parse/index.js';
import { GraphModel, graphSource } from '../../../cli/stress/graph-model.js';

const kSource = { fns: [{ name: 'foo', callee: 'bar' }, { name: 'Baz', callee: 'foo' }], word: 'alpha' };

describe('GraphModel', () => {
  it('agrees with the parser on every generated language', async () => {
    for (const path of ['a.ts', 'b.js', 'c.py']) {
      // Arrange
      const text = graphSource(path, kSource);
      const model = new GraphModel();
      model.files.set(path, text);
      // Act
      const tags = await parseSource(path, text);
      // Assert
      const defs = tags.defs.map((d) => `${path}:${d.line}:${d.column} ${d.kind} ${d.name}`).sort();
      const refs = tags.refs.map((r) => `${path}:${r.line}:${r.column} ${r.name}`).sort();
      assert.deepEqual([...model.def('foo'), ...model.def('Baz')].sort(), defs, path);
      assert.deepEqual([...model.refs('bar'), ...model.refs('foo')].sort(), refs, path);
    }
  });

  it('answers searches with the first column and the number of matches per line', () => {
    const model = new GraphModel();
    model.files.set('a.ts', 'export function foo() {\n  return foo();\n}\n// note foo\n');
    assert.deepEqual(model.search('foo'), ['a.ts:1:16 x1', 'a.ts:2:9 x1', 'a.ts:4:8 x1']);
    assert.equal(model.outline('missing.ts'), undefined);
    assert.deepEqual(model.outline('a.ts'), ['1:16 function foo']);
  });
});
