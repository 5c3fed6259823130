/**
 * Runs universal-ctags over the files Tessera indexes: `ctags -R` on the languages Tessera
 * parses, with the files the scanner skips (too large, binary) excluded by path. A tree with
 * ignore files gets an explicit file list (`-L`) instead, since ctags reads no `.gitignore`.
 *
 * @module
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** ctags' names of the languages Tessera has grammars for. */
export const kCtagsLanguages = ['JavaScript', 'TypeScript', 'Python', 'Go', 'Rust', 'Java', 'C', 'C++'] as const;

/** How ctags chooses its files. */
export type CtagsSelection =
  | { readonly kind: 'recurse'; readonly exclude: readonly string[] }
  | { readonly kind: 'list'; readonly files: readonly string[] };

/**
 * The files ctags should see: the scanner's selection, by exclusion (`-R`, faster) when no
 * ignore rule applies, else as a list.
 * @param facts - the tree's ignore files
 * @param census - what the scanner yielded, skipped and ignored
 * @returns the selection for {@link runCtags}
 */
export function ctagsSelection(facts: { ignoreFiles: readonly string[] }, census: { files: readonly string[]; skipped: readonly { path: string }[]; ignored: number }): CtagsSelection {
  if (facts.ignoreFiles.length === 0 && census.ignored === 0) return { kind: 'recurse', exclude: census.skipped.map((p) => p.path) };
  return { kind: 'list', files: census.files };
}

/** One run. */
export interface CtagsRun {
  readonly seconds: number;
  /** Tags written (lines of the tags file without `!_` headers, or JSON objects). */
  readonly tags: number;
  /** Output file size in bytes. */
  readonly bytes: number;
  /** The command line, for the report. */
  readonly commandLine: string;
  /** JSON output, when asked for (else empty). */
  readonly json: string;
}

// ctags matches excludes with fnmatch: escape its special characters.
const escapeGlob = (path: string): string => path.replace(/[\\*?[\]]/g, '\\$&');

/**
 * Runs ctags once and times the whole command.
 * @param command - the ctags executable
 * @param root - the tree (working directory)
 * @param selection - recurse with excludes, or a file list
 * @param format - `tags` (ctags' default output, timed) or `json` (for the agreement check)
 * @returns time, tag count and (for json) the output
 * @throws Error when ctags exits with a failure status
 */
export function runCtags(command: string, root: string, selection: CtagsSelection, format: 'tags' | 'json' = 'tags'): CtagsRun {
  const tmp = mkdtempSync(join(tmpdir(), 'tessera-ctags-'));
  try {
    const out = join(tmp, format === 'json' ? 'tags.json' : 'tags');
    const args = [`--languages=${kCtagsLanguages.join(',')}`, '-f', out];
    if (format === 'json') args.push('--output-format=json', '--fields=+nKl');
    if (selection.kind === 'recurse') {
      writeFileSync(join(tmp, 'exclude'), selection.exclude.map(escapeGlob).join('\n') + '\n');
      args.push('-R', `--exclude=@${join(tmp, 'exclude')}`, '.');
    } else {
      writeFileSync(join(tmp, 'files'), selection.files.join('\n') + '\n');
      args.push('-L', join(tmp, 'files'));
    }
    const t0 = performance.now();
    // stderr is discarded: ctags warns once per "null tag" (thousands on minified code).
    const r = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'ignore'] });
    const seconds = (performance.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(`ctags failed in "${root}": exit status ${r.status ?? r.signal}`);
    const text = readFileSync(out, 'utf8');
    let tags = 0;
    for (let i = text.indexOf('\n'), s = 0; i >= 0; s = i + 1, i = text.indexOf('\n', s)) {
      if (!text.startsWith('!_', s) && !text.startsWith('{"_type": "ptag"', s)) tags++;
    }
    return {
      seconds,
      tags,
      bytes: statSync(out).size,
      commandLine: `${command} ${args.map((a) => (a.startsWith(tmp) || a.startsWith(`--exclude=@${tmp}`) ? a.replace(tmp, '$TMP') : a)).join(' ')}`,
      json: format === 'json' ? text : '',
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
