/**
 * Derives a trigram query from a JavaScript regular expression (no `u` flag), in the spirit of
 * Russ Cox's analysis, simplified. A recursive-descent pass computes for each sub-expression
 * either the exact set of strings it can match (small sets only: literals, `colou?r`,
 * `(get|set)Value`) or, failing that, a necessary trigram condition. Concatenation multiplies
 * exact sets while they stay small; anything it does not understand (classes, `.`,
 * backreferences, unbounded repeats) becomes "no requirement", which is always safe.
 *
 * Assertions (`^ $ \b \B`, lookarounds) consume no text, so they match exactly the empty string.
 *
 * @module
 */

import { ALL, literalQuery, qAnd, qOr, type TrigramQuery } from './trigram-query.js';

/** Exact sets larger than this become trigram conditions. */
const MAX_EXACT = 16;
const EMPTY: Info = { exact: [''], q: ALL };
const ANY: Info = { exact: null, q: ALL };

/** Either the exact strings matched, or a necessary condition. */
interface Info {
  readonly exact: readonly string[] | null;
  readonly q: TrigramQuery;
}

/**
 * The trigram condition of a regular expression's matches.
 *
 * @param source The pattern, already validated with `new RegExp(source)`.
 * @param caseInsensitive Whether it runs with the `i` flag.
 * @returns A condition every file containing a match satisfies.
 */
export function regexQuery(source: string, caseInsensitive: boolean): TrigramQuery {
  const parser = new RegexParser(source, caseInsensitive);
  return parser.toQuery(parser.parse());
}

class RegexParser {
  readonly #src: string;
  readonly #ci: boolean;
  #pos = 0;

  constructor(src: string, ci: boolean) {
    this.#src = src;
    this.#ci = ci;
  }

  parse(): Info {
    const info = this.#alternation();
    // A stray `)` cannot occur in a valid pattern; anything left unparsed means no requirement.
    return this.#pos < this.#src.length ? ANY : info;
  }

