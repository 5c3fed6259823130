/**
 * The scale benchmark: `npm run -s bench -- scale [--root PATH] [--memory-budget MB] [--sizes 1,2,4,8] [--json] [--quick]`.
 *
 *   corpus: the Linux kernel from Debian (default), the pinned npm corpus (--quick), or --root
 *     └▶ nested samples: 1/8 ⊂ 1/4 ⊂ 1/2 ⊂ all (files by hash of path, hard links)
 *          for each size:
 *            census (this process): lines, identifiers → sampled def names, selective patterns
 *            universal-ctags on the same files                                  → ctags_s
 *            child process: CodeGraph.open under the budget, settled (settle_s, wide_names,
 *                           wide_build_s), def, search vs rg → index_s,
 *                           rss_mb_peak (the child's whole-process high-water mark), def_p99_us,
 *                           search_p50_ms, rg_ms
 *     └▶ growth exponents: log-log slopes of index time and peak RSS against lines
 *
 * @module
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { daemonEnv } from '../../cli/paths/daemon-env.js';
import type { BenchArgs } from '../bench-args.js';
import { defaultCacheDir, ensureCorpus, kCorpusName } from '../corpus/ensure-corpus.js';
import { inspectTree } from '../corpus/tree-facts.js';
import { censusTree } from '../graph/corpus-census.js';
import { ctagsSelection, runCtags } from '../graph/ctags.js';
import { findPeerTool } from '../graph/peer-tools.js';
import { sampleQueries } from '../graph/query-sample.js';
import type { BenchResult } from '../report.js';
import { growthExponent } from './growth.js';
import { ensureKernelCorpus } from './kernel-corpus.js';
import { nestedSample } from './nested-subsets.js';
import type { ScaleChildConfig, ScaleChildResult } from './scale-child.js';
import { scaleBenchRows } from './scale-bench-rows.js';

const kMaxFileBytes = 1 << 20;
const kSeed = 42;
/** Sizes, in eighths of the corpus. */
export const kEighths = [1, 2, 4, 8] as const;
const childPath = fileURLToPath(new URL('./scale-child.js', import.meta.url));
const round = (v: number, digits = 2): number => +v.toFixed(digits);
const log = (line: string): void => void process.stderr.write(`${line}\n`);

interface Corpus {
  readonly name: string;
  readonly root: string;
  /** Identifies the content, so cached samples of another version are rebuilt. */
  readonly stamp: string;
}

function chooseCorpus(args: BenchArgs, cacheDir: string): Corpus {
  if (args.root !== undefined) return { name: 'root', root: args.root, stamp: `${args.root}@${Date.now()}` };
  if (args.quick) {
    const c = ensureCorpus({ cacheDir });
    return { name: kCorpusName, root: c.root, stamp: c.hash };
  }
  const k = ensureKernelCorpus(cacheDir, log);
  return { name: `linux-source-${k.version}`, root: k.root, stamp: k.version };
}

