import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hitsText } from '../../../cli/format/hits-text.js';
import { replHitsText } from '../../../cli/repl/repl-hits.js';
import { replStyle } from '../../../cli/repl/repl-style.js';

const hits = [
  { file: 'src/a.ts', line: 3, kind: 'class', name: 'Foo', text: '  export class Foo {' },
  { file: 'src/b.ts', line: 9, text: '    x = Foo(Foo)', ranges: [[8, 11], [12, 15]] },
  { file: 'src/c.ts', line: 1 },
];

describe('replHitsText()', () => {
  it('prints the same lines as tessera query when plain', () => {
    assert.equal(replHitsText(hits, replStyle(false)), hitsText(hits));
  });

  it('colours file and line and highlights each search range in the trimmed text', () => {
    const out = replHitsText([hits[1]!], replStyle(true));
    assert.equal(out, '\x1b[35msrc/b.ts\x1b[39m:\x1b[32m9\x1b[39m: x = \x1b[1;31mFoo\x1b[22;39m(\x1b[1;31mFoo\x1b[22;39m)\n');
  });

  it('ignores malformed or out-of-text ranges', () => {
    const odd = [{ file: 'f', line: 1, text: 'abc', ranges: [[5, 9], 'x', [1, 2]] }];
    assert.equal(replHitsText(odd, replStyle(true)).replace(/\x1b\[[\d;]*m/g, ''), 'f:1: abc\n');
  });
});
