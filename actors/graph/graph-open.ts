/**
 * Building a graph: the steps of `CodeGraph.open`.
 *
 * Cold (no store, or its manifest unusable):
 *   scanTree (ignore files) ─▶ partitionTree (plan) ─▶ indexFiles (parse pool ─▶ partition actors)
 *     ─▶ as each partition receives its last file (while later ones are still parsed):
 *        checkpoint it (snapshot written, the supervisor's journal of upserts — file texts —
 *        dropped) and ask it for its summary ─▶ ready
 * Warm (`persist` and a usable manifest in the store):
 *   manifest ─▶ plan, versions, summaries, file table ─▶ workers started ─▶ ready; partitions
 *   activate from their snapshots on first use, and the caller re-reads the files whose size or
 *   modification time changed while no graph was running.
 *
 * @module
 */

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { kWarningRatio, Supervisor } from '../../runtime/index.js';
import type { ResolvedGraphOptions } from './code-graph-options.js';
import { FileTable } from './file-table.js';
import { indexFiles, type IndexerTarget } from './graph-indexer.js';
import { GraphRouter } from './graph-router.js';
import { createImportResolver, type ImportResolver } from './index/index.js';
import { PartitionClient } from './partition-client.js';
import { orderedFanOut } from './ordered-fan-out.js';
import { fromWireCounts, kNoCounts, NameFilter } from './partition/index.js';
import { ParsePool } from './parse/index.js';
import { partitionTree, scanTree, type ScanProblem, type ScannedFile } from './scan/index.js';
import { SnapshotSession } from './snapshot-session.js';
import { GraphStore, restoreFileTable, restoreRouter, type GraphManifest, type ManifestShape } from './store/index.js';

/**
 * Journal entries per partition before the runtime snapshots it (each upsert or remove is one).
 * A snapshot serializes the whole partition (tens of ms for a full one), so it must not follow
 * every save: at 2, every other save paid for one (save → query 10 ms, then 70–140 ms, on the
 * 1.5M-line corpus). The journal holds the upserted texts meanwhile; big batches are
 * checkpointed explicitly ({@link kCheckpointAfterBytes}), and the first index checkpoints each
 * partition as soon as it is complete.
 */
const kCheckpointEvery = 64;
/** Young generation of each partition worker, in MB (see where the supervisor starts). */
const kPartitionYoungGenerationMb = 4;

/** A batch that upserts more text than this into a partition is followed by its checkpoint. */
export const kCheckpointAfterBytes = 1 << 20;

// The kind module, next to this one in dist/: workers import it by URL.
const partitionKindUrl = new URL('./partition/partition-kind.js', import.meta.url);

/** Where the partition snapshots live: a throw-away session, or a persistent store. */
export type GraphStorage = { readonly kind: 'session'; readonly session: SnapshotSession } | { readonly kind: 'store'; readonly store: GraphStore };

/** Everything an open graph holds. */
export interface GraphParts extends IndexerTarget {
  readonly supervisor: Supervisor;
  readonly storage: GraphStorage;
  readonly resolver: ImportResolver;
  /** The options that shaped the index (a store made with others is rebuilt). */
  readonly shape: ManifestShape;
  /** Whether the graph came from a store (its files still to be compared with the tree). */
  readonly warm: boolean;
  readonly indexMs: number;
}

/** What the completion table's build takes, as a multiple of the counts and filters it reads. */
const kTableBuildFactor = 3;

/**
 * Opens a graph: from its store when `persist` is on and a usable manifest is there (files are
 * not read: the caller compares the tree with the table afterwards), else by scanning,
 * partitioning, parsing and indexing the tree.
 * @param o - resolved options
 * @param externalBytes - memory held for the graph outside the measured heaps (the watcher's), counted in the budget
 * @returns the running parts; on failure everything started is stopped and removed
 * @throws {TesseraError} ERR_GRAPH_SCAN_ROOT when the root cannot be scanned; the runtime's
 *   ERR_WORKER_START_FAILED when workers cannot start
 */
