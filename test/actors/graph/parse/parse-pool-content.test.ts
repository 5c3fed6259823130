import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseFile, ParsePool } from '../../../../actors/graph/parse/index.js';
import { reposRoot } from '../../../fixtures/graph-fixtures.js';

describe('ParsePool withContent', () => {
  it('returns each file text with its tags, and none for a file it could not read', async () => {
    const pool = new ParsePool({ maxThreads: 1, withContent: true });
    try {
      const [ts, missing] = await pool.parseBatch(reposRoot, ['typescript/src/util.ts', 'nope.ts']);

      assert.equal(ts!.content, readFileSync(join(reposRoot, 'typescript/src/util.ts'), 'utf8'));
      assert.equal(ts!.defs.length, 4);
      assert.equal(missing!.content, undefined);
    } finally {
      await pool.close();
    }
  });

  it('leaves content out by default', async () => {
    assert.equal((await parseFile(reposRoot, 'python/pkg/base.py')).content, undefined);
    assert.equal(typeof (await parseFile(reposRoot, 'python/pkg/base.py', { withContent: true })).content, 'string');
  });
});
