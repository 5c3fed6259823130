/**
 * Token estimates and fitting a ranked list to a token budget.
 *
 * Tokens are estimated as `ceil(chars / 4)`, chars being UTF-16 code units (`string.length`):
 * the usual rule of thumb for English and code with BPE tokenizers (OpenAI quotes about 4
 * characters per token). It needs no tokenizer and is monotone in the text's length, which
 * makes the binary search below exact. Real counts for code typically land within ±25 %; callers
 * who need a hard model limit should leave that much headroom.
 *
 * @module
 */

/** Characters per estimated token. */
export const CHARS_PER_TOKEN = 4;

/**
 * Estimates the tokens of a text.
 *
 * @param text Any text.
 * @returns `ceil(text.length / 4)`.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

/**
 * The largest `k` such that the first `k` items fit the budget, by binary search over `k`.
 *
 * @param prefixChars `prefixChars[k]` = rendered length of the first `k` items; non-decreasing,
 *   `prefixChars[0] = 0`.
 * @param tokens The budget in estimated tokens.
 * @returns `k` in `0 … prefixChars.length − 1`.
 */
export function fitPrefix(prefixChars: Float64Array, tokens: number): number {
  let lo = 0;
  let hi = prefixChars.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (Math.ceil(prefixChars[mid]! / CHARS_PER_TOKEN) <= tokens) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
