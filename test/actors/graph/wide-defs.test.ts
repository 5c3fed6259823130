import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeGraph } from '../../../actors/index.js';

// 14 directories, one partition each: `shared` is defined once in each, `many` 30 times in
// each (420 in all, more than the 256 rows the table keeps), `local` only in the first.
const kDirs = 14;
const kMany = 30;

/** A repository of `kDirs` directories `dNN`, each with one `a.ts` of the lines `linesOf(NN)`. */
async function writeDirs(prefix: string, linesOf: (d: number) => string[]): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  for (let d = 0; d < kDirs; d++) {
    const dir = join(root, `d${String(d).padStart(2, '0')}`);
    await mkdir(dir);
    await writeFile(join(dir, 'a.ts'), `${linesOf(d).join('\n')}\n`);
  }
  return root;
}

describe('the wide-definition table (names defined in many partitions)', () => {
  let root: string;
  let graph: CodeGraph;
  before(async () => {
    root = await writeDirs('tessera-wide-test-', (d) => [
      `export function shared(): number { return ${d}; }`,
      ...Array.from({ length: kMany }, () => 'export function many(): void {}'),
      ...(d === 0 ? ['export function local(): void {}'] : []),
    ]);
    graph = await CodeGraph.open({ root, workers: 1, partitionFiles: 1, watch: false });
    await graph.settled();
  });
  after(async () => {
    await graph?.close();
    await rm(root, { recursive: true, force: true });
  });

  const where = (r: Record<string, unknown>): string => `${r['file'] as string}:${r['line'] as number}`;

  it('answers a widely defined name from the table, as the partitions would', async () => {
    assert.ok(graph.stats().partitions.total >= kDirs, `${graph.stats().partitions.total} partitions`);
    const built = graph.stats().wideDefs;
    assert.equal(built.names, 2, 'shared and many, not local');
    const before = built.answered;
    const shared = await graph.def('shared', { limit: 5 });
    assert.deepEqual(shared.results.map(where), ['d00/a.ts:1', 'd01/a.ts:1', 'd02/a.ts:1', 'd03/a.ts:1', 'd04/a.ts:1']);
    assert.equal(shared.truncated, true);
    assert.equal(shared.results[0]?.['text'], 'export function shared(): number { return 0; }');
    const all = await graph.def('shared', { limit: 100 });
    assert.equal(all.results.length, kDirs);
    assert.equal(all.truncated, false);
    const many = await graph.def('many', { limit: 256 });
    assert.equal(many.results.length, 256);
    assert.equal(many.truncated, true);
    assert.deepEqual(many.results.slice(28, 33).map(where), ['d00/a.ts:30', 'd00/a.ts:31', 'd01/a.ts:2', 'd01/a.ts:3', 'd01/a.ts:4']);
    assert.equal(graph.stats().wideDefs.answered, before + 3);
    await graph.def('local', { limit: 5 });
    assert.equal(graph.stats().wideDefs.answered, before + 3, 'a name one partition defines is asked of it');
  });

  it('asks the partitions for a limit past the rows it keeps', async () => {
    const before = graph.stats().wideDefs.answered;
    const many = await graph.def('many', { limit: 1000 });
    assert.equal(many.results.length, kDirs * kMany);
    assert.equal(many.truncated, false);
    assert.equal(graph.stats().wideDefs.answered, before);
  });

  it('stops answering for a name once a partition defining it changes', async () => {
    await writeFile(join(root, 'd03', 'a.ts'), 'export function other(): void {}\nexport function shared(): string { return "x"; }\n');
    await graph.applyChanges({ upserted: ['d03/a.ts'], removed: [] });
    const before = graph.stats().wideDefs.answered;
    const shared = await graph.def('shared', { limit: 6 });
    assert.deepEqual(shared.results.map(where), ['d00/a.ts:1', 'd01/a.ts:1', 'd02/a.ts:1', 'd03/a.ts:2', 'd04/a.ts:1', 'd05/a.ts:1']);
    const many = await graph.def('many', { limit: 92 });
    assert.deepEqual(many.results.slice(88).map(where), ['d02/a.ts:30', 'd02/a.ts:31', 'd04/a.ts:2', 'd04/a.ts:3'], 'd03 no longer defines many');
    assert.equal(graph.stats().wideDefs.answered, before, 'both from the partitions');
  });
});

describe('the wide-definition table after a change', () => {
  let root: string;
  let graph: CodeGraph;
  before(async () => {
    // `shared` is defined in all 14 directories, `kept` in all but d03.
    root = await writeDirs('tessera-wide-rebuild-', (d) => [`export function shared(): number { return ${d}; }`, ...(d === 3 ? [] : ['export function kept(): void {}'])]);
    graph = await CodeGraph.open({ root, workers: 1, partitionFiles: 1, watch: false, wideDefs: { rebuildQuietMs: 50 } });
    await graph.settled();
  });
  after(async () => {
    await graph?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('copies the names whose partitions did not change and reads the others again', async () => {
    assert.deepEqual({ names: graph.stats().wideDefs.names, reused: graph.stats().wideDefs.reused }, { names: 2, reused: 0 });
    // No query before `settled`: the rebuild is the only work it waits for.
    await writeFile(join(root, 'd03', 'a.ts'), 'export function other(): void {}\nexport function shared(): string { return "x"; }\n');
    await graph.applyChanges({ upserted: ['d03/a.ts'], removed: [] });
    await graph.settled();
    assert.deepEqual({ names: graph.stats().wideDefs.names, reused: graph.stats().wideDefs.reused }, { names: 2, reused: 1 }, 'kept copied, shared read again');
    const before = graph.stats().wideDefs.answered;
    const shared = await graph.def('shared', { limit: 5 });
    assert.deepEqual(shared.results.map((r) => `${r.file}:${r.line}:${r.text as string}`), [
      'd00/a.ts:1:export function shared(): number { return 0; }',
      'd01/a.ts:1:export function shared(): number { return 1; }',
      'd02/a.ts:1:export function shared(): number { return 2; }',
      'd03/a.ts:2:export function shared(): string { return "x"; }',
      'd04/a.ts:1:export function shared(): number { return 4; }',
    ]);
    const kept = await graph.def('kept', { limit: 4 });
    assert.deepEqual(kept.results.map((r) => `${r.file}:${r.line}`), ['d00/a.ts:2', 'd01/a.ts:2', 'd02/a.ts:2', 'd04/a.ts:2']);
    assert.equal(kept.truncated, true);
    assert.equal(graph.stats().wideDefs.answered, before + 2, 'both from the rebuilt table');
  });
});
