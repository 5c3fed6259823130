/**
 * The indexer's irreducible work, measured alone: tree-sitter parsing plus tag extraction of
 * every source file, on one thread, files already in memory (and tree-sitter's parse alone, without
 * the tags query). Divided by the cores, it is the
 * shortest an index could take if parsing split perfectly and nothing else (reading, the
 * trigram index, merging, partition actors) cost anything: a floor for `index_s`.
 *
 * @module
 */

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Parser } from 'web-tree-sitter';
import { detectLanguage, initParserRuntime, loadGrammar, parseSource } from '../../actors/graph/parse/index.js';

/** What one thread took to parse and tag the files. */
export interface ParseFloor {
  /** Seconds spent in parseSource alone (reading files not counted). */
  readonly seconds: number;
  /** Seconds spent in tree-sitter's parse alone, no tags query: a floor no tag extractor changes. */
  readonly parseOnlySeconds: number;
  /** Source files parsed (files without a grammar are skipped: they get full text only). */
  readonly files: number;
  readonly bytes: number;
}

/**
 * Parses and tags every file in `paths` that has a grammar, one after another on this thread.
 * @param root - the tree
 * @param paths - root-relative paths (the scanner's selection)
 * @param onProgress - called every 500 files
 * @returns the time spent parsing, and how much was parsed
 */
export async function measureParseFloor(root: string, paths: readonly string[], onProgress?: (done: number) => void): Promise<ParseFloor> {
  let seconds = 0;
  let parseOnlySeconds = 0;
  await initParserRuntime();
  const parser = new Parser();
  let files = 0;
  let bytes = 0;
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i]!;
    const text = await readFile(join(root, path), 'utf8');
    const language = detectLanguage(path, text.slice(0, 4096));
    if (language === null) continue;
    const size = Buffer.byteLength(text);
    parser.setLanguage((await loadGrammar(language)).language);
    const p0 = performance.now();
    parser.parse(text)?.delete();
    parseOnlySeconds += (performance.now() - p0) / 1000;
    const t0 = performance.now();
    await parseSource(path, text, { language, bytes: size });
    seconds += (performance.now() - t0) / 1000;
    files++;
    bytes += size;
    if (i % 500 === 0) onProgress?.(i);
  }
  parser.delete();
  return { seconds, parseOnlySeconds, files, bytes };
}
