/**
 * Tags query for Go (tree-sitter-go 0.25). See javascript-tags.ts for the capture names.
 * A method's enclosing name is its receiver's type. Package-level constants and variables are
 * listed; the extractor drops the ones declared inside functions.
 */
export const goTagsQuery = String.raw`
(package_clause (package_identifier) @name) @def.module
(function_declaration name: (identifier) @name) @def.function
(method_declaration
  receiver: (parameter_list (parameter_declaration type: [
    (type_identifier) @scope.name
    (pointer_type (type_identifier) @scope.name)
    (generic_type type: (type_identifier) @scope.name)
    (pointer_type (generic_type type: (type_identifier) @scope.name))]))
  name: (field_identifier) @name) @def.method
(method_declaration name: (field_identifier) @name) @def.method
(type_spec name: (type_identifier) @name type: (struct_type)) @def.struct
(type_spec name: (type_identifier) @name type: (interface_type)) @def.interface
(type_spec name: (type_identifier) @name) @def.type
(type_alias name: (type_identifier) @name) @def.type
(field_declaration name: (field_identifier) @name) @def.field
(method_elem name: (field_identifier) @name) @def.method
(const_spec name: (identifier) @name) @def.constant
(var_spec name: (identifier) @name) @def.variable

(call_expression function: (identifier) @ref.call)
(call_expression function: (selector_expression field: (field_identifier) @ref.member-call))
(composite_literal type: (type_identifier) @ref.new)
(composite_literal type: (qualified_type name: (type_identifier) @ref.new))
(composite_literal type: (generic_type type: (type_identifier) @ref.new))
(type_identifier) @ref.type

(import_spec path: (_) @import)
`;

/** Go's predeclared types: type references to them are not listed. */
export const goBuiltinTypes: ReadonlySet<string> = new Set([
  'any', 'bool', 'byte', 'comparable', 'complex64', 'complex128', 'error', 'float32', 'float64',
  'int', 'int8', 'int16', 'int32', 'int64', 'rune', 'string',
  'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr',
]);
