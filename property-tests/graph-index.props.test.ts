import { withSeed } from './seed.js';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { PartitionIndex, type FileTags, type MergePolicy, type PartitionIndexOptions, type SearchQuery } from '../actors/graph/index/index.js';
import { changeArb, denseRepoArb, nameArb, pathArb, prefixArb, repoArb, searchQueryArb } from './arbitraries/graph-repo.js';
import { RepoModel } from './graph-index.model.js';

/** Merge policies from "never merge" (many segments, many tombstones) to the default. */
const policyArb: fc.Arbitrary<MergePolicy | undefined> = fc.constantFrom(undefined, { mergeFactor: 0, maxDeadRatio: 1, maxSegments: 1000 }, { mergeFactor: 1, maxDeadRatio: 0.2, maxSegments: 3 });

/** Index options: a merge policy and search chunks from a few bytes (every file cut) to the default. */
const optionsArb: fc.Arbitrary<PartitionIndexOptions> = fc
  .record({ mergePolicy: policyArb, chunkBytes: fc.constantFrom(1, 7, 20, 16384) })
  .map(({ mergePolicy, chunkBytes }) => (mergePolicy === undefined ? { chunkBytes } : { mergePolicy, chunkBytes }));

/** Queries to compare answers on; searches lean on the given files' text. */
const queriesArb = (files: readonly FileTags[] = []) =>
  fc.record({
    names: fc.array(nameArb, { minLength: 1, maxLength: 4 }),
    prefixes: fc.array(prefixArb, { minLength: 1, maxLength: 3 }),
    paths: fc.array(pathArb, { minLength: 1, maxLength: 4 }),
    searches: fc.array(searchQueryArb(files), { minLength: 1, maxLength: 3 }),
    limit: fc.integer({ min: 0, max: 4 }),
  });

type Queries = ReturnType<typeof queriesArb> extends fc.Arbitrary<infer Q> ? Q : never;

/** A repository with queries drawn against it. */
const repoWithQueries = repoArb.chain((files) => fc.tuple(fc.constant(files), queriesArb(files)));

/** Everything an index answers for a query set (outline included, which the model lacks). */
function answers(index: PartitionIndex, q: Queries): unknown {
  return {
    paths: index.paths(),
    def: q.names.map((n) => [index.def(n), index.def(n, q.limit)]),
    refs: q.names.map((n) => [index.refs(n), index.refs(n, q.limit)]),
    complete: q.prefixes.map((p) => [index.complete(p), index.complete(p, q.limit)]),
    outline: q.paths.map((p) => index.outline(p)),
    imports: q.paths.map((p) => index.imports(p)),
    importers: q.paths.map((p) => index.importers(p)),
    search: q.searches.map((s) => searchAnswer(index, s)),
  };
}

function searchAnswer(index: PartitionIndex, s: SearchQuery): unknown {
  const { matches, truncated } = index.search(s);
  return { matches, truncated };
}

describe(withSeed('PartitionIndex vs a naive model'), () => {
  it('search equals reading every file and running the patterns line by line', () => {
    fc.assert(
      fc.property(
        repoArb.chain((files) => fc.tuple(fc.constant(files), fc.array(searchQueryArb(files), { minLength: 1, maxLength: 4 }))),
        fc.constantFrom(1, 5, 16384),
        ([files, queries], chunkBytes) => {
        const index = PartitionIndex.build(files, { chunkBytes });
        const model = new RepoModel(files);
        for (const q of queries) assert.deepEqual(searchAnswer(index, q), model.search(q), JSON.stringify(q));
        },
      ),
    );
  });

  it('def, refs, complete, imports and importers equal the reference implementation', () => {
    fc.assert(
      fc.property(repoWithQueries, ([files, q]) => {
        const index = PartitionIndex.build(files);
        const model = new RepoModel(files);
        for (const n of q.names) {
          assert.deepEqual(index.def(n, q.limit), model.def(n, q.limit), `def ${n}`);
          assert.deepEqual(index.refs(n, q.limit), model.refs(n, q.limit), `refs ${n}`);
        }
        for (const p of q.prefixes) assert.deepEqual(index.complete(p, 5), model.complete(p, 5), `complete ${p}`);
        for (const p of [...q.paths, ...files.map((f) => f.path)]) {
          assert.deepEqual(index.imports(p), model.imports(p), `imports ${p}`);
          assert.deepEqual(index.importers(p), model.importers(p), `importers ${p}`);
        }
      }),
    );
  });

  it('imports and importers equal resolving every import of every file', () => {
    fc.assert(
      fc.property(denseRepoArb, fc.array(changeArb, { maxLength: 2 }), (files, changes) => {
        const index = PartitionIndex.build(files);
        const model = new RepoModel(files);
        for (const c of changes) {
          index.update(c);
          model.apply(c);
        }
        for (const p of [...model.files.keys(), 'a.c', 'src/a.c', 'util/b.c']) {
          assert.deepEqual(index.imports(p), model.imports(p), `imports ${p}`);
          assert.deepEqual(index.importers(p), model.importers(p), `importers ${p}`);
        }
      }),
    );
  });
});

describe(withSeed('PartitionIndex incremental updates and snapshots'), () => {
  it('after any sequence of upserts and removals, answers equal a fresh build and the model', () => {
    fc.assert(
      fc.property(repoWithQueries, fc.array(changeArb, { maxLength: 6 }), optionsArb, ([files, q], changes, options) => {
        const index = PartitionIndex.build(files, options);
        const model = new RepoModel(files);
        for (const c of changes) {
          index.update(c);
          model.apply(c);
        }
        const fresh = PartitionIndex.build(model.sorted());

        assert.deepEqual(answers(index, q), answers(fresh, q));
        for (const s of q.searches) assert.deepEqual(searchAnswer(index, s), model.search(s));
        for (const p of q.prefixes) assert.deepEqual(index.complete(p), model.complete(p, 20));
      }),
    );
  });

  it('bumps the version exactly once per batch that changes something', () => {
    fc.assert(
      fc.property(repoArb, fc.array(changeArb, { maxLength: 6 }), (files, changes) => {
        const index = PartitionIndex.build(files);
        const live = new Set(files.map((f) => f.path));
        let expected = files.length > 0 ? 1 : 0;
        for (const c of changes) {
          if (c.upsert.length > 0 || c.remove.some((p) => live.has(p))) expected++;
          for (const p of c.remove) live.delete(p);
          for (const f of c.upsert) live.add(f.path);
          assert.equal(index.update(c), expected);
        }
      }),
    );
  });

  it('deserialize(serialize(index)) answers identically and re-serializes to the same bytes', () => {
    fc.assert(
      fc.property(repoWithQueries, fc.array(changeArb, { maxLength: 4 }), optionsArb, ([files, q], changes, options) => {
        const index = PartitionIndex.build(files, options);
        for (const c of changes) index.update(c);

        const bytes = index.serialize();
        const back = PartitionIndex.deserialize(bytes);

        assert.equal(back.version, index.version);
        assert.deepEqual(answers(back, q), answers(index, q));
        assert.deepEqual(back.serialize(), bytes);
      }),
    );
  });
});
