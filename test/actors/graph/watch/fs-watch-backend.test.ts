import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { renameSync, watch } from 'node:fs';
import { after, describe, it } from 'node:test';
import { TreeWatcher } from '../../../../actors/graph/watch/index.js';
import type { DirWatcher, WatchDir } from '../../../../actors/graph/watch/fs-watch-backend.js';
import { BatchLog, TempTree } from './watch-harness.js';

function enospc(): NodeJS.ErrnoException {
  return Object.assign(new Error('ENOSPC: System limit for number of file watchers reached, watch'), { code: 'ENOSPC' });
}

/** A `watchDir` whose watchers are silent until the test calls their listener (kept by path). */
function fakeWatchers(): { fakes: Map<string, (event: string, filename: string | null) => void>; watchDir: WatchDir } {
  const fakes = new Map<string, (event: string, filename: string | null) => void>();
  const watchDir: WatchDir = (path, listener) => {
    fakes.set(path, listener);
    return Object.assign(new EventEmitter(), { close: () => undefined });
  };
  return { fakes, watchDir };
}

describe('FsWatchBackend errors', () => {
  const tree = new TempTree();
  after(() => tree.remove());
  tree.write('ok/a.ts');
  for (let i = 0; i < 5; i++) tree.write(`full${i}/a.ts`);

  it('reports the inotify limit once, asks for a rescan and keeps watching the rest', async () => {
    const log = new BatchLog();
    const watchDir: WatchDir = (path, listener) => {
      if (/full\d$/.test(path)) throw enospc();
      return watch(path, listener);
    };

    const watcher = await TreeWatcher.start(tree.root, { onBatch: log.onBatch, onError: log.onError }, { watchDir });
    try {
      await log.until('a rescan', () => log.batches.some((b) => b.rescan !== undefined));
      tree.write('ok/b.ts');
      await log.upserts('ok/b.ts');
    } finally {
      await watcher.close();
    }

    assert.deepEqual(log.errors.map((e) => (e as NodeJS.ErrnoException).code), ['ENOSPC']);
    assert.match(log.batches[0]!.rescan!.reason, /cannot watch "full\d": ENOSPC/);
    assert.equal(watcher.stats().rescans, 1);
  });

  it('answers a watcher error event with onError and a rescan', async () => {
    const log = new BatchLog();
    const fakes = new Map<string, EventEmitter & DirWatcher>();
    const watchDir: WatchDir = (path) => {
      const fake = Object.assign(new EventEmitter(), { close: () => undefined });
      fakes.set(path, fake);
      return fake;
    };
    const watcher = await TreeWatcher.start(tree.root, { onBatch: log.onBatch, onError: log.onError }, { watchDir });

    fakes.get(tree.abs('ok'))!.emit('error', Object.assign(new Error('EMFILE: too many open files'), { code: 'EMFILE' }));
    await log.until('a rescan', () => log.batches.some((b) => b.rescan !== undefined));
    await watcher.close();
    await watcher.close();

    assert.equal(log.errors.length, 1);
    assert.match(log.batches[0]!.rescan!.reason, /watcher of "ok" failed: EMFILE/);
    assert.equal(watcher.stats().dirs, 0);
  });

  it('asks for a rescan when a full inotify queue arrives in one event-loop turn', async () => {
    const log = new BatchLog();
    const { fakes, watchDir } = fakeWatchers();
    const watcher = await TreeWatcher.start(tree.root, { onBatch: log.onBatch }, { watchDir, queueLimit: 100 });
    const emit = fakes.get(tree.abs('ok'))!;

    for (let i = 0; i < 99; i++) emit('change', 'a.ts');
    await log.upserts('ok/a.ts');
    assert.equal(log.batches.some((b) => b.rescan !== undefined), false, '99 events in a turn: no rescan');
    for (let i = 0; i < 100; i++) emit('change', 'a.ts');
    await log.until('a rescan', () => log.batches.some((b) => b.rescan !== undefined));
    await watcher.close();

    assert.match(log.batches.at(-1)!.rescan!.reason, /100 events in one read: the inotify queue/);
  });

  it('ignores the late creation event of a directory it already watches, and re-lists one moved over it', async () => {
    const log = new BatchLog();
    const { fakes, watchDir } = fakeWatchers();
    const watcher = await TreeWatcher.start(tree.root, { onBatch: log.onBatch }, { watchDir });
    const root = fakes.get(tree.root)!;

    root('rename', 'ok'); // "ok" was there when the root was listed: the same directory
    tree.write('ok/c.ts');
    fakes.get(tree.abs('ok'))!('rename', 'c.ts');
    await log.upserts('ok/c.ts');
    assert.deepEqual([...log.mentioned()], ['ok/c.ts'], 'no removal of "ok", no re-listing');

    tree.write('other/d.ts');
    renameSync(tree.abs('ok'), tree.abs('gone'));
    renameSync(tree.abs('other'), tree.abs('ok')); // another directory moved over "ok"
    root('rename', 'ok');
    await log.upserts('ok/d.ts');
    await watcher.close();
    assert.ok(log.batches.some((b) => b.removedDirs.includes('ok')), 'the old "ok" is removed');
  });
});
