import type { WireError } from '../errors/index.js';
import { describeValue } from './describe-value.js';
import { findNonPlainData, isPlainData } from './plain-data.js';

/** What a field of each spec holds, in TypeScript terms. Message types are derived from this. */
export interface FieldTypes {
  /** A non-negative safe integer (ids, counts, sizes). */
  uint: number;
  /** A safe integer. */
  int: number;
  /** Any number, NaN and infinities included. */
  number: number;
  string: string;
  bool: boolean;
  /** Bytes; decoded ones never alias the frame they came from. */
  bytes: Uint8Array;
  /** Any plain data (see `isPlainData`); typed `unknown` so senders need no casts. */
  any: unknown;
  /** An error as data: `{ code, message, details?, stack? }`. */
  error: WireError;
  'string[]': readonly string[];
}

/** The name of a field type. */
export type FieldType = keyof FieldTypes;

/** A field's spec: its type, with a trailing `?` when the field may be absent. */
export type FieldSpec = FieldType | `${FieldType}?`;

/** The TypeScript type of a field with spec `F`. */
export type FieldValue<F extends FieldSpec> = F extends `${infer T extends FieldType}?`
  ? FieldTypes[T]
  : F extends FieldType
    ? FieldTypes[F]
    : never;

/** A field's check, compiled from its spec once, when the direction is defined. */
export interface FieldCheck {
  readonly name: string;
  readonly type: FieldType;
  readonly optional: boolean;
  /** The fast test: no allocation, no paths. */
  readonly test: (value: unknown) => boolean;
  /** Run only after `test` failed: which (sub)field is wrong and what it holds. */
  readonly explain: (value: unknown) => { field: string; got: string };
  /** What the field should hold, for error messages. */
  readonly expected: string;
}

const fieldTests: { readonly [T in FieldType]: (value: unknown) => boolean } = {
  uint: (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0,
  int: (v) => typeof v === 'number' && Number.isSafeInteger(v),
  number: (v) => typeof v === 'number',
  string: (v) => typeof v === 'string',
  bool: (v) => typeof v === 'boolean',
  bytes: (v) => v instanceof Uint8Array,
  any: isPlainData,
  error: isWireErrorData,
  'string[]': isStringArray,
};

const fieldExpectations: { readonly [T in FieldType]: string } = {
  uint: 'a non-negative safe integer',
  int: 'a safe integer',
  number: 'a number',
  string: 'a string',
  bool: 'a boolean',
  bytes: 'a Uint8Array',
  any: 'plain msgpack data',
  error: 'a wire error { code: string, message: string, details?: object, stack?: string }',
  'string[]': 'an array of strings',
};

const kWireErrorKeys: ReadonlySet<string> = new Set(['code', 'message', 'details', 'stack']);

function isStringArray(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') return false;
  return true;
}

function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isWireErrorData(value: unknown): boolean {
  return explainWireError(value, '') === undefined;
}

// One walk serves both the test and the explanation: error fields are rare and small.
function explainWireError(value: unknown, field: string): { field: string; got: string } | undefined {
  if (!isPlainObject(value)) return { field, got: describeValue(value) };
  const wire = value as Record<string, unknown>;
  for (const key in wire) if (!kWireErrorKeys.has(key)) return { field: `${field}.${key}`, got: 'an unexpected field' };
  if (typeof wire.code !== 'string') return { field: `${field}.code`, got: describeValue(wire.code) };
  if (typeof wire.message !== 'string') return { field: `${field}.message`, got: describeValue(wire.message) };
  if (Object.hasOwn(wire, 'stack') && typeof wire.stack !== 'string') return { field: `${field}.stack`, got: describeValue(wire.stack) };
  if (!Object.hasOwn(wire, 'details')) return undefined;
  const details = wire.details;
  if (!isPlainObject(details)) return { field: `${field}.details`, got: describeValue(details) };
  const bad = findNonPlainData(details, `${field}.details`);
  return bad && { field: bad.path, got: bad.got };
}

function explainFailure(type: FieldType, field: string, value: unknown): { field: string; got: string } {
  if (type === 'any') return renamed(findNonPlainData(value, field), field, value);
  if (type === 'error') return explainWireError(value, field) ?? { field, got: describeValue(value) };
  if (type === 'string[]' && Array.isArray(value)) {
    const i = value.findIndex((item) => typeof item !== 'string');
    return { field: `${field}[${i}]`, got: describeValue(value[i]) };
  }
  return { field, got: describeValue(value) };
}

function renamed(bad: { path: string; got: string } | undefined, field: string, value: unknown): { field: string; got: string } {
  return bad ? { field: bad.path, got: bad.got } : { field, got: describeValue(value) };
}

const kSpecPattern = /^([a-z]+(?:\[\])?)(\?)?$/;

/**
 * Compiles one field's spec into its check.
 * @param name - the field's name in the message
 * @param spec - e.g. `'uint'`, `'bytes?'`
 * @returns the compiled check
 * @throws {TypeError} when the spec names no field type
 */
export function compileField(name: string, spec: string): FieldCheck {
  const match = kSpecPattern.exec(spec);
  const type = match?.[1];
  if (type === undefined || !Object.hasOwn(fieldTests, type)) {
    throw new TypeError(
      `Cannot compile field "${name}": the spec must be one of ${Object.keys(fieldTests).join(', ')} with an optional "?": current value is "${spec}"`,
    );
  }
  const fieldType = type as FieldType;
  const optional = match?.[2] === '?';
  return {
    name,
    type: fieldType,
    optional,
    test: fieldTests[fieldType],
    explain: (value) => explainFailure(fieldType, name, value),
    expected: optional ? `${fieldExpectations[fieldType]} or no field` : fieldExpectations[fieldType],
  };
}
