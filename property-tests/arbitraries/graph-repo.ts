/**
 * Arbitraries for small generated repositories and the queries run against them. Alphabets are
 * tiny on purpose, so patterns, names and imports collide often: case variants (`foo`, `Foo`,
 * `FOO`), non-ASCII (`é`, `É`, `😀`), `\r`, and import specifiers that resolve to each other.
 *
 * @module
 */

import fc from 'fast-check';
import type { DefTag, FileTags, RefTag, SearchQuery } from '../../actors/graph/index/index.js';

const DIRS = ['', 'src/', 'src/util/', 'lib/', 'test/'];
const STEMS = ['a', 'b', 'index', 'Util', 'é', '__init__'];
const EXTS: [string, string][] = [
  ['.ts', 'typescript'],
  ['.js', 'javascript'],
  ['.py', 'python'],
  ['.md', 'markdown'],
  ['.c', 'c'],
  ['.rs', 'rust'],
  ['.go', 'go'],
];
const TOKENS = ['foo', 'Foo', 'FOO', 'bar', 'fooBar', 'baz', 'ab', 'abc', 'abcd', 'é', 'É', 'café', '😀', '(', ')', '.', ' ', '\t', '\r', 'x', 'Ab', 'k', 'K'];
const NAMES = ['foo', 'Foo', 'fooBar', 'foobar', 'bar', 'Bar', 'baz', 'ba', 'b', 'é', 'Éa', 'x1', 'İx'];
/** Specifiers for every language (each resolver ignores the ones it does not understand). */
const SPECS = ['./a', './b.js', '../a', './util', '../src/b', './Util/index.js', '.a', '..b', '.', 'os', 'lib.a', 'a.c', 'util/b.c', 'self::a', 'super::b', 'crate::util::a', '../lib'];
const GLOBS = ['*.ts', 'src/**', 'test/', '*.{js,py}', '**/util/*', 'a.*', 'lib', '*.md'];

/** Paths from given directories and stems, any extension. */
function pathsFrom(dirs: readonly string[], stems: readonly string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...dirs), fc.constantFrom(...stems), fc.constantFrom(...EXTS.map((e) => e[0]))).map(([d, s, e]) => d + s + e);
}

/** A repository-relative path from the small path alphabet. */
export const pathArb: fc.Arbitrary<string> = pathsFrom(DIRS, STEMS);

const lineArb = fc.array(fc.constantFrom(...TOKENS), { maxLength: 8 }).map((t) => t.join(''));

/** File text: a few lines, with or without a final `\n`. */
export const contentArb: fc.Arbitrary<string> = fc
  .tuple(fc.array(lineArb, { maxLength: 8 }), fc.boolean())
  .map(([lines, trailing]) => lines.join('\n') + (trailing && lines.length > 0 ? '\n' : ''));

const defArb: fc.Arbitrary<DefTag> = fc
  .record({
    name: fc.constantFrom(...NAMES),
    kind: fc.constantFrom('function', 'class', 'method'),
    line: fc.integer({ min: 1, max: 6 }),
    column: fc.integer({ min: 0, max: 3 }),
    span: fc.integer({ min: 0, max: 4 }),
    enclosing: fc.option(fc.constantFrom(...NAMES), { nil: null }),
    signature: lineArb,
  })
  .map(({ span, ...d }) => ({ ...d, endLine: d.line + span }));

const refArb: fc.Arbitrary<RefTag> = fc.record({
  name: fc.constantFrom(...NAMES),
  line: fc.integer({ min: 1, max: 6 }),
  column: fc.integer({ min: 0, max: 3 }),
});

/** One file at a given path. */
export function fileArb(path: string): fc.Arbitrary<FileTags> {
  const language = EXTS.find(([e]) => path.endsWith(e))![1];
  return fc.record({
    path: fc.constant(path),
    language: fc.constant(language),
    defs: fc.array(defArb, { maxLength: 5 }),
    refs: fc.array(refArb, { maxLength: 6 }),
    imports: fc.array(fc.constantFrom(...SPECS), { maxLength: 3 }),
    content: contentArb,
  });
}

