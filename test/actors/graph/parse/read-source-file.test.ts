import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { contentHash, readSourceFile } from '../../../../actors/graph/parse/index.js';

const dir = mkdtempSync(join(tmpdir(), 'tessera-read-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('readSourceFile()', () => {
  it('reads a text file as UTF-8 and counts its bytes, with its content hash and modification time', () => {
    writeFileSync(join(dir, 'a.txt'), 'héllo');

    const read = readSourceFile(join(dir, 'a.txt'), 'a.txt', 100);

    assert.deepEqual(read, { text: 'héllo', bytes: 6, hash: contentHash(Buffer.from('héllo')), mtimeMs: statSync(join(dir, 'a.txt')).mtimeMs });
  });

  it('gives equal bytes equal hashes and different bytes different ones', () => {
    writeFileSync(join(dir, 'b.txt'), 'héllo');
    writeFileSync(join(dir, 'c.txt'), 'hello');

    const hashOf = (name: string): string => (readSourceFile(join(dir, name), name, 100) as { hash: string }).hash;

    assert.equal(hashOf('b.txt'), hashOf('a.txt'));
    assert.notEqual(hashOf('c.txt'), hashOf('a.txt'));
    assert.match(hashOf('a.txt'), /^[\w-]{27}$/);
  });

  it('reports a file over the limit with ERR_GRAPH_FILE_TOO_LARGE', () => {
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(101));

    const read = readSourceFile(join(dir, 'big.txt'), 'big.txt', 100);

    assert.ok('problem' in read);
    assert.deepEqual(read.problem.details, { path: 'big.txt', bytes: 101, limit: 100 });
  });

  it('reports a NUL byte in the first 8 KB with ERR_GRAPH_FILE_BINARY', () => {
    writeFileSync(join(dir, 'bin'), Buffer.concat([Buffer.from('x'.repeat(9000)), Buffer.from([0])]));
    writeFileSync(join(dir, 'bin2'), Buffer.from([1, 2, 0, 3]));

    const late = readSourceFile(join(dir, 'bin'), 'bin', 1 << 20);
    const early = readSourceFile(join(dir, 'bin2'), 'bin2', 1 << 20);

    assert.ok('text' in late, 'a NUL after 8 KB does not make a file binary');
    assert.ok('problem' in early);
    assert.equal(early.problem.code, 'ERR_GRAPH_FILE_BINARY');
    assert.equal(early.problem.details['offset'], 2);
  });

  it('reports a missing file or a directory with ERR_GRAPH_FILE_UNREADABLE', () => {
    for (const path of ['missing.txt', '.']) {
      const read = readSourceFile(join(dir, path), path, 100);

      assert.ok('problem' in read);
      assert.equal(read.problem.code, 'ERR_GRAPH_FILE_UNREADABLE');
    }
  });
});
