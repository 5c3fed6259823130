import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileField } from '../../../protocol/messages/field-spec.js';
import { compileKindCheck, kFieldsOk } from '../../../protocol/messages/kind-check.js';

const fields = [
  compileField('id', 'uint'),
  compileField('n', 'int?'),
  compileField('x', 'number?'),
  compileField('s', 'string?'),
  compileField('b', 'bool?'),
  compileField('bytes', 'bytes?'),
  compileField('v', 'any?'),
  compileField('error', 'error?'),
  compileField('tags', 'string[]?'),
];

const values: unknown[] = [0, 1, -1, 1.5, 2 ** 53, NaN, Infinity, '', 'a', true, null, [], ['a'], ['a', 1], {}, new Uint8Array(1),
  new Date(0), { code: 'E', message: 'm' }, { code: 'E', message: 'm', details: { a: new Date(0) } }, 5n, undefined];

describe('compileKindCheck()', () => {
  it('generated and interpreted checkers agree on every field type and value', () => {
    const generated = compileKindCheck(fields, 'generate');
    const interpreted = compileKindCheck(fields, 'interpret');
    for (const field of fields) {
      for (const value of values) {
        const message = field.name === 'id' ? { id: value } : { id: 1, [field.name]: value };
        assert.equal(generated(message), interpreted(message), `${field.name} = ${String(value)}`);
      }
    }
  });

  it('reports the first bad field by index, and an unknown field as fields.length', () => {
    const check = compileKindCheck(fields);
    assert.equal(check({ k: 'x', id: 1 }), kFieldsOk);
    assert.equal(check({ k: 'x', id: 1, s: 2 }), 3);
    assert.equal(check({ k: 'x', id: 1, s: undefined }), 3);
    assert.equal(check({ k: 'x' }), 0);
    assert.equal(check({ k: 'x', id: 1, zzz: 1 }), fields.length);
  });
});
