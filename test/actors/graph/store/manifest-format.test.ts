import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeManifest, encodeManifest, kManifestFormat } from '../../../../actors/graph/store/index.js';

const sample = { plan: { partitions: [{ id: 0, start: '', roots: ['src'], files: 2, bytes: 10 }], starts: [''] }, filter: new Uint8Array([1, 2, 3]), names: ['a', 'é'] };

describe('manifest format', () => {
  it('round-trips plain data with byte arrays', () => {
    const decoded = decodeManifest<typeof sample>(encodeManifest(sample));
    assert.ok(decoded.ok);
    assert.deepEqual({ ...decoded.value, filter: [...decoded.value.filter] }, { ...sample, filter: [1, 2, 3] });
  });

  it('says why a file cannot be used: not a manifest, another format, cut short, bad checksum', () => {
    const good = encodeManifest(sample);
    const other = Buffer.from(good);
    other.writeUInt32LE(kManifestFormat + 1, 4);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 1]! ^= 0x01;
    const reasons = [Buffer.from('hello world, not a manifest'), other, good.subarray(0, good.length - 2), flipped].map((b) => {
      const d = decodeManifest(b);
      return d.ok ? 'ok' : d.reason;
    });
    assert.deepEqual(reasons, ['not a manifest file', `manifest format ${kManifestFormat + 1}, this version reads ${kManifestFormat}`, `manifest cut short: ${good.length - 18} of ${good.length - 16} bytes`, 'manifest checksum mismatch']);
  });
});
