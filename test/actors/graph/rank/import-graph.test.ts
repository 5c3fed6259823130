import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildImportGraph, importGraphFileId } from '../../../../actors/graph/rank/import-graph.js';

describe('buildImportGraph()', () => {
  it('interns paths in code-unit order and lists importers per file as CSR', () => {
    const graph = buildImportGraph([
      { from: 'b.ts', to: 'c.ts' },
      { from: 'a.ts', to: 'c.ts' },
      { from: 'c.ts', to: 'd.ts' },
      { from: 'B.ts', to: 'B.ts' },
    ]);

    assert.deepEqual(graph.paths, ['B.ts', 'a.ts', 'b.ts', 'c.ts', 'd.ts']);
    assert.deepEqual([...graph.importers.offsets], [0, 0, 0, 0, 2, 3]);
    assert.deepEqual([...graph.importers.columns], [2, 1, 3]);
  });

  it('importGraphFileId() finds every path and returns -1 for others', () => {
    const graph = buildImportGraph([{ from: 'src/x.ts', to: 'lib/y.ts' }, { from: 'a', to: 'z' }]);

    assert.deepEqual(graph.paths.map((p) => importGraphFileId(graph, p)), [0, 1, 2, 3]);
    assert.equal(importGraphFileId(graph, 'm'), -1);
    assert.equal(importGraphFileId(buildImportGraph([]), 'a'), -1);
  });
});
