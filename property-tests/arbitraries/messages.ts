import fc from 'fast-check';
import {
  clientToDaemon,
  daemonToClient,
  supervisorToWorker,
  workerToSupervisor,
  type Direction,
  type FieldSpec,
  type FieldType,
  type MessageSchemas,
  type MessagesOf,
  type PlainData,
  type WireError,
} from '../../protocol/index.js';

/**
 * Arbitraries for wire messages, derived from the schemas: a kind added to the catalogue is
 * covered without touching this file. Generated values are those that survive a msgpack round
 * trip unchanged, so `decode(encode(m))` must deep-equal `m`. Three kinds of JavaScript value do
 * not and are left out on purpose (see docs/protocol.md, "Codec and bad input"): `-0` (msgpackr
 * writes it as the integer 0), strings with lone surrogates (UTF-8 turns them into U+FFFD) and
 * null-prototype objects (they come back with Object.prototype).
 */

/** A number that round-trips: any double but -0, integers beyond 2^32 included. */
export const wireNumber: fc.Arbitrary<number> = fc.oneof(
  fc.double().map((d) => (Object.is(d, -0) ? 0 : d)),
  fc.maxSafeInteger(),
  fc.integer(),
);

/** A well-formed string, ASCII or any Unicode. */
export const wireString: fc.Arbitrary<string> = fc.oneof(fc.string(), fc.string({ unit: 'grapheme', maxLength: 8 }));

/** A map key msgpackr keeps as it is (it renames `__proto__`). */
const wireKey = wireString.filter((key) => key !== '__proto__');

/** An integer outside ±2^53 but within int64/uint64: it travels, and comes back, as a bigint. */
const wideBigInt = fc.oneof(
  fc.bigInt({ min: 2n ** 53n + 1n, max: 2n ** 64n - 1n }),
  fc.bigInt({ min: -(2n ** 63n), max: -(2n ** 53n) - 1n }),
);

/** Any plain data, nested a few levels. */
export const plainData: fc.Arbitrary<PlainData> = fc.letrec<{ value: PlainData }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    wireNumber,
    wireString,
    wideBigInt,
    fc.uint8Array({ maxLength: 32 }),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(wireKey, tie('value'), { maxKeys: 5, noNullPrototype: true }),
  ),
})).value;

/** A wire error, with or without details and stack. */
export const wireError: fc.Arbitrary<WireError> = fc.record(
  {
    code: fc.constantFrom('ERR_INTERNAL', 'ERR_PROTO_BAD_FIELD', 'ERR_SOMETHING_ELSE'),
    message: wireString,
    details: fc.dictionary(wireKey, plainData, { maxKeys: 3, noNullPrototype: true }),
    stack: wireString,
  },
  { requiredKeys: ['code', 'message'], noNullPrototype: true },
);

const fieldArbitraries: { readonly [T in FieldType]: fc.Arbitrary<unknown> } = {
  uint: fc.oneof(fc.nat(), fc.maxSafeNat()),
  int: fc.oneof(fc.integer(), fc.maxSafeInteger()),
  number: wireNumber,
  string: wireString,
  bool: fc.boolean(),
  bytes: fc.uint8Array({ maxLength: 64 }),
  any: plainData,
  error: wireError,
  'string[]': fc.array(wireString, { maxLength: 5 }),
};

/**
 * The arbitrary of one field spec.
 * @param spec - e.g. `'uint'` or `'bytes?'`
 * @returns values of the field's type (absence is handled by {@link kindArbitrary})
 */
export function fieldArbitrary(spec: FieldSpec): fc.Arbitrary<unknown> {
  return fieldArbitraries[spec.replace(/\?$/, '') as FieldType];
}

/**
 * Messages of one kind: required fields always, optional ones sometimes (absent, never undefined).
 * @param direction - the direction holding the kind
 * @param kind - the kind
 * @returns the arbitrary
 */
export function kindArbitrary<S extends MessageSchemas>(direction: Direction<S>, kind: keyof S & string): fc.Arbitrary<MessagesOf<S>> {
  const schema = direction.schemas[kind]!;
  const model: Record<string, fc.Arbitrary<unknown>> = { k: fc.constant(kind) };
  const required = ['k'];
  for (const [field, spec] of Object.entries(schema)) {
    model[field] = fieldArbitrary(spec);
    if (!spec.endsWith('?')) required.push(field);
  }
  return fc.record(model, { requiredKeys: required, noNullPrototype: true }) as fc.Arbitrary<unknown> as fc.Arbitrary<MessagesOf<S>>;
}

/**
 * Messages of any kind of a direction.
 * @param direction - the direction
 * @returns the arbitrary
 */
export function messageArbitrary<S extends MessageSchemas>(direction: Direction<S>): fc.Arbitrary<MessagesOf<S>> {
  return fc.oneof(...direction.kinds.map((kind) => kindArbitrary(direction, kind)));
}

/** The four directions of the catalogue, for properties that hold for each. */
export const directions: readonly Direction<MessageSchemas>[] = [supervisorToWorker, workerToSupervisor, clientToDaemon, daemonToClient];
