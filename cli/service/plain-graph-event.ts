/** Paths listed per event at most; the counts stay exact. */
export const kEventPathLimit = 1000;

/**
 * A graph event as plain data for the socket: path lists are cut to {@link kEventPathLimit}
 * (a branch switch can touch many thousands of files) with their full counts beside them.
 * @param event - an event from `graph.on()`
 * @returns an object safe to put in an `event` message
 */
export function plainGraphEvent(event: { readonly type: string; readonly [field: string]: unknown }): Record<string, unknown> {
  const out: Record<string, unknown> = { ...event };
  for (const key of ['indexed', 'removed'] as const) {
    const list = out[key];
    if (!Array.isArray(list)) continue;
    out[`${key}Count`] = list.length;
    if (list.length > kEventPathLimit) out[key] = list.slice(0, kEventPathLimit);
  }
  if (typeof out.took_ms === 'number') out.took_ms = Math.round(out.took_ms * 1000) / 1000;
  return out;
}
