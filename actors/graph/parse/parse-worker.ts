/**
 * Piscina worker: parses a batch of files by path. Loaded by parse-pool.ts from dist/ (compiled
 * JavaScript); each worker thread keeps its own web-tree-sitter runtime and grammars.
 *
 *   ParsePool.parseFiles(paths) ──batches──▶ piscina ──▶ worker 1: parseBatch(task) ─▶ FileTags[]
 *                                                   └──▶ worker N: parseBatch(task) ─▶ FileTags[]
 */
import type { FileTags } from './file-tags.js';
import { parseFile } from './parse-file.js';

export { scanFiles } from './scan-files.js';

/** One task: files relative to `root`, with the limits to apply. */
export interface ParseBatchTask {
  root: string;
  paths: string[];
  maxFileBytes: number;
  timeoutMs: number;
  /** Return each file's text as `content` too. */
  withContent?: boolean;
  /** Per path, the content hash last indexed (a file that still has it is not parsed). */
  known?: (string | null)[];
}

/**
 * Parses every file of the batch in order; one file's failure never fails the batch.
 * @param task - the batch
 * @returns one result per path, in the same order
 */
export default async function parseBatch(task: ParseBatchTask): Promise<FileTags[]> {
  const out: FileTags[] = [];
  for (const [i, path] of task.paths.entries()) {
    const knownHash = task.known?.[i] ?? undefined;
    out.push(await parseFile(task.root, path, { maxFileBytes: task.maxFileBytes, timeoutMs: task.timeoutMs, withContent: task.withContent === true, knownHash }));
  }
  return out;
}
