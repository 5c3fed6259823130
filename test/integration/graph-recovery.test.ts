import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CodeGraph, type QueryResult } from '../../actors/index.js';
import { reposRoot } from '../fixtures/graph-fixtures.js';

const places = (r: QueryResult): string[] => r.results.map((x) => `${x.file}:${x.line}`);

describe('CodeGraph after a corrupt partition snapshot', () => {
  it('indexes the partition again and answers as before', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tessera-graph-recovery-'));
    const graph = await CodeGraph.open({ root: join(reposRoot, 'typescript'), workers: 1, snapshotDir: dir });
    try {
      const before = places(await graph.refs('Foo'));
      await graph.supervisor.evict('partition/0');
      const [session] = (await readdir(dir)).filter((n) => n.startsWith('session-'));
      const file = join(dir, session!, 'partition~2F0.snap');
      const bytes = await readFile(file);
      bytes[bytes.length >> 1]! ^= 0xff;
      await writeFile(file, bytes);

      await graph.outline('src/util.ts'); // activates the partition: the snapshot fails its check
      await graph.applyChanges({ upserted: [], removed: [] }); // queued after the re-index

      assert.equal(graph.supervisor.stats().corruptSnapshots, 1);
      assert.deepEqual(places(await graph.refs('Foo')), before);
      assert.deepEqual(places(await graph.def('baz')), ['src/util.ts:1']);
    } finally {
      await graph.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
