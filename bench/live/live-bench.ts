/**
 * The live-update benchmark: `npm run -s bench -- live [--root PATH] [--json] [--quick]`.
 *
 *   corpus (pinned npm packages, or --root) ─▶ the watcher alone in a child process (setup, RSS)
 *     ─▶ cold open (persist + watch; first query answered)
 *     ─▶ saves: write a file with a new symbol, time until `def` finds it (p50, p99)
 *     ─▶ burst: 1,000 new files at once, time until every one's symbol is found
 *     ─▶ close (snapshots + manifest) ─▶ 10 files changed while closed
 *     ─▶ warm open: first query answered (ready), every change applied (full)
 *
 * Files are written under a scratch directory inside the root, removed at the end; the store
 * lives in a temporary directory. Everything but the watcher runs in this process, so a start
 * time is `CodeGraph.open` plus the first query, not the process start.
 *
 * @module
 */

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodeGraph, type CodeGraphOptions } from '../../actors/index.js';
import type { BenchArgs } from '../bench-args.js';
import { ensureCorpus, kCorpusName } from '../corpus/ensure-corpus.js';
import type { BenchResult } from '../report.js';
import { median, quantile } from '../stats.js';
import { measureWatcher } from '../watcher/measure-watcher.js';
import { liveBenchRows } from './live-bench-rows.js';
import { untilFound } from './until-found.js';

const kMaxFileBytes = 1 << 20;
const round = (v: number, digits = 2): number => +v.toFixed(digits);

function progress(line: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${line}`);
}

/**
 * Runs the live benchmark.
 * @param args - `--root` (default: the pinned npm corpus), `--quick` (fewer saves)
 * @returns the table rows and the JSON keys of issue 5
 */
export async function runLiveBench(args: BenchArgs): Promise<BenchResult> {
  const corpus = args.root === undefined ? ensureCorpus() : null;
  const root = args.root ?? corpus!.root;
  const saves = args.quick ? 20 : 100;
  const scratch = join(root, `tessera-live-bench-${process.pid}`);
  const cache = await mkdtemp(join(tmpdir(), 'tessera-live-bench-'));
  const options: CodeGraphOptions = { root, persist: true, watch: true, snapshotDir: cache, maxFileBytes: kMaxFileBytes };
  try {
    progress('watcher alone');
    const watcher = await measureWatcher(root);
    const chokidar = await measureWatcher(root, { impl: 'chokidar' });

    progress('cold open');
    let t0 = performance.now();
    let graph = await CodeGraph.open({ ...options, onProgress: (p) => progress(`cold open: ${p.phase} ${p.done}/${p.total}`) });
    await graph.def('main');
    const coldS = (performance.now() - t0) / 1000;
    const files = graph.stats().files;
    const lines = graph.stats().lines;
    await mkdir(join(scratch, 'burst'), { recursive: true });

    // Saves, one at a time, as an editor makes them: ten files rewritten in turn (the first
    // round creates them), each with a symbol no file had before.
    const saveMs: number[] = [];
    for (let i = 0; i < saves; i++) {
      progress(`save ${i + 1}/${saves}`);
      const name = `liveBenchSave${i}_${process.pid}`;
      const started = performance.now();
      await writeFile(join(scratch, `save-${i % 10}.ts`), `export function ${name}(x: number): number {\n  return x + ${i};\n}\n`);
      await untilFound(graph, [name], 10_000);
      saveMs.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 20));
    }

    progress('burst of 1,000 files');
    const burstNames = Array.from({ length: 1000 }, (_, i) => `liveBenchBurst${i}_${process.pid}`);
    t0 = performance.now();
    await Promise.all(burstNames.map((name, i) => writeFile(join(scratch, 'burst', `b${i}.ts`), `export const ${name} = ${i};\n`)));
    await untilFound(graph, burstNames, 120_000);
    const burstS = (performance.now() - t0) / 1000;

    progress('close');
    t0 = performance.now();
    await graph.close();
    const closeS = (performance.now() - t0) / 1000;
    const changedNames = Array.from({ length: 10 }, (_, i) => `liveBenchOffline${i}_${process.pid}`);
    await Promise.all(changedNames.map((name, i) => writeFile(join(scratch, `save-${i}.ts`), `export function ${name}() {}\n`)));

    progress('warm open');
    t0 = performance.now();
    graph = await CodeGraph.open(options);
    await graph.def('main');
    const warmReadyS = (performance.now() - t0) / 1000;
    const warm = graph.stats().start === 'warm';
    await graph.sync();
    const warmFullS = (performance.now() - t0) / 1000;
    const offlineFound = (await Promise.all(changedNames.map((n) => graph.def(n)))).filter((r) => r.results.length > 0).length;
    await graph.close();
    progress('');

    const figures = {
      corpus: corpus === null ? 'root' : kCorpusName,
      root,
      cores: availableParallelism(),
      files,
      lines,
      saves,
      save_to_query_p50_ms: round(median(saveMs)),
      save_to_query_p99_ms: round(quantile(saveMs, 0.99)),
      save_to_query_max_ms: round(Math.max(...saveMs)),
      burst_1000_files_s: round(burstS, 3),
      cold_start_s: round(coldS, 3),
      warm_start_ready_s: round(warmReadyS, 3),
      warm_start_full_s: round(warmFullS, 3),
      warm_vs_cold: round(coldS / warmReadyS, 1),
      warm_start_was_warm: warm,
      offline_changes_found: offlineFound,
      close_s: round(closeS, 3),
      watcher_impl: 'fs-watch',
      watcher_setup_s: round(watcher.setup_s, 3),
      watcher_rss_mb: round(watcher.rss_mb, 1),
      watcher_heap_mb: round(watcher.heap_mb, 1),
      watched_dirs: watcher.dirs,
      chokidar_setup_s: round(chokidar.setup_s, 3),
      chokidar_rss_mb: round(chokidar.rss_mb, 1),
    };
    return { rows: liveBenchRows(figures), json: figures };
  } finally {
    await rm(scratch, { recursive: true, force: true });
    await rm(cache, { recursive: true, force: true });
  }
}
