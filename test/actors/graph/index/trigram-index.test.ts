import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTrigramIndex, TrigramIndex } from '../../../../actors/graph/index/trigram-index.js';
import { indexableRuns, trigramsOf } from '../../../../actors/graph/index/trigram.js';
import { utf8Encode } from '../../../../actors/graph/index/utf8.js';

const tri = (s: string): number => trigramsOf(s)[0]!;

function indexOf(docs: string[]): TrigramIndex {
  const bytes = docs.map(utf8Encode);
  const starts = new Uint32Array(docs.length + 1);
  bytes.forEach((b, i) => (starts[i + 1] = starts[i]! + b.length));
  const all = new Uint8Array(starts[docs.length]!);
  bytes.forEach((b, i) => all.set(b, starts[i]));
  return new TrigramIndex(buildTrigramIndex(all, starts));
}

describe('TrigramIndex', () => {
  it('files() lists the documents that contain a trigram, case-folded', () => {
    const index = indexOf(['abcd', 'xABCx', 'ab', 'zzbcd']);

    assert.deepEqual([...index.files(tri('abc'))], [0, 1]);
    assert.deepEqual([...index.files(tri('bcd'))], [0, 3]);
    assert.deepEqual([...index.files(tri('qqq'))], []);
  });

  it('does not form trigrams across document boundaries', () => {
    const index = indexOf(['xa', 'bc']);

    assert.deepEqual([...index.files(tri('xab'))], []);
    assert.equal(index.data.keys.length, 0);
  });

  it('indexes non-ASCII bytes as they are', () => {
    const index = indexOf(['café', 'cafe']);

    assert.deepEqual([...index.files(tri('afé'))], [0]);
    assert.deepEqual([...index.files(tri('afe'))], [1]);
  });
});

describe('indexableRuns()', () => {
  it('keeps whole well-formed text when case matters and splits at lone surrogates', () => {
    assert.deepEqual(indexableRuns('aé😀b', false), ['aé😀b']);
    assert.deepEqual(indexableRuns('ab\ud83dcd', false), ['ab', 'cd']);
  });

  it('keeps only ASCII runs when case is ignored', () => {
    assert.deepEqual(indexableRuns('xxÉyyy', true), ['xx', 'yyy']);
  });
});
