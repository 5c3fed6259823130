import assert from 'node:assert/strict';
import { fstatSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ReadHandles } from '../../../runtime/snapshot/read-handles.js';

const dir = mkdtempSync(join(tmpdir(), 'tessera-handles-'));
const openFile = (name: string) => {
  writeFileSync(join(dir, name), name);
  return { fd: openSync(join(dir, name), 'r'), start: 0, length: name.length, memo: new Map<string, unknown>() };
};
const isClosed = (fd: number) => {
  try {
    fstatSync(fd);
    return false;
  } catch (err) {
    return (err as { code?: string }).code === 'EBADF';
  }
};

describe('ReadHandles', () => {
  it('closes the least recently used beyond its capacity, and on drop or clear', () => {
    const handles = new ReadHandles(2);
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(openFile);
    handles.add('a', a!);
    handles.add('b', b!);
    assert.equal(handles.get('a'), a); // now b is the oldest
    handles.add('c', c!);
    assert.deepEqual([isClosed(a!.fd), isClosed(b!.fd), isClosed(c!.fd)], [false, true, false]);
    assert.equal(handles.get('b'), undefined);
    handles.drop('a');
    assert.ok(isClosed(a!.fd));
    handles.add('d', d!);
    handles.clear();
    assert.ok(isClosed(c!.fd) && isClosed(d!.fd));
    assert.equal(handles.size, 0);
  });

  it('replacing a name closes the file it held', () => {
    const handles = new ReadHandles(4);
    const [first, second] = ['e', 'f'].map(openFile);
    handles.add('x', first!);
    handles.add('x', second!);
    assert.ok(isClosed(first!.fd));
    assert.equal(handles.get('x'), second);
    handles.clear();
  });
});
