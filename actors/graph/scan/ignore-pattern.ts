/**
 * One line of a `.gitignore` file compiled to a regular expression, following gitignore(5):
 * `#` comments, `!` negation, `\` escapes, trailing spaces dropped unless escaped, a trailing
 * `/` for directories only, a leading or inner `/` anchoring the pattern to its file's
 * directory (otherwise it matches a base name at any depth), `*` and `?` not crossing `/`,
 * `**` as a whole path segment (`**∕x`, `x/**`, `a/**∕b`), and bracket expressions with ranges,
 * `!`/`^` negation and POSIX classes. Matching is case-sensitive, as git's is by default.
 */

/** A compiled ignore pattern. */
export interface IgnorePattern {
  /** The line as written (for diagnostics). */
  readonly source: string;
  /** `!pattern`: a match re-includes the path. */
  readonly negative: boolean;
  /** `pattern/`: matches directories only. */
  readonly dirOnly: boolean;
  /** Matched against the path relative to the ignore file's directory; otherwise against the base name. */
  readonly anchored: boolean;
  readonly regex: RegExp;
}

const posixClasses: Readonly<Record<string, string>> = {
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  blank: ' \\t',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '\\x21-\\x7e',
  lower: 'a-z',
  print: '\\x20-\\x7e',
  punct: '!-\\/:-@\\[-`{-~',
  space: ' \\t\\n\\r\\f\\v',
  upper: 'A-Z',
  xdigit: '0-9A-Fa-f',
};

/**
 * Compiles one line of an ignore file.
 * @param line - the line, without its newline (a trailing `\r` is dropped)
 * @returns the pattern, or `null` for a blank line, a comment, or a pattern git would never match
 * @example
 * compileIgnorePattern('/build/')!.anchored; // true
 */
export function compileIgnorePattern(line: string): IgnorePattern | null {
  let body = line.endsWith('\r') ? line.slice(0, -1) : line;
  body = trimTrailingSpaces(body);
  if (body === '' || body.startsWith('#')) return null;
  const negative = body.startsWith('!');
  if (negative) body = body.slice(1);
  const dirOnly = body.endsWith('/') && !body.endsWith('\\/');
  if (dirOnly) body = body.slice(0, -1);
  const anchored = body.includes('/');
  if (body.startsWith('/')) body = body.slice(1);
  if (body === '') return null;
  const translated = translate(body);
  if (translated === null) return null;
  try {
    return { source: line, negative, dirOnly, anchored, regex: new RegExp(`^${translated}$`) };
  } catch {
    // An invalid range such as `[z-a]`: git's wildmatch matches nothing with it either.
    return null;
  }
}

function trimTrailingSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === ' ' && text[end - 2] !== '\\') end--;
  return text.slice(0, end);
}

// Glob → regular expression source; null when a bracket expression is not closed (no match).
function translate(body: string): string | null {
  let re = '';
  let i = 0;
  while (i < body.length) {
    const ch = body[i]!;
    if (ch === '*') {
      let j = i;
      while (body[j] === '*') j++;
      const wholeSegment = j - i >= 2 && (i === 0 || body[i - 1] === '/') && (j === body.length || body[j] === '/');
      if (!wholeSegment) re += '[^/]*';
      else if (j === body.length) re += '.*';
      else {
        re += '(?:.*/)?';
        j++;
      }
      i = j;
    } else if (ch === '?') {
      re += '[^/]';
      i++;
    } else if (ch === '[') {
      const bracket = translateBracket(body, i);
      if (bracket === null) return null;
      re += bracket.re;
      i = bracket.end;
    } else if (ch === '\\' && i + 1 < body.length) {
      re += escapeRegex(body[i + 1]!);
      i += 2;
    } else {
      re += escapeRegex(ch);
      i++;
    }
  }
  return re;
}

// A bracket expression never matches `/`.
function translateBracket(body: string, start: number): { re: string; end: number } | null {
  let i = start + 1;
  const negate = body[i] === '!' || body[i] === '^';
  if (negate) i++;
  let set = '';
  for (let first = true; i < body.length; first = false) {
    const ch = body[i]!;
    if (ch === ']' && !first) return { re: negate ? `[^/${set}]` : `(?!/)[${set}]`, end: i + 1 };
    if (ch === '[' && body[i + 1] === ':') {
      const close = body.indexOf(':]', i + 2);
      const posix = close < 0 ? undefined : posixClasses[body.slice(i + 2, close)];
      if (posix === undefined) return null;
      set += posix;
      i = close + 2;
    } else if (ch === '\\' && i + 1 < body.length) {
      set += escapeClass(body[i + 1]!);
      i += 2;
    } else if (body[i + 1] === '-' && i + 2 < body.length && body[i + 2] !== ']') {
      set += `${escapeClass(ch)}-${escapeClass(body[i + 2]!)}`;
      i += 3;
    } else {
      set += escapeClass(ch);
      i++;
    }
  }
  return null;
}

function escapeRegex(ch: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch;
}

function escapeClass(ch: string): string {
  return /[\\\]^[-]/.test(ch) ? `\\${ch}` : ch;
}
