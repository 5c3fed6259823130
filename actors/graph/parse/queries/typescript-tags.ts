import { ecmascriptCommonPatterns, jsxPatterns } from './javascript-tags.js';

/**
 * Tags query for TypeScript and TSX: the patterns shared with JavaScript plus declarations and
 * type references that only TypeScript has. See javascript-tags.ts for the capture names.
 */
const typescriptOnlyPatterns = String.raw`
(function_signature name: (identifier) @name) @def.function
(abstract_class_declaration name: (type_identifier) @name) @def.class
(interface_declaration name: (type_identifier) @name) @def.interface
(type_alias_declaration name: (type_identifier) @name) @def.type
(enum_declaration name: (identifier) @name) @def.enum
(enum_body name: (property_identifier) @name @def.enumerator)
(enum_body (enum_assignment name: (property_identifier) @name) @def.enumerator)
(internal_module name: (_) @name) @def.module
(module name: (_) @name) @def.module
(method_signature name: (property_identifier) @name) @def.method
(abstract_method_signature name: (property_identifier) @name) @def.method
(public_field_definition name: [(property_identifier) (private_property_identifier)] @name) @def.field
(interface_body (property_signature name: (property_identifier) @name) @def.field)
(type_alias_declaration value: (object_type (property_signature name: (property_identifier) @name) @def.field))

(extends_clause value: (identifier) @ref.extends)
(extends_clause value: (member_expression property: (property_identifier) @ref.extends))
(implements_clause (type_identifier) @ref.implements)
(implements_clause (generic_type name: (type_identifier) @ref.implements))
(implements_clause (generic_type name: (nested_type_identifier name: (type_identifier) @ref.implements)))
(extends_type_clause type: (type_identifier) @ref.extends)
(extends_type_clause type: (generic_type name: (type_identifier) @ref.extends))
(type_identifier) @ref.type

(import_require_clause source: (string (string_fragment) @import))
`;

/** The tags query for TypeScript (`.ts`, `.mts`, `.cts`). */
export const typescriptTagsQuery = typescriptOnlyPatterns + ecmascriptCommonPatterns;

/** The tags query for TSX (`.tsx`). */
export const tsxTagsQuery = typescriptOnlyPatterns + ecmascriptCommonPatterns + jsxPatterns;
