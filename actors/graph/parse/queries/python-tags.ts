/**
 * Tags query for Python (tree-sitter-python 0.25). See javascript-tags.ts for the capture names.
 * Module-level assignments are variables and class-level ones fields, as universal-ctags lists
 * them; assignments inside functions are locals and not listed.
 */
export const pythonTagsQuery = String.raw`
(class_definition body: (block (function_definition name: (identifier) @name) @def.method))
(class_definition body: (block (decorated_definition
  definition: (function_definition name: (identifier) @name) @def.method)))
(function_definition name: (identifier) @name) @def.function
(class_definition name: (identifier) @name) @def.class
(module (expression_statement (assignment left: (identifier) @name) @def.variable))
(module (expression_statement (assignment left: (pattern_list (identifier) @name)) @def.variable))
(class_definition body: (block (expression_statement (assignment left: (identifier) @name) @def.field)))

(class_definition superclasses: (argument_list (identifier) @ref.extends))
(class_definition superclasses: (argument_list (attribute attribute: (identifier) @ref.extends)))
(call function: (identifier) @ref.call)
(call function: (attribute attribute: (identifier) @ref.member-call))
(decorator (identifier) @ref.call)
(decorator (attribute attribute: (identifier) @ref.member-call))
(type (identifier) @ref.type)
(type (attribute attribute: (identifier) @ref.type))
(type (generic_type (identifier) @ref.type))
(type (subscript value: (identifier) @ref.type))

(import_statement name: (dotted_name) @import)
(import_statement name: (aliased_import name: (dotted_name) @import))
(import_from_statement module_name: (dotted_name) @import)
(import_from_statement module_name: (relative_import) @import)
`;
