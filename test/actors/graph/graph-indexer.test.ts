import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FileTable } from '../../../actors/graph/file-table.js';
import { indexFiles, parseBatches, pendingBound, type IndexerTarget } from '../../../actors/graph/graph-indexer.js';
import { GraphRouter } from '../../../actors/graph/graph-router.js';
import type { PartitionClient } from '../../../actors/graph/partition-client.js';
import type { UpsertMessage } from '../../../actors/graph/partition/index.js';
import type { FileTags, ParsePool } from '../../../actors/graph/parse/index.js';
import { partitionTree } from '../../../actors/graph/scan/index.js';

/** Three partitions (a/, b/, c/) of `per` files each, 10 bytes of text per file. */
function setup(per: number, o: { updateMs?: number; unreadable?: string } = {}) {
  const paths = ['a', 'b', 'c'].flatMap((d) => Array.from({ length: per }, (_, i) => `${d}/f${String(i).padStart(3, '0')}.txt`));
  const router = new GraphRouter(partitionTree(paths.map((path) => ({ path, size: 10 })), { files: per }));
  const log: string[] = [];
  const batches: string[][] = [];
  const upserts: { id: number; paths: string[] }[] = [];
  let parsing = 0;
  let maxPending = 0;
  let pendingBytes = 0;
  const pool = {
    parseBatch: async (_root: string, batch: readonly string[]): Promise<FileTags[]> => {
      parsing++;
      batches.push([...batch]);
      await new Promise((r) => setTimeout(r, 1));
      parsing--;
      log.push(`parsed ${batch[0]}`);
      return batch.map((path) => ({ path, language: null, bytes: 10, defs: [], refs: [], imports: [], ...(path === o.unreadable ? {} : { content: '0123456789' }) }));
    },
  } as unknown as ParsePool;
  const client = {
    update: async (id: number, m: UpsertMessage): Promise<number> => {
      pendingBytes += m.files.length * 10;
      maxPending = Math.max(maxPending, pendingBytes);
      upserts.push({ id, paths: m.files.map((f) => f.path) });
      log.push(`upsert ${id} (parsing ${parsing})`);
      await new Promise((r) => setTimeout(r, o.updateMs ?? 1));
      pendingBytes -= m.files.length * 10;
      return 1;
    },
  } as unknown as PartitionClient;
  const target: IndexerTarget = { pool, root: '/r', router, client, table: new FileTable(), problems: new Map(), concurrency: 2 };
  return { paths, router, target, log, upserts, batches, maxPending: () => maxPending };
}

