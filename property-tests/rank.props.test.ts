import { withSeed } from './seed.js';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildImportGraph, buildRefGraph, definitionRanks, estimateTokens, impactOf, personalisedPageRank, rankMap, renderMap, type FileFacts, type RepoMap } from '../actors/graph/rank/index.js';
import { denseDefinitionRanks, denseGraph, densePageRank, naiveImpact } from './rank.model.js';

const pathArb = fc.constantFrom('a.ts', 'b.ts', 'c.ts', 'd.ts', 'src/e.ts', 'src/f.ts', 'lib/G.ts', 'z.ts');
/** Short, long camel/snake, private and common names, so every multiplier shows up. */
const nameArb = fc.constantFrom('x', 'run', 'parseConfig', 'read_file_sync', '_private', 'render', 'Widget', 'y');

const edgesArb = fc.array(fc.record({ from: pathArb, to: pathArb }), { maxLength: 30 });

const defArb = fc.record({
  name: nameArb,
  kind: fc.constantFrom('function', 'class', 'method'),
  line: fc.integer({ min: 1, max: 50 }),
  signature: fc.oneof(fc.constant(''), fc.string({ maxLength: 30 }), fc.constant('export function f(\n  a: number)')),
});

const factsArb: fc.Arbitrary<FileFacts[]> = fc.uniqueArray(pathArb, { maxLength: 8 }).chain((files) =>
  fc.tuple(
    ...files.map((file) =>
      fc.record({
        file: fc.constant(file),
        defs: fc.array(defArb, { maxLength: 4 }),
        refs: fc.array(fc.tuple(nameArb, fc.integer({ min: 0, max: 9 })), { maxLength: 6 }),
      }),
    ),
  ),
);

const mentionedArb = fc.record({ files: fc.array(pathArb, { maxLength: 2 }), names: fc.array(nameArb, { maxLength: 2 }) });

const chosen = (map: RepoMap): string[] => map.files.flatMap((f) => f.symbols.map((s) => `${f.file}#${s.name}@${s.line}`));

describe(withSeed('rank properties'), () => {
  it('impactOf() equals naive reachability over the reversed edge list, cut to the limit', () => {
    fc.assert(
      fc.property(edgesArb, pathArb, fc.option(fc.nat({ max: 8 }), { nil: undefined }), (edges, file, limit) => {
        const expected = naiveImpact(edges, file).slice(0, limit);

        assert.deepEqual(impactOf(edges, file, limit === undefined ? {} : { limit }), expected);
        assert.deepEqual(impactOf(buildImportGraph(edges), file, limit === undefined ? {} : { limit }), expected);
      }),
    );
  });

  it('the factored CSR PageRank and definition ranks equal a dense-matrix reference within 1e-9', () => {
    fc.assert(
      fc.property(factsArb, mentionedArb, (facts, mentioned) => {
        const graph = buildRefGraph(facts, new Set(mentioned.names));
        const teleport = graph.paths.map((p) => ((mentioned.files as readonly string[]).includes(p) ? 1 : 0));
        const personalised = teleport.some((v) => v > 0);
        const { ranks } = personalisedPageRank(graph, { tolerance: 1e-13, maxIterations: 10_000, ...(personalised ? { personalisation: Float64Array.from(teleport) } : {}) });
        const dense = denseGraph(facts, mentioned.names);
        const expected = densePageRank(dense, personalised ? teleport : undefined);

        for (let f = 0; f < ranks.length; f++) assert.ok(Math.abs(ranks[f]! - expected[f]!) < 1e-9, `${graph.paths[f]}: ${ranks[f]} vs ${expected[f]}`);
        const units = definitionRanks(graph, ranks);
        const expectedUnits = denseDefinitionRanks(dense, expected);
        assert.equal(units.length, expectedUnits.size);
        for (let n = 0; n < graph.names.length; n++) {
          for (let k = graph.definers.offsets[n]!; k < graph.definers.offsets[n + 1]!; k++) {
            const key = `${graph.paths[graph.definers.columns[k]!]} ${graph.names[n]}`;
            assert.ok(Math.abs(units[k]! - expectedUnits.get(key)!) < 1e-9, `${key}: ${units[k]} vs ${expectedUnits.get(key)}`);
          }
        }
      }),
    );
  });

  it('rankMap() stays within the budget, reports the rendered estimate, and never drops a definition for a larger budget', () => {
    fc.assert(
      fc.property(factsArb, mentionedArb, fc.nat({ max: 120 }), fc.nat({ max: 120 }), (facts, mentioned, t1, t2) => {
        const [small, large] = t1 <= t2 ? [t1, t2] : [t2, t1];

        const a = rankMap(facts, { tokens: small, mentioned });
        const b = rankMap(facts, { tokens: large, mentioned });

        for (const [map, budget] of [[a, small], [b, large]] as const) {
          assert.ok(map.tokens <= budget, `${map.tokens} tokens > budget ${budget}`);
          assert.equal(map.tokens, estimateTokens(renderMap(map)));
        }
        const larger = new Set(chosen(b));
        for (const s of chosen(a)) assert.ok(larger.has(s), `${s} chosen at ${small} tokens but not at ${large}`);
      }),
    );
  });

  it('rankMap() does not depend on the order of its input', () => {
    fc.assert(
      fc.property(factsArb, mentionedArb, fc.nat({ max: 200 }), fc.infiniteStream(fc.double({ noNaN: true })), (facts, mentioned, tokens, keys) => {
        const it = keys[Symbol.iterator]();
        const shuffled = facts
          .map((f) => ({ f, k: it.next().value as number }))
          .sort((x, y) => x.k - y.k)
          .map(({ f }) => ({ ...f, defs: [...f.defs].reverse(), refs: [...f.refs].reverse() }));

        assert.deepEqual(rankMap(shuffled, { tokens, mentioned }), rankMap(facts, { tokens, mentioned }));
      }),
    );
  });
});
