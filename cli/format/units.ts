/**
 * Bytes in binary units with one decimal: `512 B`, `1.5 KiB`, `82.1 MiB`.
 * @param bytes - a byte count
 */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/**
 * A duration the way people read it: `340 ms`, `4.2 s`, `3m 12s`, `2h 05m`, `3d 04h`.
 * @param ms - milliseconds
 */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.floor(ms / 1000);
  const two = (n: number): string => String(n).padStart(2, '0');
  if (s < 3600) return `${Math.floor(s / 60)}m ${two(s % 60)}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${two(Math.floor(s / 60) % 60)}m`;
  return `${Math.floor(s / 86_400)}d ${two(Math.floor(s / 3600) % 24)}h`;
}

/**
 * Milliseconds with precision that suits their size: `0.042 ms`, `1.25 ms`, `310 ms`; `-` for null.
 * @param ms - milliseconds, or null when there is no figure
 */
export function formatMs(ms: number | null): string {
  if (ms === null) return '-';
  if (ms < 1) return `${ms.toFixed(3)} ms`;
  if (ms < 100) return `${ms.toFixed(2)} ms`;
  return `${Math.round(ms)} ms`;
}

/**
 * A count with its noun, plural unless the count is 1: `1 file`, `3 files`.
 * @param n - the count
 * @param noun - the singular noun (plural adds `s`)
 */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
