import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bytesAsRanges, lookupDefTable, nameHash, PartitionIndex } from '../../../../actors/graph/index/index.js';
import { def, file, tsRepo } from './fixture-files.js';

describe('def table', () => {
  it('answers like the index, names absent included', () => {
    const index = PartitionIndex.build(tsRepo());
    const table = bytesAsRanges(index.defTable());
    for (const name of ['App', 'run', 'parse', 'parseAll', 'log', 'missing', '']) {
      assert.deepEqual(lookupDefTable(table, name, 1000, index.version), index.def(name), name);
    }
    assert.ok(index.def('parse').hits.length === 1);
  });

  it('keeps every definition of a name in path order, and counts those past the limit', () => {
    const files = ['b.ts', 'a.ts', 'c/d.ts'].map((path, i) => file(path, 'x\n'.repeat(9), { defs: [def('dup', 1 + i), def('dup', 5 + i), def(`only${i}`, 8)] }));
    const index = PartitionIndex.build(files);
    const table = bytesAsRanges(index.defTable());
    const page = lookupDefTable(table, 'dup', 4, index.version);
    assert.deepEqual(page, index.def('dup', 4));
    assert.deepEqual(page?.hits.map((h) => `${h.path}:${h.line}`), ['a.ts:2', 'a.ts:6', 'b.ts:1', 'b.ts:5']);
    assert.equal(page?.total, 6);
  });

  it('says null, never a wrong answer, for another version, a damaged block or bytes that are no table', () => {
    const index = PartitionIndex.build(tsRepo());
    const bytes = index.defTable();
    assert.equal(lookupDefTable(bytesAsRanges(bytes), 'parse', 10, index.version + 1), null);
    for (const junk of [new Uint8Array(0), new Uint8Array(100), bytes.subarray(0, 30)]) assert.equal(lookupDefTable(bytesAsRanges(junk), 'parse', 10, index.version), null);
    const names = ['App', 'run', 'parse', 'parseAll', 'log'];
    // Flip the body's last byte (the block index starts right after it): its block is refused.
    const damaged = bytes.slice();
    damaged[u32At(bytes, 28) - 1]! ^= 0xff;
    const answers = names.map((n) => lookupDefTable(bytesAsRanges(damaged), n, 10, index.version));
    assert.ok(answers.includes(null), 'the damaged block is refused');
    answers.forEach((a, i) => a === null || assert.deepEqual(a, index.def(names[i]!, 10)));
    // A damaged block index (its last word, the body's end) refuses the whole table.
    const badIndex = bytes.slice();
    badIndex[badIndex.length - 1]! ^= 0xff;
    for (const n of names) assert.equal(lookupDefTable(bytesAsRanges(badIndex), n, 10, index.version), null, n);
  });

  it('splits a large partition into blocks of about a page and finds every name in its block', () => {
    const files = Array.from({ length: 40 }, (_, f) => file(`src/f${f}.ts`, 'x\n'.repeat(60), { defs: Array.from({ length: 50 }, (_, d) => def(`name_${f}_${d}`, d + 1)) }));
    files.push(file('src/shared.ts', 'x\n', { defs: [def('name_3_7', 1)] }));
    const index = PartitionIndex.build(files);
    const bytes = index.defTable();
    const blocks = u32At(bytes, 24);
    assert.ok(blocks > 10, `${blocks} blocks for ${bytes.length} bytes`);
    const reads: number[] = [];
    const table = bytesAsRanges(bytes);
    const counting = { length: table.length, memo: new Map<string, unknown>(), read: (o: number, n: number) => (reads.push(n), table.read(o, n)) };
    for (const name of ['name_0_0', 'name_39_49', 'name_3_7', 'name_20_25', 'absent', 'name_40_0']) {
      assert.deepEqual(lookupDefTable(counting, name, 1000, index.version), index.def(name), name);
    }
    assert.equal(index.def('name_3_7').hits.length, 2);
    // The header and block index once, then one read per lookup, none much over a block.
    assert.equal(reads.length, 2 + 6);
    assert.ok(reads.slice(2).every((n) => n < 4096 + 2048), `block reads of ${reads.slice(2).join(', ')} bytes`);
  });

  it('hashes names the same way on every call (FNV-1a over their UTF-8)', () => {
    const utf8 = (s: string) => Buffer.from(s, 'utf8');
    assert.equal(nameHash(utf8('')), 0x811c9dc5);
    assert.equal(nameHash(utf8('a')), 0xe40c292c);
    assert.equal(nameHash(utf8('xay'), 1, 2), 0xe40c292c);
    assert.notEqual(nameHash(utf8('ab')), nameHash(utf8('ba')));
  });

  it('merges a name defined in several segments by path, skipping replaced files', () => {
    const index = PartitionIndex.build([file('m.ts', 'x\n', { defs: [def('dup', 1)] })], { mergePolicy: { mergeFactor: 0, maxDeadRatio: 1, maxSegments: 1000 } });
    index.update({ upsert: [file('a.ts', 'x\n', { defs: [def('dup', 1)] }), file('z.ts', 'x\n', { defs: [def('dup', 1), def('é名', 1)] })] });
    index.update({ upsert: [file('z.ts', 'y\n', { defs: [def('dup', 2)] })] });
    const table = bytesAsRanges(index.defTable());
    for (const [name, limit] of [['dup', 10], ['dup', 2], ['é名', 5]] as const) assert.deepEqual(lookupDefTable(table, name, limit, index.version), index.def(name, limit));
    assert.deepEqual(lookupDefTable(table, 'dup', 10, index.version)?.hits.map((h) => `${h.path}:${h.line}`), ['a.ts:1', 'm.ts:1', 'z.ts:2']);
  });
});

function u32At(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(at, true);
}