  toQuery(info: Info): TrigramQuery {
    if (info.exact === null) return info.q;
    return qOr(info.exact.map((s) => literalQuery(s, this.#ci)));
  }

  #alternation(): Info {
    const branches = [this.#concatenation()];
    while (this.#src[this.#pos] === '|') {
      this.#pos++;
      branches.push(this.#concatenation());
    }
    if (branches.length === 1) return branches[0]!;
    const union = new Set<string>();
    for (const b of branches) for (const s of b.exact ?? []) union.add(s);
    if (branches.every((b) => b.exact !== null) && union.size <= MAX_EXACT) return { exact: [...union], q: ALL };
    return { exact: null, q: qOr(branches.map((b) => this.toQuery(b))) };
  }

  #concatenation(): Info {
    const parts: TrigramQuery[] = [];
    let cur: readonly string[] = [''];
    let exact = true;
    for (let c = this.#src[this.#pos]; c !== undefined && c !== '|' && c !== ')'; c = this.#src[this.#pos]) {
      const item = this.#quantified();
      if (item.exact !== null && cur.length * item.exact.length <= MAX_EXACT) {
        cur = product(cur, item.exact);
        continue;
      }
      parts.push(this.toQuery({ exact: cur, q: ALL }));
      exact = false;
      if (item.exact !== null) cur = item.exact;
      else {
        parts.push(item.q);
        cur = [''];
      }
    }
    if (exact) return { exact: cur, q: ALL };
    parts.push(this.toQuery({ exact: cur, q: ALL }));
    return { exact: null, q: qAnd(parts) };
  }

  #quantified(): Info {
    const atom = this.#atom();
    const rep = this.#quantifier();
    if (rep === null) return atom;
    return this.#repeat(atom, rep.min, rep.max);
  }

  #repeat(atom: Info, min: number, max: number): Info {
    if (atom.exact !== null && atom.exact.length === 1 && atom.exact[0] === '') return atom;
    if (max === 0) return EMPTY;
    if (atom.exact === null) return min >= 1 ? atom : ANY;
    if (min === 0 && max === 1) {
      const set = new Set([...atom.exact, '']);
      return set.size <= MAX_EXACT ? { exact: [...set], q: ALL } : ANY;
    }
    if (min === 0) return ANY;
    if (min === max && Math.pow(atom.exact.length, min) <= MAX_EXACT) {
      let cur: readonly string[] = [''];
      for (let i = 0; i < min; i++) cur = product(cur, atom.exact);
      return { exact: cur, q: ALL };
    }
    return { exact: null, q: this.toQuery(atom) };
  }

  /** Reads `* + ? {n} {n,} {n,m}` and a lazy `?`; `{` that starts no quantifier is a literal. */
  #quantifier(): { min: number; max: number } | null {
    const c = this.#src[this.#pos];
    let rep: { min: number; max: number } | null = null;
    if (c === '*') rep = { min: 0, max: Infinity };
    else if (c === '+') rep = { min: 1, max: Infinity };
    else if (c === '?') rep = { min: 0, max: 1 };
    if (rep !== null) this.#pos++;
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.#src.slice(this.#pos));
      if (m === null) return null;
      this.#pos += m[0].length;
      const min = Number(m[1]);
      rep = { min, max: m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]) };
    } else return null;
    if (this.#src[this.#pos] === '?') this.#pos++;
    return rep;
  }

  #atom(): Info {
    const c = this.#src[this.#pos++]!;
    switch (c) {
      case '(':
        return this.#group();
      case '[':
        this.#skipClass();
        return ANY;
      case '.':
        return ANY;
      case '^':
      case '$':
        return EMPTY;
      case '\\':
        return this.#escape();
      default:
        return { exact: [c], q: ALL };
    }
  }

  #group(): Info {
    const rest = this.#src.slice(this.#pos, this.#pos + 3);
    let assertion = false;
    if (rest.startsWith('?:')) this.#pos += 2;
    else if (rest.startsWith('?=') || rest.startsWith('?!')) [this.#pos, assertion] = [this.#pos + 2, true];
    else if (rest.startsWith('?<=') || rest.startsWith('?<!')) [this.#pos, assertion] = [this.#pos + 3, true];
    else if (rest.startsWith('?<')) this.#pos = Math.max(this.#pos, this.#src.indexOf('>', this.#pos) + 1);
    const inner = this.#alternation();
    if (this.#src[this.#pos] === ')') this.#pos++;
    return assertion ? EMPTY : inner;
  }

  #skipClass(): void {
    while (this.#pos < this.#src.length && this.#src[this.#pos] !== ']') {
      if (this.#src[this.#pos] === '\\') this.#pos++;
      this.#pos++;
    }
    this.#pos++;
  }

  #escape(): Info {
    const c = this.#src[this.#pos++] ?? '';
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) return { exact: [simple], q: ALL };
    if (c === 'b' || c === 'B') return EMPTY;
    if (/[0-9]/.test(c)) {
      while (/[0-9]/.test(this.#src[this.#pos] ?? '')) this.#pos++;
      return ANY;
    }
    if (c === 'x' || c === 'u') return this.#hexEscape(c === 'x' ? 2 : 4);
    if (c === 'c' && /[A-Za-z]/.test(this.#src[this.#pos] ?? '')) {
      return { exact: [String.fromCharCode(this.#src.charCodeAt(this.#pos++) % 32)], q: ALL };
    }
    if (c === 'k' && this.#src[this.#pos] === '<' && this.#src.includes('>', this.#pos)) {
      this.#pos = this.#src.indexOf('>', this.#pos) + 1;
      return ANY;
    }
    // Escaped punctuation is that character; other letters are classes or Annex B identity
    // escapes, and treating them as "anything" is safe.
    return /[A-Za-z]/.test(c) || c === '' ? ANY : { exact: [c], q: ALL };
  }

  #hexEscape(digits: number): Info {
    const hex = this.#src.slice(this.#pos, this.#pos + digits);
    if (hex.length !== digits || !/^[0-9A-Fa-f]+$/.test(hex)) return ANY;
    this.#pos += digits;
    return { exact: [String.fromCharCode(parseInt(hex, 16))], q: ALL };
  }
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  n: '\n',
  r: '\r',
  t: '\t',
  f: '\f',
  v: '\v',
});

/** Every concatenation of a string of `a` with a string of `b`. */
function product(a: readonly string[], b: readonly string[]): string[] {
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return [...out];
}
