/**
 * The `graph` scenario: a real CodeGraph over a temporary directory of real files (TypeScript,
 * JavaScript and Python snippets over a four-name alphabet, so definitions and references
 * collide across files), against `GraphModel`. Partitions hold two files each, so a run has
 * several; the commands change files on disk (then `applyChanges`), query, evict partitions,
 * kill workers and change the budget.
 *
 * Invariants: after every change, def, refs, search and outline answer exactly what the files
 * on disk say (the model), whatever was evicted, killed or cached before.
 *
 * @module
 */

import fc from 'fast-check';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CodeGraph } from '../../actors/index.js';
import {
  DeleteFile,
  EvictPartition,
  GraphBudget,
  KillGraphWorker,
  Query,
  QueryBurst,
  RenameFile,
  WriteFile,
  type GraphQuery,
  type GraphReal,
} from './graph-commands.js';
import { GraphModel, type GeneratedSource } from './graph-model.js';
import { kNoScheduler, type StressRun, type StressScenario, type StressSetup } from './stress-scenario.js';
import { stopSupervisor } from './runtime-scenario.js';
import { checkAgainstFreshIndex } from './fresh-index-check.js';
import { within } from './within.js';

const kNames = ['foo', 'bar', 'Baz', 'qux'] as const;
const kWords = ['alpha', 'beta', 'foo'] as const;
const kDirs = ['', 'src/', 'src/lib/', 'test/'] as const;
const kStems = ['a', 'b'] as const;
const kExts = ['.ts', '.js', '.py'] as const;
/** One file per directory at open, so the plan has a partition per directory. */
const kSeedFiles = kDirs.map((d) => `${d}seed.ts`);

const name = fc.constantFrom(...kNames);
const path = fc.tuple(fc.constantFrom(...kDirs), fc.constantFrom(...kStems), fc.constantFrom(...kExts)).map(([d, s, e]) => d + s + e);
const source: fc.Arbitrary<GeneratedSource> = fc.record({
  fns: fc.array(fc.record({ name, callee: name }), { maxLength: 3 }),
  word: fc.option(fc.constantFrom(...kWords), { nil: null }),
  imports: fc.subarray(['a', 'b']),
});
const query: fc.Arbitrary<GraphQuery> = fc.oneof(
  fc.record({ op: fc.constantFrom('def' as const, 'refs' as const), arg: name }),
  fc.record({ op: fc.constant('search' as const), arg: fc.constantFrom(...kWords, 'Baz') }),
  fc.record({ op: fc.constant('outline' as const), arg: fc.nat(7) }),
);

function commands(): fc.Arbitrary<fc.AsyncCommand<GraphModel, GraphReal>>[] {
  return [
    fc.tuple(path, source).map(([p, s]) => new WriteFile(p, s)),
    fc.tuple(path, source).map(([p, s]) => new WriteFile(p, s)),
    fc.nat(7).map((i) => new DeleteFile(i)),
    fc.tuple(fc.nat(7), path).map(([i, p]) => new RenameFile(i, p)),
    query.map((q) => new Query(q)),
    query.map((q) => new Query(q)),
    fc.array(query, { minLength: 2, maxLength: 6 }).map((qs) => new QueryBurst(qs)),
    fc.nat(7).map((i) => new EvictPartition(i)),
    fc.nat(3).map((slot) => new KillGraphWorker(slot)),
    fc.constantFrom(64, 1024 * 1024).map((kib) => new GraphBudget(kib)),
  ];
}

async function start(setup: StressSetup): Promise<StressRun<GraphModel, GraphReal>> {
  const root = join(setup.dir, 'repo');
  const model = new GraphModel();
  for (const p of kSeedFiles) {
    const text = `// seed of ${p}\n`;
    await mkdir(join(root, p, '..'), { recursive: true });
    await writeFile(join(root, p), text);
    model.files.set(p, text);
  }
  const graph = await CodeGraph.open({ root, workers: setup.workers, partitionFiles: 2, snapshotDir: join(setup.dir, 'snapshots'), memoryBudgetBytes: 1024 * 1024 * 1024 });
  const real: GraphReal = { graph, root, workers: setup.workers, commandMs: 10 * setup.timeoutMs, scheduler: kNoScheduler };
  return {
    model,
    real,
    useScheduler(scheduler) {
      real.scheduler = scheduler;
    },
    async finish() {
      // Every name's definitions and references, after the last change.
      for (const n of kNames) {
        await new Query({ op: 'def', arg: n }).run(model, real);
        await new Query({ op: 'refs', arg: n }).run(model, real);
      }
      // complete, imports, importers and impact: as a fresh index of the same files answers.
      const fresh = { root, prefixes: ['f', 'b', 'B', 'q'], files: model.paths(), snapshotDir: join(setup.dir, 'fresh') };
      await within(real.commandMs, 'the fresh-index check', checkAgainstFreshIndex(graph, fresh));
    },
    async close(failed) {
      try {
        // A failed run's graph may be broken: give it little time to close.
        await within(failed ? 1000 : real.commandMs, 'closing the graph', graph.close());
      } catch {
        // A broken graph: its runtime is torn down like the runtime scenario's.
        await stopSupervisor(graph.supervisor, setup.workers, 0);
      }
    },
  };
}

/** The `graph` scenario. */
export const graphScenario: StressScenario<GraphModel, GraphReal> = {
  name: 'graph',
  summary: 'a real CodeGraph over real files: write, modify, delete, rename, queries, evictions, killed workers',
  defaultRuns: 10,
  maxCommands: 25,
  commands,
  start,
};
