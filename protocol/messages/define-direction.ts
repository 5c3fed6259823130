import { tesseraError, type TesseraError } from '../errors/index.js';
import { describeValue } from './describe-value.js';
import { compileField, type FieldCheck, type FieldSpec, type FieldValue } from './field-spec.js';
import { explainField } from './field-tests.js';
import { compileKindCheck, kFieldsOk, type KindCheck } from './kind-check.js';

/** The fields of one message kind, by name (`k` is implied). */
export type MessageSchema = { readonly [field: string]: FieldSpec };

/** Every message kind of one direction, by kind. */
export type MessageSchemas = { readonly [kind: string]: MessageSchema };

type RequiredFields<S extends MessageSchema> = {
  readonly [F in keyof S as S[F] extends `${string}?` ? never : F]: FieldValue<S[F]>;
};
type OptionalFields<S extends MessageSchema> = {
  readonly [F in keyof S as S[F] extends `${string}?` ? F : never]?: FieldValue<S[F]>;
};
type Flatten<T> = { [K in keyof T]: T[K] } & {};

/** The message type of kind `K` with schema `S`: `{ k: K, ...fields }`. */
export type MessageFromSchema<K extends string, S extends MessageSchema> = Flatten<
  { readonly k: K } & RequiredFields<S> & OptionalFields<S>
>;

/** The union of every message type a set of schemas describes. */
export type MessagesOf<S extends MessageSchemas> = {
  [K in keyof S & string]: MessageFromSchema<K, S[K]>;
}[keyof S & string];

/** The union of the message types of a direction. */
export type MessageOf<D> = D extends Direction<infer S> ? MessagesOf<S> : never;

/** The kinds of a direction, as a union of string literals. */
export type KindOf<D> = D extends Direction<infer S> ? keyof S & string : never;

/** The message type of one kind of a direction. */
export type MessageOfKind<D, K extends KindOf<D>> = Extract<MessageOf<D>, { readonly k: K }>;

/**
 * One direction of the wire (e.g. supervisor → worker): its kinds and their validation.
 * `K` (the kinds) is a parameter of its own, defaulting to the schemas' keys, so that every
 * direction is assignable to `Direction<MessageSchemas>` (with `keyof S` in its members instead,
 * `Direction` would be invariant in `S`).
 */
export interface Direction<S extends MessageSchemas, K extends string = keyof S & string> {
  /** The direction's name, e.g. `SupervisorToWorker`; it appears in error details. */
  readonly name: string;
  /** The schemas the direction was defined from (frozen). */
  readonly schemas: S;
  /** Every kind, in definition order. */
  readonly kinds: readonly K[];
  /** True when `kind` is a kind of this direction. */
  hasKind(kind: unknown): kind is K;
  /**
   * Checks that `value` is a message of this direction and returns it (same object, not a copy).
   * @throws {TesseraError} ERR_PROTO_NOT_A_MESSAGE, ERR_PROTO_UNKNOWN_KIND or ERR_PROTO_BAD_FIELD
   */
  validate(value: unknown): MessagesOf<S>;
}

interface CompiledKind {
  readonly kind: string;
  readonly fields: readonly FieldCheck[];
  readonly check: KindCheck;
}

const kKindPattern = /^[a-z][a-z0-9_]*$/;

/**
 * Defines a direction from data: one schema per kind, one spec per field. Message types are
 * derived from the schemas (see {@link MessageOf}); checks are compiled once, here.
 * @param name - the direction's name, e.g. `SupervisorToWorker`
 * @param schemas - `{ kind: { field: spec } }`; kinds are lowercase `snake_case`
 * @returns the direction
 * @throws {TypeError} when a kind, a field name or a spec is invalid
 * @example
 * const pings = defineDirection('Pings', { ping: { id: 'uint', t: 'number?' } });
 * type Ping = MessageOf<typeof pings>; // { readonly k: 'ping'; readonly id: number; readonly t?: number }
 */
export function defineDirection<const S extends MessageSchemas>(name: string, schemas: S): Direction<S> {
  const compiled = new Map<string, CompiledKind>();
  for (const [kind, schema] of Object.entries(schemas)) {
    compiled.set(kind, compileKind(name, kind, schema));
    Object.freeze(schema);
  }
  const kinds = Object.freeze([...compiled.keys()]) as readonly (keyof S & string)[];
  return Object.freeze({
    name,
    schemas: Object.freeze(schemas),
    kinds,
    hasKind: (kind: unknown): kind is keyof S & string => typeof kind === 'string' && compiled.has(kind),
    validate: (value: unknown) => validateMessage(name, compiled, value) as MessagesOf<S>,
  });
}

function compileKind(direction: string, kind: string, schema: MessageSchema): CompiledKind {
  if (!kKindPattern.test(kind)) {
    throw new TypeError(`Cannot define direction "${direction}": kinds are lowercase snake_case: current value is "${kind}"`);
  }
  const fields = Object.entries(schema).map(([field, spec]) => compileField(field, spec));
  return { kind, fields, check: compileKindCheck(fields) };
}

function validateMessage(direction: string, kinds: ReadonlyMap<string, CompiledKind>, value: unknown): unknown {
  if (typeof value !== 'object' || value === null) throw notAMessage(describeValue(value));
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw notAMessage(describeValue(value));
  const message = value as Record<string, unknown>;
  const kind = message.k;
  if (typeof kind !== 'string') throw notAMessage(`an object whose "k" is ${describeValue(kind)}`);
  const compiled = kinds.get(kind);
  if (compiled === undefined) throw tesseraError('ERR_PROTO_UNKNOWN_KIND', { direction, kind });
  const bad = compiled.check(message);
  if (bad !== kFieldsOk) throw badField(compiled, bad, message);
  return message;
}

function notAMessage(got: string): TesseraError<'ERR_PROTO_NOT_A_MESSAGE'> {
  return tesseraError('ERR_PROTO_NOT_A_MESSAGE', { got });
}

function badField(compiled: CompiledKind, index: number, message: Record<string, unknown>): TesseraError<'ERR_PROTO_BAD_FIELD'> {
  const field = compiled.fields[index];
  if (field === undefined) return unknownField(compiled, message);
  const value = message[field.name];
  const missing = { field: field.name, got: field.name in message ? 'undefined' : 'no field' };
  const { field: at, got } = value === undefined ? missing : explainField(field.type, field.name, value);
  return tesseraError('ERR_PROTO_BAD_FIELD', { kind: compiled.kind, field: at, expected: field.expected, got });
}

function unknownField(compiled: CompiledKind, message: Record<string, unknown>): TesseraError<'ERR_PROTO_BAD_FIELD'> {
  const known = ['k', ...compiled.fields.map((f) => f.name)];
  let extra = '';
  for (const key in message) {
    if (!known.includes(key)) {
      extra = key;
      break;
    }
  }
  const expected = `no such field ("${compiled.kind}" has ${known.join(', ')})`;
  return tesseraError('ERR_PROTO_BAD_FIELD', { kind: compiled.kind, field: extra, expected, got: describeValue(message[extra]) });
}
