/**
 * Path globs for search include/exclude lists, compiled to regular expressions once per query.
 *
 * Rules (close to ripgrep's `-g`):
 * - `*` matches within one path segment, `?` one character except `/`, `[abc]`/`[!abc]` a class,
 *   `{a,b}` alternatives, `**` any number of segments (`src/**`, `**\/test/*.ts`), `\x` a literal.
 * - A glob without `/` matches any single segment: `*.ts` matches `a/b/c.ts`, and `node_modules`
 *   matches every path under a `node_modules` directory.
 * - A glob with `/` matches the whole path; a leading `/` is dropped, and a trailing `/` means
 *   "everything under": `src/` ≡ `src/**`.
 *
 * @module
 */

/**
 * Compiles a glob.
 *
 * @param glob The glob.
 * @returns An anchored regular expression over repository-relative paths.
 * @throws {RangeError} When the glob is empty.
 */
export function globToRegExp(glob: string): RegExp {
  let g = glob.startsWith('/') ? glob.slice(1) : glob;
  if (g.endsWith('/')) g += '**';
  if (g === '') throw new RangeError(`Cannot compile glob: it is empty: current value is "${glob}"`);
  const body = compile(g);
  return g.includes('/') ? new RegExp(`^${body}$`) : new RegExp(`(?:^|/)${body}(?:/|$)`);
}

/** Tests paths against include and exclude globs. */
export class PathFilter {
  readonly #include: RegExp[];
  readonly #exclude: RegExp[];

  /**
   * @param include A path must match one of these, when any are given.
   * @param exclude A path must match none of these.
   */
  constructor(include: readonly string[] = [], exclude: readonly string[] = []) {
    this.#include = include.map(globToRegExp);
    this.#exclude = exclude.map(globToRegExp);
  }

  /** Whether every path passes. */
  get acceptsAll(): boolean {
    return this.#include.length === 0 && this.#exclude.length === 0;
  }

  /** Whether `path` passes both lists. */
  matches(path: string): boolean {
    if (this.#include.length > 0 && !this.#include.some((re) => re.test(path))) return false;
    return !this.#exclude.some((re) => re.test(path));
  }
}

/** Translates glob syntax to a regular-expression body. */
function compile(g: string): string {
  let out = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === '*' && g[i + 1] === '*') {
      const atStart = i === 0 || g[i - 1] === '/';
      i++;
      if (atStart && g[i + 1] === '/') {
        out += '(?:.*/)?';
        i++;
      } else if (atStart && i + 1 === g.length && i > 1) {
        out = out.slice(0, -1) + '(?:/.*)?';
      } else out += '.*';
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') i = compileClass(g, i, (s) => (out += s));
    else if (c === '{') i = compileBraces(g, i, (s) => (out += s));
    else if (c === '\\' && i + 1 < g.length) out += escape(g[++i]!);
    else out += escape(c);
  }
  return out;
}

/** `[…]` → a class that never matches `/`; an unclosed `[` is a literal. */
function compileClass(g: string, i: number, emit: (s: string) => void): number {
  const end = g.indexOf(']', i + 2);
  if (end < 0) {
    emit('\\[');
    return i;
  }
  let body = g.slice(i + 1, end);
  const negate = body.startsWith('!') || body.startsWith('^');
  if (negate) body = body.slice(1);
  body = body.replace(/[\\\]^]/g, '\\$&');
  emit(negate ? `[^/${body}]` : `(?!/)[${body}]`);
  return end;
}

/** `{a,b}` → `(?:a|b)`, recursively; an unclosed `{` is a literal. */
function compileBraces(g: string, i: number, emit: (s: string) => void): number {
  let depth = 0;
  const parts: string[] = [];
  let start = i + 1;
  for (let j = i; j < g.length; j++) {
    if (g[j] === '\\') j++;
    else if (g[j] === '{') depth++;
    else if (g[j] === ',' && depth === 1) {
      parts.push(g.slice(start, j));
      start = j + 1;
    } else if (g[j] === '}' && --depth === 0) {
      parts.push(g.slice(start, j));
      emit(`(?:${parts.map(compile).join('|')})`);
      return j;
    }
  }
  emit('\\{');
  return i;
}

function escape(c: string): string {
  return /[.*+?^${}()|[\]\\]/.test(c) ? `\\${c}` : c;
}
