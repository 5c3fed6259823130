/**
 * Tags query for Java (tree-sitter-java 0.23). See javascript-tags.ts for the capture names.
 * Constructors are methods, as universal-ctags lists them.
 */
export const javaTagsQuery = String.raw`
(package_declaration [(scoped_identifier) (identifier)] @name) @def.module
(class_declaration name: (identifier) @name) @def.class
(record_declaration name: (identifier) @name) @def.class
(interface_declaration name: (identifier) @name) @def.interface
(annotation_type_declaration name: (identifier) @name) @def.interface
(enum_declaration name: (identifier) @name) @def.enum
(enum_constant name: (identifier) @name) @def.enumerator
(method_declaration name: (identifier) @name) @def.method
(constructor_declaration name: (identifier) @name) @def.method
(annotation_type_element_declaration name: (identifier) @name) @def.method
(field_declaration declarator: (variable_declarator name: (identifier) @name)) @def.field
(constant_declaration declarator: (variable_declarator name: (identifier) @name)) @def.constant

(method_invocation object: (_) name: (identifier) @ref.member-call)
(method_invocation name: (identifier) @ref.call)
(object_creation_expression type: [
  (type_identifier) @ref.new
  (generic_type (type_identifier) @ref.new)
  (scoped_type_identifier (type_identifier) @ref.new .)])
(superclass [(type_identifier) @ref.extends (generic_type (type_identifier) @ref.extends)])
(super_interfaces (type_list [(type_identifier) @ref.implements (generic_type (type_identifier) @ref.implements)]))
(extends_interfaces (type_list [(type_identifier) @ref.extends (generic_type (type_identifier) @ref.extends)]))
(type_identifier) @ref.type

(import_declaration [(scoped_identifier) (identifier)] @import)
`;
