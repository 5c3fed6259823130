import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { heldBytes, kDefTagBytes, kRefTagBytes } from '../../../actors/graph/held-bytes.js';
import type { FileTags } from '../../../actors/graph/index/index.js';

function file(defs: FileTags['defs'], refs: FileTags['refs'], content = ''): FileTags {
  return { path: 'a.c', language: 'c', defs, refs, imports: [], content };
}

const def = (name: string, signature: string, enclosing: string | null = null): FileTags['defs'][number] => ({ name, kind: 'macro', line: 1, column: 0, endLine: 1, enclosing, signature });

describe('heldBytes', () => {
  it('counts the text once and nothing else for a file without tags', () => {
    assert.equal(heldBytes(file([], [], 'x'.repeat(1000))), 1000);
  });

  it('charges each definition its object and its strings: a long signature costs more', () => {
    const short = heldBytes(file([def('REG_A', '#define REG_A 1')], []));
    const long = heldBytes(file([def('REG_A', `#define REG_A 1${'0'.repeat(100)}`)], []));
    assert.equal(short, kDefTagBytes + 'REG_A'.length + '#define REG_A 1'.length);
    assert.equal(long - short, 100);
    assert.equal(heldBytes(file([def('f', 'void f(void)', 'S')], [])), kDefTagBytes + 1 + 'void f(void)'.length + 1);
  });

  it('charges each reference its object and its name', () => {
    const refs = [{ name: 'kmalloc', line: 3, column: 4 }, { name: 'kfree', line: 9, column: 1 }];
    assert.equal(heldBytes(file([], refs, 'abc')), 3 + 2 * kRefTagBytes + 'kmalloc'.length + 'kfree'.length);
  });

  it('weighs a header of 10,000 #defines as several times its text, as the heap does', () => {
    const defs = Array.from({ length: 10_000 }, (_, i) => def(`mmREG_${i}`, `#define mmREG_${i} 0x${i.toString(16)}`));
    const content = defs.map((d) => d.signature).join('\n');
    assert.ok(heldBytes(file(defs, [], content)) > 5 * content.length);
  });
});
