import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FileTable } from '../../../actors/graph/file-table.js';
import { GraphImports, resolveImport } from '../../../actors/graph/graph-imports.js';
import { createImportResolver } from '../../../actors/graph/index/index.js';
import type { FileFacts } from '../../../actors/graph/partition/index.js';

function table(paths: [string, string][]): FileTable {
  const t = new FileTable();
  for (const [path, language] of paths) t.set(path, { language, bytes: 1, lines: 1 });
  return t;
}

const facts = (file: string, imports: [string, number][]): FileFacts => ({ file, defs: [], refs: [], imports });

describe('resolveImport()', () => {
  it('takes the first candidate that exists anywhere in the graph', () => {
    const t = table([['src/a.ts', 'typescript'], ['src/b/index.ts', 'typescript']]);
    const r = createImportResolver();

    assert.deepEqual(resolveImport(r, t, './a.js', 'lib/x.ts', 'typescript'), null);
    assert.deepEqual(resolveImport(r, t, '../src/a.js', 'lib/x.ts', 'typescript'), { target: 'src/a.ts', files: ['src/a.ts'] });
    assert.deepEqual(resolveImport(r, t, './b', 'src/a.ts', 'typescript'), { target: 'src/b/index.ts', files: ['src/b/index.ts'] });
    assert.equal(resolveImport(r, t, 'react', 'src/a.ts', 'typescript'), null);
  });

  it('resolves a Go package import to the files of that language in its directory', () => {
    const t = table([['pkg/shapes/b.go', 'go'], ['pkg/shapes/a.go', 'go'], ['pkg/shapes/x.ts', 'typescript']]);
    const r = createImportResolver({ goModule: 'example.com/m' });

    assert.deepEqual(resolveImport(r, t, 'example.com/m/pkg/shapes', 'main.go', 'go'), { target: 'pkg/shapes/', files: ['pkg/shapes/a.go', 'pkg/shapes/b.go'] });
  });
});

describe('GraphImports', () => {
  it('resolves facts from several partitions into importers and a reverse graph', () => {
    const t = table([['a.ts', 'typescript'], ['b.ts', 'typescript'], ['c.ts', 'typescript']]);
    const imports = new GraphImports();
    imports.store(1, 4, [facts('c.ts', [['./b.js', 1], ['./b', 2], ['fs', 3]])]);
    imports.store(0, 2, [facts('a.ts', []), facts('b.ts', [['./a.js', 5]])]);

    imports.build(createImportResolver(), t, 7);

    assert.deepEqual(imports.importersOf('b.ts'), [
      { from: 'c.ts', to: 'b.ts', specifier: './b.js', line: 1 },
      { from: 'c.ts', to: 'b.ts', specifier: './b', line: 2 },
    ]);
    assert.deepEqual(imports.edge('b.ts', 'a.ts'), { from: 'b.ts', to: 'a.ts', specifier: './a.js', line: 5 });
    assert.deepEqual(imports.stale([0, 1, 2], (id) => [2, 5, 0][id]!), [1, 2]);
  });

  it('refuses reads before build()', () => {
    assert.throws(() => new GraphImports().importersOf('a.ts'), /not built/);
  });
});
