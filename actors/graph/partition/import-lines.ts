/**
 * Where a file's imports are. The parser records import specifiers without positions, so the
 * line of each is found in the text: the first line, at or after the previous import's line,
 * where the specifier stands as a whole token (after a quote, space, `<` or `(`, and before a
 * quote, space, `>`, `)`, `;`, `,` or the line end). Imports are listed in source order, so
 * searching onward from the previous one tells repeated or short specifiers (`.`) apart.
 *
 * The text is searched with `indexOf` and never split, so a large file costs one pass.
 *
 * @module
 */

const kBefore = new Set(['"', "'", '`', ' ', '\t', '<', '(', '\n']);
const kAfter = new Set(['"', "'", '`', ' ', '\t', '>', ')', ';', ',', '\r', '\n', '']);

/**
 * The 1-based line of each import specifier.
 *
 * @param text The file's text.
 * @param specifiers The file's imports in source order, as the parser wrote them.
 * @returns One line per specifier; 1 when a specifier is not found as a token.
 * @example
 * importLines('import os\nfrom . import x\n', ['os', '.']); // [1, 2]
 */
export function importLines(text: string, specifiers: readonly string[]): number[] {
  const lines = new LineCounter(text);
  const out: number[] = [];
  let from = 0;
  for (const spec of specifiers) {
    let at = findToken(text, spec, from);
    if (at < 0 && from > 0) at = findToken(text, spec, 0);
    if (at < 0) {
      out.push(1);
      continue;
    }
    out.push(lines.lineAt(at));
    from = text.lastIndexOf('\n', at - 1) + 1;
  }
  return out;
}

function findToken(text: string, spec: string, from: number): number {
  if (spec === '') return -1;
  for (let at = text.indexOf(spec, from); at >= 0; at = text.indexOf(spec, at + 1)) {
    const before = at === 0 ? ' ' : text[at - 1]!;
    if (kBefore.has(before) && kAfter.has(text.charAt(at + spec.length))) return at;
  }
  return -1;
}

/** Line numbers of offsets, counting newlines forward from the last offset asked. */
class LineCounter {
  readonly #text: string;
  #pos = 0;
  #line = 1;

  constructor(text: string) {
    this.#text = text;
  }

  lineAt(offset: number): number {
    if (offset < this.#pos) [this.#pos, this.#line] = [0, 1];
    for (let nl = this.#text.indexOf('\n', this.#pos); nl >= 0 && nl < offset; nl = this.#text.indexOf('\n', nl + 1)) {
      this.#line++;
      this.#pos = nl + 1;
    }
    return this.#line;
  }
}
