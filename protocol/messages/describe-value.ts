const kMaxQuoted = 40;

/**
 * Names a value for an error message ("got ..."): its type, plus the value itself when it is
 * short. Never throws and never calls user code (no `toString`, no getters beyond `length`).
 * @param value - anything, typically a decoded field
 * @returns a short phrase such as `string "abc"`, `number 1.5`, `Date` or `undefined`
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'string':
      return `string ${quote(value)}`;
    case 'number':
    case 'boolean':
      return `${typeof value} ${String(value)}`;
    case 'bigint':
      return `bigint ${String(value)}n`;
    case 'object':
      return describeObject(value);
    default:
      return typeof value;
  }
}

function describeObject(value: object | null): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `array of ${value.length}`;
  if (value instanceof Uint8Array) return `Uint8Array of ${value.length} bytes`;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Object.prototype) return 'object';
  if (proto === null) return 'object with a null prototype';
  const ctor = (proto as { constructor?: unknown }).constructor;
  return typeof ctor === 'function' && ctor.name !== '' ? ctor.name : 'object of an unnamed class';
}

function quote(text: string): string {
  const cut = text.length > kMaxQuoted ? `${text.slice(0, kMaxQuoted)}…` : text;
  return JSON.stringify(cut);
}
