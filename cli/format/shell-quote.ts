/**
 * Quotes a word for a POSIX shell when it needs quoting, so printed commands can be pasted.
 * @example
 * shellQuote('/tmp/my repo'); // "'/tmp/my repo'"
 */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