function runChild(config: ScaleChildConfig): ScaleChildResult {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-scale-'));
  try {
    const path = join(dir, 'config.json');
    writeFileSync(path, JSON.stringify(config));
    // The daemon's allocator settings (cli/paths/daemon-env.ts).
    const r = spawnSync(process.execPath, [childPath, path], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      env: daemonEnv(process.env),
      maxBuffer: 16 << 20,
    });
    const line = (r.stdout ?? '').trim().split('\n').pop() ?? '';
    if (r.status !== 0 || !line.startsWith('{')) throw new Error(`The scale bench's child failed on "${config.root}": exit ${r.status ?? r.signal}; ${r.error?.message ?? line}`);
    return JSON.parse(line) as ScaleChildResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs the scale benchmark.
 * @param args - `--root`, `--quick` (pinned npm corpus, fewer samples), `--memory-budget MB` (default 1024),
 *   `--sizes` (eighths of the tree; default 1,2,4,8)
 * @returns rows for the table and one flat JSON object, figures as arrays by size
 */
export async function runScaleBench(args: BenchArgs): Promise<BenchResult> {
  const q = args.quick;
  const budgetMb = args.memoryBudgetMb ?? 1024;
  const cacheDir = defaultCacheDir();
  const corpus = chooseCorpus(args, cacheDir);
  const ctags = findPeerTool('ctags');
  const rg = findPeerTool('rg');
  const by: Record<string, number[]> = {};
  const push = (key: string, v: number | null): void => void (by[key] ??= []).push(v === null ? NaN : round(v, 3));
  const samples: string[] = [];
  for (const eighths of args.sizes ?? kEighths) {
    const label = eighths === 8 ? 'all' : `${eighths}/8`;
    log(`scale: ${label} of ${corpus.name}: sampling`);
    const root = nestedSample(corpus.root, join(cacheDir, 'scale'), corpus.name, eighths, corpus.stamp);
    samples.push(root);
    const census = await censusTree(root, kMaxFileBytes);
    // 30 untimed def names, 300 timed right after open, 300 timed once warm: each p99 from
    // three samples; each query may load an evicted partition.
    const sample = sampleQueries(census.identifiers, 30 + 300 + 300, q ? 20 : 40, kSeed);
    census.identifiers.clear();
    let ctagsS: number | null = null;
    if (ctags.command !== null) {
      log(`scale: ${label}: universal-ctags`);
      ctagsS = runCtags(ctags.command, root, ctagsSelection(inspectTree(root), census)).seconds;
    }
    log(`scale: ${label}: Tessera (${census.files.length} files, ${census.lines} lines) under ${budgetMb} MiB`);
    const r = runChild({
      root,
      budgetMb,
      maxFileBytes: kMaxFileBytes,
      warm: sample.names.slice(0, 30),
      names: sample.names.slice(30, 330),
      steady: sample.names.slice(330),
      patterns: sample.selective,
      rg: rg.command,
      rgPatterns: q ? 5 : 10,
    });
    push('fraction', eighths / 8);
    push('files', r.files);
    push('lines', r.lines);
    push('bytes', r.bytes);
    push('index_s', r.index_s);
    push('ctags_s', ctagsS);
    push('rss_mb_peak', r.rss_mb_peak);
    push('rss_mb_peak_index', r.rss_mb_peak_index);
    push('partitions', r.partitions);
    push('evicted_after_index', r.evicted_after_index);
    push('def_p50_us', r.def_p50_us);
    push('def_p99_us', r.def_p99_us);
    push('def_answered', r.def_answered);
    push('def_p50_first_us', r.def_p50_first_us);
    push('def_p99_first_us', r.def_p99_first_us);
    push('settle_s', r.settle_s);
    push('wide_names', r.wide_names);
    push('wide_build_s', r.wide_build_s);
    push('search_p50_ms', r.search_p50_ms);
    push('rg_ms', r.rg_ms);
    push('rg_agreeing', r.rg_agreeing);
    push('rg_compared', r.rg_compared);
    log(`scale: ${label}: index ${r.index_s.toFixed(1)} s, settled ${r.settle_s.toFixed(1)} s later (${r.wide_names} widely defined names in ${r.wide_build_s.toFixed(1)} s), peak RSS ${r.rss_mb_peak.toFixed(0)} MiB, def p99 ${r.def_p99_us.toFixed(0)} µs (first after open ${r.def_p99_first_us.toFixed(0)} µs)`);
  }
  if (args.root !== undefined) for (const root of samples.slice(0, -1)) rmSync(join(root, '..'), { recursive: true, force: true });
  const lines = by['lines']!;
  const json: Record<string, unknown> = {
    corpus: corpus.name,
    root: corpus.root,
    memory_budget_mb: budgetMb,
    ...by,
    // One size has no slope.
    growth_exponent_index: lines.length < 2 ? null : round(growthExponent(lines, by['index_s']!), 3),
    growth_exponent_rss: lines.length < 2 ? null : round(growthExponent(lines, by['rss_mb_peak']!), 3),
    ctags_version: ctags.version,
    ctags_note: ctags.command === null ? ctags.note : `${ctags.note}; one process, single-threaded`,
    rg_version: rg.version,
    rg_note: rg.note,
    workers: availableParallelism(),
    machine_mem_gib: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    quick: q,
  };
  return { rows: scaleBenchRows(json), json };
}
