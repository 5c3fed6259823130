/**
 * `def NAME`, `refs NAME` and `complete PREFIX` over the partitions.
 * A name defined in many partitions is answered from the wide-definition table when it holds
 * the answer (wide-defs.ts: one read). Otherwise a partition whose stored snapshot is current
 * answers def from its stored def table, on this thread (stored-defs.ts); the others are asked.
 *
 * def/refs ask only the partitions that hold the name, in path order — those whose counts say
 * they define (or reference) it, when the completion table is current; else those whose name
 * filter may hold it — with early termination: each ask is sized by what the answered prefix already holds (answers are
 * cut again when consumed, since asks overlap), so once the limit is reached later partitions
 * are asked for 0 hits (they still report a total) and the first one that has any proves the
 * answer truncated, which stops the fan-out. When every hit fits the limit, every partition is
 * asked at once. When a name has more definitions than the limit, the table's per-partition
 * counts name the prefix of partitions that holds the first `limit`: those are asked at once,
 * each for its share (on an eighth of the Linux kernel, `cmd` and `mask` — defined in dozens of
 * partitions — took 6.9 ms in turns of `concurrency` asks); an answer whose total differs from
 * its count means a partition changed since its summary, and the query is asked again in turns.
 *
 * complete ranks names from the router's completion table (every name with its counts, kept
 * from the partitions' summaries) and asks only the partition of each top name for its location;
 * until every summary is known it asks every partition for its local top candidates and sums
 * the counts by name.
 *
 * @module
 */

import type { CompletionTable } from './completion-table.js';
import type { DefHit, HitPage, RefHit } from './index/index.js';
import { orderedFanOut } from './ordered-fan-out.js';
import type { LocatedCompletion } from './partition/index.js';
import { checkLimit, checkString, type Answer, type QueryContext } from './query-context.js';
import { completionRow, defRow, refRow, type QueryRow } from './query-result.js';

/** Default limit of def and refs. */
export const kDefaultHitLimit = 1000;
/** Default number of completions. */
export const kDefaultCompletions = 20;

/**
 * Definitions or references named exactly `name`, in (path, line, column) order.
 * @throws TypeError for a name that is not a string; RangeError for a bad limit
 */
export async function symbolHits(ctx: QueryContext, op: 'def' | 'refs', name: string, limit: number): Promise<Answer> {
  checkString(op, 'name', name);
  checkLimit(op, limit);
  // Exact routing from the partitions' name counts when the table is current; the name filters
  // otherwise (they also send a definition query to partitions that only reference the name).
  const table = ctx.router.builtCompletionTable();
  if (table === null) return fanOutHits(ctx, op, name, limit, ctx.router.mayHold(name), null);
  // A name defined in many partitions: one read of the wide-definition table, when it is current.
  const wide = op === 'def' ? ctx.wideDefs?.answer(table, ctx.router, name, limit) : null;
  if (wide) return wide;
  // When the counts say every hit fits the limit, no answer can be cut and nothing can be
  // over-fetched: ask every partition at once (one round trip, not one per `concurrency` asks).
  if (table.count(name, op) <= limit) {
    const ids = table.partitionsWith(name, op);
    return fanOutHits(ctx, op, name, limit, ids, { asks: ids.length, before: null });
  }
  if (op === 'refs') return fanOutHits(ctx, op, name, limit, table.partitionsWith(name, op), null);
  // More definitions than the limit: the per-partition counts say which prefix of partitions
  // holds the first `limit`; ask exactly those at once, each for its share.
  const { ids, counts } = table.definersOf(name);
  const planned = await fanOutHits(ctx, op, name, limit, ids, { ...planDefAsks(counts, limit), counts });
  // A partition that changed since its summary makes the shares wrong: ask again, in turns.
  return planned ?? fanOutHits(ctx, op, name, limit, ids, null);
}

/** How a fan-out is sized: the first `asks` partitions at once, each for `limit - before[i]`. */
interface AskPlan {
  readonly asks: number;
  /** Hits the partitions before `i` hold (null: size each ask by the answers consumed so far). */
  readonly before: readonly number[] | null;
  /** The counts the shares come from: an answer whose total differs means they were stale. */
  readonly counts?: readonly number[];
}

/**
 * Pure: which prefix of a name's definers (in path order, with their counts) a `def` limited
 * to `limit` must ask, and how many hits precede each. The prefix ends where the counts reach
 * the limit, and one partition later when they reach it exactly (its total proves the answer
 * truncated).
 */
export function planDefAsks(counts: readonly number[], limit: number): { asks: number; before: number[] } {
  const before: number[] = [];
  let sum = 0;
  let asks = counts.length;
  for (let i = 0; i < counts.length; i++) {
    before.push(sum);
    sum += counts[i]!;
    if (asks === counts.length && sum >= limit) asks = Math.min(counts.length, sum === limit ? i + 2 : i + 1);
  }
  return { asks, before };
}

/**
 * Asks `ids` in path order, with early termination: each ask is sized by the plan, or else by
 * what the answered prefix already holds (answers are cut again when consumed, since asks
 * overlap); once the limit is reached later partitions are asked for 0 hits, and the first one
 * that has any proves the answer truncated.
 * @returns the answer; `null` when a planned partition's total differed from its count
 */
