import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeGraph, type CodeGraphOptions, type GraphEvent, type GraphNotice, type QueryResult } from '../../actors/index.js';

const places = (r: QueryResult): string[] => r.results.map((x) => `${x.file}:${x.line}`);

describe('a persistent CodeGraph across restarts', () => {
  let dir: string;
  let root: string;
  let options: CodeGraphOptions;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tessera-graph-persist-'));
    root = join(dir, 'repo');
    await mkdir(join(root, 'src/deep'), { recursive: true });
    await writeFile(join(root, 'src/a.ts'), 'export function alpha() {}\n');
    await writeFile(join(root, 'src/b.ts'), "import { alpha } from './a.js';\nalpha();\n");
    await writeFile(join(root, 'src/deep/c.py'), 'def gamma():\n    pass\n');
    await writeFile(join(root, 'src/deep/d.py'), 'def delta():\n    pass\n');
    options = { root, workers: 1, partitionFiles: 1, snapshotDir: join(dir, 'cache'), persist: true };
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('starts cold, then warm with the changes made while it was closed', async () => {
    const cold = await CodeGraph.open(options);
    assert.equal(cold.stats().start, 'cold');
    assert.deepEqual(places(await cold.def('alpha')), ['src/a.ts:1']);
    await cold.close();

    await writeFile(join(root, 'src/a.ts'), '\nexport function alpha2() {}\n'); // modified (size differs)
    await writeFile(join(root, 'src/e.ts'), 'export class Epsilon {}\n'); // created
    await unlink(join(root, 'src/deep/d.py')); // deleted
    await rename(join(root, 'src/deep/c.py'), join(root, 'src/deep/c2.py')); // renamed
    const events: GraphEvent[] = [];
    const warm = await CodeGraph.open(options);
    warm.on((e) => events.push(e));
    try {
      assert.equal(warm.stats().start, 'warm');
      await warm.sync();

      assert.deepEqual(places(await warm.def('alpha')), []);
      assert.deepEqual(places(await warm.def('alpha2')), ['src/a.ts:2']);
      assert.deepEqual(places(await warm.def('Epsilon')), ['src/e.ts:1']);
      assert.deepEqual(places(await warm.def('delta')), []);
      assert.deepEqual(places(await warm.def('gamma')), ['src/deep/c2.py:1']);
      assert.deepEqual(places(await warm.refs('alpha')), ['src/b.ts:2']);
      assert.equal(warm.stats().files, 4);
      const restart = events.find((e) => e.type === 'files.changed' && e.cause === 'restart');
      assert.ok(restart !== undefined && restart.type === 'files.changed');
      assert.deepEqual([...restart.indexed].sort(), ['src/a.ts', 'src/deep/c2.py', 'src/e.ts']);
      assert.deepEqual([...restart.removed].sort(), ['src/deep/c.py', 'src/deep/d.py']);
    } finally {
      await warm.close();
    }
  });

  it('re-reads a file whose time changed but not its content without re-indexing it', async () => {
    const text = await readFile(join(root, 'src/e.ts'));
    await writeFile(join(root, 'src/e.ts'), text); // new mtime, same bytes
    const graph = await CodeGraph.open(options);
    try {
      await graph.sync();
      const outcome = await graph.applyChanges({ upserted: ['src/e.ts'], removed: [] });
      assert.equal(graph.stats().start, 'warm');
      assert.deepEqual(outcome.indexed, []);
      assert.equal(outcome.unchanged, 1);
      assert.deepEqual(outcome.partitions, []);
    } finally {
      await graph.close();
    }
  });

  it('discards a corrupt manifest with a notice and indexes afresh', async () => {
    const manifest = join(dir, 'cache/store/manifest');
    const bytes = await readFile(manifest);
    bytes[bytes.length - 3]! ^= 0xff;
    await writeFile(manifest, bytes);
    const notices: GraphNotice[] = [];
    const graph = await CodeGraph.open({ ...options, onNotice: (n) => notices.push(n) });
    try {
      assert.equal(graph.stats().start, 'cold');
      assert.deepEqual(notices.map((n) => n.code), ['store.discarded']);
      assert.match(notices[0]!.message, /checksum/);
      assert.deepEqual(places(await graph.def('gamma')), ['src/deep/c2.py:1']);
    } finally {
      await graph.close();
    }
  });

  it('starts cold when the options that shape the index changed', async () => {
    const notices: GraphNotice[] = [];
    const graph = await CodeGraph.open({ ...options, partitionFiles: 2, onNotice: (n) => notices.push(n) });
    try {
      assert.equal(graph.stats().start, 'cold');
      assert.match(notices[0]?.message ?? '', /partitionFiles was 1, now 2/);
      assert.deepEqual(places(await graph.def('Epsilon')), ['src/e.ts:1']);
    } finally {
      await graph.close();
    }
  });

  it('lets a second graph on the same root run from a temporary session while the store is in use', async () => {
    const owner = await CodeGraph.open(options);
    const notices: GraphNotice[] = [];
    const second = await CodeGraph.open({ ...options, onNotice: (n) => notices.push(n) });
    try {
      assert.deepEqual(notices.map((n) => n.code), ['store.busy']);
      assert.equal(second.stats().store, null);
      assert.equal(owner.stats().store, join(dir, 'cache/store'));
      assert.deepEqual(places(await second.def('Epsilon')), ['src/e.ts:1']);
    } finally {
      await second.close();
      await owner.close();
    }
    const next = await CodeGraph.open(options);
    try {
      assert.equal(next.stats().start, 'warm'); // the session did not disturb the store
    } finally {
      await next.close();
    }
  });

  it('starts cold after a process that never closed (no manifest left)', async () => {
    const graph = await CodeGraph.open(options);
    await graph.close();
    await unlink(join(dir, 'cache/store/manifest')); // what a crash leaves: the manifest is taken at open
    const again = await CodeGraph.open(options);
    try {
      assert.equal(again.stats().start, 'cold');
      assert.deepEqual(places(await again.def('alpha2')), ['src/a.ts:2']);
    } finally {
      await again.close();
    }
  });
});
