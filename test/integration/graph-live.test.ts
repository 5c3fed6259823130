import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeGraph, type GraphEvent, type QueryResult } from '../../actors/index.js';

const places = (r: QueryResult): string[] => r.results.map((x) => `${x.file}:${x.line}`);

describe('a watching CodeGraph', () => {
  let dir: string;
  let root: string;
  let graph: CodeGraph;
  const events: GraphEvent[] = [];

  /** Waits until `def name` answers `expected` (the watcher has seen the change), at most 10 s. */
  async function defBecomes(name: string, expected: string[]): Promise<void> {
    let got: string[] = [];
    for (const started = Date.now(); Date.now() - started < 10_000; await new Promise((r) => setTimeout(r, 10))) {
      await graph.sync();
      got = places(await graph.def(name));
      if (JSON.stringify(got) === JSON.stringify(expected)) return;
    }
    assert.deepEqual(got, expected, `def ${name}`);
  }

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tessera-graph-live-'));
    root = join(dir, 'repo');
    await mkdir(join(root, 'src'), { recursive: true });
    await writeFile(join(root, 'src/a.ts'), 'export function alpha() {}\n');
    await writeFile(join(root, '.gitignore'), 'build/\n');
    graph = await CodeGraph.open({ root, workers: 1, partitionFiles: 2, watch: true, snapshotDir: join(dir, 'cache') });
    graph.on((e) => events.push(e));
  });
  after(async () => {
    await graph.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('sees a new file, a modified one and a deleted one', async () => {
    await writeFile(join(root, 'src/b.ts'), 'export function beta() {}\n');
    await defBecomes('beta', ['src/b.ts:1']);
    await writeFile(join(root, 'src/a.ts'), '\n\nexport function alpha() {}\n');
    await defBecomes('alpha', ['src/a.ts:3']);
    await unlink(join(root, 'src/b.ts'));
    await defBecomes('beta', []);
    const changed = events.filter((e) => e.type === 'files.changed');
    assert.ok(changed.length >= 3 && changed.every((e) => e.type === 'files.changed' && e.cause === 'watch'), JSON.stringify(changed));
  });

  it('sees a renamed file, and a directory created, renamed and removed', async () => {
    await writeFile(join(root, 'src/c.ts'), 'export class Gamma {}\n');
    await defBecomes('Gamma', ['src/c.ts:1']);
    await rename(join(root, 'src/c.ts'), join(root, 'src/c2.ts'));
    await defBecomes('Gamma', ['src/c2.ts:1']);

    await mkdir(join(root, 'pkg/inner'), { recursive: true });
    await writeFile(join(root, 'pkg/inner/d.py'), 'def delta():\n    pass\n');
    await writeFile(join(root, 'pkg/e.py'), 'def epsilon():\n    pass\n');
    await defBecomes('delta', ['pkg/inner/d.py:1']);
    await rename(join(root, 'pkg'), join(root, 'lib'));
    await defBecomes('delta', ['lib/inner/d.py:1']);
    await defBecomes('epsilon', ['lib/e.py:1']);
    await rm(join(root, 'lib'), { recursive: true });
    await defBecomes('delta', []);
    await defBecomes('epsilon', []);
    assert.equal(graph.stats().files, 3); // src/a.ts, src/c2.ts, .gitignore
  });

  it('ignores files under ignored directories and skips a save that changed nothing', async () => {
    const seen = events.length;
    await mkdir(join(root, 'build'), { recursive: true });
    await writeFile(join(root, 'build/out.ts'), 'export function ignoredOutput() {}\n');
    await writeFile(join(root, 'src/a.ts'), '\n\nexport function alpha() {}\n'); // the same bytes again
    await writeFile(join(root, 'src/marker.ts'), 'export const marker = 1;\n');
    await defBecomes('marker', ['src/marker.ts:1']);
    assert.deepEqual(places(await graph.def('ignoredOutput')), []);
    const indexed = events.slice(seen).flatMap((e) => (e.type === 'files.changed' ? e.indexed : []));
    assert.deepEqual(indexed, ['src/marker.ts']); // neither the ignored file nor the unchanged save
    assert.ok(graph.stats().watch !== null && graph.stats().watch!.dirs >= 2);
  });
});
