/**
 * The reference model of the `graph` scenario: the files the run wrote, and what the code graph
 * must answer about them, computed with regular expressions over a tiny generated language
 * subset (see `graphSource`): a definition is a line `function NAME(` (optionally `export `) or
 * `def NAME(`; a reference is `return NAME(`; every other line is a side-effect import or a
 * comment.
 *
 * @module
 */

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** One generated function: its name and the one name it calls. */
export interface GeneratedFunction {
  readonly name: string;
  readonly callee: string;
}

/** A generated source file. */
export interface GeneratedSource {
  readonly fns: readonly GeneratedFunction[];
  /** A comment word, for search. */
  readonly word: string | null;
  /** Stems of sibling files it imports for their side effects (`import './a.js'`, `import a`): import edges, no references. */
  readonly imports?: readonly string[];
}

/**
 * The text of a generated file, in the language its path's extension names (.ts, .js or .py).
 * Every definition is a top-level function, so tree-sitter's tags are exactly the model's.
 */
export function graphSource(path: string, src: GeneratedSource): string {
  const py = path.endsWith('.py');
  const fn = ({ name, callee }: GeneratedFunction): string =>
    py ? `def ${name}():\n    return ${callee}()\n` : `${path.endsWith('.ts') ? 'export ' : ''}function ${name}() {\n  return ${callee}();\n}\n`;
  const note = src.word === null ? '' : `${py ? '#' : '//'} note ${src.word}\n`;
  const imports = (src.imports ?? []).map((stem) => (py ? `import ${stem}\n` : `import './${stem}.js';\n`)).join('');
  return imports + src.fns.map(fn).join('') + note;
}

/** A generated file as a command shows it: `[foo→bar Baz→foo] note alpha`. */
export function describeSource(src: GeneratedSource): string {
  const fns = src.fns.map((f) => `${f.name}→${f.callee}`).join(' ');
  const imports = src.imports?.length ? ` imports ${src.imports.join(',')}` : '';
  return `[${fns}]${src.word === null ? '' : ` note ${src.word}`}${imports}`;
}

/** Writes a generated file under `root` (directories created) and returns its text. */
export async function writeSource(root: string, path: string, src: GeneratedSource): Promise<string> {
  const text = graphSource(path, src);
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), text);
  return text;
}

const kDefLine = /^(?:export )?function (\w+)\(|^def (\w+)\(/;
const kRefLine = /return (\w+)\(/;

/** The files of a run and the answers they imply. Rows are strings, sorted, for comparison. */
export class GraphModel {
  readonly files = new Map<string, string>();

  /** Paths, sorted (commands that pick "the i-th file" resolve against this order). */
  paths(): string[] {
    return [...this.files.keys()].sort();
  }

  /** `def NAME`: `file:line:column function NAME`. */
  def(name: string): string[] {
    return this.#rows((line) => {
      const def = defIn(line);
      return def?.name === name ? { column: def.column, text: ` function ${name}` } : undefined;
    });
  }

  /** `refs NAME`: `file:line:column NAME`. */
  refs(name: string): string[] {
    return this.#rows((line) => (kRefLine.exec(line)?.[1] === name ? { column: line.indexOf(`${name}(`), text: ` ${name}` } : undefined));
  }

  /** A literal, case-sensitive search: `file:line:column` of the first match, and the match count. */
  search(word: string): string[] {
    return this.#rows((line) => {
      const column = line.indexOf(word);
      return column < 0 ? undefined : { column, text: ` x${line.split(word).length - 1}` };
    });
  }

  /** `outline FILE`: `line:column function NAME`, or undefined when the file is not there. */
  outline(path: string): string[] | undefined {
    const text = this.files.get(path);
    if (text === undefined) return undefined;
    return outlineOf(text);
  }

  #rows(match: (line: string) => { column: number; text: string } | undefined): string[] {
    const rows: string[] = [];
    for (const [path, text] of this.files) {
      text.split('\n').forEach((line, i) => {
        const hit = match(line);
        if (hit !== undefined) rows.push(`${path}:${i + 1}:${hit.column}${hit.text}`);
      });
    }
    return rows.sort();
  }
}

/** The definition on a line: its name and the name's column. */
function defIn(line: string): { name: string; column: number } | undefined {
  const m = kDefLine.exec(line);
  const name = m?.[1] ?? m?.[2];
  // The match ends with "NAME(": the name starts just before the parenthesis.
  return m === null || name === undefined ? undefined : { name, column: m[0].length - 1 - name.length };
}

function outlineOf(text: string): string[] {
  const rows: string[] = [];
  text.split('\n').forEach((line, i) => {
    const def = defIn(line);
    if (def !== undefined) rows.push(`${i + 1}:${def.column} function ${def.name}`);
  });
  return rows;
}
