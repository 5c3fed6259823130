/**
 * A crude regex tag extractor for JavaScript/TypeScript, standing in for the tree-sitter parser
 * in index benchmarks and tests: definitions (functions, classes, interfaces, types, enums,
 * variables, methods) with brace-matched end lines and enclosing names; references at calls,
 * `new X`, `extends/implements X` and `: Type` annotations; import specifiers. Braces inside
 * strings and comments are miscounted; that is fine for measuring the index.
 *
 * @module
 */

import type { DefTag, FileTags, RefTag } from '../../actors/graph/index/index.js';

const ID = '[A-Za-z_$][\\w$]*';
const DEF_PATTERNS: [RegExp, string | null][] = [
  [new RegExp(`^\\s*(?:export\\s+)?(?:default\\s+)?(?:declare\\s+)?(?:abstract\\s+)?(class|interface|enum|namespace)\\s+(${ID})`), null],
  [new RegExp(`^\\s*(?:export\\s+)?(?:default\\s+)?(?:declare\\s+)?(?:async\\s+)?function\\s*\\*?\\s*(${ID})`), 'function'],
  [new RegExp(`^\\s*(?:export\\s+)?(?:declare\\s+)?type\\s+(${ID})\\s*[<=]`), 'type'],
  [new RegExp(`^\\s*(?:export\\s+)?(?:declare\\s+)?(?:const|let|var)\\s+(${ID})`), 'variable'],
  [new RegExp(`^\\s+(?:(?:public|private|protected|static|readonly|async|get|set|override|abstract)\\s+)*(${ID})\\s*(?:<[^>]*>)?\\s*\\([^)]*\\)?\\s*[:{]`), 'method'],
];
const KEYWORDS = new Set(['if', 'for', 'while', 'switch', 'catch', 'function', 'return', 'typeof', 'new', 'await', 'super', 'import', 'do', 'else', 'with', 'delete', 'void', 'in', 'of', 'instanceof', 'constructor']);
const REF_PATTERNS = [new RegExp(`(${ID})\\s*\\(`, 'g'), new RegExp(`\\bnew\\s+(${ID})`, 'g'), new RegExp(`\\b(?:extends|implements)\\s+(${ID})`, 'g'), new RegExp(`:\\s*([A-Z][\\w$]*)`, 'g')];
const IMPORT_PATTERNS = [/\b(?:from|import)\s*['"]([^'"\n]+)['"]/g, /\b(?:require|import)\(\s*['"]([^'"\n]+)['"]\s*\)/g];

interface OpenDef {
  readonly index: number;
  readonly depth: number;
}

/**
 * Extracts crude tags from a JavaScript/TypeScript file.
 *
 * @param path Repository-relative path.
 * @param content The text.
 * @returns The file's tags.
 */
export function crudeTags(path: string, content: string): FileTags {
  const language = /\.tsx?$|\.[mc]ts$/.test(path) ? 'typescript' : 'javascript';
  const defs: (DefTag & { endLine: number })[] = [];
  const refs: RefTag[] = [];
  const open: OpenDef[] = [];
  const lines = content.split('\n');
  let depth = 0;
  lines.forEach((text, i) => {
    const line = i + 1;
    const def = matchDef(text);
    if (def !== null && !KEYWORDS.has(def.name)) {
      const enclosing = open.length > 0 ? defs[open[open.length - 1]!.index]!.name : null;
      defs.push({ ...def, line, endLine: line, enclosing, signature: text.trim().slice(0, 200) });
      if (text.includes('{')) open.push({ index: defs.length - 1, depth });
    }
    for (const re of REF_PATTERNS) {
      for (const m of text.matchAll(re)) {
        const name = m[1]!;
        if (KEYWORDS.has(name) || (def !== null && def.name === name)) continue;
        refs.push({ name, line, column: m.index + m[0].indexOf(name) });
      }
    }
    depth += count(text, '{') - count(text, '}');
    while (open.length > 0 && depth <= open[open.length - 1]!.depth) defs[open.pop()!.index]!.endLine = line;
  });
  for (const o of open) defs[o.index]!.endLine = lines.length;
  const imports: string[] = [];
  for (const re of IMPORT_PATTERNS) for (const m of content.matchAll(re)) imports.push(m[1]!);
  return { path, language, defs, refs, imports, content };
}

function matchDef(text: string): { name: string; kind: string; column: number } | null {
  for (const [re, kind] of DEF_PATTERNS) {
    const m = re.exec(text);
    if (m === null) continue;
    const name = kind === null ? m[2]! : m[1]!;
    return { name, kind: kind ?? m[1]!, column: m[0].lastIndexOf(name) };
  }
  return null;
}

function count(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}
