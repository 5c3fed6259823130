import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProgressBar, renderProgress } from '../../../cli/format/progress-bar.js';

describe('renderProgress()', () => {
  it('draws a bar, a percentage and the counts within the width', () => {
    const line = renderProgress({ phase: 'parse', done: 1204, total: 2671 }, 80);
    assert.match(line, /^indexing \[#+-+\]  45%  parse 1,204\/2,671$/);
    assert.ok(line.length <= 80);
  });

  it('shows only the count when the total is unknown', () => {
    assert.equal(renderProgress({ phase: 'scan', done: 17, total: 0 }, 80), 'indexing  scan 17');
  });
});

describe('ProgressBar', () => {
  it('draws on a terminal at most fps times a second, and clears its line', () => {
    const written: string[] = [];
    const bar = new ProgressBar({ isTTY: true, columns: 60, write: (s: string) => written.push(s) }, 10);
    bar.update({ phase: 'parse', done: 1, total: 2 }, 0);
    bar.update({ phase: 'parse', done: 2, total: 2 }, 50);
    bar.update({ phase: 'parse', done: 2, total: 2 }, 100);
    bar.clear();
    assert.equal(written.length, 3);
    assert.equal(written[2], '\r\x1b[K');
  });

  it('writes nothing when not on a terminal', () => {
    const written: string[] = [];
    const bar = new ProgressBar({ write: (s: string) => written.push(s) });
    bar.update({ phase: 'parse', done: 1, total: 2 }, 0);
    bar.clear();
    assert.deepEqual(written, []);
  });
});
