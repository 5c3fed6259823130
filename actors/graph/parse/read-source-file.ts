import { hash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { nulOffset } from './looks-binary.js';
import type { GraphProblem } from './file-tags.js';
import { graphProblem } from './graph-problem.js';

/** A file read as text (with its content hash and modification time), or the reason it was not. */
export type SourceRead = { text: string; bytes: number; hash: string; mtimeMs: number } | { problem: GraphProblem; bytes: number };

/**
 * The content hash of a file's bytes: SHA-1 from Node's one-shot `crypto.hash` (native, no
 * dependency, faster than reading the file), as 27 base64url characters. It only decides whether
 * a saved file changed, so collisions need not be adversarially hard, just vanishingly rare.
 */
export function contentHash(bytes: Uint8Array): string {
  return hash('sha1', bytes, 'base64url');
}

/** Decodes file bytes as the indexer does (UTF-8, a BOM dropped). */
export const sourceDecoder = new TextDecoder('utf-8');

/**
 * Reads a file as UTF-8 text, synchronously: it runs in a parse worker, which has nothing else
 * to do meanwhile, and a synchronous read skips a thread-pool round trip per file.
 * @param file - the path to open
 * @param shown - the path to name in problems (relative to the scan root)
 * @param maxBytes - larger files are not read
 * @returns the text, or `ERR_GRAPH_FILE_TOO_LARGE`, `ERR_GRAPH_FILE_BINARY` (a NUL byte in the
 *   first 8 KB) or `ERR_GRAPH_FILE_UNREADABLE`
 */
export function readSourceFile(file: string, shown: string, maxBytes: number): SourceRead {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it changes nothing for regular files.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return { problem: unreadable(shown, err), bytes: 0 };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { problem: unreadable(shown, new Error('not a regular file')), bytes: 0 };
    const size = st.size;
    if (size > maxBytes) return { problem: graphProblem('ERR_GRAPH_FILE_TOO_LARGE', { path: shown, bytes: size, limit: maxBytes }), bytes: size };
    const buf = readAll(fd, size, maxBytes);
    if (buf.length > maxBytes) {
      return { problem: graphProblem('ERR_GRAPH_FILE_TOO_LARGE', { path: shown, bytes: buf.length, limit: maxBytes }), bytes: buf.length };
    }
    const nul = nulOffset(buf);
    if (nul >= 0) return { problem: graphProblem('ERR_GRAPH_FILE_BINARY', { path: shown, offset: nul }), bytes: buf.length };
    return { text: sourceDecoder.decode(buf), bytes: buf.length, hash: contentHash(buf), mtimeMs: st.mtimeMs };
  } catch (err) {
    return { problem: unreadable(shown, err), bytes: 0 };
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads an open file to its end; it may have grown since fstat, so reading stops one byte past
 * `maxBytes` (a result longer than `maxBytes` means the file is larger).
 */
export function readAll(fd: number, size: number, maxBytes: number): Buffer {
  let buf = Buffer.allocUnsafe(Math.min(size, maxBytes) + 1);
  let length = 0;
  for (;;) {
    if (length === buf.length) {
      if (length > maxBytes) break;
      const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, maxBytes + 1));
      buf.copy(bigger, 0, 0, length);
      buf = bigger;
    }
    const n = readSync(fd, buf, length, buf.length - length, null);
    if (n === 0) break;
    length += n;
  }
  return buf.subarray(0, length);
}

function unreadable(path: string, err: unknown): GraphProblem {
  const reason = err instanceof Error ? err.message : String(err);
  return graphProblem('ERR_GRAPH_FILE_UNREADABLE', { path, reason });
}
