import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RuntimeEvent, RuntimeEventListener, SupervisorStats } from '../../../runtime/index.js';
import type { CodeGraphLike, GraphAnswerLike } from '../../../cli/service/code-graph-like.js';
import { CodeGraphService } from '../../../cli/service/code-graph-service.js';

/** A CodeGraph double that records calls and answers three absolute hits. */
function fakeGraph(graphStats: unknown = {}) {
  const calls: unknown[][] = [];
  const evicted: string[] = [];
  const budgets: number[] = [];
  const listeners = new Set<RuntimeEventListener>();
  const answer = (...args: unknown[]): Promise<GraphAnswerLike> => {
    calls.push(args);
    const results = [1, 2, 3].map((line) => ({ file: `/root/src/f${line}.ts`, line, name: 'n' }));
    return Promise.resolve({ results, truncated: false, took_ms: 0.12345 });
  };
  const supervisorStats = {
    workers: [{ status: 'ready' }, { status: 'starting' }],
    actors: { active: 4, activating: 1, passivated: 6 },
    memory: { usedBytes: 5, budgetBytes: 50, pressure: 'normal' },
    restarts: 2,
  } as unknown as SupervisorStats;
  const graph: CodeGraphLike = {
    def: (...a) => answer('def', ...a),
    refs: (...a) => answer('refs', ...a),
    complete: (...a) => answer('complete', ...a),
    search: (...a) => answer('search', ...a),
    outline: (...a) => answer('outline', ...a),
    imports: (...a) => answer('imports', ...a),
    importers: (...a) => answer('importers', ...a),
    impact: (...a) => answer('impact', ...a),
    map: (...a) => answer('map', ...a),
    stats: () => graphStats,
    supervisor: {
      stats: () => supervisorStats,
      on: (l) => (listeners.add(l), () => listeners.delete(l)),
      ask: (address, message) => Promise.resolve({ address, message }),
      evict: (address) => {
        evicted.push(address);
        return Promise.resolve();
      },
      setMemoryBudget: (bytes) => {
        budgets.push(bytes);
        return Promise.resolve();
      },
    },
    close: () => Promise.resolve(),
  };
  const emit = (e: RuntimeEvent): void => listeners.forEach((l) => l(e));
  return { graph, calls, emit, evicted, budgets };
}

describe('CodeGraphService', () => {
  it('passes each query to its graph method with the arguments it takes', async () => {
    const { graph, calls } = fakeGraph();
    const service = new CodeGraphService(graph, '/root');
    await service.query({ op: 'def', name: 'f', limit: 2 });
    await service.query({ op: 'complete', prefix: 'pa' });
    await service.query({ op: 'search', pattern: 'x', mode: 'regex', ignoreCase: true, include: ['*.ts'] });
    await service.query({ op: 'impact', file: 'src/a.ts' });
    await service.query({ op: 'map', tokens: 500 });
    assert.deepEqual(calls, [
      ['def', 'f', { limit: 2 }],
      ['complete', 'pa', {}],
      ['search', 'x', { mode: 'regex', ignoreCase: true, include: ['*.ts'] }],
      ['impact', 'src/a.ts', {}],
      ['map', { tokens: 500 }],
    ]);
  });

  it('makes files root-relative, rounds took_ms, and applies limit where the graph takes none', async () => {
    const { graph } = fakeGraph();
    const answer = await new CodeGraphService(graph, '/root').query({ op: 'outline', file: 'src/f1.ts', limit: 2 });
    assert.deepEqual(answer, {
      results: [
        { file: 'src/f1.ts', line: 1, name: 'n' },
        { file: 'src/f2.ts', line: 2, name: 'n' },
      ],
      truncated: true,
      took_ms: 0.123,
    });
  });

  it('reports workers, partitions and memory from the supervisor, and what the graph adds', () => {
    const { graph } = fakeGraph({ files: 12, cache: { hits: 9, misses: 1 }, partitions: { total: 9, resident: 8, evicted: 1 } });
    assert.deepEqual(new CodeGraphService(graph, '/root').stats(), {
      workers: { total: 2, ready: 1 },
      partitions: { resident: 8, evicted: 1 },
      memory: { usedBytes: 5, budgetBytes: 50, pressure: 'normal' },
      restarts: 2,
      cacheHitRate: 0.9,
      files: 12,
      live: { start: null, updates: null, watchedDirs: null, rescans: null },
    });
    const bare = new CodeGraphService(fakeGraph('no stats').graph, '/root').stats();
    assert.deepEqual([bare.partitions, bare.cacheHitRate, bare.files], [{ resident: 5, evicted: 6 }, null, null]);
  });

  it('republishes runtime events as plain data on the runtime topic', () => {
    const { graph, emit } = fakeGraph();
    const got: unknown[] = [];
    const off = new CodeGraphService(graph, '/root').on((topic, data) => got.push([topic, data]));
    emit({ type: 'actor.activated', actor: 'p/1', worker: 0 });
    emit({ type: 'actor.failed', actor: 'p/2', error: new Error('boom') });
    off();
    emit({ type: 'actor.passivated', actor: 'p/1' });
    assert.deepEqual(got, [
      ['runtime', { type: 'actor.activated', actor: 'p/1', worker: 0 }],
      ['runtime', { type: 'actor.failed', actor: 'p/2', error: { code: 'ERR_INTERNAL', message: 'boom' } }],
    ]);
  });

  it('sends raw messages through the supervisor', async () => {
    const { graph } = fakeGraph();
    assert.deepEqual(await new CodeGraphService(graph, '/root').send('counter/a', { type: 'get' }), { address: 'counter/a', message: { type: 'get' } });
  });

  it('evicts one actor, or every partition the graph reports with "all"', async () => {
    const { graph, evicted } = fakeGraph({ partitions: { total: 3, resident: 3, evicted: 0 } });
    const service = new CodeGraphService(graph, '/root');
    assert.deepEqual(await service.evict('partition/1'), { evicted: ['partition/1'] });
    assert.deepEqual(await service.evict('all'), { evicted: ['partition/0', 'partition/1', 'partition/2'] });
    assert.deepEqual(evicted, ['partition/1', 'partition/0', 'partition/1', 'partition/2']);
  });

  it('changes the memory budget through the supervisor', async () => {
    const { graph, budgets } = fakeGraph();
    assert.deepEqual(await new CodeGraphService(graph, '/root').setBudget(64 * 1024 * 1024), { budgetBytes: 67108864 });
    assert.deepEqual(budgets, [67108864]);
  });
});
