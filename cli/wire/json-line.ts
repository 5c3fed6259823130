/**
 * JSON text of one message for the newline-delimited encoding, ending in `\n`. JSON has no
 * binary and no 64-bit integers, so `Uint8Array` values become base64 strings and a `bigint`
 * becomes a number when it is a safe integer, a decimal string otherwise.
 * @param message - a validated message (plain data)
 * @returns one line
 */
export function toJsonLine(message: unknown): string {
  return JSON.stringify(message, jsonSafe) + '\n';
}

function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value >= Number.MIN_SAFE_INTEGER && value <= Number.MAX_SAFE_INTEGER ? Number(value) : value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  return value;
}
