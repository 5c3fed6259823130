import { numRuns, withSeed } from './seed.js';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { CodeGraph } from '../actors/index.js';
import { SOURCE_NAMES, sourcePathArb, sourceRepoArb } from './code-graph-repo.js';

// Each run opens two graphs and waits for a watcher: far fewer runs than the pure properties.
const runs = Math.max(2, Math.ceil(numRuns * 0.06));

/** One operation on the tree, as a user or a tool makes it. */
type FileOp =
  | { readonly op: 'write'; readonly path: string; readonly content: string }
  | { readonly op: 'delete'; readonly pick: number }
  | { readonly op: 'rename'; readonly pick: number; readonly to: string }
  | { readonly op: 'rmdir'; readonly dir: string }
  | { readonly op: 'mvdir'; readonly dir: string; readonly to: string }
  | { readonly op: 'pause'; readonly ms: number };

const dirArb = fc.constantFrom('src', 'src/util', 'lib', 'test');
const opArb: fc.Arbitrary<FileOp> = fc.oneof(
  { weight: 4, arbitrary: sourceRepoArb(1).map(([f]) => ({ op: 'write' as const, path: f!.path, content: f!.content })) },
  { weight: 2, arbitrary: fc.nat(20).map((pick) => ({ op: 'delete' as const, pick })) },
  { weight: 2, arbitrary: fc.record({ pick: fc.nat(20), to: sourcePathArb }).map((r) => ({ op: 'rename' as const, ...r })) },
  { weight: 1, arbitrary: dirArb.map((dir) => ({ op: 'rmdir' as const, dir })) },
  { weight: 1, arbitrary: fc.record({ dir: dirArb, to: fc.constantFrom('moved', 'lib/moved', 'src/again') }).map((r) => ({ op: 'mvdir' as const, ...r })) },
  { weight: 1, arbitrary: fc.constantFrom(0, 5, 30).map((ms) => ({ op: 'pause' as const, ms })) },
);

async function filesOf(root: string, dir = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(root, dir), { withFileTypes: true }).catch(() => [])) {
    const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await filesOf(root, path)));
    else out.push(path);
  }
  return out.sort();
}

async function apply(root: string, o: FileOp): Promise<void> {
  const files = await filesOf(root);
  switch (o.op) {
    case 'write':
      await mkdir(dirname(join(root, o.path)), { recursive: true });
      await writeFile(join(root, o.path), o.content);
      return;
    case 'delete':
      if (files.length > 0) await rm(join(root, files[o.pick % files.length]!));
      return;
    case 'rename': {
      if (files.length === 0) return;
      await mkdir(dirname(join(root, o.to)), { recursive: true });
      await rename(join(root, files[o.pick % files.length]!), join(root, o.to));
      return;
    }
    case 'rmdir':
      await rm(join(root, o.dir), { recursive: true, force: true });
      return;
    case 'mvdir':
      if (o.to.startsWith(`${o.dir}/`)) return; // a directory cannot move into itself
      await rm(join(root, o.to), { recursive: true, force: true });
      await mkdir(dirname(join(root, o.to)), { recursive: true });
      await rename(join(root, o.dir), join(root, o.to)).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
      return;
    case 'pause':
      await new Promise((r) => setTimeout(r, o.ms));
  }
}

/** Everything a query can tell about the tree, as one comparable value. */
async function answers(graph: CodeGraph, files: readonly string[]): Promise<unknown> {
  const rows = (r: { results: readonly { file: string; line: number; column?: number; name?: string }[] }): string[] => r.results.map((x) => `${x.file}:${x.line}:${x.column ?? ''}:${x.name ?? ''}`);
  const out: Record<string, unknown> = { files: graph.stats().files };
  for (const name of SOURCE_NAMES) {
    out[`def ${name}`] = rows(await graph.def(name));
    out[`refs ${name}`] = rows(await graph.refs(name));
  }
  out['search foo'] = rows(await graph.search('foo'));
  out['complete f'] = rows(await graph.complete('f'));
  out['complete B'] = rows(await graph.complete('B'));
  for (const file of files) {
    for (const op of ['outline', 'imports', 'importers', 'impact'] as const) out[`${op} ${file}`] = await graph[op](file).then(rows, () => 'not indexed');
  }
  return out;
}

describe(withSeed('a watching CodeGraph under random file operations'), () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tessera-live-props-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('answers every query (def, refs, search, complete, outline, imports, importers, impact) like a fresh index of the final tree once the changes settle', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(sourceRepoArb(6), fc.array(opArb, { minLength: 1, maxLength: 12 }), async (initial, ops) => {
        const root = join(dir, `run-${run++}`);
        for (const f of initial) await apply(root, { op: 'write', ...f });
        const live = await CodeGraph.open({ root, workers: 1, partitionFiles: 2, watch: true, snapshotDir: join(dir, 'snapshots') });
        try {
          for (const o of ops) await apply(root, o);
          const files = await filesOf(root);
          const fresh = await CodeGraph.open({ root, workers: 1, partitionFiles: 2, snapshotDir: join(dir, 'snapshots') });
          let expected: unknown;
          try {
            expected = await answers(fresh, files);
          } finally {
            await fresh.close();
          }
          // The watcher reports within milliseconds; allow up to 5 s before calling it a failure.
          let got: unknown;
          for (const started = Date.now(); Date.now() - started < 5000; await new Promise((r) => setTimeout(r, 25))) {
            await live.sync();
            got = await answers(live, files);
            if (JSON.stringify(got) === JSON.stringify(expected)) break;
          }
          assert.deepEqual(got, expected);
        } finally {
          await live.close();
        }
      }),
      { numRuns: runs },
    );
  });
});
