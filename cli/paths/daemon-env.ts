/**
 * The environment a daemon process runs best in. glibc gives each thread that allocates its own
 * malloc arena and keeps what they free: after the first index (parse threads, partition
 * workers) an idle daemon on this repository held about 90 MB of such memory. Two arenas are
 * enough for a process whose big allocations are V8 heaps (measured on this repository, 2
 * workers, after one full collection: RSS 222 MB with the default, 146 MB with
 * `MALLOC_ARENA_MAX=2`). A value the user set is kept.
 * @param env - the environment the daemon would get
 * @returns the same, with `MALLOC_ARENA_MAX` set when it was not
 */
export function daemonEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return env['MALLOC_ARENA_MAX'] === undefined ? { ...env, MALLOC_ARENA_MAX: '2' } : env;
}
