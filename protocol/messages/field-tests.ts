import { describeValue } from './describe-value.js';
import type { FieldType } from './field-spec.js';
import { findNonPlainData, isPlainData } from './plain-data.js';

/** Where a field is wrong and what it holds, e.g. `{ field: 'error.code', got: 'number 3' }`. */
export interface FieldProblem {
  readonly field: string;
  readonly got: string;
}

/**
 * Tests a value against a field type: no allocation, no paths. The interpreted twin of
 * {@link fieldTestSource}; both must agree (test/protocol/messages/kind-check.test.ts).
 * @param type - the field's type
 * @param value - the field's value, never undefined
 * @returns whether the value fits the type
 */
export function testField(type: FieldType, value: unknown): boolean {
  switch (type) {
    case 'uint':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'string':
      return typeof value === 'string';
    case 'bool':
      return typeof value === 'boolean';
    case 'bytes':
      return value instanceof Uint8Array;
    case 'any':
      return isPlainData(value);
    case 'error':
      return isWireErrorData(value);
    case 'string[]':
      return isStringArray(value);
  }
}

/**
 * The same tests as {@link testField}, as JavaScript expressions over `v`, for generated
 * checkers. They may use only the names that kind-check.ts passes in.
 */
export const fieldTestSource: { readonly [T in FieldType]: string } = {
  uint: `typeof v === 'number' && isSafeInteger(v) && v >= 0`,
  int: `typeof v === 'number' && isSafeInteger(v)`,
  number: `typeof v === 'number'`,
  string: `typeof v === 'string'`,
  bool: `typeof v === 'boolean'`,
  bytes: `v instanceof Uint8Array`,
  any: `isPlainData(v)`,
  error: `isWireErrorData(v)`,
  'string[]': `isStringArray(v)`,
};

/**
 * True for an array of strings.
 * @param value - anything
 * @returns whether every item is a string
 */
export function isStringArray(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') return false;
  return true;
}

/**
 * True for a wire error as data: `{ code: string, message: string, details?: plain object,
 * stack?: string }` and nothing else.
 * @param value - anything
 * @returns whether `value` is a well-formed wire error
 */
export function isWireErrorData(value: unknown): boolean {
  return explainWireError(value, '') === undefined;
}

const kWireErrorKeys: ReadonlySet<string> = new Set(['code', 'message', 'details', 'stack']);

/**
 * Finds what is wrong with a wire error; one walk serves the test and the explanation, since
 * error fields are rare and small.
 * @param value - the field's value
 * @param field - the field's name, the start of the reported path
 * @returns the problem, or undefined when the value is a well-formed wire error
 */
export function explainWireError(value: unknown, field: string): FieldProblem | undefined {
  if (!isPlainObject(value)) return { field, got: describeValue(value) };
  const wire = value as Record<string, unknown>;
  for (const key in wire) if (!kWireErrorKeys.has(key)) return { field: `${field}.${key}`, got: 'an unexpected field' };
  if (typeof wire.code !== 'string') return { field: `${field}.code`, got: describeValue(wire.code) };
  if (typeof wire.message !== 'string') return { field: `${field}.message`, got: describeValue(wire.message) };
  if ('stack' in wire && typeof wire.stack !== 'string') return { field: `${field}.stack`, got: describeValue(wire.stack) };
  if (!('details' in wire)) return undefined;
  const details = wire.details;
  if (!isPlainObject(details)) return { field: `${field}.details`, got: describeValue(details) };
  const bad = findNonPlainData(details, `${field}.details`);
  return bad && { field: bad.path, got: bad.got };
}

function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Says where a value that failed its field test is wrong, descending into plain data, wire
 * errors and string arrays. Only called on the error path.
 * @param type - the field's type
 * @param field - the field's name
 * @param value - the value that failed {@link testField}
 * @returns the (sub)field and a description of what it holds
 */
export function explainField(type: FieldType, field: string, value: unknown): FieldProblem {
  if (type === 'any') {
    const bad = findNonPlainData(value, field);
    if (bad) return { field: bad.path, got: bad.got };
  } else if (type === 'error') {
    const bad = explainWireError(value, field);
    if (bad) return bad;
  } else if (type === 'string[]' && Array.isArray(value)) {
    const i = value.findIndex((item) => typeof item !== 'string');
    if (i >= 0) return { field: `${field}[${i}]`, got: describeValue(value[i]) };
  }
  return { field, got: describeValue(value) };
}
