/**
 * `map [--tokens N]`: the most important definitions of the repository, by PageRank over the
 * cross-file reference graph, cut to a token budget (rank's `rankMap`). The facts (every file's
 * definitions and reference counts) are gathered from all partitions, evicted ones included.
 *
 * @module
 */

import { orderedFanOut } from './ordered-fan-out.js';
import type { FileFacts } from './partition/index.js';
import type { Answer, QueryContext } from './query-context.js';
import type { QueryRow } from './query-result.js';
import { DEFAULT_MAP_TOKENS, rankMap, renderMap } from './rank/index.js';

/** Default token budget of `map`. */
export const kDefaultMapTokens = DEFAULT_MAP_TOKENS;

/**
 * The repository map: one row per chosen definition, files by rank, and the rendered text.
 * @throws RangeError for a token budget that is not a non-negative number
 */
export async function repoMap(ctx: QueryContext, tokens: number): Promise<Answer> {
  if (!(tokens >= 0 && Number.isFinite(tokens))) throw new RangeError(`Cannot run map: tokens must be a non-negative number: current value is ${tokens}`);
  const ids = ctx.router.all();
  const facts: FileFacts[] = [];
  await orderedFanOut(
    ids.length,
    ctx.concurrency,
    (i) => ctx.client.query(ids[i]!, 'facts', { symbols: true }),
    (reply) => {
      for (const f of reply.value) facts.push(f);
      return true;
    },
  );
  const map = rankMap(facts, { tokens });
  const results: QueryRow[] = map.files.flatMap((f) =>
    f.symbols.map((s): QueryRow => ({ file: f.file, line: s.line, name: s.name, kind: s.kind, text: s.signature, rank: s.rank, fileRank: f.rank })),
  );
  return { results, truncated: false, text: renderMap(map) };
}
