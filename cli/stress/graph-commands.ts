/**
 * Commands of the `graph` scenario: files written, modified, deleted and renamed on disk (then
 * `applyChanges`), queries (def, refs, search, outline, and a burst of them issued in the
 * scheduler's order) compared with the model, forced partition evictions, killed workers and
 * budget changes.
 *
 * @module
 */

import assert from 'node:assert/strict';
import type fc from 'fast-check';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isTesseraError } from '../../protocol/index.js';
import type { CodeGraph, QueryResult } from '../../actors/index.js';
import { describeSource, writeSource, type GeneratedSource, type GraphModel } from './graph-model.js';
import { within } from './within.js';

/** The real system of one run. */
export interface GraphReal {
  readonly graph: CodeGraph;
  readonly root: string;
  readonly workers: number;
  /** How long one command may take before the run fails as hung. */
  readonly commandMs: number;
  /** Set by the runner before the first command. */
  scheduler: fc.Scheduler;
}

const kLimit = 10_000;

/** Base: every command is always allowed and bounded in time. */
abstract class GraphCommand implements fc.AsyncCommand<GraphModel, GraphReal> {
  check(): boolean {
    return true;
  }
  run(m: GraphModel, r: GraphReal): Promise<void> {
    return within(r.commandMs, this.toString(), this.apply(m, r));
  }
  protected abstract apply(m: GraphModel, r: GraphReal): Promise<void>;
  abstract toString(): string;
}

/** Writes a new file or replaces one, then applies the change. */
export class WriteFile extends GraphCommand {
  readonly path: string;
  readonly source: GeneratedSource;
  #existed = false;
  constructor(path: string, source: GeneratedSource) {
    super();
    this.path = path;
    this.source = source;
  }
  protected async apply(m: GraphModel, r: GraphReal): Promise<void> {
    this.#existed = m.files.has(this.path);
    const text = await writeSource(r.root, this.path, this.source);
    await r.graph.applyChanges({ upserted: [this.path], removed: [] });
    m.files.set(this.path, text);
  }
  toString(): string {
    return `${this.#existed ? 'modify' : 'write'} ${this.path} ${describeSource(this.source)}`;
  }
}