describe('indexFiles()', () => {
  it('sends each partition its files in one upsert once the last one is parsed, and settles it after', async () => {
    const { paths, target, upserts } = setup(10);
    const settled: number[] = [];
    const stored: number[] = [];

    const outcome = await indexFiles(target, [...paths].reverse(), {
      parsed: () => {},
      stored: (n) => stored.push(n),
      settled: (id) => {
        assert.ok(upserts.some((u) => u.id === id), 'settled after its upsert');
        settled.push(id);
        return Promise.resolve();
      },
    }, { parseBatch: 3, parseBatchBytes: 1 << 20, upsertBytes: 1 << 20, pendingBytes: 1 << 20, upsertsInFlight: 2 });

    assert.deepEqual(upserts.map((u) => [u.id, u.paths.length]), [[0, 10], [1, 10], [2, 10]]);
    assert.deepEqual(upserts.flatMap((u) => u.paths), paths);
    assert.deepEqual(settled, [0, 1, 2]);
    assert.deepEqual(stored, [10, 10, 10]);
    assert.deepEqual([...outcome.touched], [0, 1, 2]);
    assert.equal(target.table.size, 30);
  });

  it('splits a partition at upsertBytes and keeps parsing while upserts are slow, within pendingBytes', async () => {
    const { paths, target, upserts, log, maxPending } = setup(20, { updateMs: 20 });

    await indexFiles(target, paths, { parsed: () => {}, stored: () => {} }, { parseBatch: 2, parseBatchBytes: 1 << 20, upsertBytes: 50, pendingBytes: 120, upsertsInFlight: 4 });

    assert.ok(upserts.every((u) => u.paths.length <= 5));
    assert.deepEqual(upserts.flatMap((u) => u.paths).sort(), paths);
    assert.ok(maxPending() <= 120 + 2 * 2 * 10, `pending stays bounded: ${maxPending()}`);
    assert.ok(log.some((l) => /^upsert .* \(parsing [12]\)$/.test(l)), 'parsing overlaps upserts');
  });

  it('bounds parse tasks in bytes where sizes are known, and parses every file once', async () => {
    const { paths, target, batches } = setup(6);
    // b/ holds big files: 400 bytes each against a 1,000-byte task bound.
    const sized = paths.map((path) => ({ path, size: path.startsWith('b/') ? 400 : 10 }));

    await indexFiles(target, sized, { parsed: () => {}, stored: () => {} }, { parseBatch: 4, parseBatchBytes: 1000, upsertBytes: 1 << 20, pendingBytes: 1 << 20, upsertsInFlight: 2 });

    assert.deepEqual(batches.flat().sort(), [...paths].sort());
    assert.deepEqual(batches.map((b) => b.length), [4, 4, 2, 4, 4]);
    assert.ok(batches.every((b) => b.filter((p) => p.startsWith('b/')).length <= 2), 'no task holds more than 1,000 bytes of b/');
  });

  it('runs less far ahead under memory pressure: a quarter of pendingBytes when critical', async () => {
    const run = async (pressure: 'normal' | 'critical') => {
      const { paths, target, maxPending } = setup(20, { updateMs: 20 });
      await indexFiles({ ...target, pressure: () => pressure }, paths, { parsed: () => {}, stored: () => {} }, { parseBatch: 2, parseBatchBytes: 1 << 20, upsertBytes: 50, pendingBytes: 160, upsertsInFlight: 4 });
      return maxPending();
    };
    const critical = await run('critical');
    assert.ok(critical <= 40 + 2 * 2 * 10, `critical: pending ${critical} within a quarter of 160 plus the batches in flight`);
    assert.ok((await run('normal')) > critical, 'normal pressure lets more wait');
  });

  it('reports unreadable files and still completes their partition', async () => {
    const { paths, target, upserts } = setup(3, { unreadable: 'b/f002.txt' });
    const settled: number[] = [];

    const outcome = await indexFiles(target, paths, { parsed: () => {}, stored: () => {}, settled: (id) => Promise.resolve(void settled.push(id)) });

    assert.deepEqual(outcome.unreadable, ['b/f002.txt']);
    assert.deepEqual(upserts.map((u) => u.paths.length), [3, 2, 3]);
    assert.deepEqual(settled.sort(), [0, 1, 2]);
  });

  it('rejects with the first failed upsert after the others were answered', async () => {
    const { paths, target } = setup(5);
    let calls = 0;
    (target.client as unknown as { update: () => Promise<number> }).update = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 1));
      throw new Error('boom');
    };

    await assert.rejects(indexFiles(target, paths, { parsed: () => {}, stored: () => {} }), /boom/);
    assert.ok(calls >= 1);
  });
});

describe('pendingBound()', () => {
  it('halves the bound at warning and quarters it at critical', () => {
    assert.deepEqual((['normal', 'warning', 'critical'] as const).map((p) => pendingBound(96, p)), [96, 48, 24]);
  });
});

describe('parseBatches()', () => {
  const f = (path: string, size: number) => ({ path, size });

  it('closes a batch at the file count or before the byte bound would be passed', () => {
    const files = [f('a', 300), f('b', 300), f('c', 300), f('d', 300), f('e', 1), f('f', 1), f('g', 1)];
    assert.deepEqual(parseBatches(files, { parseBatch: 3, parseBatchBytes: 700 }), [['a', 'b'], ['c', 'd', 'e'], ['f', 'g']]);
  });

  it('puts a file larger than the byte bound in a batch of its own', () => {
    assert.deepEqual(parseBatches([f('a', 1), f('big', 5000), f('c', 1)], { parseBatch: 32, parseBatchBytes: 1000 }), [['a'], ['big'], ['c']]);
  });

  it('batches by count alone when sizes are unknown (0)', () => {
    const files = Array.from({ length: 7 }, (_, i) => f(`p${i}`, 0));
    assert.deepEqual(parseBatches(files, { parseBatch: 3, parseBatchBytes: 1 }).map((b) => b.length), [3, 3, 1]);
    assert.deepEqual(parseBatches([], { parseBatch: 3, parseBatchBytes: 1 }), []);
  });
});