export async function openGraphParts(o: ResolvedGraphOptions, externalBytes?: () => number): Promise<GraphParts> {
  const started = performance.now();
  const shape: ManifestShape = { root: o.root, partitionFiles: o.partitionFiles, partitionBytes: o.partitionBytes, maxFileBytes: o.maxFileBytes };
  const { storage, manifest } = await openStorage(o, shape);
  const snapshotDir = storage.kind === 'store' ? storage.store.snapshotsDir : storage.session.dir;
  let supervisor: Supervisor | undefined;
  let pool: ParsePool | undefined;
  // Bytes the main thread is about to take that no measure has seen yet (the completion table's build).
  let reserved = 0;
  try {
    const problems = new Map<string, ScanProblem>(manifest?.problems.map((p) => [p.path, p]));
    const files = manifest === null ? await scanFiles(o, problems) : [];
    const plan = manifest?.plan ?? partitionTree(files, { files: o.partitionFiles, bytes: o.partitionBytes });
    const router = new GraphRouter(plan);
    if (manifest !== null) restoreRouter(router, manifest);
    supervisor = await Supervisor.start({
      kinds: { partition: partitionKindUrl },
      snapshotDir,
      workers: o.workers,
      checkpointEvery: o.checkpointEvery ?? kCheckpointEvery,
      // Snapshots are a cache of what the tree holds: a torn one is detected (CRC) and rebuilt.
      fsync: false,
      ...(o.memoryBudgetBytes === undefined ? {} : { memoryBudgetBytes: o.memoryBudgetBytes }),
      externalBytes: () => (externalBytes?.() ?? 0) + reserved,
      // The budget is the process's: parse threads, the main thread's tables and allocator
      // slack count, not only the partition workers' heaps.
      memoryScope: 'process',
      // The runtime's default young generation (8 MB) suits actors whose state churns; the
      // graph's partitions are long-lived and mostly idle, and with 8 MB a 3-file tree's idle
      // RSS was 102.4 MiB against about 95 with 4 (daemon bench, 2026-11-25).
      resourceLimits: { maxYoungGenerationSizeMb: kPartitionYoungGenerationMb },
    });
    pool = new ParsePool({ maxThreads: o.workers, maxFileBytes: o.maxFileBytes, withContent: true });
    const running = supervisor;
    const client = new PartitionClient(supervisor, router);
    const table = manifest === null ? new FileTable() : restoreFileTable(manifest.files);
    const target: IndexerTarget = { pool, root: o.root, router, client, table, problems, concurrency: 2 * o.workers, pressure: () => running.pressure };
    if (manifest === null) await indexTree(o, target, supervisor, files);
    // Built now rather than by the first `complete` (about 50 ms on a 1.5M-line tree). The build
    // briefly takes about three times the counts and filters it reads (the whole Linux kernel:
    // RSS +282 and +354 MB for 2.1 s from 114 MB of them, the process's peak): count that
    // against the budget first, so the supervisor evicts to make room for it.
    reserved = kTableBuildFactor * router.filterBytes;
    if (supervisor.stats().memory.usedBytes + reserved > kWarningRatio * supervisor.memoryBudgetBytes) await supervisor.maintain({ collect: true });
    router.completionTable();
    reserved = 0;
    const resolver = createImportResolver(await goModuleOf(o.root));
    return { ...target, supervisor, storage, resolver, shape, warm: manifest !== null, indexMs: performance.now() - started };
  } catch (err) {
    await Promise.allSettled([pool?.close(), supervisor?.stop()]);
    await (storage.kind === 'store' ? storage.store.release() : storage.session.remove());
    throw err;
  }
}

/** The persistent store when asked for and free, else a session of this process. */
async function openStorage(o: ResolvedGraphOptions, shape: ManifestShape): Promise<{ storage: GraphStorage; manifest: GraphManifest | null }> {
  if (o.persist) {
    const opening = await GraphStore.open(o.snapshotDir, shape, (id) => `partition/${id}`);
    if ('store' in opening) {
      if (opening.discarded !== undefined) o.onNotice({ code: 'store.discarded', message: `index store discarded (${opening.discarded}): indexing afresh` });
      return { storage: { kind: 'store', store: opening.store }, manifest: opening.manifest };
    }
    o.onNotice({ code: 'store.busy', message: `index store of ${o.root} is in use by process ${opening.heldBy}: this graph keeps its snapshots in a temporary session` });
  }
  return { storage: { kind: 'session', session: await SnapshotSession.create(o.snapshotDir) }, manifest: null };
}

/** Parses every file of a fresh scan into the partitions, checkpointing each as it completes. */
async function indexTree(o: ResolvedGraphOptions, target: IndexerTarget, supervisor: Supervisor, files: readonly ScannedFile[]): Promise<void> {
  const { router } = target;
  let parsed = 0;
  let stored = 0;
  const total = files.length;
  const settled = new Set<number>();
  const { touched } = await indexFiles(target, files, {
    parsed: (n) => o.onProgress({ phase: 'parse', done: (parsed += n), total }),
    stored: (n) => o.onProgress({ phase: 'index', done: (stored += n), total }),
    // As soon as a partition holds all its files (others are still being parsed): snapshot it
    // so the journal of upserts (file texts) can be dropped, without stopping it (the first
    // queries find it resident), and take its summary.
    settled: async (id) => {
      await supervisor.checkpoint(router.address(id));
      await refreshSummaries(target, [id], new Set([id]));
      settled.add(id);
    },
  });
  await Promise.all([...touched].filter((id) => !settled.has(id)).map((id) => supervisor.checkpoint(router.address(id))));
  await refreshSummaries(target, router.all().filter((id) => !settled.has(id)), touched);
}

/**
 * Asks partitions for their name filters. A partition that never received a file gets an empty
 * filter without being asked (asking would activate an empty actor for nothing).
 */
export async function refreshSummaries(target: IndexerTarget, ids: readonly number[], holding: ReadonlySet<number>): Promise<void> {
  const asked = ids.filter((id) => holding.has(id));
  for (const id of ids) if (!holding.has(id)) target.router.setSummary(id, NameFilter.build([]).toData(), kNoCounts, NameFilter.build([]).toData());
  await orderedFanOut(
    asked.length,
    target.concurrency,
    (i) => target.client.query(asked[i]!, 'summary', {}),
    (reply, i) => {
      target.router.setSummary(asked[i]!, reply.value.filter, fromWireCounts(reply.value.counts), reply.value.trigrams);
      return true;
    },
  );
}

/**
 * Scans the tree (stat only; files are read later, by the parse threads).
 * @param o - root, limits and the progress callback
 * @param problems - receives what the scan skipped with a reason
 * @returns every file to index
 */
export async function scanFiles(o: Pick<ResolvedGraphOptions, 'root' | 'maxFileBytes' | 'onProgress'>, problems: Map<string, ScanProblem>): Promise<ScannedFile[]> {
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
