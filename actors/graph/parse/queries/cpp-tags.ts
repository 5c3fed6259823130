import { cFamilyPatterns } from './c-tags.js';

/**
 * Tags query for C++ (tree-sitter-cpp 0.23): classes, namespaces, methods (in a class body, or
 * defined out of line as `Type::name`, whose enclosing name is `Type`), aliases, `new` and base
 * classes, before the patterns shared with C. See javascript-tags.ts for the capture names.
 */
const cppOnlyPatterns = String.raw`
(class_specifier name: (type_identifier) @name body: (field_declaration_list)) @def.class
(namespace_definition name: [(namespace_identifier) (nested_namespace_specifier)] @name) @def.module
(function_definition declarator: (function_declarator declarator: [
  (qualified_identifier scope: (_) @scope.name name: [(identifier) (destructor_name) (operator_name)] @name)
  (qualified_identifier name: (qualified_identifier scope: (_) @scope.name name: [(identifier) (destructor_name) (operator_name)] @name))])) @def.method
(function_definition declarator: (pointer_declarator declarator: (function_declarator declarator:
  (qualified_identifier scope: (_) @scope.name name: (identifier) @name)))) @def.method
(function_definition declarator: (reference_declarator (function_declarator declarator:
  (qualified_identifier scope: (_) @scope.name name: (identifier) @name)))) @def.method
(function_definition declarator: [
  (pointer_declarator (function_declarator declarator: [
    (qualified_identifier scope: (_) @scope.name name: (operator_name) @name)
    (qualified_identifier name: (qualified_identifier scope: (_) @scope.name name: [(identifier) (operator_name)] @name))]))
  (reference_declarator (function_declarator declarator: [
    (qualified_identifier scope: (_) @scope.name name: (operator_name) @name)
    (qualified_identifier name: (qualified_identifier scope: (_) @scope.name name: [(identifier) (operator_name)] @name))]))]) @def.method
(function_definition declarator: (function_declarator declarator: [(field_identifier) (destructor_name) (operator_name)] @name)) @def.method
(function_definition declarator: [
  (pointer_declarator (function_declarator declarator: [(field_identifier) (operator_name)] @name))
  (reference_declarator (function_declarator declarator: [(field_identifier) (operator_name)] @name))]) @def.method
(function_definition declarator: (reference_declarator (function_declarator declarator: (identifier) @name))) @def.function
(function_definition declarator: (function_declarator declarator: (template_function name: (identifier) @name))) @def.function
(class_specifier name: [
  (template_type name: (type_identifier) @name)
  (qualified_identifier scope: (_) @scope.name name: (type_identifier) @name)] body: (field_declaration_list)) @def.class
(struct_specifier name: [
  (template_type name: (type_identifier) @name)
  (qualified_identifier scope: (_) @scope.name name: (type_identifier) @name)] body: (field_declaration_list)) @def.struct
(type_definition declarator: (reference_declarator (type_identifier) @name)) @def.type
(field_declaration declarator: (function_declarator declarator: [(field_identifier) (destructor_name) (operator_name)] @name)) @def.prototype
(alias_declaration name: (type_identifier) @name) @def.type
(concept_definition name: (identifier) @name) @def.type

; Error recovery. A block opened under #ifdef and closed under another ('#ifdef NS' 'namespace NS {')
; turns the rest of the file into one ERROR: its openers lie loose in it, so the name node alone
; is the definition; and 'T Type::name() {' comes out as a bitfield 'Type : :name()'. The tokens
; are captured (@_k, @_o) because uncaptured ones match only the first opener in the ERROR.
(ERROR "namespace" @_k . [(identifier) (namespace_identifier)] @name @def.module . "{" @_o)
(ERROR "class" @_k . (type_identifier) @name @def.class . [":" "{"] @_o)
(ERROR "struct" @_k . (type_identifier) @name @def.struct . [":" "{"] @_o)
(ERROR (function_declarator declarator: (identifier) @name) @def.function . "{" @_o)
(function_definition declarator: (field_identifier) @scope.name . (ERROR (bitfield_clause (call_expression function: (identifier) @name)))) @def.method

(call_expression function: [
  (qualified_identifier name: (identifier) @ref.call)
  (template_function name: (identifier) @ref.call)
  (qualified_identifier name: (template_function name: (identifier) @ref.call))
  (field_expression field: (template_method name: (field_identifier) @ref.member-call))])
(new_expression type: [
  (type_identifier) @ref.new
  (qualified_identifier name: (type_identifier) @ref.new)
  (template_type name: (type_identifier) @ref.new)])
(base_class_clause [
  (type_identifier) @ref.extends
  (qualified_identifier name: (type_identifier) @ref.extends)
  (template_type name: (type_identifier) @ref.extends)])
`;

/** The tags query for C++ (`.cpp`, `.cc`, `.cxx`, `.hpp`, `.hh`, and `.h` files that look like C++). */
export const cppTagsQuery = cppOnlyPatterns + cFamilyPatterns;
