/**
 * Language detection by file name. Only the languages that have a grammar and a tags query are
 * named here; every other file is indexed for full-text search only.
 */

/** The languages the parser extracts tags from. */
export const languageIds = ['typescript', 'tsx', 'javascript', 'python', 'go', 'rust', 'java', 'c', 'cpp'] as const;

/** A language the parser extracts tags from. */
export type LanguageId = (typeof languageIds)[number];

const byExtension: ReadonlyMap<string, LanguageId> = new Map([
  ['ts', 'typescript'],
  ['mts', 'typescript'],
  ['cts', 'typescript'],
  ['tsx', 'tsx'],
  ['js', 'javascript'],
  ['mjs', 'javascript'],
  ['cjs', 'javascript'],
  ['jsx', 'javascript'],
  ['py', 'python'],
  ['pyi', 'python'],
  ['go', 'go'],
  ['rs', 'rust'],
  ['java', 'java'],
  ['c', 'c'],
  ['h', 'c'],
  ['cpp', 'cpp'],
  ['cc', 'cpp'],
  ['cxx', 'cpp'],
  ['c++', 'cpp'],
  ['hpp', 'cpp'],
  ['hh', 'cpp'],
  ['hxx', 'cpp'],
  ['h++', 'cpp'],
]);

// A `.h` header is C unless its first lines hold C++-only syntax, or include a standard header
// without an extension (`<memory>`, `<string>`: C's standard and POSIX headers all end in `.h`).
const cppHeaderHint = /^\s*(?:class\s+\w+\s*[:{]|namespace\s+\w*\s*\{|template\s*<|#\s*include\s*<[a-z_]+>)|\bstd::/m;

/**
 * The language of a file, from its extension (case-insensitive).
 * @param path - a file path; only the part after the last `.` of the base name is read
 * @param head - optional start of the file: a `.h` file whose head holds C++ syntax (a class,
 *   a namespace, a template, `std::`, an include of `<memory>`-style headers) is C++
 * @returns the language, or `null` for a file indexed as text only
 * @example
 * detectLanguage('src/app.tsx'); // 'tsx'
 * detectLanguage('README.md');   // null
 */
export function detectLanguage(path: string, head?: string): LanguageId | null {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  if (dot <= slash + 1) return null;
  const language = byExtension.get(path.slice(dot + 1).toLowerCase()) ?? null;
  if (language === 'c' && head !== undefined && path.slice(dot + 1).toLowerCase() === 'h' && cppHeaderHint.test(head)) {
    return 'cpp';
  }
  return language;
}

/** True when `value` names a language the parser knows. */
export function isLanguageId(value: unknown): value is LanguageId {
  return typeof value === 'string' && (languageIds as readonly string[]).includes(value);
}
