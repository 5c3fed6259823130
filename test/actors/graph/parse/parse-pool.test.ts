import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { ParsePool } from '../../../../actors/graph/parse/index.js';
import { reposRoot } from '../../../fixtures/graph-fixtures.js';

const fixtures = [
  'typescript/src/shapes.ts',
  'typescript/src/view.tsx',
  'javascript/lib/server.js',
  'python/pkg/models.py',
  'go/shapes/shapes.go',
  'rust/src/lib.rs',
  'java/com/example/Greeter.java',
  'c/src/list.c',
  'cpp/src/widget.cpp',
];

describe('ParsePool', () => {
  it('parses the fixtures of every language on worker threads, in order', async () => {
    const pool = new ParsePool({ maxThreads: 2, batchSize: 2 });
    try {
      const tags = await pool.parseFiles(reposRoot, fixtures);

      assert.deepEqual(tags.map((t) => t.path), fixtures);
      assert.deepEqual(tags.map((t) => t.language), ['typescript', 'tsx', 'javascript', 'python', 'go', 'rust', 'java', 'c', 'cpp']);
      assert.deepEqual(tags.map((t) => t.error), fixtures.map(() => undefined));
      assert.deepEqual(tags[0]!.defs.slice(0, 3).map((d) => `${d.kind} ${d.name} ${d.line}`), ['class Foo 3', 'field count 4', 'method bar 5']);
      assert.ok(tags.every((t) => t.defs.length > 0 && t.refs.length > 0));
    } finally {
      await pool.close();
    }
  });

  it('reports missing files and unknown languages per file, without failing the batch', async () => {
    const pool = new ParsePool({ maxThreads: 1 });
    try {
      const [missing, text] = await pool.parseBatch(reposRoot, ['nope/missing.ts', '../../../package.json']);

      assert.equal(missing!.error?.code, 'ERR_GRAPH_FILE_UNREADABLE');
      assert.equal(text!.language, null);
      assert.equal(text!.error, undefined);
    } finally {
      await pool.close();
    }
  });

  it('stops its threads once idle', async () => {
    const pool = new ParsePool({ maxThreads: 1, idleTimeoutMs: 20 });
    try {
      await pool.parseBatch(reposRoot, ['go/shapes/shapes.go']);
      // Bounded wait for piscina's idle timer: no handshake exists for a thread's exit.
      for (let i = 0; i < 100 && pool.threads > 0; i++) await sleep(20);

      assert.equal(pool.threads, 0);
    } finally {
      await pool.close();
    }
  });

  it('rejects a thread count below 1 with a RangeError', () => {
    assert.throws(() => new ParsePool({ maxThreads: 0 }), RangeError);
  });
});
