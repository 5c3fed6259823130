/**
 * Arbitraries for small source repositories written to disk: TypeScript, JavaScript and Python
 * files built from templates over a tiny name alphabet (so definitions, references and imports
 * collide across files), plus Markdown files indexed as text. Comment lines carry the search
 * token alphabet, so generated searches hit.
 *
 * @module
 */

import fc from 'fast-check';

/** Names used for definitions and references (valid identifiers in every language here). */
export const SOURCE_NAMES = ['foo', 'Foo', 'fooBar', 'bar', 'Bar', 'baz', 'é', 'x1'] as const;

const DIRS = ['', 'src/', 'src/util/', 'lib/', 'test/'];
const STEMS = ['a', 'b', 'index', 'Util', 'é'];
const EXTS = ['.ts', '.js', '.py', '.md'];
const WORDS = ['foo', 'Foo', 'FOO', 'bar', 'ab', 'abc', 'é', 'café', '😀', '(', ')', '.', ' ', '\t', 'x', 'K', '\r'];

/** A generated file: a repository-relative path and its text. */
export interface SourceFile {
  readonly path: string;
  readonly content: string;
}

const name = fc.constantFrom(...SOURCE_NAMES);
const stem = fc.constantFrom(...STEMS);
const words = fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }).map((w) => w.join(''));

const tsLine: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(name, name).map(([n, m]) => `function ${n}() { ${m}(); }`),
  fc.tuple(name, name, name).map(([n, m, k]) => `export class ${n} { ${m}() { return ${k}; } }`),
  fc.tuple(name, name).map(([n, m]) => `${n}(${m});`),
  fc.tuple(name, name).map(([n, m]) => `const ${n} = new ${m}();`),
  fc.tuple(name, stem).map(([n, s]) => `import { ${n} } from './${s}.js';`),
  words.map((w) => `// ${w}`),
);

const pyLine: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(name, name).map(([n, m]) => `def ${n}():\n    ${m}()`),
  fc.tuple(name, name).map(([n, m]) => `class ${n}(${m}):\n    pass`),
  fc.tuple(name, name).map(([n, m]) => `${n}(${m})`),
  fc.tuple(name, stem).map(([n, s]) => `from .${s} import ${n}`),
  words.map((w) => `# ${w}`),
);

function contentFor(path: string): fc.Arbitrary<string> {
  const line = path.endsWith('.py') ? pyLine : path.endsWith('.md') ? words : tsLine;
  return fc.tuple(fc.array(line, { maxLength: 6 }), fc.boolean()).map(([lines, eol]) => lines.join('\n') + (eol && lines.length > 0 ? '\n' : ''));
}

/** A repository path from the small alphabet. */
export const sourcePathArb: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...DIRS), stem, fc.constantFrom(...EXTS))
  .map(([d, s, e]) => d + s + e);

/** A repository of up to `maxFiles` files at distinct paths. */
export function sourceRepoArb(maxFiles = 8): fc.Arbitrary<SourceFile[]> {
  return fc
    .uniqueArray(sourcePathArb, { minLength: 1, maxLength: maxFiles })
    .chain((paths) => fc.tuple(...paths.map((path) => contentFor(path).map((content) => ({ path, content })))));
}
