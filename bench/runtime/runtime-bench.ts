/**
 * Runtime benchmark: pipelined asks through the supervisor (1 and 2 workers) against the same
 * actors behind plain postMessage request/reply, activation from snapshots, and RSS of 10,000
 * actors under a small memory budget.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Supervisor } from '../../runtime/index.js';
import type { BenchArgs } from '../bench-args.js';
import type { BenchResult } from '../report.js';
import { median } from '../stats.js';

const kinds = { blob: new URL('./blob-actor.js', import.meta.url) };
const MB = 1024 * 1024;

async function withSupervisor<T>(options: { workers: number; memoryBudgetBytes?: number }, run: (sup: Supervisor) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'tessera-bench-'));
  const sup = await Supervisor.start({ kinds, snapshotDir: dir, fsync: false, ...options });
  try {
    return await run(sup);
  } finally {
    await sup.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Keeps `window` asks in flight over `actors` actors until `total` have been answered. */
async function pipelined(ask: (actor: string, i: number) => Promise<unknown>, total: number, window: number, actors: number): Promise<number> {
  let sent = 0;
  const t0 = performance.now();
  const lane = async () => {
    while (sent < total) {
      const i = sent++;
      await ask(`blob/${i % actors}`, i);
    }
  };
  await Promise.all(Array.from({ length: window }, lane));
  return total / ((performance.now() - t0) / 1000);
}

async function supervisorAsks(workers: number, total: number): Promise<number> {
  return withSupervisor({ workers }, async (sup) => {
    await pipelined((a) => sup.ask(a, { type: 'add', n: 1 }), 2000, 64, 64); // warm-up, activates all
    return pipelined((a) => sup.ask(a, { type: 'add', n: 1 }), total, 256, 64);
  });
}

async function postMessageAsks(workers: number, total: number): Promise<number> {
  const pool = Array.from({ length: workers }, () => new Worker(new URL('./pm-worker.js', import.meta.url)));
  const pending = new Map<number, (v: unknown) => void>();
  for (const w of pool) w.on('message', (m: { id: number; value: unknown }) => pending.get(m.id)?.(m.value));
  let nextId = 0;
  const ask = (actor: string) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, (v) => {
        pending.delete(id);
        resolve(v);
      });
      // Same routing as the supervisor would do: an actor lives on one worker.
      pool[Number(actor.slice(5)) % workers]!.postMessage({ id, actor, msg: { type: 'add', n: 1 } });
    });
  try {
    await pipelined(ask, 2000, 64, 64);
    return await pipelined(ask, total, 256, 64);
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

/** µs to answer the first ask to an evicted actor of `bytes` state (activation from disk). */
async function activationUs(bytes: number, rounds: number): Promise<number> {
  return withSupervisor({ workers: 1 }, async (sup) => {
    const samples: number[] = [];
    await sup.ask('blob/a', { type: 'fill', bytes });
    for (let i = 0; i < rounds; i++) {
      await sup.evict('blob/a');
      const t0 = performance.now();
      await sup.ask('blob/a', { type: 'get' }, { readOnly: true });
      samples.push((performance.now() - t0) * 1000);
    }
    return median(samples);
  });
}

/** Runs bench/runtime/memory-probe.js in a fresh process and returns its JSON. */
function probe(args: string[]): Promise<Record<string, number>> {
  const script = fileURLToPath(new URL('./memory-probe.js', import.meta.url));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [script, ...args], { maxBuffer: 1 << 20 }, (err, stdout) => {
      if (err) reject(new Error(`Memory probe ${args.join(" ")} failed: ${err.message}`));
      else resolve(JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, number>);
    });
  });
}

/** Runs the runtime benchmark. */
export async function runRuntimeBench(args: BenchArgs): Promise<BenchResult> {
  const q = args.quick;
  const total = q ? 20_000 : 200_000;
  const trials = q ? 1 : 3;
  const one: number[] = [];
  const two: number[] = [];
  const pm: number[] = [];
  const pm1: number[] = [];
  for (let t = 0; t < trials; t++) {
    one.push(await supervisorAsks(1, total));
    two.push(await supervisorAsks(2, total));
    pm1.push(await postMessageAsks(1, total));
    pm.push(await postMessageAsks(2, total));
  }
  const activationSmall = await activationUs(64, q ? 20 : 100);
  const activation1mb = await activationUs(MB, q ? 10 : 40);
  // Memory in fresh processes: the node floor (2 idle workers, one tiny actor), then 10,000
  // actors of 50 KB (500 MB of state) under a 64 MB budget.
  const floor = (await probe(['floor', '2'])).rss_mb!;
  const budgetMb = 64;
  const count = q ? 2000 : 10_000;
  const many = await probe(['actors', '2', String(count), '50000', String(budgetMb)]);
  if (many.wrong !== 0) throw new Error(`${many.wrong} actors answered wrongly after eviction`);
  const json = {
    asks_per_s_1_worker: Math.round(median(one)),
    asks_per_s_2_workers: Math.round(median(two)),
    postmessage_asks_per_s: Math.round(median(pm)),
    postmessage_asks_per_s_1_worker: Math.round(median(pm1)),
    activation_us_small: Math.round(median([activationSmall])),
    activation_us_1mb: Math.round(activation1mb),
    actors_10k_rss_mb: Math.round(many.peak_rss_mb!),
    budget_mb: budgetMb,
    node_floor_rss_mb: Math.round(floor),
    actors_10k_count: count,
    actors_10k_evictions: many.evictions,
    actors_10k_s: +many.seconds!.toFixed(2),
    trials,
  };
  const ratio = +(json.asks_per_s_2_workers / json.postmessage_asks_per_s).toFixed(2);
  const rows = [
    { metric: 'asks/s, 1 worker', value: json.asks_per_s_1_worker, peer: json.postmessage_asks_per_s_1_worker, ratio: +(json.asks_per_s_1_worker / json.postmessage_asks_per_s_1_worker).toFixed(2) },
    { metric: 'asks/s, 2 workers', value: json.asks_per_s_2_workers, peer: json.postmessage_asks_per_s, ratio, target: '>= 2x postMessage', met: ratio >= 2 },
    { metric: 'activation, small state', value: json.activation_us_small, unit: 'µs' },
    { metric: 'activation, 1 MB state', value: json.activation_us_1mb, unit: 'µs' },
    {
      metric: '10k actors x 50 KB, peak RSS',
      value: json.actors_10k_rss_mb,
      unit: 'MB',
      peer: `floor ${json.node_floor_rss_mb} + budget ${budgetMb}`,
      target: '<= floor + budget',
      met: json.actors_10k_rss_mb <= json.node_floor_rss_mb + budgetMb,
    },
  ];
  return { rows, json };
}
