import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createImportResolver, PartitionIndex } from '../../../../actors/graph/index/index.js';
import { def, file, ref, tsRepo } from './fixture-files.js';

describe('PartitionIndex queries', () => {
  const index = PartitionIndex.build(tsRepo());

  it('def() finds definitions by exact name, with their details', () => {
    assert.deepEqual(index.def('parse'), {
      hits: [{ name: 'parse', kind: 'function', path: 'src/parser.ts', line: 1, column: 0, endLine: 3, enclosing: null, signature: 'function parse()' }],
      total: 1,
    });
    assert.deepEqual(index.def('Parse'), { hits: [], total: 0 });
    assert.deepEqual(index.def('trim'), { hits: [], total: 0 });
  });

  it('refs() lists references in (path, line, column) order and honours the limit', () => {
    assert.deepEqual(
      index.refs('parse').hits.map((h) => [h.path, h.line, h.column]),
      [
        ['src/app.ts', 5, 8],
        ['test/app.test.ts', 3, 0],
      ],
    );
    assert.deepEqual(index.refs('log').hits.map((h) => h.path), ['src/app.ts', 'src/util/index.ts']);
    assert.deepEqual(index.refs('log', 1), { hits: [{ name: 'log', path: 'src/app.ts', line: 5, column: 4 }], total: 2 });
  });

  it('complete() ranks exact-case matches, then counts, then shorter names', () => {
    assert.deepEqual(index.complete('pa'), [
      { name: 'parse', defs: 1, refs: 2 },
      { name: 'parseAll', defs: 1, refs: 0 },
    ]);
    assert.deepEqual(
      index.complete('R').map((c) => c.name),
      ['run'],
    );
    assert.deepEqual(index.complete('', 3).map((c) => c.name), ['log', 'parse', 'App']);
    assert.deepEqual(index.complete('zz'), []);
  });

  it('outline() nests definitions under their enclosing definition', () => {
    assert.deepEqual(
      index.outline('src/app.ts')?.map((e) => [e.name, e.kind, e.line, e.depth, e.parent]),
      [
        ['App', 'class', 3, 0, -1],
        ['run', 'method', 4, 1, 0],
      ],
    );
    assert.equal(index.outline('nope.ts'), null);
  });

  it('imports() resolves relative specifiers against indexed files; importers() reverses them', () => {
    assert.deepEqual(index.imports('src/app.ts'), [
      { specifier: './parser.js', target: 'src/parser.ts' },
      { specifier: './util/index.js', target: 'src/util/index.ts' },
      { specifier: 'node:fs', target: null },
    ]);
    assert.deepEqual(index.importers('src/app.ts'), [{ path: 'test/app.test.ts', specifier: '../src/app.js' }]);
    assert.deepEqual(index.importers('src/util/index.ts'), [{ path: 'src/app.ts', specifier: './util/index.js' }]);
    assert.deepEqual(index.importers('test/app.test.ts'), []);
    assert.equal(index.imports('missing.ts'), null);
  });
});

