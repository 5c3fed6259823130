import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { QueryCache, type CacheBasis } from '../../../actors/graph/query-cache.js';

describe('QueryCache', () => {
  it('counts a current entry as a hit and a missing or stale one as a miss', () => {
    let stamp = 1;
    const versions = [3, 5];
    const cache = new QueryCache<string>((b: CacheBasis) => ('stamp' in b ? b.stamp === stamp : versions[b.partition] === b.version));
    cache.set(QueryCache.key('def', { name: 'a' }), 'A', { stamp: 1 });
    cache.set(QueryCache.key('outline', { file: 'x' }), 'X', { partition: 1, version: 5 });

    assert.equal(cache.get(QueryCache.key('def', { name: 'a' })), 'A');
    assert.equal(cache.get(QueryCache.key('def', { name: 'b' })), undefined);
    stamp = 2;
    versions[0] = 4;
    assert.equal(cache.get(QueryCache.key('def', { name: 'a' })), undefined);
    assert.equal(cache.get(QueryCache.key('outline', { file: 'x' })), 'X');
    versions[1] = 6;
    assert.equal(cache.get(QueryCache.key('outline', { file: 'x' })), undefined);

    assert.deepEqual([cache.hits, cache.misses, cache.size], [2, 3, 0]);
  });

  it('evicts the least recently used entry beyond its capacity', () => {
    const cache = new QueryCache<number>(() => true, 2);
    cache.set('a', 1, { stamp: 0 });
    cache.set('b', 2, { stamp: 0 });
    cache.get('a');
    cache.set('c', 3, { stamp: 0 });

    assert.deepEqual([cache.get('a'), cache.get('b'), cache.get('c')], [1, undefined, 3]);
  });

  it('keys queries by operation and arguments, and refuses a bad capacity', () => {
    assert.notEqual(QueryCache.key('def', { name: 'a' }), QueryCache.key('refs', { name: 'a' }));
    assert.throws(() => new QueryCache(() => true, -1), /capacity must be an integer >= 0: current value is -1/);
    const off = new QueryCache<number>(() => true, 0);
    off.set('a', 1, { stamp: 0 });
    assert.equal(off.get('a'), undefined);
  });
});