/** Deletes the pick-th file (in path order), then applies the change. */
export class DeleteFile extends GraphCommand {
  readonly pick: number;
  #path: string | undefined;
  constructor(pick: number) {
    super();
    this.pick = pick;
  }
  protected async apply(m: GraphModel, r: GraphReal): Promise<void> {
    const paths = m.paths();
    this.#path = paths[this.pick % paths.length];
    if (this.#path === undefined) return;
    await rm(join(r.root, this.#path));
    await r.graph.applyChanges({ upserted: [], removed: [this.#path] });
    m.files.delete(this.#path);
  }
  toString(): string {
    return `delete ${this.#path ?? `file #${this.pick}`}`;
  }
}

/** Renames the pick-th file to `to` (replacing what is there), then applies the change. */
export class RenameFile extends GraphCommand {
  readonly pick: number;
  readonly to: string;
  #from: string | undefined;
  constructor(pick: number, to: string) {
    super();
    this.pick = pick;
    this.to = to;
  }
  protected async apply(m: GraphModel, r: GraphReal): Promise<void> {
    const paths = m.paths();
    const from = (this.#from = paths[this.pick % paths.length]);
    if (from === undefined || from === this.to) return;
    // Renaming across languages would change what the text means: keep the extension.
    const to = this.to.replace(/\.\w+$/, from.slice(from.lastIndexOf('.')));
    if (to === from) return;
    await mkdir(dirname(join(r.root, to)), { recursive: true });
    await rename(join(r.root, from), join(r.root, to));
    await r.graph.applyChanges({ upserted: [to], removed: [from] });
    m.files.set(to, m.files.get(from)!);
    m.files.delete(from);
  }
  toString(): string {
    return `rename ${this.#from ?? `file #${this.pick}`} → ${this.to} (extension kept)`;
  }
}

/** A query and what the model says it answers. */
export interface GraphQuery {
  readonly op: 'def' | 'refs' | 'search' | 'outline';
  /** A name, a search word, or (outline) a file pick. */
  readonly arg: string | number;
}

/** How a query prints (with the file an outline pick names, once the model is known). */
export function describeQuery(q: GraphQuery, m?: GraphModel): string {
  if (q.op !== 'outline') return `${q.op} ${String(q.arg)}`;
  return `outline ${m ? outlineTarget(q, m) : `file #${String(q.arg)}`}`;
}

function outlineTarget(q: GraphQuery, m: GraphModel): string {
  const paths = m.paths();
  return paths[Number(q.arg) % Math.max(1, paths.length)] ?? 'none.ts';
}

/** One result row, as the graph and the daemon answer it. */
interface Row {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
  readonly name?: string;
  readonly kind?: string;
  readonly [field: string]: unknown;
}

/** What queries are asked of: a CodeGraph, or a daemon through its client. */
export interface QueryTarget {
  /** Answers a query (`arg`: a name, a search word or a file); rejects with coded errors. */
  query(op: GraphQuery['op'], arg: string, limit: number): Promise<{ readonly results: readonly Row[] }>;
}

/** A CodeGraph as a {@link QueryTarget}. */
export function graphTarget(graph: CodeGraph): QueryTarget {
  return {
    query: (op, arg, limit): Promise<QueryResult> =>
      op === 'outline' ? graph.outline(arg) : op === 'search' ? graph.search(arg, { limit }) : graph[op](arg, { limit }),
  };
}

function rowsOf(op: GraphQuery['op'], r: { readonly results: readonly Row[] }): string[] {
  const rows = r.results.map((x) => {
    if (op === 'def') return `${x.file}:${x.line}:${x.column} ${String(x.kind)} ${String(x.name)}`;
    if (op === 'refs') return `${x.file}:${x.line}:${x.column} ${String(x.name)}`;
    if (op === 'search') return `${x.file}:${x.line}:${x.column} x${Array.isArray(x['ranges']) ? x['ranges'].length : 0}`;
    return `${x.line}:${x.column} ${String(x.kind)} ${String(x.name)}`;
  });
  return op === 'outline' ? rows : rows.sort();
}

/** Runs a query on `target` and checks it against the model. */
export async function checkQuery(q: GraphQuery, m: GraphModel, target: QueryTarget): Promise<void> {
  const what = describeQuery(q, m);
  if (q.op === 'outline') {
    const file = outlineTarget(q, m);
    const expected = m.outline(file);
    const got = await target.query('outline', file, kLimit).then((x) => rowsOf('outline', x), (e: unknown) => e);
    if (expected === undefined) assert.ok(isTesseraError(got, 'ERR_GRAPH_FILE_NOT_INDEXED'), `${what}: expected ERR_GRAPH_FILE_NOT_INDEXED, got ${JSON.stringify(got)}`);
    else assert.deepEqual(got, expected, `${what} differs from the model`);
    return;
  }
  const arg = String(q.arg);
  const result = await target.query(q.op, arg, kLimit);
  const expected = q.op === 'def' ? m.def(arg) : q.op === 'refs' ? m.refs(arg) : m.search(arg);
  assert.deepEqual(rowsOf(q.op, result), expected, `${what} differs from the model`);
}

/** One query. */
export class Query extends GraphCommand {
  readonly query: GraphQuery;
  #text: string;
  constructor(query: GraphQuery) {
    super();
    this.query = query;
    this.#text = describeQuery(query);
  }
  protected apply(m: GraphModel, r: GraphReal): Promise<void> {
    this.#text = describeQuery(this.query, m);
    return checkQuery(this.query, m, graphTarget(r.graph));
  }
  toString(): string {
    return this.#text;
  }
}

/** Concurrent queries, issued in the order the scheduler releases them. */
export class QueryBurst extends GraphCommand {
  readonly queries: readonly GraphQuery[];
  #text: string;
  constructor(queries: readonly GraphQuery[]) {
    super();
    this.queries = queries;
    this.#text = `burst [${queries.map((q) => describeQuery(q)).join(', ')}]`;
  }
  protected async apply(m: GraphModel, r: GraphReal): Promise<void> {
    this.#text = `burst [${this.queries.map((q) => describeQuery(q, m)).join(', ')}]`;
    const checks = this.queries.map((q, i) => r.scheduler.schedule(Promise.resolve(i), `query #${i}`).then(() => checkQuery(q, m, graphTarget(r.graph))));
    await r.scheduler.waitAll();
    await Promise.all(checks);
  }
  toString(): string {
    return this.#text;
  }
}

/** Passivates a partition actor to disk; the next query re-activates it. */
export class EvictPartition extends GraphCommand {
  readonly pick: number;
  #partition = -1;
  constructor(pick: number) {
    super();
    this.pick = pick;
  }
  protected apply(_m: GraphModel, r: GraphReal): Promise<void> {
    this.#partition = this.pick % Math.max(1, r.graph.stats().partitions.total);
    return r.graph.supervisor.evict(`partition/${this.#partition}`);
  }
  toString(): string {
    return `evict partition/${this.#partition < 0 ? `#${this.pick}` : this.#partition}`;
  }
}

/** Terminates one of the graph's worker threads. */
export class KillGraphWorker extends GraphCommand {
  readonly slot: number;
  constructor(slot: number) {
    super();
    this.slot = slot;
  }
  protected async apply(_m: GraphModel, r: GraphReal): Promise<void> {
    await r.graph.supervisor.workerThread(this.slot % r.workers)?.terminate();
  }
  toString(): string {
    return `kill worker ${this.slot}`;
  }
}

/** Changes the partitions' memory budget (a tiny one evicts every partition). */
export class GraphBudget extends GraphCommand {
  readonly kib: number;
  constructor(kib: number) {
    super();
    this.kib = kib;
  }
  protected apply(_m: GraphModel, r: GraphReal): Promise<void> {
    return r.graph.supervisor.setMemoryBudget(this.kib * 1024);
  }
  toString(): string {
    return `budget ${this.kib} KiB`;
  }
}
