/**
 * Tags query for Rust (tree-sitter-rust 0.24). See javascript-tags.ts for the capture names.
 * An `impl` block is a scope: the functions in it are methods enclosed by the implemented type.
 */
export const rustTagsQuery = String.raw`
(impl_item type: [
  (type_identifier) @scope.name
  (generic_type type: (type_identifier) @scope.name)
  (scoped_type_identifier name: (type_identifier) @scope.name)
  (generic_type type: (scoped_type_identifier name: (type_identifier) @scope.name))]) @scope

(impl_item body: (declaration_list (function_item name: (identifier) @name) @def.method))
(trait_item body: (declaration_list [
  (function_item name: (identifier) @name)
  (function_signature_item name: (identifier) @name)] @def.method))
(function_item name: (identifier) @name) @def.function
(function_signature_item name: (identifier) @name) @def.prototype
(struct_item name: (type_identifier) @name) @def.struct
(union_item name: (type_identifier) @name) @def.union
(enum_item name: (type_identifier) @name) @def.enum
(enum_variant name: (identifier) @name) @def.enumerator
(type_item name: (type_identifier) @name) @def.type
(trait_item name: (type_identifier) @name) @def.trait
(mod_item name: (identifier) @name) @def.module
(macro_definition name: (identifier) @name) @def.macro
(const_item name: (identifier) @name) @def.constant
(static_item name: (identifier) @name) @def.variable
(field_declaration name: (field_identifier) @name) @def.field

(call_expression function: [
  (identifier) @ref.call
  (scoped_identifier name: (identifier) @ref.call)
  (field_expression field: (field_identifier) @ref.member-call)
  (generic_function function: [
    (identifier) @ref.call
    (scoped_identifier name: (identifier) @ref.call)
    (field_expression field: (field_identifier) @ref.member-call)])])
(macro_invocation macro: [(identifier) @ref.macro (scoped_identifier name: (identifier) @ref.macro)])
(struct_expression name: [
  (type_identifier) @ref.new
  (scoped_type_identifier name: (type_identifier) @ref.new)
  (generic_type_with_turbofish type: (type_identifier) @ref.new)])
(impl_item trait: [
  (type_identifier) @ref.implements
  (generic_type type: (type_identifier) @ref.implements)
  (scoped_type_identifier name: (type_identifier) @ref.implements)])
(type_identifier) @ref.type

(use_declaration argument: (_) @import)
(extern_crate_declaration name: (identifier) @import)
`;
