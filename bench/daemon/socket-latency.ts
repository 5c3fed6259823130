/**
 * Latency over the socket with the msgpack client: ping round trips, `def` with distinct names
 * (no cache hits: first after start, then steady) and with one name (cached), and 100 concurrent clients × 100 requests.
 */
import { DaemonClient } from '../../cli/client/daemon-client.js';
import { quantile } from '../stats.js';
import { cpuPerRequest, type CpuPerRequest } from './thread-cpu.js';

/** Microseconds each sequential call of `fn` took, after `warmup` untimed calls. */
async function timeEach(n: number, warmup: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await fn(i);
    out[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  return out;
}

/** p50 and p99 of ping round trips, in µs. */
export async function pingRtt(client: DaemonClient, n: number): Promise<{ p50: number; p99: number }> {
  const samples = await timeEach(n, 2_000, () => client.ping());
  return { p50: quantile(samples, 0.5), p99: quantile(samples, 0.99) };
}

/** Up to `max` distinct symbol names of the tree, through the `complete` query. */
export async function symbolNames(client: DaemonClient, max: number): Promise<string[]> {
  const answer = await client.query('complete', { prefix: '', limit: max });
  return [...new Set(answer.results.map((r) => r.name).filter((n): n is string => typeof n === 'string' && n !== ''))];
}

/**
 * Untimed `def`s between the first and the steady set: the daemon's query path is still being
 * compiled through the first thousand or two (measured 2026-11-25 on this repository: p99 1.3,
 * 2.0, then 0.31 ms over three rounds of 1,209 names).
 */
const kWarmUpQueries = 2_000;

/**
 * `def` latency in µs: each name once (uncached) — `first`, the first queries the daemon
 * answers, then `steady`, after {@link kWarmUpQueries} untimed ones (the first names again,
 * each with another limit: the same work, no cache hits) — and one name repeated (cached); and
 * the CPU each side spent per steady request (daemon `pid`).
 */
export async function defLatency(
  client: DaemonClient,
  pid: number,
  first: readonly string[],
  steady: readonly string[],
): Promise<{ p50: number; p99: number; firstP99: number; cachedP99: number; steadyCpu: CpuPerRequest }> {
  const uncached = (names: readonly string[]) => timeEach(names.length, 0, (i) => client.query('def', { name: names[i]! }));
  const firstUs = await uncached(first);
  for (let i = 0; i < kWarmUpQueries && first.length > 0; i++) await client.query('def', { name: first[i % first.length]!, limit: 101 + Math.floor(i / first.length) });
  const { value: steadyUs, cpu: steadyCpu } = await cpuPerRequest(pid, steady.length, () => uncached(steady));
  const cached = await timeEach(2_000, 200, () => client.query('def', { name: steady[0]! }));
  return { p50: quantile(steadyUs, 0.5), p99: quantile(steadyUs, 0.99), firstP99: quantile(firstUs, 0.99), cachedP99: quantile(cached, 0.99), steadyCpu };
}

/**
 * `clients` connections at once, each asking `perClient` `def`s in turn, every answer checked
 * against the one a single client got first.
 * @returns the wall time in seconds and how many answers differed
 */
export async function manyClients(socketPath: string, names: readonly string[], clients: number, perClient: number): Promise<{ seconds: number; wrong: number }> {
  const probe = await DaemonClient.connect({ socketPath });
  const expected = new Map<string, string>();
  for (const name of names) expected.set(name, JSON.stringify((await probe.query('def', { name })).results));
  await probe.close();
  const t0 = performance.now();
  let wrong = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      const client = await DaemonClient.connect({ socketPath });
      for (let i = 0; i < perClient; i++) {
        const name = names[(c * perClient + i) % names.length]!;
        const got = JSON.stringify((await client.query('def', { name })).results);
        if (got !== expected.get(name)) wrong++;
      }
      await client.close();
    }),
  );
  return { seconds: (performance.now() - t0) / 1000, wrong };
}
