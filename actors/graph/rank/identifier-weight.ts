/**
 * How much a reference to an identifier counts in the map's graph, after aider's repo map:
 * specific names (mentioned in the conversation, or long compound identifiers) count more;
 * private and ubiquitous names (`_x`, or defined in many files) count less. Factors multiply.
 *
 * | condition                                                        | factor |
 * |------------------------------------------------------------------|--------|
 * | mentioned by the caller                                          | × 10   |
 * | ≥ 8 UTF-16 units and snake_case, kebab-case or camelCase         | × 10   |
 * | starts with `_`                                                  | × 0.1  |
 * | defined in more than 5 files                                     | × 0.1  |
 *
 * @module
 */

/** Identifiers at least this long and compound (snake, kebab, camel) get × 10. */
export const LONG_IDENTIFIER_LENGTH = 8;
/** Names defined in more than this many files get × 0.1. */
export const MAX_SPECIFIC_DEFINERS = 5;

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/**
 * The weight multiplier of references to `name`.
 *
 * @param name The identifier.
 * @param mentioned Whether the caller mentioned it (for example, the user named it in a chat).
 * @param definerCount How many files define it.
 * @returns The product of the factors in the module table.
 */
export function identifierMultiplier(name: string, mentioned: boolean, definerCount: number): number {
  let mul = 1;
  if (mentioned) mul *= 10;
  if (name.length >= LONG_IDENTIFIER_LENGTH && isCompound(name)) mul *= 10;
  if (name.startsWith('_')) mul *= 0.1;
  if (definerCount > MAX_SPECIFIC_DEFINERS) mul *= 0.1;
  return mul;
}

/** snake_case or kebab-case (a separator and a letter), or camelCase (both letter cases). */
function isCompound(name: string): boolean {
  if ((name.includes('_') || name.includes('-')) && LETTER.test(name)) return true;
  return UPPER.test(name) && LOWER.test(name);
}