describe('PartitionIndex updates', () => {
  it('bumps the version once per changing batch and not for no-ops', () => {
    const index = PartitionIndex.build(tsRepo());
    assert.equal(index.version, 1);

    assert.equal(index.update({ remove: ['no/such/file.ts'] }), 1);
    assert.equal(index.upsert(file('src/new.ts', 'x')), 2);
    assert.equal(index.update({ upsert: [file('a.ts', ''), file('b.ts', '')], remove: ['src/new.ts'] }), 3);
    assert.equal(new PartitionIndex().version, 0);
  });

  it('replacing a file replaces its tags, counts and text', () => {
    const index = PartitionIndex.build(tsRepo());

    index.upsert(file('src/parser.ts', 'export const parse = 1;\n', { defs: [def('parse', 1, { kind: 'variable' })] }));

    assert.deepEqual(index.def('parse').hits.map((h) => h.kind), ['variable']);
    assert.deepEqual(index.def('parseAll'), { hits: [], total: 0 });
    assert.equal(index.refs('trim').total, 0);
    assert.deepEqual(index.complete('parse'), [{ name: 'parse', defs: 1, refs: 2 }]);
    assert.deepEqual(index.search({ patterns: ['trim'] }).matches, []);
    assert.equal(index.search({ patterns: ['const parse'] }).matches[0]?.path, 'src/parser.ts');
  });

  it('removing a file removes its answers and unresolves imports of it', () => {
    const index = PartitionIndex.build(tsRepo());

    index.remove('src/parser.ts');

    assert.equal(index.has('src/parser.ts'), false);
    assert.equal(index.def('parse').total, 0);
    assert.deepEqual(index.imports('src/app.ts')?.[0], { specifier: './parser.js', target: null });
    assert.deepEqual(index.importers('src/parser.ts'), []);
    assert.equal(index.fileCount, 3);
  });

  it('adding the target of a dangling import makes it resolve, without touching the importer', () => {
    const index = PartitionIndex.build([file('a.ts', '', { imports: ['./b.js'] })]);
    assert.deepEqual(index.imports('a.ts'), [{ specifier: './b.js', target: null }]);

    index.upsert(file('b.tsx', ''));

    assert.deepEqual(index.imports('a.ts'), [{ specifier: './b.js', target: 'b.tsx' }]);
    assert.deepEqual(index.importers('b.tsx'), [{ path: 'a.ts', specifier: './b.js' }]);
  });

  it('merges segments as they accumulate and compact() leaves one', () => {
    const index = new PartitionIndex();
    for (let i = 0; i < 40; i++) index.upsert(file(`f${String(i).padStart(2, '0')}.ts`, `line ${i}\n`));
    assert.ok(index.segmentCount <= 7, `segments: ${index.segmentCount}`);

    index.compact();

    assert.equal(index.segmentCount, 1);
    assert.equal(index.version, 40);
    assert.equal(index.search({ patterns: ['line 3'] }).matches.length, 11);
  });

  it('finds Go importers through package directories of the same language', () => {
    const resolver = createImportResolver({ goModule: 'example.com/m' });
    const index = PartitionIndex.build(
      [
        file('cmd/main.go', '', { language: 'go', imports: ['example.com/m/db', 'fmt'] }),
        file('db/conn.go', '', { language: 'go' }),
        file('db/pool.go', '', { language: 'go' }),
        file('db/notes.md', '', { language: 'markdown' }),
      ],
      { resolver },
    );

    assert.deepEqual(index.imports('cmd/main.go'), [
      { specifier: 'example.com/m/db', target: 'db/' },
      { specifier: 'fmt', target: null },
    ]);
    assert.deepEqual(index.importers('db/pool.go'), [{ path: 'cmd/main.go', specifier: 'example.com/m/db' }]);
    assert.deepEqual(index.importers('db/notes.md'), []);
  });

  it('finds importers through any candidate key: a C include falling back to the root', () => {
    const index = PartitionIndex.build([
      file('src/main.c', '', { language: 'c', imports: ['util.h', 'local.h'] }),
      file('src/local.h', '', { language: 'c' }),
      file('util.h', '', { language: 'c' }),
    ]);

    assert.deepEqual(index.imports('src/main.c'), [
      { specifier: 'util.h', target: 'util.h' },
      { specifier: 'local.h', target: 'src/local.h' },
    ]);
    assert.deepEqual(index.importers('util.h'), [{ path: 'src/main.c', specifier: 'util.h' }]);

    index.upsert(file('src/util.h', '', { language: 'c' }));

    assert.deepEqual(index.importers('util.h'), [], 'the include now resolves next to the file');
    assert.deepEqual(index.importers('src/util.h'), [{ path: 'src/main.c', specifier: 'util.h' }]);
  });

  it('keeps the last version when a batch repeats a path', () => {
    const index = PartitionIndex.build([file('a.ts', 'one', { refs: [ref('x', 1)] }), file('a.ts', 'two')]);

    assert.equal(index.fileCount, 1);
    assert.equal(index.search({ patterns: ['two'] }).matches.length, 1);
    assert.deepEqual(index.refs('x'), { hits: [], total: 0 });
  });

  it('rejects a chunk size below one byte', () => {
    assert.throws(() => new PartitionIndex({ chunkBytes: 0 }), RangeError);
  });

  it('finds matches in every chunk of a big file, with the right line numbers', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `line ${i + 1} ${i % 1000 === 999 ? 'needle' : 'hay'}`);
    const index = PartitionIndex.build([file('big.txt', lines.join('\n'), { language: 'text' })]);

    const r = index.search({ patterns: ['needle'] });

    assert.deepEqual(r.matches.map((m) => [m.line, m.text]), [
      [1000, 'line 1000 needle'],
      [2000, 'line 2000 needle'],
      [3000, 'line 3000 needle'],
    ]);
  });
});
