import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kEventPathLimit, plainGraphEvent } from '../../../cli/service/plain-graph-event.js';

describe('plainGraphEvent()', () => {
  it('keeps a small event as it is, with counts beside the path lists', () => {
    const event = { type: 'files.changed', cause: 'watch', indexed: ['a.ts'], removed: [], unchanged: 1, partitions: [{ id: 0, version: 3 }], took_ms: 1.23456 };
    assert.deepEqual(plainGraphEvent(event), { ...event, indexedCount: 1, removedCount: 0, took_ms: 1.235 });
  });

  it('cuts path lists of a burst to the limit and keeps the full counts', () => {
    const indexed = Array.from({ length: kEventPathLimit + 5 }, (_, i) => `f${i}.ts`);
    const out = plainGraphEvent({ type: 'files.changed', indexed, removed: ['x.ts'] });
    assert.equal((out.indexed as string[]).length, kEventPathLimit);
    assert.deepEqual([out.indexedCount, out.removed, out.removedCount], [kEventPathLimit + 5, ['x.ts'], 1]);
  });

  it('passes events without path lists through', () => {
    assert.deepEqual(plainGraphEvent({ type: 'partition.reindexed', partition: 2, reason: 'corrupt snapshot' }), { type: 'partition.reindexed', partition: 2, reason: 'corrupt snapshot' });
  });
});
