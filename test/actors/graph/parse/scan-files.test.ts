import assert from 'node:assert/strict';
import { mkdtempSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scanFiles } from '../../../../actors/graph/parse/scan-files.js';

function tree(files: Record<string, string>): { root: string; entries: { path: string; bytes: number; mtimeMs: number }[] } {
  const root = mkdtempSync(join(tmpdir(), 'tessera-scan-'));
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
  const entries = Object.keys(files).sort().map((path) => {
    const st = statSync(join(root, path));
    return { path, bytes: st.size, mtimeMs: st.mtimeMs };
  });
  return { root, entries };
}

describe('scanFiles()', () => {
  it('searches the files in the order given, as the index reads them (BOM dropped)', () => {
    const { root, entries } = tree({ 'a.ts': '\uFEFFconst needle = 1;\n', 'b.ts': 'no\nneedle here\n', 'c.md': 'needle\n' });

    const answer = scanFiles({ root, files: entries, query: { patterns: ['needle'], exclude: ['*.md'] } });

    assert.ok('result' in answer);
    assert.deepEqual(answer.result.matches.map((m) => `${m.path}:${m.line}:${m.column}:${m.text}`), ['a.ts:1:6:const needle = 1;', 'b.ts:2:0:needle here']);
    assert.equal(answer.result.truncated, false);
  });

  it('answers stale when a file it must read changed since it was recorded', () => {
    const { root, entries } = tree({ 'a.ts': 'needle\n', 'b.ts': 'needle\n' });
    utimesSync(join(root, 'b.ts'), new Date(), new Date(Date.now() + 5000));

    assert.deepEqual(scanFiles({ root, files: entries, query: { patterns: ['needle'] } }), { stale: 'b.ts' });
    // Enough matches before the changed file: it is never read, and the answer stands.
    const early = scanFiles({ root, files: entries, query: { patterns: ['needle'], limit: 0 } });
    assert.ok('result' in early && early.result.truncated);
  });

  it('answers stale for a file that is gone or grew', () => {
    const { root, entries } = tree({ 'a.ts': 'x\n' });
    assert.deepEqual(scanFiles({ root, files: [{ ...entries[0]!, bytes: 1 }], query: { patterns: ['x'] } }), { stale: 'a.ts' });
    assert.deepEqual(scanFiles({ root, files: [{ path: 'gone.ts', bytes: 2, mtimeMs: 0 }], query: { patterns: ['x'] } }), { stale: 'gone.ts' });
  });
});
