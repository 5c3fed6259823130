import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readSavedResults } from '../../bench/all/read-saved-results.js';
import { passedResult } from '../../bench/all/saved-result.js';
import { saveResultFile } from '../../bench/all/save-result-file.js';

describe('saved results', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tessera-bench-results-'));
  after(() => rm(dir, { recursive: true, force: true }));

  it('round-trip through the results folder, skipping files that are not JSON', async () => {
    const saved = passedResult('transport', { quick: true, root: undefined }, { rows: [{ metric: 'm', value: 1 }], json: { m: 1 } }, 3.5);
    await saveResultFile(join(dir, 'nested', 'transport.json'), saved);
    await writeFile(join(dir, 'nested', '.gitkeep'), '');
    assert.deepEqual(await readSavedResults(join(dir, 'nested')), [saved]);
    assert.equal(saved.command, 'npm run -s bench -- transport --json --quick');
    assert.ok(saved.machine.cores >= 1 && saved.machine.memGiB > 0);
  });

  it('read as none when the folder does not exist', async () => {
    assert.deepEqual(await readSavedResults(join(dir, 'missing')), []);
  });

  it('name the file that is not a saved result', async () => {
    const bad = join(dir, 'bad');
    await saveResultFile(join(bad, 'x.json'), { name: 'x', ok: true } as never);
    await assert.rejects(readSavedResults(bad), { name: 'TypeError', message: `Cannot read bench result "${join(bad, 'x.json')}": expected an array "rows"` });
  });
});
