import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DaemonClient, DaemonEventListener } from '../../../cli/client/daemon-client.js';
import { ReplSession } from '../../../cli/repl/repl-session.js';
import { replStyle } from '../../../cli/repl/repl-style.js';

/** A daemon client that answers from tables and records what it was asked. */
function fakeClient() {
  const asked: unknown[] = [];
  const listeners = new Set<DaemonEventListener>();
  const client = {
    query: (op: string, args: Record<string, unknown>) => {
      asked.push({ op, args });
      if (args.file === 'src/nope.ts') return Promise.reject(Object.assign(new Error('"nope.ts" is not in the code graph'), { code: 'ERR_GRAPH_FILE_NOT_INDEXED' }));
      return Promise.resolve({ results: [{ file: 'src/a.ts', line: 2, kind: 'function', name: 'f', text: 'function f() {' }], truncated: false, took_ms: 0.1 });
    },
    stats: () => Promise.resolve({ graph: { workers: { total: 2, ready: 2 }, restarts: 1, partitions: { resident: 3, evicted: 1 }, files: 9, memory: { usedBytes: 1024, budgetBytes: 2048, pressure: 'normal' } } }),
    send: (actor: string, msg: unknown) => Promise.resolve({ actor, msg }),
    evict: (target: string) =>
      target === 'all'
        ? Promise.reject(Object.assign(new Error('the daemon is still indexing'), { code: 'ERR_DAEMON_NOT_READY' }))
        : Promise.resolve({ evicted: [target] }),
    setBudget: (bytes: number) => Promise.resolve({ budgetBytes: bytes }),
    subscribe: (topics: string[]) => {
      asked.push({ subscribe: topics });
      return Promise.resolve();
    },
    unsubscribe: (topics: string[]) => {
      asked.push({ unsubscribe: topics });
      return Promise.resolve([]);
    },
    list: (what: string) =>
      Promise.resolve(
        what === 'workers'
          ? [{ slot: 0, status: 'ready', actors: 2, heapUsedBytes: 2048, inFlight: 0 }]
          : [
              { id: 0, address: 'partition/0', start: '', files: 5, bytes: 1024, version: 3, state: 'resident', worker: 0, indexBytes: 4096 },
              { id: 2, address: 'partition/2', start: 'src/', files: 4, bytes: 512, version: 1, state: 'evicted', worker: null, indexBytes: 0 },
            ],
      ),
    sync: () => {
      asked.push({ sync: true });
      return Promise.resolve({ tookMs: 1.5 });
    },
    onEvent: (listener: DaemonEventListener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as DaemonClient;
  return { client, asked, emit: (topic: string, data: unknown) => listeners.forEach((l) => l(topic, data)) };
}

function session(timing = false) {
  const fake = fakeClient();
  let out = '';
  const s = new ReplSession({ client: fake.client, root: '/r', cwd: '/r/src', out: { write: (t: string) => (out += t) }, style: replStyle(false), timing });
  return { s, fake, out: () => out };
}

describe('ReplSession', () => {
  it('run() sends queries with FILE made root-relative and prints result lines', async () => {
    const { s, fake, out } = session();
    await s.run('outline a.ts');
    assert.deepEqual(fake.asked, [{ op: 'outline', args: { file: 'src/a.ts' } }]);
    assert.equal(out(), 'src/a.ts:2: function f  function f() {\n');
  });

  it('run() prints the time per command when asked to', async () => {
    const { s, out } = session(true);
    await s.run('def f');
    assert.match(out(), /\n1 result in [\d.]+ (ms|µs)\n$/);
  });

  it('run() prints errors, with their code, and counts them', async () => {
    const { s, out } = session();
    await s.run('outline nope.ts');
    await s.run('evict all');
    assert.equal(s.failures, 2);
    const [first, second] = out().split('\n');
    assert.equal(first, 'error: "nope.ts" is not in the code graph (ERR_GRAPH_FILE_NOT_INDEXED)');
    assert.equal(second, 'error: the daemon is still indexing (ERR_DAEMON_NOT_READY)');
  });

  it('evict and budget print what the daemon answers (a bare number names a partition)', async () => {
    const { s, out } = session();
    await s.run('evict 3');
    await s.run('budget 64');
    assert.equal(s.failures, 0);
    assert.equal(out(), 'evicted 1\nbudget 67108864 bytes\n');
  });

  it('partitions, workers and send print what the daemon answers', async () => {
    const { s, out } = session();
    await s.run('partitions');
    await s.run('workers');
    await s.run('send partition 1 {"a":1}');
    assert.equal(
      out(),
      [
        'partitions 3 resident, 1 evicted, 9 files; memory used 1.0 KiB of 2.0 KiB, pressure normal',
        '  id  state     worker  files  source   index    version  from',
        '  0   resident  0       5      1.0 KiB  4.0 KiB  3        (start)',
        '  2   evicted   -       4      512 B    -        1        src/',
        'workers 2 (2 ready), restarts 1',
        '  slot  status  actors  heap     in flight',
        '  0     ready   2       2.0 KiB  0',
        '{"actor":"partition/1","msg":{"a":1}}',
        '',
      ].join('\n'),
    );
  });

  it('watch prints events until unwatch, which unsubscribes', async () => {
    const { s, fake, out } = session();
    await s.run('watch');
    fake.emit('runtime', { type: 'actor.activated' });
    fake.emit('graph', { type: 'files.changed', cause: 'watch' });
    await s.run('unwatch');
    fake.emit('runtime', { type: 'ignored' });
    await s.run('watch');
    const topics = ['daemon', 'runtime', 'graph'];
    assert.deepEqual(fake.asked, [{ subscribe: topics }, { unsubscribe: topics }, { subscribe: topics }]);
    assert.match(out(), /\[runtime\] \{"type":"actor.activated"\}\n/);
    assert.match(out(), /\[graph\] \{"type":"files.changed","cause":"watch"\}\n/);
    assert.doesNotMatch(out(), /ignored/);
    assert.equal(s.watching, true);
  });

  it('sync waits for the daemon to apply the changes it has seen', async () => {
    const { s, fake, out } = session();
    await s.run('sync');
    assert.deepEqual(fake.asked, [{ sync: true }]);
    assert.equal(out(), 'in sync after 1.50 ms\n');
  });
});
