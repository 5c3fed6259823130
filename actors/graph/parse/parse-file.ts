import { join } from 'node:path';
import { detectLanguage } from './detect-language.js';
import type { FileTags } from './file-tags.js';
import { kDefaultParseTimeoutMs, parseSource } from './parse-source.js';
import { readSourceFile } from './read-source-file.js';

/** Options of {@link parseFile}. */
export interface ParseFileOptions {
  /** Files over this many bytes are not read (default 1 MiB, zoekt's limit). */
  maxFileBytes?: number;
  /** Parsing is cancelled after this many milliseconds (default 5000). */
  timeoutMs?: number;
  /** Also return the file's text as `content` (default false). */
  withContent?: boolean;
  /** The content hash last indexed: when the file still has it, it is not parsed (`unchanged`). */
  knownHash?: string | undefined;
}

/** Default size limit: 1 MiB. */
export const kDefaultMaxFileBytes = 1 << 20;

/**
 * Reads and parses one file. Never throws: a file that is too large, binary or unreadable comes
 * back with empty tags and the coded reason in `error`.
 * @param root - directory the path is relative to ('' when `path` is absolute or cwd-relative)
 * @param path - the file, reported back as given
 * @param options - size and time limits, and whether to return the text too
 * @returns the file's tags
 */
export async function parseFile(root: string, path: string, options: ParseFileOptions = {}): Promise<FileTags> {
  const read = readSourceFile(root === '' ? path : join(root, path), path, options.maxFileBytes ?? kDefaultMaxFileBytes);
  if ('problem' in read) {
    return { path, language: detectLanguage(path), bytes: read.bytes, defs: [], refs: [], imports: [], error: read.problem };
  }
  const { hash, mtimeMs } = read;
  if (options.knownHash === hash) return { path, language: detectLanguage(path), bytes: read.bytes, defs: [], refs: [], imports: [], hash, mtimeMs, unchanged: true };
  const tags = await parseSource(path, read.text, { bytes: read.bytes, timeoutMs: options.timeoutMs ?? kDefaultParseTimeoutMs });
  if (options.withContent === true) tags.content = read.text;
  tags.hash = hash;
  tags.mtimeMs = mtimeMs;
  return tags;
}
