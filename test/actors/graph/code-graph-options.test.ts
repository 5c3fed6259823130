import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultSnapshotDir, kDefaultPartitionFiles, resolveGraphOptions } from '../../../actors/graph/code-graph-options.js';

describe('resolveGraphOptions()', () => {
  it('fills in defaults and makes the root absolute', () => {
    const o = resolveGraphOptions({ root: 'some/repo' });

    assert.ok(isAbsolute(o.root));
    assert.equal(o.partitionFiles, kDefaultPartitionFiles);
    assert.equal(o.maxFileBytes, 1 << 20);
    assert.equal(o.memoryBudgetBytes, undefined);
    assert.equal(o.snapshotDir, defaultSnapshotDir(o.root));
    assert.deepEqual(o.wideDefs, { minPartitions: 12, rows: 256, rebuildQuietMs: 30_000 });
    assert.deepEqual(resolveGraphOptions({ root: '/r', wideDefs: { rows: 3 } }).wideDefs, { minPartitions: 12, rows: 3, rebuildQuietMs: 30_000 });
  });

  it('names the bad option and its value', () => {
    assert.throws(() => resolveGraphOptions({ root: '' }), TypeError);
    assert.throws(() => resolveGraphOptions({ root: '/r', workers: 0 }), /workers must be an integer >= 1: current value is 0/);
    assert.throws(() => resolveGraphOptions({ root: '/r', partitionBytes: 1.5 }), /partitionBytes/);
    assert.throws(() => resolveGraphOptions({ root: '/r', memoryBudgetBytes: -1 }), /memoryBudgetBytes must be a finite number > 0: current value is -1/);
    assert.throws(() => resolveGraphOptions({ root: '/r', wideDefs: { minPartitions: 1 } }), /wideDefs.minPartitions must be an integer >= 2: current value is 1/);
    assert.throws(() => resolveGraphOptions({ root: '/r', wideDefs: { rows: 0 } }), /wideDefs.rows must be an integer >= 1: current value is 0/);
  });
});

describe('defaultSnapshotDir()', () => {
  it('keys a per-user cache directory by the root', () => {
    const saved = process.env['XDG_CACHE_HOME'];
    try {
      process.env['XDG_CACHE_HOME'] = '/cache';
      const a = defaultSnapshotDir('/repo/a');
      assert.match(a, /^\/cache\/tessera\/[0-9a-f]{16}$/);
      assert.notEqual(a, defaultSnapshotDir('/repo/b'));
      delete process.env['XDG_CACHE_HOME'];
      assert.ok(defaultSnapshotDir('/repo/a').startsWith(join(tmpdir(), 'tessera-')));
    } finally {
      if (saved === undefined) delete process.env['XDG_CACHE_HOME'];
      else process.env['XDG_CACHE_HOME'] = saved;
    }
  });
});
