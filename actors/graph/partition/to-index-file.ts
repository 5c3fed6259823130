import type { FileTags as ParsedFile } from '../parse/index.js';
import type { FileTags as IndexFile } from '../index/index.js';

/**
 * Turns a parser result into the partition index's input: a file without a grammar is
 * language `text`, top-level definitions have a `null` enclosing name, and reference kinds,
 * sizes and problems stay behind (the index does not keep them).
 *
 * @param file - a parse result that carries its `content` (a pool made with `withContent`)
 * @returns the index's `FileTags`, or `null` when the file has no text (it could not be read)
 * @example
 * toIndexFile({ path: 'a.md', language: null, bytes: 2, defs: [], refs: [], imports: [], content: 'hi' });
 * // { path: 'a.md', language: 'text', defs: [], refs: [], imports: [], content: 'hi' }
 */
export function toIndexFile(file: ParsedFile): IndexFile | null {
  if (file.content === undefined) return null;
  return {
    path: file.path,
    language: file.language ?? 'text',
    defs: file.defs.map((d) => ({
      name: d.name,
      kind: d.kind,
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      enclosing: d.enclosing === '' ? null : d.enclosing,
      signature: d.signature,
    })),
    refs: file.refs.map((r) => ({ name: r.name, line: r.line, column: r.column })),
    imports: file.imports,
    content: file.content,
  };
}
