/**
 * XState's persisted snapshots hold `undefined` fields (`output`, `error`) that msgpack cannot
 * carry faithfully. Persisted state is data, so drop them: a missing field restores the same.
 * Arrays keep their length (an undefined element becomes null).
 */
export function stripUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : stripUndefined(v)));
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = stripUndefined(v);
  return out;
}
