import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ChangeSet } from '../../../../actors/graph/watch/change-set.js';

describe('ChangeSet', () => {
  it('reports a file written many times once, sorted', () => {
    const set = new ChangeSet();

    for (let i = 0; i < 10; i++) set.upsert('b.ts');
    set.upsert('a.ts');

    assert.deepEqual(set.take(), { upserted: ['a.ts', 'b.ts'], removed: [], removedDirs: [] });
    assert.equal(set.empty, true);
  });

  it('keeps the last of upsert and remove for a path', () => {
    const set = new ChangeSet();

    set.upsert('created-then-deleted.ts');
    set.remove('created-then-deleted.ts');
    set.remove('deleted-then-created.ts');
    set.upsert('deleted-then-created.ts');

    assert.deepEqual(set.take(), { upserted: ['deleted-then-created.ts'], removed: ['created-then-deleted.ts'], removedDirs: [] });
  });

  it('drops changes under a removed directory, but not under a sibling with a longer name', () => {
    const set = new ChangeSet();
    set.upsert('src/a.ts');
    set.remove('src/old.ts');
    set.removeDir('src/sub');
    set.upsert('src2/b.ts');

    set.removeDir('src');

    assert.deepEqual(set.take(), { upserted: ['src2/b.ts'], removed: [], removedDirs: ['src'] });
  });

  it('keeps files written under a directory after it was removed', () => {
    const set = new ChangeSet();

    set.removeDir('src');
    set.upsert('src/new.ts');

    assert.deepEqual(set.take(), { upserted: ['src/new.ts'], removed: [], removedDirs: ['src'] });
  });

  it('carries the first rescan reason', () => {
    const set = new ChangeSet();

    set.rescan('first');
    set.rescan('second');

    assert.equal(set.empty, false);
    assert.deepEqual(set.take(), { upserted: [], removed: [], removedDirs: [], rescan: { reason: 'first' } });
  });
});
