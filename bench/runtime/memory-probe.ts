/**
 * Runs one memory measurement in a fresh process, so RSS is not inflated by earlier phases:
 *   node memory-probe.js floor WORKERS
 *   node memory-probe.js actors WORKERS COUNT BYTES BUDGET_MB
 * Prints one JSON object.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Supervisor } from '../../runtime/index.js';

const MB = 1024 * 1024;
const [mode = 'floor', workersArg = '2', countArg = '10000', bytesArg = '50000', budgetArg = '64'] = process.argv.slice(2);
const workers = Number(workersArg);
const dir = await mkdtemp(join(tmpdir(), 'tessera-probe-'));
const kinds = { blob: new URL('./blob-actor.js', import.meta.url) };

if (mode === 'floor') {
  const sup = await Supervisor.start({ kinds, snapshotDir: dir, workers, fsync: false });
  await sup.ask('blob/warm', { type: 'add', n: 1 });
  await sleep(500);
  const rss = process.memoryUsage().rss / MB;
  await sup.stop();
  process.stdout.write(JSON.stringify({ rss_mb: rss }) + '\n');
} else {
  const budgetMb = Number(budgetArg);
  const sup = await Supervisor.start({ kinds, snapshotDir: dir, workers, fsync: false, memoryBudgetBytes: budgetMb * MB, maintenanceIntervalMs: 200, activationsPerCheck: Number(process.env.APC ?? 256), ...(process.env.LIMITS ? { resourceLimits: { maxOldGenerationSizeMb: Number(process.env.LIMITS), maxYoungGenerationSizeMb: Number(process.env.YOUNG ?? 8) } } : {}) });
  let peak = 0;
  let atPeak = {};
  const sample = () => {
    const m = process.memoryUsage();
    if (m.rss > peak) {
      peak = m.rss;
      atPeak = { main_heap_total_mb: m.heapTotal / MB, main_external_mb: m.external / MB, workers_heap_mb: sup.stats().memory.usedBytes / MB };
    }
  };
  const sampler = setInterval(sample, 10);
  const t0 = performance.now();
  let next = 0;
  const count = Number(countArg);
  const lane = async () => {
    while (next < count) {
      const i = next++;
      await sup.ask(`blob/${i}`, { type: 'fill', bytes: Number(bytesArg) });
    }
  };
  await Promise.all(Array.from({ length: 16 }, lane));
  await sup.maintain();
  const seconds = (performance.now() - t0) / 1000;
  // Every actor still answers with its state after the evictions.
  let wrong = 0;
  for (let i = 0; i < count; i += Math.max(1, Math.floor(count / 200))) {
    const got = await sup.ask(`blob/${i}`, { type: 'get' }, { readOnly: true });
    if (got !== Math.ceil(Number(bytesArg) / 8)) wrong++;
  }
  clearInterval(sampler);
  sample();
  const stats = sup.stats();
  await sup.stop();
  process.stdout.write(JSON.stringify({ peak_rss_mb: peak / MB, seconds, evictions: stats.evictions, active: stats.actors.active, wrong, ...atPeak }) + '\n');
}
await rm(dir, { recursive: true, force: true });
