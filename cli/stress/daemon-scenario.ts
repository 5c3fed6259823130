/**
 * The `daemon` scenario: a real `tessera start` daemon (child process, real CodeGraph, real
 * socket) over a generated tree, against `GraphModel`. Queries go over the socket, one at a time
 * or pipelined; another client hangs up mid-request; partitions are evicted and the budget
 * changed through the socket; the daemon is shut down and started again.
 *
 * Files are saved and deleted on disk while the daemon runs (its watcher must see them) and while
 * it is stopped (its warm start must catch up).
 *
 * Invariant: every answer equals what the files say, across saves, disconnects and restarts.
 *
 * @module
 */

import fc from 'fast-check';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DaemonClient } from '../client/daemon-client.js';
import { DisconnectMidRequest, RestartDaemon, SocketBudget, SocketEvictAll, SocketQueries, clientTarget, type DaemonReal } from './daemon-commands.js';
import { ChangeWaiter, EditWhileStopped, RemoveFile, SaveFile } from './daemon-file-commands.js';
import { startDaemon, stopDaemon } from './daemon-process.js';
import { checkQuery, type GraphQuery } from './graph-commands.js';
import { GraphModel, graphSource, type GeneratedSource } from './graph-model.js';
import { kNoScheduler, type StressRun, type StressScenario, type StressSetup } from './stress-scenario.js';
import { within } from './within.js';

const kNames = ['foo', 'bar', 'Baz', 'qux'] as const;

/** The tree every run serves: definitions and references of every name, in three languages. */
const kTree: readonly [string, GeneratedSource][] = [
  ['a.ts', { fns: [{ name: 'foo', callee: 'bar' }, { name: 'Baz', callee: 'foo' }], word: 'alpha' }],
  ['b.js', { fns: [{ name: 'bar', callee: 'qux' }], word: null }],
  ['src/a.py', { fns: [{ name: 'qux', callee: 'foo' }, { name: 'foo', callee: 'Baz' }], word: 'beta' }],
  ['src/b.ts', { fns: [{ name: 'bar', callee: 'bar' }], word: 'foo' }],
  ['src/lib/a.js', { fns: [{ name: 'Baz', callee: 'qux' }], word: 'alpha' }],
  ['test/a.ts', { fns: [{ name: 'qux', callee: 'foo' }, { name: 'foo', callee: 'foo' }], word: null }],
];

const name = fc.constantFrom(...kNames);
const path = fc.tuple(fc.constantFrom('', 'src/', 'src/lib/', 'test/'), fc.constantFrom('a', 'b'), fc.constantFrom('.ts', '.js', '.py')).map(([d, s, e]) => d + s + e);
const source: fc.Arbitrary<GeneratedSource> = fc.record({
  fns: fc.array(fc.record({ name, callee: name }), { maxLength: 3 }),
  word: fc.option(fc.constantFrom('alpha', 'beta', 'foo'), { nil: null }),
  imports: fc.subarray(['a', 'b']),
});

const query: fc.Arbitrary<GraphQuery> = fc.oneof(
  fc.record({ op: fc.constantFrom('def' as const, 'refs' as const), arg: fc.constantFrom(...kNames) }),
  fc.record({ op: fc.constant('search' as const), arg: fc.constantFrom('alpha', 'beta', 'foo', 'Baz') }),
  fc.record({ op: fc.constant('outline' as const), arg: fc.nat(7) }),
);

function commands(): fc.Arbitrary<fc.AsyncCommand<GraphModel, DaemonReal>>[] {
  return [
    fc.array(query, { minLength: 1, maxLength: 6 }).map((qs) => new SocketQueries(qs)),
    fc.array(query, { minLength: 1, maxLength: 6 }).map((qs) => new SocketQueries(qs)),
    fc.tuple(fc.integer({ min: 1, max: 20 }), fc.constantFrom(0, 1, 5)).map(([n, ms]) => new DisconnectMidRequest(n, ms)),
    fc.constant(new SocketEvictAll()),
    fc.constantFrom(64, 1024 * 1024).map((kib) => new SocketBudget(kib)),
    fc.constant(new RestartDaemon()),
    fc.tuple(path, source).map(([p, s]) => new SaveFile(p, s)),
    fc.tuple(path, source).map(([p, s]) => new SaveFile(p, s)),
    fc.nat(7).map((i) => new RemoveFile(i)),
    fc.tuple(path, source).map(([p, s]) => new EditWhileStopped(p, s)),
  ];
}

async function start(setup: StressSetup): Promise<StressRun<GraphModel, DaemonReal>> {
  const root = join(setup.dir, 'repo');
  const model = new GraphModel();
  for (const [path, src] of kTree) {
    const text = graphSource(path, src);
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
    model.files.set(path, text);
  }
  const startMs = 20 * setup.timeoutMs;
  const restart = () => startDaemon(root, setup.dir, setup.workers, startMs);
  const daemon = await restart();
  const client = await DaemonClient.connect({ socketPath: daemon.socket });
  const changes = new ChangeWaiter();
  await changes.attach(client);
  const real: DaemonReal = { daemon, client, root, changes, restart, commandMs: startMs, scheduler: kNoScheduler };
  return {
    model,
    real,
    useScheduler(scheduler) {
      real.scheduler = scheduler;
    },
    async finish() {
      for (const n of kNames) {
        for (const op of ['def', 'refs'] as const) await within(real.commandMs, `${op} ${n}`, checkQuery({ op, arg: n }, model, clientTarget(real.client)));
      }
    },
    async close(failed) {
      await real.client.close().catch(() => {});
      await stopDaemon(real.daemon, failed ? 1000 : real.commandMs);
    },
  };
}

/** The `daemon` scenario. */
export const daemonScenario: StressScenario<GraphModel, DaemonReal> = {
  name: 'daemon',
  summary: 'a real daemon process over a real socket: queries, pipelining, a client hanging up mid-request, restarts',
  defaultRuns: 5,
  maxCommands: 15,
  commands,
  start,
};
