import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineDirection, isTesseraError, type MessageOf } from '../../../protocol/index.js';

const pings = defineDirection('Pings', { ping: { id: 'uint', t: 'number?' }, note: { text: 'string', tags: 'string[]?' } });

describe('defineDirection()', () => {
  it('lists its kinds in definition order', () => {
    assert.deepEqual(pings.kinds, ['ping', 'note']);
    assert.equal(pings.hasKind('note'), true);
    assert.equal(pings.hasKind('toString'), false);
  });

  it('derives message types from the schema', () => {
    const ok: MessageOf<typeof pings> = { k: 'ping', id: 1, t: 2 };
    // @ts-expect-error `t` must be a number
    const badType: MessageOf<typeof pings> = { k: 'ping', id: 1, t: 'x' };
    // @ts-expect-error exactOptionalPropertyTypes: optional means absent, not undefined
    const undefinedField: MessageOf<typeof pings> = { k: 'ping', id: 1, t: undefined };
    // @ts-expect-error `text` is required
    const missing: MessageOf<typeof pings> = { k: 'note' };
    assert.ok(ok && badType && undefinedField && missing);
  });

  it('validate() returns the same object for a valid message', () => {
    const message = { k: 'note', text: 'hi', tags: ['a'] };
    assert.equal(pings.validate(message), message);
  });

  it('validate() accepts null-prototype objects', () => {
    const message = Object.assign(Object.create(null) as object, { k: 'ping', id: 3 });
    assert.equal(pings.validate(message), message);
  });

  it('validate() says which field is bad, what was expected and what it got', () => {
    assert.throws(
      () => pings.validate({ k: 'ping', id: 1, t: 'soon' }),
      (err: unknown) =>
        isTesseraError(err, 'ERR_PROTO_BAD_FIELD') &&
        err.message === 'Message "ping" has a bad field "t": expected a number or no field, got string "soon"',
    );
  });

  it('refuses kinds that are not lowercase snake_case', () => {
    assert.throws(() => defineDirection('X', { Ping: { id: 'uint' } }), TypeError);
  });

  it('refuses field names that are not identifiers, are "k" or shadow Object.prototype', () => {
    for (const field of ['k', 'constructor', 'a-b', '__proto__', 'x y']) {
      assert.throws(() => defineDirection('X', { ping: { [field]: 'uint' } }), TypeError, field);
    }
  });

  it('refuses unknown field specs', () => {
    assert.throws(() => defineDirection('X', { ping: { id: 'u64' as 'uint' } }), /current value is "u64"/);
  });
});
