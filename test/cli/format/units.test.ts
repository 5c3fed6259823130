import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatBytes, formatDuration, formatMs } from '../../../cli/format/units.js';
import { hitsText } from '../../../cli/format/hits-text.js';
import { shellQuote } from '../../../cli/format/shell-quote.js';

describe('formatBytes(), formatDuration(), formatMs()', () => {
  it('pick units people read', () => {
    assert.deepEqual([512, 1536, 80 * 1024 ** 2].map(formatBytes), ['512 B', '1.5 KiB', '80.0 MiB']);
    assert.deepEqual([340, 4200, 192_000, 7_500_000, 200_000_000].map(formatDuration), ['340 ms', '4.2 s', '3m 12s', '2h 05m', '2d 07h']);
    assert.deepEqual([0.042, 1.25, 310, null].map(formatMs), ['0.042 ms', '1.25 ms', '310 ms', '-']);
  });
});

describe('hitsText()', () => {
  it('writes one grep-style line per result', () => {
    const text = hitsText([
      { file: 'src/a.ts', line: 3, kind: 'function', name: 'f', text: '  export function f() {' },
      { file: 'src/b.ts', line: 9, text: 'const x = f();' },
      { file: 'src/c.ts', line: 1 },
    ]);
    assert.equal(text, 'src/a.ts:3: function f  export function f() {\nsrc/b.ts:9: const x = f();\nsrc/c.ts:1:\n');
  });
});

describe('shellQuote()', () => {
  it('quotes only words that need it', () => {
    assert.equal(shellQuote('/tmp/repo-1'), '/tmp/repo-1');
    assert.equal(shellQuote("/tmp/it's here"), `'/tmp/it'\\''s here'`);
  });
});
