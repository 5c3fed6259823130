import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createImportResolver, PartitionIndex } from '../../../../actors/graph/index/index.js';
import { file, tsRepo } from './fixture-files.js';

function answers(index: PartitionIndex): unknown {
  return {
    version: index.version,
    paths: index.paths(),
    def: index.def('parse'),
    refs: index.refs('log'),
    complete: index.complete('', 50),
    outline: index.outline('src/app.ts'),
    imports: index.imports('src/app.ts'),
    importers: index.importers('src/parser.ts'),
    search: index.search({ patterns: ['e'], limit: 1000 }),
  };
}

describe('PartitionIndex.serialize() / deserialize()', () => {
  it('round-trips answers, version and bytes, dead files included', () => {
    const index = PartitionIndex.build(tsRepo(), { mergePolicy: { mergeFactor: 0, maxDeadRatio: 1, maxSegments: 100 } });
    index.upsert(file('src/extra.ts', 'extra\n'));
    index.remove('src/util/index.ts');
    assert.equal(index.segmentCount, 2);

    const bytes = index.serialize();
    const back = PartitionIndex.deserialize(bytes);

    assert.deepEqual(answers(back), answers(index));
    assert.deepEqual(back.serialize(), bytes);
    assert.equal(back.segmentCount, 2);
  });

  it('restores from a Node Buffer at an odd offset (a view into a file read whole), as from a copy', () => {
    const index = PartitionIndex.build(tsRepo());
    const bytes = index.serialize();
    const file = Buffer.alloc(bytes.length + 35);
    file.set(bytes, 35);

    const back = PartitionIndex.deserialize(file.subarray(35));
    assert.deepEqual(answers(back), answers(index));
  });

  it('starts with a magic, then the format byte', () => {
    const bytes = new PartitionIndex().serialize();

    assert.deepEqual([...bytes.subarray(0, 5)], [0x54, 0x53, 0x50, 0x49, 1]);
  });

  it('rejects bad magic, another format, truncation and trailing bytes', () => {
    const bytes = PartitionIndex.build(tsRepo()).serialize();
    const bad = (mutate: (b: Uint8Array) => Uint8Array) => () => PartitionIndex.deserialize(mutate(bytes.slice()));

    assert.throws(bad((b) => ((b[0] = 0), b)), /bad magic/);
    assert.throws(bad((b) => ((b[4] = 9), b)), /unsupported format/);
    assert.throws(bad((b) => b.subarray(0, b.length - 8)), /cut short|inconsistent/);
    assert.throws(bad((b) => Uint8Array.from([...b, 0, 0, 0, 0])), /trailing bytes/);
  });

  it('refuses to restore with another import resolver', () => {
    const bytes = PartitionIndex.build(tsRepo()).serialize();

    assert.throws(() => PartitionIndex.deserialize(bytes, { resolver: createImportResolver({ goModule: 'x' }) }), /resolver/);
  });
});
