import assert from 'node:assert/strict';
import { mkdirSync, renameSync, rmSync, unlinkSync } from 'node:fs';
import { after, afterEach, before, describe, it } from 'node:test';
import { isTesseraError } from '../../../../protocol/index.js';
import { TreeWatcher, type WatcherImpl } from '../../../../actors/graph/watch/index.js';
import { BatchLog, TempTree } from './watch-harness.js';

for (const impl of ['fs-watch', 'chokidar'] as const satisfies readonly WatcherImpl[]) {
  describe(`TreeWatcher (${impl})`, () => {
    let tree: TempTree;
    let log: BatchLog;
    let watcher: TreeWatcher;
    let sentinel = 0;

    // Writes a file the watcher must report, then waits for it: everything written before
    // has been seen by then (events of one inotify queue come in order).
    const flush = async (): Promise<void> => {
      const path = `sentinel-${sentinel++}.ts`;
      tree.write(path);
      await log.upserts(path);
    };

    before(async () => {
      tree = new TempTree();
      tree.write('.gitignore', 'node_modules/\n');
      tree.write('src/a.ts');
      tree.write('src/b.ts');
      tree.write('node_modules/dep/index.js');
      tree.write('pkg/.gitignore', '*.gen.ts\n');
      log = new BatchLog();
      watcher = await TreeWatcher.start(tree.root, { impl, onBatch: log.onBatch, onError: log.onError });
    });
    after(async () => {
      await watcher.close();
      tree.remove();
    });
    afterEach(() => assert.deepEqual(log.errors, []));

    it('reports nothing for the files already there', async () => {
      await flush();

      assert.deepEqual([...log.mentioned()].filter((p) => !p.startsWith('sentinel-')), []);
      assert.ok(watcher.stats().dirs >= 3, `watches the root, src and pkg: ${JSON.stringify(watcher.stats())}`);
    });

    it('reports a created, a modified and a deleted file', async () => {
      tree.write('src/new.ts');
      await log.upserts('src/new.ts');
      log.batches.length = 0;

      tree.write('src/a.ts', 'export const a = 2;\n');
      await log.upserts('src/a.ts');
      unlinkSync(tree.abs('src/b.ts'));

      await log.until('the removal of src/b.ts', () => log.all('removed').has('src/b.ts'));
    });

    it('reports identical consecutive saves each time', async () => {
      for (let i = 0; i < 3; i++) {
        log.batches.length = 0;
        tree.write('src/same.ts', 'export const same = 1;\n');
        await log.upserts('src/same.ts');
      }
    });

    it('reports a renamed file as removed old and upserted new', async () => {
      tree.write('src/old-name.ts');
      await log.upserts('src/old-name.ts');
      log.batches.length = 0;

      renameSync(tree.abs('src/old-name.ts'), tree.abs('src/new-name.ts'));

      await log.until('the rename', () => log.all('removed').has('src/old-name.ts') && log.all('upserted').has('src/new-name.ts'));
    });

    it('reports the files of a new directory, made in place or moved in', async () => {
      mkdirSync(tree.abs('lib/deep'), { recursive: true });
      tree.write('lib/one.ts');
      tree.write('lib/deep/two.ts');
      const outside = new TempTree();
      outside.write('moved/three.ts');
      outside.write('moved/inner/four.ts');
      renameSync(outside.abs('moved'), tree.abs('moved'));
      outside.remove();

      await log.until('the new files', () => ['lib/one.ts', 'lib/deep/two.ts', 'moved/three.ts', 'moved/inner/four.ts'].every((p) => log.all('upserted').has(p)));
    });

    it('reports a directory removed recursively as a removed directory', async () => {
      tree.write('gone/x.ts');
      tree.write('gone/sub/y.ts');
      await log.upserts('gone/sub/y.ts');
      log.batches.length = 0;

      rmSync(tree.abs('gone'), { recursive: true });

      await log.until('removedDirs gone', () => log.all('removedDirs').has('gone'));
      assert.equal(log.all('upserted').has('gone/x.ts'), false);
    });

    it('reports a renamed directory as a removed directory and the files under the new name', async () => {
      tree.write('before/x.ts');
      tree.write('before/sub/y.ts');
      await log.upserts('before/sub/y.ts');
      log.batches.length = 0;

      renameSync(tree.abs('before'), tree.abs('after'));

      await log.until('the directory rename', () => log.all('removedDirs').has('before') && log.all('upserted').has('after/x.ts') && log.all('upserted').has('after/sub/y.ts'));
      tree.write('after/sub/z.ts');
      await log.upserts('after/sub/z.ts');
    });

    it('reports nothing for ignored directories and nested ignore patterns', async () => {
      log.batches.length = 0;

      tree.write('node_modules/dep/index.js', 'changed');
      tree.write('node_modules/new-dep/lib/a.js');
      tree.write('pkg/x.gen.ts');
      tree.write('pkg/kept.ts');
      tree.write('.git/HEAD', 'ref: refs/heads/main\n');
      await log.upserts('pkg/kept.ts');
      await flush();

      assert.deepEqual([...log.mentioned()].filter((p) => !p.startsWith('sentinel-')), ['pkg/kept.ts']);
    });

    it('delivers a burst of 1,000 files into new directories, losing none', async () => {
      log.batches.length = 0;
      const paths = Array.from({ length: 1000 }, (_, i) => `burst/d${i % 10}/f${i}.ts`);

      // Written asynchronously, so that the event loop (and the watcher) runs during the burst.
      for (let i = 0; i < paths.length; i += 20) await Promise.all(paths.slice(i, i + 20).map((p) => tree.writeAsync(p)));

      await log.until('all 1,000 files', () => paths.every((p) => log.all('upserted').has(p)), 30_000);
      const mentioned = [...log.mentioned()].filter((p) => !p.startsWith('sentinel-'));
      assert.deepEqual(mentioned.sort(), [...paths].sort());
      // That a burst comes out in bounded batches (one every maximum delay) is checked on a
      // simulated clock in batch-timer.test.ts; here the wall clock of a loaded CI machine decides.
    });

    it('asks for a rescan when an ignore file changes, and applies the new rules', async () => {
      tree.write('gen/a.ts');
      await log.upserts('gen/a.ts');
      log.batches.length = 0;

      tree.write('.gitignore', 'node_modules/\ngen/\n');
      await log.until('a rescan', () => log.batches.some((b) => b.rescan !== undefined));
      log.batches.length = 0;
      tree.write('gen/b.ts');
      await flush();

      assert.equal(log.mentioned().has('gen/b.ts'), false);

      tree.write('.gitignore', 'node_modules/\n');
      await log.until('a second rescan', () => log.batches.some((b) => b.rescan !== undefined));
      tree.write('gen/c.ts');
      await log.upserts('gen/c.ts');
      assert.equal(watcher.stats().rescans >= 2, true);
    });

    it('stops reporting once closed (a second watcher witnesses the write)', async () => {
      const witness = new BatchLog();
      const second = await TreeWatcher.start(tree.root, { impl, onBatch: witness.onBatch });
      await watcher.close();
      log.batches.length = 0;

      tree.write('src/after-close.ts');
      await witness.upserts('src/after-close.ts');
      await second.close();
      await watcher.close();

      assert.deepEqual(log.batches, []);
    });
  });
}

