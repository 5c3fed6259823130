import type { WireError } from '../errors/index.js';

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

/** A field's spec, parsed and checked once, when its direction is defined. */
export interface FieldCheck {
  /** The field's name: an identifier, never `k` nor an Object.prototype member. */
  readonly name: string;
  readonly type: FieldType;
  readonly optional: boolean;
  /** What the field should hold, for error messages. */
  readonly expected: string;
}

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

const kSpecPattern = /^([a-z]+(?:\[\])?)(\?)?$/;
const kFieldPattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Parses and checks one field's spec. Field names end up in generated code (kind-check.ts),
 * so only plain identifiers pass.
 * @param name - the field's name in the message
 * @param spec - e.g. `'uint'`, `'bytes?'`
 * @returns the parsed field
 * @throws {TypeError} when the name is not an identifier, is `k` or an Object.prototype
 *   member, or when the spec names no field type
 */
export function compileField(name: string, spec: string): FieldCheck {
  if (!kFieldPattern.test(name) || name === 'k' || name in Object.prototype) {
    throw new TypeError(
      `Cannot define field "${name}": a field name must be an identifier other than "k" and Object.prototype members: current value is "${name}"`,
    );
  }
  const match = kSpecPattern.exec(spec);
  const type = match?.[1];
  if (type === undefined || !Object.hasOwn(fieldExpectations, type)) {
    throw new TypeError(
      `Cannot define field "${name}": the spec must be one of ${Object.keys(fieldExpectations).join(', ')}, optionally followed by "?": current value is "${spec}"`,
    );
  }
  const fieldType = type as FieldType;
  const optional = match?.[2] === '?';
  const expected = optional ? `${fieldExpectations[fieldType]} or no field` : fieldExpectations[fieldType];
  return { name, type: fieldType, optional, expected };
}
