import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeGraph, type QueryResult } from '../../actors/index.js';
import { isTesseraError } from '../../protocol/index.js';
import { reposRoot } from '../fixtures/graph-fixtures.js';

// Known answers come from the parser's own tests (test/actors/graph/parse/queries/*); here they
// must come back unchanged through scan, parse pool, partition actors, routing and merging.
// One partition per file, so every answer that spans files spans partitions.

const defs = (r: QueryResult): string[] => r.results.map((x) => `${x.file}:${x.line}:${x.column} ${x.kind} ${x.name}`);
const places = (r: QueryResult): string[] => r.results.map((x) => `${x.file}:${x.line}:${x.column}`);
const outline = (r: QueryResult): string[] => r.results.map((x) => `${'  '.repeat(x['depth'] as number)}${x.kind} ${x.name} ${x.line}`);
const imports = (r: QueryResult): string[] => r.results.map((x) => `${x.line} ${x.name} -> ${x['target'] as string | null}`);
const importers = (r: QueryResult): string[] => r.results.map((x) => `${x.file}:${x.line} ${x.name}`);

let snapshots: string;
before(async () => {
  snapshots = await mkdtemp(join(tmpdir(), 'tessera-graph-fixtures-'));
});
after(async () => {
  await rm(snapshots, { recursive: true, force: true });
});

/** Opens the fixture repository of one language for the tests of a describe block. */
function fixtureGraph(lang: string): () => CodeGraph {
  let graph: CodeGraph | undefined;
  before(async () => {
    graph = await CodeGraph.open({ root: join(reposRoot, lang), workers: 1, partitionFiles: 1, snapshotDir: snapshots });
  });
  after(async () => {
    await graph?.close();
  });
  return () => graph!;
}

describe('CodeGraph on the TypeScript fixture', () => {
  const g = fixtureGraph('typescript');

  it('indexes every file, one partition each, without problems', () => {
    const stats = g().stats();
    assert.equal(stats.files, 3);
    assert.equal(stats.partitions.total, 3);
    assert.deepEqual(g().problems(), []);
  });

  it('def() and refs() answer across partitions in path order', async () => {
    assert.deepEqual(defs(await g().def('Foo')), ['src/shapes.ts:3:13 class Foo']);
    assert.deepEqual(places(await g().refs('Foo')), ['src/shapes.ts:29:27', 'src/shapes.ts:29:38', 'src/view.tsx:5:18']);
    assert.deepEqual(defs(await g().def('bar')), ['src/shapes.ts:5:2 method bar']);
    assert.deepEqual(places(await g().refs('bar')), ['src/view.tsx:6:40']);
    assert.deepEqual(defs(await g().def('nothing')), []);
  });

  it('outline() nests members under their class', async () => {
    assert.deepEqual(outline(await g().outline('src/util.ts')), ['function baz 1', 'class Base 5', '  method describe 6', 'constant lazy 9']);
    assert.equal((await g().outline('src/shapes.ts')).results[0]!.text, 'export class Foo extends Base implements Shape {');
  });

  it('imports(), importers() and impact() resolve across partitions', async () => {
    assert.deepEqual(imports(await g().imports('src/shapes.ts')), ['1 ./util.js -> src/util.ts', '2 ../types -> null', '30 ./reexported -> null']);
    assert.deepEqual(importers(await g().importers('src/util.ts')), ['src/shapes.ts:1 ./util.js']);
    assert.deepEqual(importers(await g().importers('src/shapes.ts')), ['src/view.tsx:2 ./shapes']);
    assert.deepEqual(
      (await g().impact('src/util.ts')).results.map((x) => `${x['depth'] as number} ${x.file}:${x.line} via ${x['via'] as string}`),
      ['1 src/shapes.ts:1 via src/util.ts', '2 src/view.tsx:2 via src/shapes.ts'],
    );
  });

  it('search() highlights every occurrence, in path order', async () => {
    const r = await g().search('Foo');
    assert.deepEqual(places(r), ['src/shapes.ts:3:13', 'src/shapes.ts:29:17', 'src/view.tsx:2:9', 'src/view.tsx:5:18']);
    assert.deepEqual(r.results[1]!.ranges, [[17, 20], [27, 30], [38, 41]]);
    assert.equal(r.truncated, false);
  });

  it('accepts absolute and ./ paths, and rejects files not in the graph with ERR_GRAPH_FILE_NOT_INDEXED', async () => {
    assert.deepEqual(outline(await g().outline(join(reposRoot, 'typescript', 'src/util.ts'))), outline(await g().outline('./src/util.ts')));
    await assert.rejects(g().outline('src/missing.ts'), (e) => isTesseraError(e, 'ERR_GRAPH_FILE_NOT_INDEXED'));
  });
});

