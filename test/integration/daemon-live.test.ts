import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DaemonClient } from '../../cli/client/daemon-client.js';
import { kFixtureRoot, startForeground, testEnv } from '../cli/fixtures/daemon-process.js';

const places = (a: { results: readonly { file: string; line: number }[] }): string[] => a.results.map((r) => `${r.file}:${r.line}`);

/** Asks until `check` holds (the watcher has seen the change and it is applied), at most 10 s. */
async function eventually(client: DaemonClient, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; ; i++) {
    await client.sync();
    if (await check()) return;
    if (i >= 500) throw new Error('the change never became visible');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * A real daemon over a copy of the TypeScript fixture tree: saved files are queryable again
 * without a restart, and a restarted daemon starts warm and catches up on what changed while
 * it was stopped.
 */
describe('daemon live updates and warm restart (real processes)', { timeout: 90_000 }, async () => {
  const env = await testEnv('real');
  const base = await mkdtemp(join(tmpdir(), 'tessera-daemon-live-'));
  const root = join(base, 'repo');
  await cp(kFixtureRoot, root, { recursive: true });
  after(async () => {
    await rm(base, { recursive: true, force: true });
    await rm(env.XDG_RUNTIME_DIR!, { recursive: true, force: true });
  });

  it('re-indexes saved, new, deleted and renamed files and publishes graph events', async () => {
    const daemon = await startForeground(root, env, ['--workers', '1']);
    const client = await DaemonClient.connect({ socketPath: daemon.summary.socket });
    try {
      const events: { type: string; cause?: string; indexed?: string[] }[] = [];
      client.onEvent((topic, data) => topic === 'graph' && events.push(data as (typeof events)[number]));
      await client.subscribe(['graph']);
      assert.deepEqual(places(await client.query('def', { name: 'baz' })), ['src/util.ts:1']);

      const util = await readFile(join(root, 'src/util.ts'), 'utf8');
      await writeFile(join(root, 'src/util.ts'), util.replace('function baz(', 'function bazRenamed('));
      await writeFile(join(root, 'src/fresh.ts'), 'export class FreshlySaved {}\n');
      await eventually(client, async () => places(await client.query('def', { name: 'bazRenamed' })).length === 1 && places(await client.query('def', { name: 'FreshlySaved' })).length === 1);
      assert.deepEqual(places(await client.query('def', { name: 'baz' })), []);
      assert.ok(events.some((e) => e.type === 'files.changed' && e.cause === 'watch'), JSON.stringify(events));

      await rename(join(root, 'src/fresh.ts'), join(root, 'src/moved.ts'));
      await eventually(client, async () => places(await client.query('def', { name: 'FreshlySaved' }))[0] === 'src/moved.ts:1');
      await unlink(join(root, 'src/moved.ts'));
      await eventually(client, async () => places(await client.query('def', { name: 'FreshlySaved' })).length === 0);
      assert.deepEqual(await client.unsubscribe(['graph']), []);
    } finally {
      await client.close();
      daemon.child.kill('SIGTERM');
      assert.equal(await daemon.exited, 0);
    }
  });

  it('starts warm after a stop and sees what changed while it was stopped', async () => {
    await writeFile(join(root, 'src/offline.ts'), 'export function writtenWhileStopped() {}\n');
    const daemon = await startForeground(root, env, ['--workers', '1']);
    const client = await DaemonClient.connect({ socketPath: daemon.summary.socket });
    try {
      await client.sync();
      assert.deepEqual(places(await client.query('def', { name: 'writtenWhileStopped' })), ['src/offline.ts:1']);
      assert.deepEqual(places(await client.query('def', { name: 'bazRenamed' })), ['src/util.ts:1']);
      const stats = await client.stats();
      assert.equal(stats.graph?.live.start, 'warm');
      const partitions = await client.list('partitions');
      assert.equal(partitions.length, (stats.graph?.partitions.resident ?? 0) + (stats.graph?.partitions.evicted ?? 0));
      assert.equal(partitions.reduce((n, p) => n + (p.files as number), 0), stats.graph?.files);
      assert.deepEqual((await client.list('workers')).map((w) => w.slot), [0]);
      assert.ok((stats.graph?.live.watchedDirs ?? 0) >= 1);
    } finally {
      await client.close();
      daemon.child.kill('SIGTERM');
      assert.equal(await daemon.exited, 0);
    }
  });
});
