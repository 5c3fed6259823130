/**
 * Runs ripgrep with the file selection Tessera's scanner makes, so both search the same files:
 *
 * | Tessera's scanner                                   | ripgrep flag                          |
 * |-----------------------------------------------------|---------------------------------------|
 * | indexes dot-files and dot-directories               | `--hidden`                            |
 * | skips every entry named `.git`                      | `--glob '!.git'`                      |
 * | honours `.gitignore` files with or without a `.git` | `--no-require-git`                    |
 * | reads no `.ignore`/`.rgignore`, no global excludes, | `--no-ignore-dot --no-ignore-global   |
 * |   nothing above the root                            |  --no-ignore-parent`                  |
 * | reads `<root>/.tesseraignore`                       | `--ignore-file .tesseraignore` (root  |
 * |                                                     |   only: nested ones are not mapped)   |
 * | skips files over `maxFileBytes` (1 MiB)             | `--max-filesize <bytes>`              |
 * | skips a file with a NUL in its first 8 KiB          | default binary detection: stops at    |
 * |                                                     |   the first NUL anywhere (differs     |
 * |                                                     |   only for a NUL after 8 KiB)         |
 * | follows links to files                              | not followed (no `-L`); the default   |
 * |                                                     |   corpus has no links                 |
 *
 * @module
 */

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** One search. */
export interface RgQuery {
  readonly pattern: string;
  readonly mode: 'literal' | 'regex';
  readonly ignoreCase?: boolean;
}

/** The lines ripgrep matched and how long the whole command took. */
export interface RgResult {
  /** `path:line` keys, paths relative to the root with `/`. */
  readonly lines: Set<string>;
  readonly ms: number;
}

/**
 * The ripgrep arguments for a query over `root`, mirroring Tessera's scanner (table above).
 * @param root - the tree
 * @param query - pattern and options
 * @param maxFileBytes - the scanner's size limit
 * @returns arguments for `rg`, to run with `cwd: root`
 */
export function rgArgs(root: string, query: RgQuery, maxFileBytes: number): string[] {
  const args = ['--no-config', '--hidden', '--glob', '!.git', '--no-require-git', '--no-ignore-dot', '--no-ignore-global', '--no-ignore-parent'];
  if (existsSync(join(root, '.tesseraignore'))) args.push('--ignore-file', '.tesseraignore');
  args.push('--max-filesize', String(maxFileBytes), '--null', '--line-number', '--no-heading', '--with-filename', '--color', 'never');
  if (query.mode === 'literal') args.push('--fixed-strings');
  if (query.ignoreCase === true) args.push('--ignore-case');
  args.push('--regexp', query.pattern, '.');
  return args;
}

/**
 * Runs ripgrep once: the whole command (process start, search, output) is timed.
 * @param command - the ripgrep executable
 * @param root - the tree, the working directory of the command
 * @param query - pattern and options
 * @param maxFileBytes - the scanner's size limit
 * @returns the matched lines and the time
 * @throws Error when ripgrep fails (exit status 2)
 */
export function runRg(command: string, root: string, query: RgQuery, maxFileBytes: number): RgResult {
  const args = rgArgs(root, query, maxFileBytes);
  const t0 = performance.now();
  const r = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  // Status 1 means no match; 2 an error (unreadable files also give 2, with matches kept).
  if (r.status === 2 && r.stdout.length === 0) throw new Error(`ripgrep failed on "${query.pattern}": ${r.stderr.toString().trim().split('\n')[0] ?? ''}`);
  if (r.error !== undefined) throw r.error;
  return { lines: parseRgOutput(r.stdout.toString('utf8')), ms };
}

/**
 * Parses `./path\0line:text` lines.
 * @param out - ripgrep's standard output
 * @returns `path:line` keys
 */
export function parseRgOutput(out: string): Set<string> {
  const lines = new Set<string>();
  let start = 0;
  while (start < out.length) {
    const nul = out.indexOf('\0', start);
    if (nul < 0) break;
    const colon = out.indexOf(':', nul);
    const path = out.slice(out.startsWith('./', start) ? start + 2 : start, nul);
    lines.add(`${path}:${out.slice(nul + 1, colon)}`);
    const end = out.indexOf('\n', colon);
    start = end < 0 ? out.length : end + 1;
  }
  return lines;
}
