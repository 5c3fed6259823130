/**
 * Queries about one file: `outline` and `imports` ask the partition that owns it; `importers`
 * and `impact` read the graph-wide import resolution (graph-imports.ts), gathering import facts
 * from partitions whose facts are missing or out of date first.
 *
 * @module
 */

import { isAbsolute, posix, relative } from 'node:path';
import { tesseraError } from '../../protocol/index.js';
import { resolveImport } from './graph-imports.js';
import { orderedFanOut } from './ordered-fan-out.js';
import { checkLimit, type Answer, type QueryContext } from './query-context.js';
import { outlineRow, type QueryRow } from './query-result.js';
import { impactOf } from './rank/index.js';

/** Default number of files `impact` lists. */
export const kDefaultImpactLimit = 1000;

/**
 * The root-relative, `/`-separated form of a file argument: absolute paths under the root,
 * `./x`, `a/../b` and `\` separators are accepted.
 * @throws TypeError for a file that is not a string
 */
export function graphPath(root: string, file: string): string {
  if (typeof file !== 'string') throw new TypeError(`Cannot query a file: it must be a string: current value is ${String(file)}`);
  const rel = isAbsolute(file) ? relative(root, file) : file;
  const normal = posix.normalize(rel.replaceAll('\\', '/'));
  return normal.startsWith('./') ? normal.slice(2) : normal;
}

/**
 * The indexed path of a file argument.
 * @throws {TesseraError} ERR_GRAPH_FILE_NOT_INDEXED when the graph does not hold it
 */
export function indexedPath(ctx: QueryContext, file: string): string {
  const path = graphPath(ctx.root, file);
  if (!ctx.table.has(path)) throw tesseraError('ERR_GRAPH_FILE_NOT_INDEXED', { path, root: ctx.root });
  return path;
}

/** A file's definitions, nested (`depth`, `parent` = row index or -1). */
export async function outlineOf(ctx: QueryContext, file: string): Promise<Answer> {
  const path = indexedPath(ctx, file);
  const id = ctx.router.owner(path);
  const reply = await ctx.client.query(id, 'outline', { path });
  return { results: (reply.value ?? []).map((e) => outlineRow(path, e)), truncated: false, basis: { partition: id, version: reply.version } };
}

/** A file's import statements, each resolved against the whole graph (`target` null: external or missing). */
export async function importsOf(ctx: QueryContext, file: string): Promise<Answer> {
  const path = indexedPath(ctx, file);
  const reply = await ctx.client.query(ctx.router.owner(path), 'imports', { path });
  const language = ctx.table.get(path)!.language;
  const results = (reply.value ?? []).map(({ specifier, line }): QueryRow => {
    const target = resolveImport(ctx.resolver, ctx.table, specifier, path, language)?.target ?? null;
    return { file: path, line, name: specifier, target };
  });
  return { results, truncated: false };
}

/** The import statements, anywhere in the graph, that resolve to a file. */
export async function importersOf(ctx: QueryContext, file: string): Promise<Answer> {
  const path = indexedPath(ctx, file);
  await gatherImports(ctx);
  const results = ctx.imports.importersOf(path).map((e): QueryRow => ({ file: e.from, line: e.line, name: e.specifier, target: path }));
  return { results, truncated: false };
}

/** Files that import a file, directly or transitively, by (depth, path). */
export async function impactOfFile(ctx: QueryContext, file: string, limit: number): Promise<Answer> {
  const path = indexedPath(ctx, file);
  checkLimit('impact', limit);
  await gatherImports(ctx);
  const entries = impactOf(ctx.imports.graph, path, { limit: limit + 1 });
  const results = entries.slice(0, limit).map((e): QueryRow => {
    const edge = ctx.imports.edge(e.file, e.via);
    return { file: e.file, line: edge?.line ?? 1, name: edge?.specifier ?? '', depth: e.depth, via: e.via };
  });
  return { results, truncated: entries.length > limit };
}

/**
 * Brings the graph-wide import resolution up to date: asks partitions whose import facts are
 * missing or older than their version (re-activating evicted ones), then resolves.
 */
export async function gatherImports(ctx: QueryContext): Promise<void> {
  const stale = ctx.imports.stale(ctx.router.all(), (id) => ctx.router.version(id));
  await orderedFanOut(
    stale.length,
    ctx.concurrency,
    (i) => ctx.client.query(stale[i]!, 'facts', { symbols: false }),
    (reply, i) => {
      ctx.imports.store(stale[i]!, reply.version, reply.value);
      return true;
    },
  );
  ctx.imports.build(ctx.resolver, ctx.table, ctx.router.stamp);
}
