import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeGraph, type QueryResult } from '../../actors/index.js';
import { isTesseraError } from '../../protocol/index.js';

const places = (r: QueryResult): string[] => r.results.map((x) => `${x.file}:${x.line}`);

describe('CodeGraph cache and applyChanges', () => {
  let dir: string;
  let graph: CodeGraph;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tessera-graph-cache-'));
    await mkdir(join(dir, 'repo/src'), { recursive: true });
    await writeFile(join(dir, 'repo/src/a.ts'), 'export function foo() {}\n');
    await writeFile(join(dir, 'repo/src/b.ts'), "import { foo } from './a.js';\nfoo();\n");
    await writeFile(join(dir, 'repo/.gitignore'), 'ignored/\n');
    await mkdir(join(dir, 'repo/ignored'));
    await writeFile(join(dir, 'repo/ignored/x.ts'), 'export function foo() {}\n');
    graph = await CodeGraph.open({ root: join(dir, 'repo'), workers: 1, partitionFiles: 1, snapshotDir: join(dir, 'snapshots') });
  });
  after(async () => {
    await graph.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('honours .gitignore and answers a repeated query from the cache', async () => {
    const first = await graph.def('foo');
    const { hits, misses } = graph.stats().cache;

    const second = await graph.def('foo');

    assert.deepEqual(places(first), ['src/a.ts:1']);
    assert.deepEqual(second.results, first.results);
    assert.deepEqual(graph.stats().cache, { hits: hits + 1, misses, entries: graph.stats().cache.entries });
    assert.equal(graph.stats().queries['def']!.count, 2);
  });

  it('misses after applyChanges and returns the new answer', async () => {
    await graph.def('foo');
    await graph.importers('src/a.ts');
    await writeFile(join(dir, 'repo/src/a.ts'), '\nexport function bar() {}\n');
    await writeFile(join(dir, 'repo/src/c.ts'), "import { foo } from './b.js';\nexport function foo() {}\n");
    await unlink(join(dir, 'repo/src/b.ts'));

    await graph.applyChanges({ upserted: ['src/a.ts', 'src/c.ts'], removed: ['src/b.ts'] });
    const misses = graph.stats().cache.misses;

    assert.deepEqual(places(await graph.def('foo')), ['src/c.ts:2']);
    assert.deepEqual(places(await graph.def('bar')), ['src/a.ts:2']);
    assert.deepEqual(places(await graph.refs('foo')), []);
    assert.deepEqual(places(await graph.importers('src/a.ts')), []);
    assert.equal(graph.stats().cache.misses, misses + 4);
    assert.equal(graph.stats().files, 3); // a.ts, c.ts and .gitignore (hidden files are indexed as text)
    await assert.rejects(graph.outline('src/b.ts'), (e) => isTesseraError(e, 'ERR_GRAPH_FILE_NOT_INDEXED'));
  });

  it('keeps a cached outline of a file whose partition did not change', async () => {
    await graph.outline('src/c.ts');
    const hits = graph.stats().cache.hits;
    await writeFile(join(dir, 'repo/src/a.ts'), 'export function baz() {}\n');

    await graph.applyChanges({ upserted: ['src/a.ts'], removed: [] });
    await graph.outline('src/c.ts');
    const def = await graph.def('baz');

    assert.equal(graph.stats().cache.hits, hits + 1);
    assert.deepEqual(places(def), ['src/a.ts:1']);
  });

  it('drops a file that became binary and reports it', async () => {
    await writeFile(join(dir, 'repo/src/c.ts'), Buffer.from([0x66, 0x00, 0x6f]));

    await graph.applyChanges({ upserted: ['src/c.ts'], removed: [] });

    assert.deepEqual(places(await graph.def('foo')), []);
    assert.deepEqual(graph.problems().map((p) => `${p.path} ${p.code}`), ['src/c.ts ERR_GRAPH_FILE_BINARY']);
    await assert.rejects(graph.applyChanges({ upserted: ['../outside.ts'], removed: [] }), RangeError);
  });

  it('refuses queries once closed', async () => {
    const other = await CodeGraph.open({ root: join(dir, 'repo'), workers: 1, snapshotDir: join(dir, 'snapshots') });
    await other.close();
    await assert.rejects(other.def('foo'), (e) => isTesseraError(e, 'ERR_GRAPH_CLOSED'));
  });
});
