import { describeValue } from './describe-value.js';

/**
 * The values that cross the wire unchanged: the msgpack data model as JavaScript sees it.
 * Integers outside ±2^53 travel as `bigint` (within the int64/uint64 range).
 */
export type PlainData =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | readonly PlainData[]
  | { readonly [key: string]: PlainData };

/** Deepest nesting of arrays and maps a plain value may have; deeper values are refused both ways. */
export const kMaxPlainDataDepth = 100;

const kInt64Min = -(2n ** 63n);
const kUint64Max = 2n ** 64n - 1n;

/** Where a value stops being plain data, and what was found there. */
export interface NotPlainData {
  /** A path from the root, e.g. `msg.items[3].name`. */
  readonly path: string;
  /** What the value at `path` is, e.g. `Date` or `undefined`. */
  readonly got: string;
}

/**
 * True when `value` is plain data: null, boolean, number, bigint in the int64/uint64 range,
 * string, Uint8Array, or arrays and plain objects of those, nested at most
 * {@link kMaxPlainDataDepth} deep. Rejects `undefined`, Date, Map, Set, class instances,
 * other typed arrays and own keys named `__proto__` (msgpackr renames them when decoding).
 * @param value - the value to check
 * @returns whether the value survives a msgpack round trip unchanged
 */
export function isPlainData(value: unknown): value is PlainData {
  return plainAt(value, 0);
}

// The hot path: a boolean walk that allocates nothing. findNonPlainData redoes the walk with
// paths only once this one has failed.
function plainAt(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return true;
    case 'bigint':
      return value >= kInt64Min && value <= kUint64Max;
    case 'object':
      break;
    default:
      return false;
  }
  if (value === null) return true;
  if (depth >= kMaxPlainDataDepth) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!plainAt(value[i], depth + 1)) return false;
    return true;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) {
    for (const key in value) {
      if (key === '__proto__' || !plainAt((value as Record<string, unknown>)[key], depth + 1)) return false;
    }
    return true;
  }
  return value instanceof Uint8Array;
}

/**
 * Finds the first place where `value` is not plain data (see {@link isPlainData}).
 * @param value - the value to check
 * @param root - the name of the value, used as the start of the path
 * @returns the path and a description of the offending value, or undefined when all is plain
 */
export function findNonPlainData(value: unknown, root: string): NotPlainData | undefined {
  return findAt(value, root, 0);
}

function findAt(value: unknown, path: string, depth: number): NotPlainData | undefined {
  if (typeof value !== 'object' || value === null || value instanceof Uint8Array) {
    if (plainAt(value, depth)) return undefined;
    const range = typeof value === 'bigint' ? ' outside the int64/uint64 range' : '';
    return { path, got: describeValue(value) + range };
  }
  if (depth >= kMaxPlainDataDepth) return { path, got: `a value nested deeper than ${kMaxPlainDataDepth} levels` };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findAt(value[i], `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return { path, got: describeValue(value) };
  for (const key in value) {
    const at = keyPath(path, key);
    if (key === '__proto__') return { path: at, got: 'an own key named "__proto__"' };
    const found = findAt((value as Record<string, unknown>)[key], at, depth + 1);
    if (found) return found;
  }
  return undefined;
}

const kIdentifier = /^[A-Za-z_$][\w$]*$/;

function keyPath(path: string, key: string): string {
  return kIdentifier.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}
