/**
 * Child process of {@link measureWatcher}: starts one watcher on a root, waits until it is set
 * up, forces a collection and prints one JSON line with its setup time and memory deltas. Runs
 * with `--expose-gc`, alone in its process, so the deltas are the watcher's own.
 *
 * Usage: node --expose-gc dist/bench/watcher/watcher-child.js ROOT IMPL [IDLE_MS]
 *   IMPL: fs-watch | chokidar (tuned, through TreeWatcher) | chokidar-default (chokidar's own
 *   defaults, no ignore rules) | node-recursive (Node's `fs.watch(root, { recursive: true })`)
 *   IDLE_MS: when given, also the CPU time the idle watcher used over that many milliseconds
 * @module
 */

import { watch as fsWatch } from 'node:fs';
import { watch as chokidarWatch } from 'chokidar';
import { TreeWatcher } from '../../actors/graph/watch/index.js';

interface Started {
  dirs: number;
  close(): Promise<void> | void;
}

const gc = (globalThis as { gc?: () => void }).gc;

function settle(): NodeJS.MemoryUsage {
  for (let i = 0; i < 3; i++) gc?.();
  return process.memoryUsage();
}

async function startImpl(root: string, impl: string): Promise<Started> {
  switch (impl) {
    case 'fs-watch':
    case 'chokidar': {
      const w = await TreeWatcher.start(root, { impl, onBatch: () => undefined });
      return { dirs: w.stats().dirs, close: () => w.close() };
    }
    case 'chokidar-default': {
      const fsw = chokidarWatch(root);
      await new Promise<void>((resolve) => fsw.once('ready', resolve));
      return { dirs: Object.keys(fsw.getWatched()).length - 1, close: () => fsw.close() };
    }
    case 'node-recursive': {
      const w = fsWatch(root, { recursive: true });
      return { dirs: -1, close: () => w.close() };
    }
    default:
      throw new RangeError(`Cannot measure watcher "${impl}": expected fs-watch, chokidar, chokidar-default or node-recursive`);
  }
}

async function main(): Promise<void> {
  const [root, impl = 'fs-watch', idleArg] = process.argv.slice(2);
  if (root === undefined) throw new TypeError('Cannot measure a watcher: usage: watcher-child.js ROOT IMPL');
  if (gc === undefined) throw new TypeError('Cannot measure a watcher: run node with --expose-gc');
  const before = settle();
  const t0 = performance.now();
  const started = await startImpl(root, impl);
  const setup_s = (performance.now() - t0) / 1000;
  // Let the event loop drain what setup queued (chokidar's throttles, initial events).
  await new Promise((resolve) => setTimeout(resolve, 200));
  const after = settle();
  const mb = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;
  const figures: Record<string, unknown> = { impl, setup_s: Math.round(setup_s * 1000) / 1000, rss_mb: mb(after.rss - before.rss), heap_mb: mb(after.heapUsed - before.heapUsed), dirs: started.dirs };
  if (idleArg !== undefined) {
    const cpu0 = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, Number(idleArg)));
    const cpu = process.cpuUsage(cpu0);
    figures['idle_cpu_ms'] = Math.round((cpu.user + cpu.system) / 100) / 10;
  }
  await started.close();
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  process.exit(0);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
