/**
 * The environment a daemon process runs best in: two glibc settings, each kept when the user set
 * it.
 *
 * - `MALLOC_ARENA_MAX=2`. glibc gives each thread that allocates its own malloc arena and keeps
 *   what they free: after the first index (parse threads, partition workers) an idle daemon on
 *   this repository held about 90 MB of such memory (measured, 2 workers, after one full
 *   collection: RSS 222 MB with the default, 146 MB with two arenas).
 * - `MALLOC_MMAP_THRESHOLD_=131072`. Node allocates ArrayBuffers (file reads, msgpack frames,
 *   partition snapshots in transit) with malloc. glibc raises its mmap threshold each time a
 *   large block is freed, up to 32 MiB, after which such buffers come from the heap and their
 *   memory is rarely returned. A fixed threshold keeps every block of 128 KiB or more in its
 *   own mapping, given back on free: on a quarter of the Linux kernel, RSS a few seconds after
 *   the first index went from 1,005 MB (316 MB of it in the brk heap) to 425–504 MB.
 * @param env - the environment the daemon would get
 * @returns a copy with the settings the user left unset
 */
export function daemonEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072', ...env };
}