async function fanOutHits(ctx: QueryContext, op: 'def' | 'refs', name: string, limit: number, ids: readonly number[], plan: AskPlan | null): Promise<Answer>;
async function fanOutHits(ctx: QueryContext, op: 'def' | 'refs', name: string, limit: number, ids: readonly number[], plan: AskPlan): Promise<Answer | null>;
async function fanOutHits(ctx: QueryContext, op: 'def' | 'refs', name: string, limit: number, ids: readonly number[], plan: AskPlan | null): Promise<Answer | null> {
  const rows: QueryRow[] = [];
  let truncated = false;
  let stale = false;
  // With shares from the counts, the planned prefix holds the whole answer: ask no further.
  const shared = plan?.before != null;
  const count = shared ? plan.asks : ids.length;
  await orderedFanOut(
    count,
    Math.max(1, plan?.asks ?? ctx.concurrency),
    (i) => {
      const share = shared ? limit - plan.before[i]! : limit - rows.length;
      const args = { name, limit: Math.max(0, share) };
      const cold = op === 'def' ? ctx.storedDefs?.defs(ids[i]!, name, args.limit) : undefined;
      return cold ? Promise.resolve(cold) : ctx.client.query(ids[i]!, op, args);
    },
    (reply, i) => {
      const page: HitPage<DefHit | RefHit> = reply.value;
      if (plan?.counts !== undefined && page.total !== plan.counts[i]) {
        stale = true;
        return false;
      }
      // Asks run in parallel: one launched before the prefix filled up may bring more than fits.
      const taken = page.hits.slice(0, limit - rows.length);
      for (const h of taken) rows.push(op === 'def' ? defRow(h as DefHit) : refRow(h));
      truncated = page.total > taken.length;
      return !truncated;
    },
  );
  // Counts that were right prove the answer truncated within the prefix; if it was not, they were not.
  if (shared && !truncated && count < ids.length) stale = true;
  return stale ? null : { results: rows, truncated };
}

/**
 * The `limit` best completions of `prefix`, ranked as one partition ranks them (exact-case
 * prefix first, then more definitions plus references, then shorter, then name order), with
 * counts summed over partitions. Each partition offers its local best `2 × limit + 8`; a name
 * outside every partition's local list can be missed, so with many partitions the ranking of
 * rare names is approximate.
 * @throws TypeError for a prefix that is not a string; RangeError for a bad limit
 */
export async function completions(ctx: QueryContext, prefix: string, limit: number): Promise<Answer> {
  checkString('complete', 'prefix', prefix);
  checkLimit('complete', limit);
  if (limit === 0) return { results: [], truncated: false };
  const table = ctx.router.completionTable();
  if (table !== null) {
    const answer = await fromTable(ctx, table, prefix, limit);
    if (answer !== null) return answer;
    // A partition changed after its summary was taken (an update is under way): ask them all.
  }
  const ids = ctx.router.all();
  const merged = new Map<string, LocatedCompletion>();
  await orderedFanOut(
    ids.length,
    ctx.concurrency,
    (i) => ctx.client.query(ids[i]!, 'complete', { prefix, limit: 2 * limit + 8 }),
    (reply) => {
      for (const c of reply.value) {
        const seen = merged.get(c.name);
        // Partitions answer in path order: the first location seen is the first in the graph,
        // preferring a definition over a use.
        const keepFirst = seen !== undefined && (seen.defs > 0 || c.defs === 0);
        const at = keepFirst ? seen : c;
        merged.set(c.name, { ...at, defs: c.defs + (seen?.defs ?? 0), refs: c.refs + (seen?.refs ?? 0) });
      }
      return true;
    },
  );
  const ranked = [...merged.values()].sort((a, b) => compareCompletions(a, b, prefix));
  return { results: ranked.slice(0, limit).map(completionRow), truncated: ranked.length > limit };
}

/**
 * Completions ranked from the table; each location is the top name's first definition (or,
 * without one, its first use), asked of the partition that holds it.
 * @returns `null` when a partition no longer holds what its summary said
 */
async function fromTable(ctx: QueryContext, table: CompletionTable, prefix: string, limit: number): Promise<Answer | null> {
  const { top, truncated } = table.top(prefix, limit);
  const located = top.map((c) => table.location(c.name, ctx.router.version(c.partition)));
  const missing = top.flatMap((_, i) => (located[i] === undefined ? [i] : []));
  let stale = false;
  // The asks are small and go to few workers: all at once, so they pipeline.
  await orderedFanOut(
    missing.length,
    Math.max(1, missing.length),
    (j) => {
      const c = top[missing[j]!]!;
      const cold = c.defs > 0 ? ctx.storedDefs?.defs(c.partition, c.name, 1) : undefined;
      return cold ? Promise.resolve(cold) : ctx.client.query(c.partition, c.defs > 0 ? 'def' : 'refs', { name: c.name, limit: 1 });
    },
    (reply, j) => {
      const i = missing[j]!;
      const c = top[i]!;
      const at = reply.value.hits[0];
      if (at === undefined) {
        stale = true;
        return false;
      }
      located[i] = { version: reply.version, path: at.path, line: at.line, column: at.column };
      table.remember(c.name, located[i]);
      return true;
    },
  );
  if (stale) return null;
  const results = top.map((c, i) => {
    const at = located[i]!;
    return completionRow({ name: c.name, defs: c.defs, refs: c.refs, path: at.path, line: at.line, column: at.column });
  });
  return { results, truncated };
}

function compareCompletions(a: LocatedCompletion, b: LocatedCompletion, prefix: string): number {
  const ea = a.name.startsWith(prefix);
  const eb = b.name.startsWith(prefix);
  if (ea !== eb) return ea ? -1 : 1;
  const ca = a.defs + a.refs;
  const cb = b.defs + b.refs;
  if (ca !== cb) return cb - ca;
  const la = Buffer.byteLength(a.name);
  const lb = Buffer.byteLength(b.name);
  if (la !== lb) return la - lb;
  const fa = a.name.toLowerCase();
  const fb = b.name.toLowerCase();
  if (fa !== fb) return fa < fb ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
