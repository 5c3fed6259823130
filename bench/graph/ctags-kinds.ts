/**
 * universal-ctags 5.9 kinds (long names, per language) mapped to Tessera's definition kinds.
 * A ctags kind maps to the kinds Tessera may give the same definition: ctags calls a function
 * that has `prototype` methods a `class`, Tessera a `function`; both are right.
 *
 * `core` kinds count towards the 95 % coverage target: named declarations (functions, classes,
 * methods, interfaces, types, enums, namespaces, structs, macros). Variables, constants and
 * fields are reported too, but ctags and Tessera draw their lines differently there (ctags
 * tags every top-level `var` in a script and object-literal properties as `property`; Tessera
 * tags declarations at program level and properties only with function values), so they are
 * informational.
 *
 * @module
 */

/** How one ctags kind compares. */
export interface KindMapping {
  /** Tessera kinds that name the same definition. */
  readonly ours: readonly string[];
  readonly core: boolean;
}

const fn = { ours: ['function', 'method'], core: true };
const cls = { ours: ['class', 'function'], core: true };
const method = { ours: ['method', 'function'], core: true };
const iface = { ours: ['interface'], core: true };
const alias = { ours: ['type', 'struct', 'interface', 'union', 'enum'], core: true };
const enumKind = { ours: ['enum'], core: true };
const enumerator = { ours: ['enumerator'], core: true };
const moduleKind = { ours: ['module'], core: true };
const struct = { ours: ['struct', 'class'], core: true };
const union = { ours: ['union'], core: true };
const macro = { ours: ['macro', 'function'], core: true };
const prototype = { ours: ['prototype', 'function', 'method'], core: true };
const variable = { ours: ['variable', 'constant', 'function'], core: false };
const field = { ours: ['field', 'method'], core: false };

/** Mappings by ctags language, then kind; a kind not listed (locals, imports, headers) is not compared. */
export const kCtagsKindMap: Readonly<Record<string, Readonly<Record<string, KindMapping>>>> = {
  JavaScript: {
    function: fn,
    generator: fn,
    class: cls,
    method,
    getter: method,
    setter: method,
    field,
    property: field,
    constant: variable,
    variable,
    // Not a ctags kind: a `class` tag on an object literal (see def-coverage.ts).
    object: { ours: ['variable', 'constant', 'field', 'method'], core: false },
  },
  TypeScript: {
    function: fn,
    generator: fn,
    class: cls,
    method,
    interface: iface,
    alias,
    enum: enumKind,
    enumerator,
    namespace: moduleKind,
    property: field,
    constant: variable,
    variable,
  },
  Python: { class: cls, function: fn, member: method, variable },
  Go: { func: fn, method: fn, type: alias, struct, interface: iface, constant: variable, variable, member: field },
  Rust: { function: fn, method, struct, enum: enumKind, enumerator, trait: { ours: ['trait'], core: true }, typedef: alias, module: moduleKind, macro, constant: variable, variable, field },
  Java: { class: cls, interface: iface, enum: enumKind, enumConstant: enumerator, method, field },
  C: { function: fn, struct, union, enum: enumKind, enumerator, typedef: alias, macro, prototype, member: field, variable },
  'C++': { function: fn, class: cls, struct, union, enum: enumKind, enumerator, typedef: alias, macro, prototype, namespace: moduleKind, member: field, variable },
};

/**
 * The mapping of a ctags tag, or undefined when its kind is not compared.
 * @param language - ctags' language name
 * @param kind - ctags' long kind name
 * @returns the mapping
 */
export function mapCtagsKind(language: string, kind: string): KindMapping | undefined {
  return kCtagsKindMap[language]?.[kind];
}
