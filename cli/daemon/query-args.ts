import { describeValue, tesseraError } from '../../protocol/index.js';
import { kQueryOps, type QueryOp, type QueryRequest } from '../service/query-service.js';

/** The largest `limit` (and `tokens`) a query may ask for. */
export const kMaxQueryLimit = 100_000;

interface ArgCheck {
  readonly expected: string;
  readonly ok: (value: unknown) => boolean;
}

const text: ArgCheck = { expected: 'a non-empty string', ok: (v) => typeof v === 'string' && v.length > 0 };
const anyText: ArgCheck = { expected: 'a string', ok: (v) => typeof v === 'string' };
const count: ArgCheck = {
  expected: `an integer from 1 to ${kMaxQueryLimit}`,
  ok: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= kMaxQueryLimit,
};
const flag: ArgCheck = { expected: 'true or false', ok: (v) => typeof v === 'boolean' };
const globs: ArgCheck = { expected: 'an array of strings', ok: (v) => Array.isArray(v) && v.every((g) => typeof g === 'string') };
const mode: ArgCheck = { expected: '"literal" or "regex"', ok: (v) => v === 'literal' || v === 'regex' };

/** Each operation's arguments; a `?` after a name makes it optional. */
const kArgs: { readonly [Op in QueryOp]: { readonly [arg: string]: ArgCheck } } = {
  def: { name: text, 'limit?': count },
  refs: { name: text, 'limit?': count },
  complete: { prefix: anyText, 'limit?': count },
  search: { pattern: text, 'mode?': mode, 'ignoreCase?': flag, 'include?': globs, 'exclude?': globs, 'limit?': count },
  outline: { file: text, 'limit?': count },
  imports: { file: text, 'limit?': count },
  importers: { file: text, 'limit?': count },
  impact: { file: text, 'limit?': count },
  map: { 'tokens?': count, 'limit?': count },
};

interface ArgField {
  readonly name: string;
  readonly optional: boolean;
  readonly check: ArgCheck;
}

interface OpEntry {
  /** The op's own (internalized) string, for the parsed request. */
  readonly op: QueryOp;
  readonly spec: (typeof kArgs)[QueryOp];
  /** The spec taken apart once, in its order: every request walks these. */
  readonly fields: readonly ArgField[];
}

// A Map, not `kArgs[op]`: `op` is a string freshly decoded from each request, and a property
// lookup with it first searches V8's string table; a Map only hashes it.
const kOpTable = new Map<string, OpEntry>(
  kQueryOps.map((op) => {
    const fields = Object.entries(kArgs[op]).map(([key, check]) => ({ name: key.replace(/\?$/, ''), optional: key.endsWith('?'), check }));
    return [op, { op, spec: kArgs[op], fields }];
  }),
);

/** True when `op` names a query operation. */
export function isQueryOp(op: unknown): op is QueryOp {
  return typeof op === 'string' && kOpTable.has(op);
}

/**
 * Checks a `query` request's operation and arguments (pure; no graph involved).
 * @param requested - the requested operation
 * @param args - its arguments: a plain object (`null` counts as `{}`)
 * @returns the validated request
 * @throws {TesseraError} ERR_DAEMON_UNKNOWN_OP, or ERR_DAEMON_BAD_ARGS naming the argument, what
 *   was expected and what it holds (also for unknown arguments and invalid regular expressions)
 * @example
 * parseQueryRequest('def', { name: 'parse', limit: 5 }); // { op: 'def', name: 'parse', limit: 5 }
 */
export function parseQueryRequest(requested: string, args: unknown): QueryRequest {
  const entry = kOpTable.get(requested);
  if (entry === undefined) throw tesseraError('ERR_DAEMON_UNKNOWN_OP', { op: requested, known: kQueryOps.join(', ') });
  const { op, spec, fields } = entry;
  const given = args ?? {};
  if (typeof given !== 'object' || Array.isArray(given)) throw badArg(op, 'args', 'an object of arguments', describeValue(given));
  const out: Record<string, unknown> = { op };
  for (const { name, optional, check } of fields) {
    const value = (given as Record<string, unknown>)[name];
    if (value === undefined && optional) continue;
    if (!check.ok(value)) throw badArg(op, name, check.expected, describeValue(value));
    out[name] = value;
  }
  for (const name of Object.keys(given)) {
    if (!(name in spec) && !(`${name}?` in spec)) throw badArg(op, name, `no such argument (${op} takes ${argNames(op)})`, describeValue((given as Record<string, unknown>)[name]));
  }
  if (out.mode === 'regex') checkRegex(op, out.pattern as string);
  return out as unknown as QueryRequest;
}

function checkRegex(op: QueryOp, pattern: string): void {
  try {
    new RegExp(pattern);
  } catch (err) {
    throw badArg(op, 'pattern', 'a valid JavaScript regular expression', `${describeValue(pattern)} (${(err as Error).message})`);
  }
}

function argNames(op: QueryOp): string {
  return Object.keys(kArgs[op]).map((k) => (k.endsWith('?') ? `[${k.slice(0, -1)}]` : k)).join(', ');
}

function badArg(op: QueryOp, field: string, expected: string, got: string): Error {
  return tesseraError('ERR_DAEMON_BAD_ARGS', { op, field, expected, got });
}
