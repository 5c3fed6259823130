/**
 * Prints the watcher measurements of docs/watching.md: each implementation on the bench corpus
 * and on a synthetic 15k-file / 9k-directory tree, `runs` times each (the median is kept), with
 * the CPU each uses while idle for 2 s.
 *
 * With `--latency`, it then times save-to-batch latency on the synthetic tree for the two
 * TreeWatcher implementations instead.
 *
 * Usage: node dist/bench/watcher/watcher-table.js [--root PATH] [--runs N] [--impl a,b] [--latency]
 * @module
 */

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureCorpus } from '../corpus/ensure-corpus.js';
import { measureWatcher, type WatcherFigures } from './measure-watcher.js';
import { measureLatency } from './watcher-latency.js';
import { makeSyntheticTree } from './synthetic-tree.js';

const { values } = parseArgs({ options: { root: { type: 'string', multiple: true }, runs: { type: 'string' }, impl: { type: 'string' }, latency: { type: 'boolean' } } });
const runs = Number(values.runs ?? '3');
const impls = (values.impl ?? 'fs-watch,chokidar,chokidar-default,node-recursive').split(',');
const roots = values.root ?? [ensureCorpus().root, makeSyntheticTree(join(tmpdir(), 'tessera-watch-15k'))];

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (values.latency === true) {
  const root = makeSyntheticTree(join(tmpdir(), 'tessera-watch-15k'));
  for (const impl of ['fs-watch', 'chokidar'] as const) process.stdout.write(`${JSON.stringify({ root, impl, ...(await measureLatency(root, 'd0', { impl })) })}\n`);
  process.exit(0);
}

for (const root of roots) {
  for (const impl of impls) {
    const all: WatcherFigures[] = [];
    for (let i = 0; i < runs; i++) all.push(await measureWatcher(root, { impl, idleMs: 2000 }));
    const pick = (key: 'setup_s' | 'rss_mb' | 'heap_mb' | 'idle_cpu_ms'): number => median(all.map((f) => f[key] ?? 0));
    const row = { root, impl, runs, setup_s: pick('setup_s'), rss_mb: pick('rss_mb'), heap_mb: pick('heap_mb'), idle_cpu_ms_per_2s: pick('idle_cpu_ms'), dirs: all[0]!.dirs };
    process.stdout.write(`${JSON.stringify(row)}\n`);
  }
}
