import { isAbsolute } from 'node:path';
import { isPlainData } from '../../protocol/index.js';
import type { QueryHit } from './query-service.js';
import type { GraphHitLike } from './code-graph-like.js';
import { RootRelative } from './root-relative.js';

const kDocumented = new Set(['file', 'line', 'column', 'name', 'kind', 'text']);

/**
 * Puts one graph result in the shape clients get: `file` relative to `root` with forward
 * slashes; the documented fields first, each only when the graph gave it a value of the right
 * type; then any other field whose value is plain data (a result must cross the socket), e.g.
 * the `ranges` a REPL highlights.
 * @param root - the absolute root the graph was opened on (a {@link RootRelative} of it on hot paths)
 * @param hit - the result as the graph returned it
 * @returns the client-facing result
 * @example
 * normalizeHit('/repo', { file: '/repo/src/a.ts', line: 3, name: 'f' }); // { file: 'src/a.ts', line: 3, name: 'f' }
 */
export function normalizeHit(root: string | RootRelative, hit: GraphHitLike): QueryHit {
  const file = isAbsolute(hit.file) ? (typeof root === 'string' ? new RootRelative(root) : root).of(hit.file) : hit.file;
  const out: { -readonly [K in keyof QueryHit]: QueryHit[K] } = { file: file.includes('\\') ? file.replaceAll('\\', '/') : file, line: hit.line };
  if (typeof hit.column === 'number') out.column = hit.column;
  if (typeof hit.name === 'string') out.name = hit.name;
  if (typeof hit.kind === 'string') out.kind = hit.kind;
  if (typeof hit.text === 'string') out.text = hit.text;
  for (const key of Object.keys(hit)) {
    const value = hit[key];
    if (!kDocumented.has(key) && value !== undefined && isPlainData(value)) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}
