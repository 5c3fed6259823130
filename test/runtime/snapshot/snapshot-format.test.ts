import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeSnapshot, decodeSnapshotHeader, encodeSnapshot, encodeSnapshotParts, kSnapshotHeaderBytes } from '../../../runtime/snapshot/snapshot-format.js';

describe('encodeSnapshot() / decodeSnapshot()', () => {
  it('round-trips the address and payload behind a 16-byte header starting with "TSNP"', () => {
    const file = encodeSnapshot('kv/ключ', Buffer.from('payload'));

    const decoded = decodeSnapshot(file);

    assert.equal(file.subarray(0, 4).toString('latin1'), 'TSNP');
    assert.equal(file.length, kSnapshotHeaderBytes + Buffer.byteLength('kv/ключ') + 7);
    assert.ok(decoded.ok);
    assert.equal(decoded.address, 'kv/ключ');
    assert.equal(decoded.payload.toString(), 'payload');
  });

  it('detects a change to any byte of the file', () => {
    const file = encodeSnapshot('a', Buffer.from('some payload'));

    const undetected = [];
    for (let i = 0; i < file.length; i++) {
      const copy = Buffer.from(file);
      copy.writeUInt8(copy.readUInt8(i) ^ 0x10, i);
      if (decodeSnapshot(copy).ok) undetected.push(i);
    }

    assert.deepEqual(undetected, []);
  });

  it('decodeSnapshotHeader() reads the lengths from the header alone', () => {
    const file = encodeSnapshot('abc', Buffer.alloc(1234));

    const header = decodeSnapshotHeader(file.subarray(0, kSnapshotHeaderBytes));

    assert.ok(header.ok);
    assert.equal(header.addressLength, 3);
    assert.equal(header.payloadLength, 1234);
  });

  it('encodeSnapshotParts() makes the same file from parts, copying none of them', () => {
    const parts = [Buffer.from('seq-head'), Buffer.alloc(0), Buffer.from('the state'), Buffer.alloc(3000, 7)];
    const file = encodeSnapshotParts('kv/a', parts);
    assert.deepEqual(Buffer.concat(file), encodeSnapshot('kv/a', Buffer.concat(parts)));
    assert.ok(parts.every((p, i) => file[i + 1] === p));
  });

  it('encodeSnapshot() rejects an address over 65,535 bytes', () => {
    assert.throws(() => encodeSnapshot('x'.repeat(70_000), Buffer.alloc(0)), { name: 'RangeError', message: /current length is 70000/ });
  });
});