describe('CodeGraph on the Python fixture', () => {
  const g = fixtureGraph('python');

  it('answers def, refs, outline, imports and importers', async () => {
    assert.deepEqual(defs(await g().def('helper')), ['pkg/base.py:5:4 function helper']);
    assert.deepEqual(places(await g().refs('helper')), ['pkg/models.py:17:15']);
    assert.deepEqual(outline(await g().outline('pkg/models.py')), [
      'variable MAX_ITEMS 6',
      'class Model 9',
      '  field kind 10',
      '  method __init__ 12',
      '  method label 16',
      'function build 20',
    ]);
    assert.deepEqual(imports(await g().imports('pkg/models.py')), ['1 os -> null', '2 collections.abc -> null', '3 .base -> pkg/base.py', '4 . -> null']);
    assert.deepEqual(importers(await g().importers('pkg/base.py')), ['pkg/models.py:3 .base']);
  });
});

describe('CodeGraph on the JavaScript fixture', () => {
  const g = fixtureGraph('javascript');

  it('answers def, refs, imports and importers across its two files', async () => {
    assert.deepEqual(defs(await g().def('parse')), ['lib/parse.mjs:1:16 function parse']);
    assert.deepEqual(places(await g().refs('parse')), ['lib/server.js:16:10']);
    assert.deepEqual(outline(await g().outline('lib/parse.mjs')), ['function parse 1', 'constant VERSION 5']);
    assert.deepEqual(imports(await g().imports('lib/server.js')), ['1 node:http -> null', '2 ./parse.mjs -> lib/parse.mjs']);
    assert.deepEqual(importers(await g().importers('lib/parse.mjs')), ['lib/server.js:2 ./parse.mjs']);
  });
});

describe('CodeGraph on the Go fixture', () => {
  const g = fixtureGraph('go');

  it('answers def, refs, outline and imports', async () => {
    assert.deepEqual(defs(await g().def('Area')), ['shapes/shapes.go:13:1 method Area', 'shapes/shapes.go:22:17 method Area']);
    assert.deepEqual(places(await g().refs('Circle')), ['shapes/shapes.go:22:9', 'shapes/shapes.go:26:27', 'shapes/shapes.go:28:9']);
    assert.deepEqual(outline(await g().outline('shapes/shapes.go')), [
      'module shapes 1',
      'constant Pi 8',
      'variable registry 10',
      'interface Shape 12',
      '  method Area 13',
      'struct Circle 16',
      '  field Radius 17',
      'type ID 20',
      'method Area 22',
      'function NewCircle 26',
    ]);
    assert.deepEqual(imports(await g().imports('shapes/shapes.go')), ['4 fmt -> null', '5 math -> null']);
    assert.deepEqual(importers(await g().importers('shapes/shapes.go')), []);
  });
});

describe('CodeGraph on the Rust fixture', () => {
  const g = fixtureGraph('rust');

  it('answers def, refs and imports', async () => {
    assert.deepEqual(defs(await g().def('area')), ['src/lib.rs:16:7 method area', 'src/lib.rs:27:7 method area']);
    assert.deepEqual(places(await g().refs('square')), ['src/lib.rs:40:15']);
    assert.deepEqual(imports(await g().imports('src/lib.rs')), ['1 std::collections::HashMap -> null', '2 crate::util::{helper, Config} -> null']);
  });
});

describe('CodeGraph on the Java fixture', () => {
  const g = fixtureGraph('java');

  it('answers def, refs, outline and imports', async () => {
    assert.deepEqual(defs(await g().def('greet')), ['com/example/Greeter.java:19:11 method greet']);
    assert.deepEqual(places(await g().refs('greet')), ['com/example/Greeter.java:16:27']);
    assert.deepEqual(outline(await g().outline('com/example/Greeter.java')).slice(0, 4), ['module com.example 1', 'class Greeter 7', '  field names 8', '  method Greeter 10']);
    assert.deepEqual(imports(await g().imports('com/example/Greeter.java')), ['3 java.util.List -> null', '4 java.util.ArrayList -> null', '5 java.lang.Math.max -> null']);
  });
});

describe('CodeGraph on the C fixture', () => {
  const g = fixtureGraph('c');

  it('answers def, refs, imports and importers across the header and the source', async () => {
    assert.deepEqual(defs(await g().def('list_push')), ['src/list.c:17:8 function list_push']);
    assert.deepEqual(defs(await g().def('list_len')), ['src/list.h:5:4 prototype list_len']);
    assert.deepEqual(places(await g().refs('node')), ['src/list.c:10:11', 'src/list.c:13:15', 'src/list.h:4:7', 'src/list.h:5:26']);
    assert.deepEqual(imports(await g().imports('src/list.c')), ['1 stdlib.h -> null', '2 list.h -> src/list.h']);
    assert.deepEqual(importers(await g().importers('src/list.h')), ['src/list.c:2 list.h']);
  });
});

describe('CodeGraph on the C++ fixture', () => {
  const g = fixtureGraph('cpp');

  it('answers def, refs and imports', async () => {
    assert.deepEqual(defs(await g().def('draw')), ['src/widget.cpp:9:9 prototype draw', 'src/widget.cpp:13:13 method draw']);
    assert.deepEqual(places(await g().refs('Widget')), ['src/widget.cpp:26:22']);
    assert.deepEqual(imports(await g().imports('src/widget.cpp')), ['1 vector -> null', '2 widget.hpp -> null']);
  });
});
