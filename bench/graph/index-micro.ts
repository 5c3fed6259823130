/**
 * Micro-benchmark of the partition index on a real tree (default: the JavaScript/TypeScript in
 * `node_modules/typescript` and `node_modules/fast-check`): build time, memory per line of
 * source, and in-process latency of `def`, `refs`, `complete` and `search`.
 *
 * Run after `npm run build`:
 * `node --expose-gc -e "import('./dist/bench/graph/index-micro.js').then((m) => m.main())"`, or
 * `m.main(['node_modules'], 1 << 20)` for every package, skipping files over 1 MiB.
 *
 * @module
 */

import { performance } from 'node:perf_hooks';
import { PartitionIndex } from '../../actors/graph/index/index.js';
import type { BenchResult } from '../report.js';
import { quantile } from '../stats.js';
import { loadCorpus } from './index-micro-corpus.js';
import { seededRandom } from './seeded-random.js';

/** Options of {@link runIndexMicro}. */
export interface IndexMicroOptions {
  /** Paths are reported relative to this directory. */
  readonly base: string;
  /** Directories to index. */
  readonly roots: readonly string[];
  /** Files above this size are skipped (default: none). */
  readonly maxFileBytes?: number;
  /** Queries per kind (default 2000). */
  readonly queries?: number;
  /** Seed of the query sampler. */
  readonly seed?: number;
}

/** Heap plus ArrayBuffer bytes after full collections (needs --expose-gc; backing stores are freed lazily, hence the pauses). */
async function heapBytes(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Times `run` over the samples; returns microseconds. */
function time<T>(samples: readonly T[], run: (s: T) => unknown): number[] {
  for (const s of samples.slice(0, 50)) run(s);
  return samples.map((s) => {
    const t0 = performance.now();
    run(s);
    return (performance.now() - t0) * 1000;
  });
}

/** Builds the index in its own scope so the corpus objects can be collected afterwards. */
function buildIndex(opts: IndexMicroOptions): { index: PartitionIndex; stats: Record<string, number>; samples: Record<'defs' | 'refs' | 'prefixes' | 'needles', string[]> } {
  const corpus = loadCorpus(opts.base, opts.roots, opts.maxFileBytes);
  const t0 = performance.now();
  const index = PartitionIndex.build(corpus.files);
  const buildMs = performance.now() - t0;
  const defs = new Set<string>();
  const refs = new Set<string>();
  for (const f of corpus.files) {
    for (const d of f.defs) defs.add(d.name);
    for (const r of f.refs) refs.add(r.name);
  }
  const tags = corpus.files.reduce((n, f) => [n[0]! + f.defs.length, n[1]! + f.refs.length], [0, 0]);
  return {
    index,
    stats: { files: corpus.files.length, lines: corpus.lines, bytes: corpus.bytes, skipped: corpus.skipped, build_ms: buildMs, defs: tags[0]!, refs: tags[1]! },
    samples: sampleNames([...defs], [...refs], opts),
  };
}

/** Query inputs drawn from the corpus's names (copied, so the corpus can be collected). */
function sampleNames(defs: string[], refs: string[], opts: IndexMicroOptions): Record<'defs' | 'refs' | 'prefixes' | 'needles', string[]> {
  const n = opts.queries ?? 2000;
  const random = seededRandom(opts.seed ?? 42);
  // Regex captures are slices of whole files: copy them, or they keep the corpus alive.
  const pick = (list: readonly string[]): string => Buffer.from(list[Math.floor(random() * list.length)]!).toString();
  const selective = defs.filter((s) => s.length >= 8);
  return {
    defs: Array.from({ length: n }, () => pick(defs)),
    refs: Array.from({ length: n }, () => pick(refs)),
    prefixes: Array.from({ length: n }, () => pick(defs).slice(0, 1 + Math.floor(random() * 3))),
    needles: Array.from({ length: Math.min(n, 500) }, () => pick(selective)),
  };
}

/**
 * Runs the micro-benchmark.
 *
 * @param opts Corpus and sampling options.
 * @returns Table rows and a flat JSON object.
 */
export async function runIndexMicro(opts: IndexMicroOptions): Promise<BenchResult> {
  const before = await heapBytes();
  const { index, stats, samples } = buildIndex(opts);
  const heapDelta = (await heapBytes()) - before;
  const mem = index.memory();
  const { defs: defNames, refs: refNames, prefixes, needles } = samples;
  const us = {
    def: time(defNames, (s) => index.def(s, 100)),
    refs: time(refNames, (s) => index.refs(s, 100)),
    complete: time(prefixes, (s) => index.complete(s, 20)),
    search: time(needles, (s) => index.search({ patterns: [s], limit: 100 })),
    search_ci: time(needles, (s) => index.search({ patterns: [s], ignoreCase: true, limit: 100 })),
    search_regex: time(needles, (s) => index.search({ patterns: [`${s.slice(0, 4)}\\w*${s.slice(-3)}`], mode: 'regex', limit: 100 })),
    search_and: time(needles, (s) => index.search({ patterns: [s, 'return'], limit: 100 })),
  };
  const json: Record<string, unknown> = {
    ...stats,
    segments: index.segmentCount,
    index_bytes: mem.total,
    bytes_per_line: mem.total / stats.lines!,
    heap_bytes_per_line: heapDelta / stats.lines!,
    memory: mem,
  };
  for (const [k, v] of Object.entries(us)) {
    json[`${k}_p50_us`] = quantile(v, 0.5);
    json[`${k}_p99_us`] = quantile(v, 0.99);
  }
  const rows = Object.entries(json)
    .filter(([, v]) => typeof v === 'number')
    .map(([metric, value]) => ({ metric, value: value as number }));
  return { rows, json };
}

/**
 * Command-line entry: prints one JSON line.
 *
 * @param roots Directories to index (default: typescript and fast-check under node_modules).
 * @param maxFileBytes Skip files larger than this.
 */
export async function main(roots: readonly string[] = ['node_modules/typescript', 'node_modules/fast-check'], maxFileBytes?: number): Promise<void> {
  const result = await runIndexMicro({ base: process.cwd(), roots, ...(maxFileBytes === undefined ? {} : { maxFileBytes }) });
  process.stdout.write(`${JSON.stringify(result.json)}\n`);
}
