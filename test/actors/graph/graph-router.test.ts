import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GraphRouter } from '../../../actors/graph/graph-router.js';
import { searchCondition, trigramKey } from '../../../actors/graph/index/index.js';
import { NameFilter } from '../../../actors/graph/partition/index.js';
import { partitionTree } from '../../../actors/graph/scan/index.js';

const plan = partitionTree(
  ['a/x.ts', 'a/y.ts', 'b/z.ts', 'c/w.ts'].map((path) => ({ path, size: 10 })),
  { files: 2 },
);

describe('GraphRouter', () => {
  it('names the owner of any path, also of paths created later', () => {
    const router = new GraphRouter(plan);

    assert.equal(router.count, 2);
    assert.deepEqual(['a/x.ts', 'b/z.ts', 'c/new.ts', '0.ts'].map((p) => router.owner(p)), [0, 1, 1, 0]);
    assert.equal(router.address(1), 'partition/1');
  });

  it('asks every partition until summaries arrive, then only those that may hold the name', () => {
    const router = new GraphRouter(plan);
    assert.deepEqual(router.mayHold('foo'), [0, 1]);

    router.setSummary(0, NameFilter.build(['foo']).toData());
    router.setSummary(1, NameFilter.build(['bar']).toData());

    assert.deepEqual(router.mayHold('foo'), [0]);
    assert.deepEqual(router.mayHold('bar'), [1]);
    assert.ok(router.filterBytes >= 16);
  });

  it('sends a search only to partitions whose trigram filter allows its condition', () => {
    const router = new GraphRouter(plan);
    const condition = searchCondition({ patterns: ['parseConfig'], mode: 'literal' });
    assert.deepEqual(router.maySearch(condition), [0, 1]); // unknown filters: ask both

    const filterOf = (text: string) => NameFilter.build(trigramsIn(text).map(trigramKey)).toData();
    router.setSummary(0, null, null, filterOf('const x = parseConfig(text);'));
    router.setSummary(1, null, null, filterOf('function other() {}'));

    assert.deepEqual(router.maySearch(condition), [0]);
    assert.deepEqual(router.maySearch(searchCondition({ patterns: ['PARSECONFIG'], mode: 'literal', ignoreCase: true })), [0]);
    assert.deepEqual(router.maySearch(searchCondition({ patterns: ['other|parseC'], mode: 'regex' })), [0, 1]);
    assert.deepEqual(router.maySearch(searchCondition({ patterns: ['parseConfig', 'function'], mode: 'literal', scope: 'file' })), []);
    assert.deepEqual(router.maySearch(searchCondition({ patterns: ['x'], mode: 'literal' })), [0, 1]); // no trigram: everywhere
    assert.equal(router.summaryOf(0).trigrams !== null, true);
  });

  it('moves its stamp when a version or a summary changes, never otherwise', () => {
    const router = new GraphRouter(plan);
    const s0 = router.stamp;

    assert.equal(router.observe(0, 0), false);
    assert.equal(router.stamp, s0);
    assert.equal(router.observe(0, 3), true);
    assert.equal(router.version(0), 3);
    const s1 = router.stamp;
    router.setSummary(1, null);

    assert.ok(s1 !== s0 && router.stamp !== s1);
  });
});

/** Every folded trigram of an ASCII text, as the index builds them. */
function trigramsIn(text: string): number[] {
  const b = Buffer.from(text.toLowerCase());
  const out = new Set<number>();
  for (let i = 0; i + 2 < b.length; i++) out.add((b[i]! << 16) | (b[i + 1]! << 8) | b[i + 2]!);
  return [...out];
}
