/**
 * One read of every file Tessera indexes: counts files, lines and bytes, and tallies the
 * identifiers of source files so queries can be drawn from real names. It also warms the
 * operating system's file cache before any tool is timed, so every tool starts warm.
 *
 * @module
 */

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { detectLanguage } from '../../actors/graph/parse/index.js';
import { scanTree, type ScanProblem } from '../../actors/graph/scan/index.js';
import { countLines } from './index-micro-corpus.js';

/** What the scanner selected, and the identifiers in it. */
export interface Census {
  /** Files the scanner yields (root-relative, `/`-separated), in scan order. */
  readonly files: string[];
  readonly lines: number;
  readonly bytes: number;
  /** Lines and files per language (`text` for files without a grammar). */
  readonly byLanguage: Record<string, { files: number; lines: number }>;
  /** Occurrences of each identifier (3+ characters, in a code position) in source files; keys are flat copies. */
  readonly identifiers: Map<string, number>;
  /** Paths the scanner skipped: too large, binary, unreadable. */
  readonly skipped: ScanProblem[];
  /** Files the scanner ignored by ignore rules. */
  readonly ignored: number;
  readonly maxFileBytes: number;
}

// Identifiers in code positions only (declared, called, or a member), so names come from code,
// not from words in strings and comments.
const IDENT = /(?:\b(?:function|class|interface|type|enum|new|extends|implements|def|struct|const|let|var|namespace)\s+|\.)([A-Za-z_$][\w$]{2,})|([A-Za-z_$][\w$]{2,})\s*\(/g;
const KEYWORDS = new Set(
  'abstract async await break case catch class const continue debugger default delete else enum export extends false finally for from function get implements import instanceof interface let new null package private protected public readonly return set static super switch this throw true try type typeof undefined var void while with yield def elif except lambda None pass raise self True False struct union include define ifdef endif ifndef'.split(' '),
);

/**
 * Scans the tree as Tessera does (scanTree, default options) and reads every file once.
 * @param root - the tree
 * @param maxFileBytes - the scanner's size limit (Tessera's default is 1 MiB)
 * @returns counts and the identifier tally
 */
export async function censusTree(root: string, maxFileBytes: number): Promise<Census> {
  const scan = scanTree(root, { maxFileBytes });
  const paths: string[] = [];
  for await (const f of scan) paths.push(f.path);
  const identifiers = new Map<string, number>();
  const byLanguage: Record<string, { files: number; lines: number }> = {};
  let lines = 0;
  let bytes = 0;
  for (let i = 0; i < paths.length; i += 64) {
    const batch = paths.slice(i, i + 64);
    const texts = await Promise.all(batch.map((p) => readFile(join(root, p), 'utf8')));
    texts.forEach((text, j) => {
      const path = batch[j]!;
      const n = countLines(text);
      const language = detectLanguage(path, text.slice(0, 4096)) ?? 'text';
      const entry = (byLanguage[language] ??= { files: 0, lines: 0 });
      entry.files++;
      entry.lines += n;
      lines += n;
      bytes += Buffer.byteLength(text);
      if (language !== 'text') tally(text, identifiers);
    });
  }
  return { files: paths, lines, bytes, byLanguage, identifiers, skipped: scan.problems, ignored: scan.stats.ignored, maxFileBytes };
}

function tally(text: string, identifiers: Map<string, number>): void {
  for (const m of text.matchAll(IDENT)) {
    const name = m[1] ?? m[2]!;
    const n = identifiers.get(name);
    // A regex match is a slice of the file: copy new keys, or the map keeps every file alive.
    if (n === undefined) {
      if (!KEYWORDS.has(name)) identifiers.set(Buffer.from(name).toString(), 1);
    } else {
      identifiers.set(name, n + 1);
    }
  }
}
