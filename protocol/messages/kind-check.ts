import type { FieldCheck } from './field-spec.js';
import { fieldTestSource, isStringArray, isWireErrorData, testField } from './field-tests.js';
import { isPlainData } from './plain-data.js';

/**
 * Checks the fields of a message already known to be of one kind.
 * @returns {@link kFieldsOk}, the index of the first bad field, or `fields.length` when the
 *   message has a field its schema does not name
 */
export type KindCheck = (message: Readonly<Record<string, unknown>>) => number;

/** What a {@link KindCheck} returns for a message whose fields are all right. */
export const kFieldsOk = -1;

/**
 * Builds the field checker of one kind. It is generated JavaScript with one named property
 * read and one inline type test per field: on a small message that is half the cost of a loop
 * over the fields (whose keyed reads go megamorphic), 12–15 % of a whole encode+decode.
 * Generated code holds only field names (identifiers, checked by compileField) and the fixed
 * expressions of fieldTestSource, never input. Where code generation is disallowed
 * (`--disallow-code-generation-from-strings`) an interpreted checker does the same job.
 * @param fields - the kind's fields, from compileField
 * @param mode - `'interpret'` forces the interpreted checker (tests compare the two)
 * @returns the checker
 */
export function compileKindCheck(fields: readonly FieldCheck[], mode: 'generate' | 'interpret' = 'generate'): KindCheck {
  if (mode === 'interpret') return interpretKindCheck(fields);
  try {
    return generateKindCheck(fields);
  } catch (err) {
    if (err instanceof EvalError) return interpretKindCheck(fields);
    throw err;
  }
}

function generateKindCheck(fields: readonly FieldCheck[]): KindCheck {
  const lines = ['let n = 1;', 'let v;'];
  fields.forEach((field, i) => {
    const test = fieldTestSource[field.type];
    lines.push(`v = m.${field.name};`);
    if (field.optional) {
      lines.push(`if (v !== undefined) { if (!(${test})) return ${i}; n++; } else if ('${field.name}' in m) return ${i};`);
    } else {
      lines.push(`if (v === undefined || !(${test})) return ${i};`, 'n++;');
    }
  });
  // A for-in count finds fields the schema does not name; cheaper than Object.keys.
  lines.push('let c = 0;', 'for (const _ in m) c++;', `return c === n ? ${kFieldsOk} : ${fields.length};`);
  const source = `return function checkFields(m) {\n  ${lines.join('\n  ')}\n};`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- see the comment above: only checked identifiers and fixed expressions
  const factory = new Function('isSafeInteger', 'isPlainData', 'isWireErrorData', 'isStringArray', 'Uint8Array', source) as (
    ...helpers: unknown[]
  ) => KindCheck;
  return factory(Number.isSafeInteger, isPlainData, isWireErrorData, isStringArray, Uint8Array);
}

function interpretKindCheck(fields: readonly FieldCheck[]): KindCheck {
  return (message) => {
    let present = 1; // `k`
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i]!;
      const value = message[field.name];
      if (value === undefined) {
        // `in` is exact here: field names are never Object.prototype members.
        if (field.optional && !(field.name in message)) continue;
        return i;
      }
      if (!testField(field.type, value)) return i;
      present++;
    }
    let count = 0;
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- counting keys needs a loop variable
    for (const _ in message) count++;
    return count === present ? kFieldsOk : fields.length;
  };
}