describe('TreeWatcher.start()', () => {
  it('rejects a root that is not a directory with ERR_GRAPH_SCAN_ROOT', async () => {
    await assert.rejects(TreeWatcher.start('/nonexistent/tessera-watch', { onBatch: () => undefined }), (err: unknown) => isTesseraError(err, 'ERR_GRAPH_SCAN_ROOT'));
  });

  it('rejects a maximum delay below the debounce', async () => {
    await assert.rejects(TreeWatcher.start('.', { debounceMs: 10, maxDelayMs: 5, onBatch: () => undefined }), RangeError);
  });
});

describe('TreeWatcher delivery', () => {
  const tree = new TempTree();
  after(() => tree.remove());

  it('delivers one batch at a time, coalescing what arrives meanwhile', async () => {
    let release = (): void => undefined;
    const log = new BatchLog();
    let inFlight = 0;
    let overlapped = false;
    const watcher = await TreeWatcher.start(tree.root, {
      onBatch: async (b) => {
        overlapped ||= inFlight > 0;
        inFlight++;
        log.onBatch(b);
        if (log.batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
        inFlight--;
      },
    });
    try {
      tree.write('first.ts');
      await log.upserts('first.ts');
      for (let i = 0; i < 20; i++) tree.write(`later-${i}.ts`);
      tree.write('later-0.ts', 'again');
      await new Promise((resolve) => setTimeout(resolve, 100)); // the later events arrive while the first batch is held
      assert.equal(log.batches.length, 1);

      release();
      await log.until('the later files', () => log.all('upserted').size === 21);
    } finally {
      await watcher.close();
    }

    assert.equal(overlapped, false);
    assert.equal(log.batches.length, 2, 'the 21 later events come out as one batch');
  });

  it('flush() delivers a collected batch without waiting for the debounce', async () => {
    const log = new BatchLog();
    const watcher = await TreeWatcher.start(tree.root, { debounceMs: 60_000, maxDelayMs: 60_000, onBatch: log.onBatch });
    try {
      tree.write('flushed.ts');
      const deadline = Date.now() + 10_000;
      while (watcher.stats().events === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      assert.deepEqual(log.batches, []);

      await watcher.flush();

      assert.deepEqual(log.all('upserted'), new Set(['flushed.ts']));
      await watcher.flush(); // nothing pending: resolves at once
      assert.equal(log.batches.length, 1);
    } finally {
      await watcher.close();
    }
  });

  it('reports files over maxFileBytes as removed', async () => {
    const log = new BatchLog();
    const watcher = await TreeWatcher.start(tree.root, { maxFileBytes: 1000, onBatch: log.onBatch });
    try {
      tree.write('big.ts', 'x'.repeat(2000));
      tree.write('small.ts', 'x');
      await log.upserts('small.ts');
      await log.until('big.ts removed', () => log.all('removed').has('big.ts'));
    } finally {
      await watcher.close();
    }

    assert.equal(log.all('upserted').has('big.ts'), false);
  });

  it('passes an error thrown by onBatch to onError and keeps delivering', async () => {
    const log = new BatchLog();
    const watcher = await TreeWatcher.start(tree.root, {
      onBatch: (b) => {
        log.onBatch(b);
        if (b.upserted.includes('throw.ts')) throw new Error('consumer failed');
      },
      onError: log.onError,
    });
    try {
      tree.write('throw.ts');
      await log.upserts('throw.ts');
      tree.write('after-throw.ts');
      await log.upserts('after-throw.ts');
    } finally {
      await watcher.close();
    }

    assert.deepEqual(log.errors.map((e) => e.message), ['consumer failed']);
  });
});
