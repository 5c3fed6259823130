import assert from 'node:assert/strict';
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileSize, lastLogError } from '../../../cli/format/last-log-error.js';

describe('lastLogError()', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tessera-log-'));
  after(() => rm(dir, { recursive: true, force: true }));

  it('finds the last pino line at level error or above', async () => {
    const log = join(dir, 'a.log');
    await writeFile(log, ['{"level":30,"msg":"listening"}', '{"level":50,"msg":"Cannot index \\"/x\\": gone"}', '{"level":30,"msg":"stopped"}', ''].join('\n'));
    assert.equal(await lastLogError(log), 'Cannot index "/x": gone');
  });

  it('falls back on an uncaught error written to the same file, skipping stack frames', async () => {
    const log = join(dir, 'b.log');
    await writeFile(log, '{"level":30,"msg":"listening"}\nfile:///x.js:1\nTypeError: boom\n    at main (file:///x.js:1:1)\n');
    assert.equal(await lastLogError(log), 'TypeError: boom');
  });

  it('ignores what earlier runs wrote, and a missing log', async () => {
    const log = join(dir, 'c.log');
    await writeFile(log, '{"level":50,"msg":"old failure"}\n');
    const start = await fileSize(log);
    await appendFile(log, '{"level":30,"msg":"fine"}\n');
    assert.equal(await lastLogError(log, start), undefined);
    assert.equal(await lastLogError(join(dir, 'none.log')), undefined);
  });
});
