import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeGraph, type CodeGraphOptions, type GraphEvent, type QueryResult } from '../../actors/index.js';

const places = (r: QueryResult): string[] => r.results.map((x) => `${x.file}:${x.line}`);

/** Every def and outline the tree's names and files have, as one comparable value. */
async function answers(graph: CodeGraph, names: readonly string[], files: readonly string[]): Promise<unknown> {
  const out: Record<string, unknown> = {};
  for (const n of names) out[`def ${n}`] = places(await graph.def(n));
  for (const f of files) out[`outline ${f}`] = places(await graph.outline(f));
  out['search'] = places(await graph.search('export function'));
  out['complete'] = (await graph.complete('fn')).results.map((r) => r.name);
  return out;
}

describe('partitions that drift from their target size', () => {
  let dir: string;
  let root: string;
  let options: CodeGraphOptions;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tessera-rebalance-'));
    root = join(dir, 'repo');
    await mkdir(join(root, 'src'), { recursive: true });
    await mkdir(join(root, 'lib'), { recursive: true });
    for (const f of ['lib/a.ts', 'src/a.ts', 'src/b.ts']) await writeFile(join(root, f), `export function fn_${f.replace(/\W/g, '_')}() {}\n`);
    options = { root, workers: 1, partitionFiles: 2, snapshotDir: join(dir, 'cache'), persist: true };
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('split when they grow past twice the target and merge when they shrink, answering as a fresh index', async () => {
    const graph = await CodeGraph.open(options);
    const events: GraphEvent[] = [];
    graph.on((e) => events.push(e));
    const files = ['lib/a.ts', 'src/a.ts', 'src/b.ts'];
    try {
      const before = graph.stats().partitions.total;
      const added = ['src/c.ts', 'src/d.ts', 'src/e.ts', 'src/f.ts', 'src/g.ts'];
      for (const f of added) await writeFile(join(root, f), `export function fn_${f.replace(/\W/g, '_')}() {}\n`);
      await graph.applyChanges({ upserted: added, removed: [] });
      files.push(...added);

      const splits = events.flatMap((e) => (e.type === 'partitions.rebalanced' ? e.split : []));
      assert.ok(splits.length >= 1, JSON.stringify(events.map((e) => e.type)));
      assert.ok(graph.stats().partitions.total > before);
      const rows = graph.partitions();
      assert.equal(rows.length, graph.stats().partitions.total);
      assert.equal(rows.reduce((n, r) => n + r.files, 0), graph.stats().files);
      assert.ok(rows.some((r) => r.id === splits[0]!.to && r.files === splits[0]!.files), JSON.stringify(rows));
      const names = files.map((f) => `fn_${f.replace(/\W/g, '_')}`);
      const fresh = await CodeGraph.open({ ...options, persist: false, snapshotDir: join(dir, 'fresh') });
      try {
        assert.deepEqual(await answers(graph, names, files), await answers(fresh, names, files));
      } finally {
        await fresh.close();
      }

      await Promise.all(added.map((f) => rm(join(root, f))));
      await graph.applyChanges({ upserted: [], removed: added });
      const merges = events.flatMap((e) => (e.type === 'partitions.rebalanced' ? e.merged : []));
      assert.ok(merges.length >= 1, JSON.stringify(events.filter((e) => e.type === 'partitions.rebalanced')));
      assert.deepEqual(places(await graph.def('fn_src_a_ts')), ['src/a.ts:1']);
      assert.deepEqual(places(await graph.def('fn_src_c_ts')), []);
    } finally {
      await graph.close();
    }
  });

  it('keeps the edited plan across a warm restart', async () => {
    const graph = await CodeGraph.open(options);
    try {
      assert.equal(graph.stats().start, 'warm');
      await graph.sync();
      assert.deepEqual(places(await graph.def('fn_src_b_ts')), ['src/b.ts:1']);
      assert.deepEqual(places(await graph.def('fn_lib_a_ts')), ['lib/a.ts:1']);
      assert.deepEqual((await graph.complete('fn_')).results.map((r) => r.name).sort(), ['fn_lib_a_ts', 'fn_src_a_ts', 'fn_src_b_ts']);
    } finally {
      await graph.close();
    }
  });
});