/** Files at distinct paths drawn from `paths`. */
function repoFrom(paths: fc.Arbitrary<string>): fc.Arbitrary<FileTags[]> {
  return fc.uniqueArray(paths, { maxLength: 10 }).chain((ps) => (ps.length === 0 ? fc.constant([]) : fc.tuple(...ps.map(fileArb))));
}

/** A repository: files at distinct paths. */
export const repoArb: fc.Arbitrary<FileTags[]> = repoFrom(pathArb);

/** A repository over very few paths, so imports between its files resolve often. */
export const denseRepoArb: fc.Arbitrary<FileTags[]> = repoFrom(pathsFrom(['', 'src/', 'lib/'], ['a', 'b', 'util', 'index']));

/** A change to a repository: upsert files and remove paths, as one batch. */
export const changeArb: fc.Arbitrary<{ upsert: FileTags[]; remove: string[] }> = fc.record({
  upsert: fc.uniqueArray(pathArb, { maxLength: 3 }).chain((paths) => (paths.length === 0 ? fc.constant([]) : fc.tuple(...paths.map(fileArb)))),
  remove: fc.array(pathArb, { maxLength: 3 }),
});

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Atoms that cannot take a quantifier. */
const ASSERTIONS = new Set(['\\b', '^', '$', '(?=o)']);

/** A small regular expression over the token alphabet. */
const regexArb: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...TOKENS).map(escapeRe) },
        { weight: 2, arbitrary: fc.constantFrom('.', '.', '\\w', '[ab]', '\\b', '^', '$', '\\s', '(?=o)') },
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom(...TOKENS)).map(([a, b]) => `(${escapeRe(a)}|${escapeRe(b)})`) },
      ),
      fc.constantFrom('', '', '', '', '?', '*', '+', '{1,2}'),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((parts) => parts.map(([a, q]) => (ASSERTIONS.has(a) ? a : a + q)).join(''));

/** A literal: one or two tokens, or (when files are given) a piece of one of their lines. */
function literalArb(files: readonly FileTags[]): fc.Arbitrary<string> {
  const tokens = fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 2 }).map((t) => t.join(''));
  const lines = files.flatMap((f) => f.content.split('\n')).filter((l) => l.length > 0);
  if (lines.length === 0) return tokens;
  const piece = fc
    .tuple(fc.constantFrom(...lines), fc.nat(), fc.integer({ min: 1, max: 6 }))
    .map(([l, at, len]) => l.slice(at % l.length, (at % l.length) + len));
  return fc.oneof(tokens, piece);
}

/**
 * A search query of any mode, case, scope, globs and limit.
 *
 * @param files Literals are often drawn from these files' lines, so queries hit.
 */
export function searchQueryArb(files: readonly FileTags[] = []): fc.Arbitrary<SearchQuery> {
  return fc.constantFrom('literal' as const, 'regex' as const).chain((mode) =>
    fc.record(
      {
        mode: fc.constant(mode),
        patterns: fc.oneof(
          { weight: 3, arbitrary: fc.array(mode === 'regex' ? regexArb : literalArb(files), { minLength: 1, maxLength: 1 }) },
          { weight: 1, arbitrary: fc.array(mode === 'regex' ? regexArb : literalArb(files), { minLength: 2, maxLength: 3 }) },
        ),
        ignoreCase: fc.constantFrom(false, true, 'smart' as const),
        scope: fc.constantFrom('line' as const, 'file' as const),
        include: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(fc.constantFrom(...GLOBS), { maxLength: 2 }) }),
        exclude: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(fc.constantFrom(...GLOBS), { maxLength: 1 }) }),
        limit: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 4, max: 200 })),
      },
      { requiredKeys: ['mode', 'patterns'] },
    ),
  );
}

/** Names and prefixes to query. */
export const nameArb: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...NAMES), fc.constantFrom('zz', 'FOO'));
export const prefixArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NAMES).chain((n) => fc.integer({ min: 0, max: n.length }).map((k) => n.slice(0, k))),
  fc.constantFrom('F', 'BA', 'i', 'É', 'q'),
);
