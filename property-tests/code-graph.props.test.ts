import { numRuns, withSeed } from './seed.js';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { CodeGraph } from '../actors/index.js';
import type { FileTags, SearchQuery } from '../actors/graph/index/index.js';
import { parseSource, type FileTags as ParsedFile } from '../actors/graph/parse/index.js';
import { searchQueryArb } from './arbitraries/graph-repo.js';
import { SOURCE_NAMES, sourceRepoArb, type SourceFile } from './code-graph-repo.js';
import { RepoModel } from './graph-index.model.js';

// Fresh graphs cost a worker start each, so they run fewer times than changes to a live graph.
const freshRuns = Math.max(1, Math.ceil(numRuns * 0.08));
const liveRuns = Math.max(1, Math.ceil(numRuns * 0.3));

async function writeRepo(root: string, files: readonly SourceFile[]): Promise<void> {
  for (const f of files) {
    await mkdir(dirname(join(root, f.path)), { recursive: true });
    await writeFile(join(root, f.path), f.content);
  }
}

/** Reads every file back from disk, for the naive search. */
async function readRepo(root: string, files: readonly SourceFile[]): Promise<FileTags[]> {
  return Promise.all(files.map(async (f) => ({ path: f.path, language: 'text', defs: [], refs: [], imports: [], content: await readFile(join(root, f.path), 'utf8') })));
}

/** The reference for def and refs: the parser's own tags of every file, filtered and sorted. */
function symbolReference(parsed: readonly ParsedFile[], op: 'def' | 'refs', name: string): string[] {
  const rows = parsed.flatMap((t) => (op === 'def' ? t.defs : t.refs).filter((x) => x.name === name).map((x) => ({ path: t.path, line: x.line, column: x.column, kind: op === 'def' ? x.kind : '' })));
  rows.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column));
  return rows.map((r) => `${r.path}:${r.line}:${r.column} ${r.kind}`);
}

/** Checks every name's def and refs, and the searches, against the references. */
async function checkGraph(graph: CodeGraph, root: string, files: readonly SourceFile[], searches: readonly SearchQuery[], limit: number): Promise<void> {
  const parsed = await Promise.all(files.map((f) => parseSource(f.path, f.content)));
  for (const name of SOURCE_NAMES) {
    for (const op of ['def', 'refs'] as const) {
      const expected = symbolReference(parsed, op, name);
      const r = await graph[op](name, { limit });
      const rows = r.results.map((x) => `${x.file}:${x.line}:${x.column} ${op === 'def' ? x.kind : ''}`);
      assert.deepEqual(rows, expected.slice(0, limit), `${op} ${name}`);
      assert.equal(r.truncated, expected.length > limit, `${op} ${name} truncated`);
    }
  }
  const model = new RepoModel(await readRepo(root, files));
  for (const q of searches) {
    const r = await graph.search([...q.patterns], { ...q, include: [...(q.include ?? [])], exclude: [...(q.exclude ?? [])] });
    const got = { matches: r.results.map((x) => ({ path: x.file, line: x.line, column: x.column, text: x.text, ranges: x.ranges })), truncated: r.truncated };
    assert.deepEqual(got, model.search(q), JSON.stringify(q));
  }
}

/** A repository and queries drawn against its text. */
const caseArb = sourceRepoArb().chain((files) =>
  fc.record({
    files: fc.constant(files),
    searches: fc.array(searchQueryArb(files.map((f) => ({ path: f.path, language: 'text', defs: [], refs: [], imports: [], content: f.content }))), { minLength: 1, maxLength: 4 }),
    limit: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant(1000)),
  }),
);

describe(withSeed('CodeGraph vs naive references'), () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tessera-graph-props-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a freshly opened graph of several partitions answers def, refs and search like the references', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, fc.integer({ min: 1, max: 3 }), async ({ files, searches, limit }, partitionFiles) => {
        const root = join(dir, `fresh-${run++}`);
        await writeRepo(root, files);
        const graph = await CodeGraph.open({ root, workers: 1, partitionFiles, snapshotDir: join(dir, 'snapshots') });
        try {
          await checkGraph(graph, root, files, searches, limit);
        } finally {
          await graph.close();
        }
      }),
      { numRuns: freshRuns },
    );
  });

  it('a settled graph answers def from its wide-definition table like the references', async () => {
    // Names defined in 2 partitions or more keep 2 rows: with limits of 1–3 and 1000 the
    // table answers some queries and must step aside for the others. Two fixed files (one
    // partition each) define `foo`, so every run has a name the table holds.
    const fixed: SourceFile[] = [
      { path: 'wide/w1.ts', content: 'function foo() { bar(); }\n' },
      { path: 'wide/w2.ts', content: 'export class foo { baz() { return 1; } }\n' },
    ];
    let run = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ files, searches, limit }) => {
        const root = join(dir, `wide-${run++}`);
        const all = [...files, ...fixed];
        await writeRepo(root, all);
        const graph = await CodeGraph.open({ root, workers: 1, partitionFiles: 1, snapshotDir: join(dir, 'snapshots'), wideDefs: { minPartitions: 2, rows: 2 } });
        try {
          await graph.settled();
          await checkGraph(graph, root, all, searches, limit);
          const before = graph.stats().wideDefs.answered;
          const parsed = await Promise.all(all.map((f) => parseSource(f.path, f.content)));
          // A limit checkGraph did not ask with, so the answer is not in the query cache.
          const small = limit === 1 ? 2 : 1;
          const first = await graph.def('foo', { limit: small });
          assert.deepEqual(first.results.map((x) => `${x.file}:${x.line}:${x.column} ${x.kind}`), symbolReference(parsed, 'def', 'foo').slice(0, small));
          assert.equal(graph.stats().wideDefs.answered, before + 1, `def foo --limit ${small} came from the table`);
        } finally {
          await graph.close();
        }
      }),
      { numRuns: freshRuns },
    );
  });

  it('a live graph answers like the references after each repository replaces the previous one through applyChanges', async () => {
    const root = join(dir, 'live');
    let current: SourceFile[] = ['a.md', 'lib/a.md', 'src/a.md', 'src/util/a.md', 'test/a.md'].map((path) => ({ path, content: 'seed\n' }));
    await writeRepo(root, current);
    const graph = await CodeGraph.open({ root, workers: 2, partitionFiles: 1, snapshotDir: join(dir, 'snapshots') });
    try {
      await fc.assert(
        fc.asyncProperty(caseArb, async ({ files, searches, limit }) => {
          const next = new Set(files.map((f) => f.path));
          const removed = current.map((f) => f.path).filter((p) => !next.has(p));
          await Promise.all(removed.map((p) => rm(join(root, p))));
          await writeRepo(root, files);
          await graph.applyChanges({ upserted: files.map((f) => f.path), removed });
          current = files;
          await checkGraph(graph, root, files, searches, limit);
        }),
        { numRuns: liveRuns },
      );
    } finally {
      await graph.close();
    }
  });
});
