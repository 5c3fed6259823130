/**
 * CPU time per request of the daemon's threads and of the bench's own process, from
 * /proc/<pid>/task/<tid>/schedstat (nanoseconds on the CPU, Linux only): on a 2-core machine the
 * client, the daemon's main thread, its workers and V8's helper threads share the cores, so
 * latency follows CPU time per request.
 */
import { readdir, readFile } from 'node:fs/promises';

/** Microseconds of CPU per request: the daemon's main thread, its other threads, the bench process. */
export interface CpuPerRequest {
  readonly mainUs: number;
  readonly otherUs: number;
  readonly clientUs: number;
}

/** Nanoseconds on the CPU of each thread of `pid` (empty where /proc is not there). */
async function threadNs(pid: number): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const tids = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  for (const tid of tids) {
    const stat = await readFile(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').catch(() => undefined);
    if (stat !== undefined) out.set(tid, Number(stat.split(' ')[0]));
  }
  return out;
}

/**
 * Runs `work` (`n` requests) and divides the CPU time each side spent meanwhile by `n`.
 * @param pid - the daemon's process id (its main thread's id too)
 * @returns NaN figures where /proc is not there
 */
export async function cpuPerRequest<T>(pid: number, n: number, work: () => Promise<T>): Promise<{ value: T; cpu: CpuPerRequest }> {
  const before = await threadNs(pid);
  const client0 = process.cpuUsage();
  const value = await work();
  const client = process.cpuUsage(client0);
  const after = await threadNs(pid);
  let main = NaN;
  let other = after.size === 0 ? NaN : 0;
  for (const [tid, ns] of after) {
    // A thread started meanwhile counts from zero.
    const spent = ns - (before.get(tid) ?? 0);
    if (tid === String(pid)) main = spent;
    else other += spent;
  }
  return { value, cpu: { mainUs: main / n / 1000, otherUs: other / n / 1000, clientUs: (client.user + client.system) / n } };
}
