import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What {@link measureWatcher} reports. */
export interface WatcherFigures {
  /** Seconds from `start` to the initial watch being set up. */
  setup_s: number;
  /** Resident memory the watcher added, after forced collections, in MiB. */
  rss_mb: number;
  /** JS heap the watcher added, after forced collections, in MiB. */
  heap_mb: number;
  /** Directories watched (-1 when the implementation does not say). */
  dirs: number;
  /** CPU milliseconds the idle watcher used over `idleMs` (only when `idleMs` is given). */
  idle_cpu_ms?: number;
}

const childScript = fileURLToPath(new URL('./watcher-child.js', import.meta.url));

/**
 * Measures one watcher's setup time and memory in a fresh child process that does nothing else
 * (so the memory figures are the watcher's own).
 * @param root - the tree to watch
 * @param o - `impl`: `fs-watch` (default), `chokidar` (tuned), `chokidar-default`, `node-recursive`;
 *   `idleMs`: also measure the CPU the idle watcher uses over that long
 * @returns the child's figures
 * @throws Error when the child fails or prints no figures
 * @example
 * const { setup_s, rss_mb } = await measureWatcher('/repo');
 */
export async function measureWatcher(root: string, o: { impl?: string; idleMs?: number } = {}): Promise<WatcherFigures> {
  const impl = o.impl ?? 'fs-watch';
  const args = ['--expose-gc', childScript, root, impl, ...(o.idleMs === undefined ? [] : [String(o.idleMs)])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
  const code = await new Promise<number | null>((resolve, reject) => child.once('error', reject).once('close', resolve));
  const last = out.trim().split('\n').pop() ?? '';
  if (code !== 0 || !last.startsWith('{')) {
    throw new Error(`Cannot measure watcher "${impl}" on "${root}": child exited with ${code}: ${err.trim().split('\n').slice(-5).join('\n')}`);
  }
  const f = JSON.parse(last) as WatcherFigures;
  const figures: WatcherFigures = { setup_s: f.setup_s, rss_mb: f.rss_mb, heap_mb: f.heap_mb, dirs: f.dirs };
  if (f.idle_cpu_ms !== undefined) figures.idle_cpu_ms = f.idle_cpu_ms;
  return figures;
}
