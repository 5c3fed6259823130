/**
 * Tags query for JavaScript (and the part TypeScript and TSX share with it), written for
 * tree-sitter-javascript 0.23 / tree-sitter-typescript 0.23.
 *
 * Capture names, read by the tags extractor:
 *   `@name` + `@def.KIND`   a definition: the name node and the whole definition node
 *   `@scope.name`           (in a definition match) the enclosing name, when nesting does not say it
 *   `@scope` + `@scope.name` a container that names its members but is no definition (Rust impl)
 *   `@ref.KIND`             a reference: the referenced name node
 *   `@import`               a module specifier node (quotes are stripped)
 *   `@_x`                   helper for predicates, ignored
 * When several patterns capture the same name node, the one written first wins: specific
 * patterns come before general ones.
 */

/** Patterns valid in the JavaScript, TypeScript and TSX grammars alike. */
export const ecmascriptCommonPatterns = String.raw`
(variable_declarator
  name: (identifier) @name
  value: [(arrow_function) (function_expression) (generator_function)]) @def.function
(assignment_expression
  left: [(identifier) @name (member_expression property: (property_identifier) @name)]
  right: [(arrow_function) (function_expression) (generator_function)]) @def.function
(function_declaration name: (identifier) @name) @def.function
(generator_function_declaration name: (identifier) @name) @def.function
(class_declaration name: (_) @name) @def.class
(class name: (_) @name) @def.class
(method_definition name: [(property_identifier) (private_property_identifier)] @name) @def.method
(pair
  key: (property_identifier) @name
  value: [(arrow_function) (function_expression) (generator_function)]) @def.method

(program (lexical_declaration kind: "const" (variable_declarator name: (identifier) @name) @def.constant))
(program (export_statement declaration:
  (lexical_declaration kind: "const" (variable_declarator name: (identifier) @name) @def.constant)))
(program (lexical_declaration (variable_declarator name: (identifier) @name) @def.variable))
(program (variable_declaration (variable_declarator name: (identifier) @name) @def.variable))
(program (export_statement declaration: [
  (lexical_declaration (variable_declarator name: (identifier) @name) @def.variable)
  (variable_declaration (variable_declarator name: (identifier) @name) @def.variable)]))

(call_expression function: (identifier) @ref.call (#not-eq? @ref.call "require"))
(call_expression function: (member_expression property: [(property_identifier) (private_property_identifier)] @ref.member-call))
(new_expression constructor: (identifier) @ref.new)
(new_expression constructor: (member_expression property: (property_identifier) @ref.new))

(import_statement source: (string (string_fragment) @import))
(export_statement source: (string (string_fragment) @import))
(call_expression
  function: (identifier) @_require
  arguments: (arguments . (string (string_fragment) @import) .)
  (#eq? @_require "require"))
(call_expression function: (import) arguments: (arguments . (string (string_fragment) @import)))
`;

/** JSX component uses (capitalised tags), for JavaScript and TSX. */
export const jsxPatterns = String.raw`
(jsx_opening_element name: (identifier) @ref.call (#match? @ref.call "^[A-Z]"))
(jsx_self_closing_element name: (identifier) @ref.call (#match? @ref.call "^[A-Z]"))
(jsx_opening_element name: (member_expression property: (property_identifier) @ref.call))
(jsx_self_closing_element name: (member_expression property: (property_identifier) @ref.call))
`;

/** Patterns only the JavaScript grammar has (its class heritage and fields differ from TypeScript's). */
const javascriptOnlyPatterns = String.raw`
(class_heritage (identifier) @ref.extends)
(class_heritage (member_expression property: (property_identifier) @ref.extends))
(field_definition property: [(property_identifier) (private_property_identifier)] @name) @def.field
`;

/** The tags query for JavaScript (`.js`, `.mjs`, `.cjs`, `.jsx`). */
export const javascriptTagsQuery = ecmascriptCommonPatterns + javascriptOnlyPatterns + jsxPatterns;
