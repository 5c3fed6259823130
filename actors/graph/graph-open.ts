/**
 * Building a graph from a tree: the steps of `CodeGraph.open`.
 *
 *   scanTree (ignore files) ─▶ partitionTree (plan) ─▶ indexFiles (parse pool ─▶ partition actors)
 *     ─▶ as each partition receives its last file (while later ones are still parsed):
 *        checkpoint it (snapshot written, the supervisor's journal of upserts dropped) and
 *        ask it for its summary ─▶ ready
 *
 * The eviction matters for memory: the runtime journals every upsert (file text included) until
 * the actor's next snapshot (every {@link kCheckpointEvery} messages), so without it a share of
 * the tree's text would stay on the main thread for as long as no further update comes. It costs
 * one snapshot write and read per partition (about 0.5 s of 9 s on a 24 MB tree); a runtime call
 * that checkpoints an actor on demand would make the round trip unnecessary.
 *
 * @module
 */

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Supervisor } from '../../runtime/index.js';
import type { ResolvedGraphOptions } from './code-graph-options.js';
import { FileTable } from './file-table.js';
import { indexFiles, type IndexerTarget } from './graph-indexer.js';
import { GraphRouter } from './graph-router.js';
import { createImportResolver, type ImportResolver } from './index/index.js';
import { PartitionClient } from './partition-client.js';
import { orderedFanOut } from './ordered-fan-out.js';
import { NameFilter } from './partition/index.js';
import { ParsePool } from './parse/index.js';
import { partitionTree, scanTree, type ScanProblem, type ScannedFile } from './scan/index.js';
import { SnapshotSession } from './snapshot-session.js';

/** Journal entries per partition before the runtime snapshots it (each upsert is one). */
const kCheckpointEvery = 2;

// The kind module, next to this one in dist/: workers import it by URL.
const partitionKindUrl = new URL('./partition/partition-kind.js', import.meta.url);

/** Everything an open graph holds. */
export interface GraphParts extends IndexerTarget {
  readonly supervisor: Supervisor;
  readonly session: SnapshotSession;
  readonly resolver: ImportResolver;
  readonly indexMs: number;
}

/**
 * Scans, partitions, parses and indexes a tree.
 * @param o - resolved options
 * @returns the running parts; on failure everything started is stopped and removed
 * @throws {TesseraError} ERR_GRAPH_SCAN_ROOT when the root cannot be scanned; the runtime's
 *   ERR_WORKER_START_FAILED when workers cannot start
 */
export async function openGraphParts(o: ResolvedGraphOptions): Promise<GraphParts> {
  const started = performance.now();
  const session = await SnapshotSession.create(o.snapshotDir);
  let supervisor: Supervisor | undefined;
  let pool: ParsePool | undefined;
  try {
    const problems = new Map<string, ScanProblem>();
    const files = await scanFiles(o, problems);
    const router = new GraphRouter(partitionTree(files, { files: o.partitionFiles, bytes: o.partitionBytes }));
    supervisor = await Supervisor.start({
      kinds: { partition: partitionKindUrl },
      snapshotDir: session.dir,
      workers: o.workers,
      checkpointEvery: kCheckpointEvery,
      // Snapshots are a cache of what the tree holds: a torn one is detected (CRC) and rebuilt.
      fsync: false,
      ...(o.memoryBudgetBytes === undefined ? {} : { memoryBudgetBytes: o.memoryBudgetBytes }),
    });
    pool = new ParsePool({ maxThreads: o.workers, maxFileBytes: o.maxFileBytes, withContent: true });
    const client = new PartitionClient(supervisor, router);
    const target: IndexerTarget = { pool, root: o.root, router, client, table: new FileTable(), problems, concurrency: 2 * o.workers };
    let parsed = 0;
    let stored = 0;
    const total = files.length;
    const settled = new Set<number>();
    const { touched } = await indexFiles(target, files.map((f) => f.path), {
      parsed: (n) => o.onProgress({ phase: 'parse', done: (parsed += n), total }),
      stored: (n) => o.onProgress({ phase: 'index', done: (stored += n), total }),
      // As soon as a partition holds all its files (others are still being parsed): snapshot it
      // so the journal of upserts (file texts) can be dropped, without stopping it (the first
      // queries find it resident), and take its summary.
      settled: async (id) => {
        await supervisor!.checkpoint(router.address(id));
        await refreshSummaries(target, [id], new Set([id]));
        settled.add(id);
      },
    });
    await Promise.all([...touched].filter((id) => !settled.has(id)).map((id) => supervisor!.checkpoint(router.address(id))));
    await refreshSummaries(target, router.all().filter((id) => !settled.has(id)), touched);
    // Built now rather than by the first `complete` (about 50 ms on a 1.5M-line tree).
    router.completionTable();
    const resolver = createImportResolver(await goModuleOf(o.root));
    return { ...target, supervisor, session, resolver, indexMs: performance.now() - started };
  } catch (err) {
    await Promise.allSettled([pool?.close(), supervisor?.stop()]);
    await session.remove();
    throw err;
  }
}

/**
 * Asks partitions for their name filters. A partition that never received a file gets an empty
 * filter without being asked (asking would activate an empty actor for nothing).
 */
export async function refreshSummaries(target: IndexerTarget, ids: readonly number[], holding: ReadonlySet<number>): Promise<void> {
  const asked = ids.filter((id) => holding.has(id));
  for (const id of ids) if (!holding.has(id)) target.router.setSummary(id, NameFilter.build([]).toData(), { names: [], defs: [], refs: [] });
  await orderedFanOut(
    asked.length,
    target.concurrency,
    (i) => target.client.query(asked[i]!, 'summary', {}),
    (reply, i) => {
      target.router.setSummary(asked[i]!, reply.value.filter, reply.value.counts);
      return true;
    },
  );
}

async function scanFiles(o: ResolvedGraphOptions, problems: Map<string, ScanProblem>): Promise<ScannedFile[]> {
  const scan = scanTree(o.root, { maxFileBytes: o.maxFileBytes });
  const files: ScannedFile[] = [];
  for await (const file of scan) {
    files.push(file);
    if (files.length % 512 === 0) o.onProgress({ phase: 'scan', done: files.length, total: files.length });
  }
  o.onProgress({ phase: 'scan', done: files.length, total: files.length });
  for (const p of scan.problems) problems.set(p.path, p);
  return files;
}

/** The module path of a Go module at the root (`module example.com/m` in go.mod), for import resolution. */
async function goModuleOf(root: string): Promise<{ goModule?: string }> {
  let text: string;
  try {
    text = await readFile(join(root, 'go.mod'), 'utf8');
  } catch {
    return {}; // no go.mod: not a Go module, the usual case
  }
  const name = /^\s*module\s+(\S+)/m.exec(text)?.[1];
  return name === undefined ? {} : { goModule: name.replace(/^"|"$/g, '') };
}
