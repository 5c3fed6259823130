/**
 * The graph benchmark's default corpus: the sources of a pinned list of npm packages, installed
 * from the npm registry into a cache directory the first time it is needed.
 *
 *   bench/corpus/corpus-v1.json       ─┐ copied as package.json
 *   bench/corpus/corpus-v1.lock.json  ─┤ copied as package-lock.json (exact versions + integrity)
 *                                      ▼
 *   $TESSERA_BENCH_CACHE (default ~/.cache/tessera-bench)/corpus-v1/
 *     package.json, package-lock.json
 *     corpus.json                     marker: written last, names the hash of the two files above
 *     node_modules/                   ← the corpus root
 *
 * After the install every `.bin` directory is removed: they hold only symbolic links to scripts
 * already in the tree, which Tessera follows and ripgrep does not (see docs/benchmarks-graph.md).
 *
 * @module
 */

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Name of the corpus version; bump with the manifest to install next to the old one. */
export const kCorpusName = 'corpus-v1';

// From dist/bench/corpus/ (compiled) or bench/corpus/ (type stripping) alike: the sources.
const sourceDir = fileURLToPath(new URL('../../../bench/corpus/', import.meta.url));
const devSourceDir = fileURLToPath(new URL('./', import.meta.url));

/** Where the corpus is and how it got there. */
export interface CorpusLocation {
  /** The tree to index: `<dir>/node_modules`. */
  readonly root: string;
  /** The install directory. */
  readonly dir: string;
  /** Whether this call installed it (false: found in the cache). */
  readonly installed: boolean;
  /** Seconds the install took (0 when cached). */
  readonly installSeconds: number;
  /** Hash of the manifest and lockfile, also stored in the marker. */
  readonly hash: string;
}

/** Options of {@link ensureCorpus}. */
export interface EnsureCorpusOptions {
  /** Cache directory (default `$TESSERA_BENCH_CACHE` or `~/.cache/tessera-bench`). */
  readonly cacheDir?: string;
  /** Progress lines (default: stderr). */
  readonly log?: (line: string) => void;
}

function readSource(name: string): string {
  for (const dir of [sourceDir, devSourceDir]) {
    const path = join(dir, name);
    if (existsSync(path)) return readFileSync(path, 'utf8');
  }
  throw new Error(`Cannot find the corpus manifest "${name}": looked in ${sourceDir} and ${devSourceDir}`);
}

/** The cache directory the corpus goes to unless told otherwise. */
export function defaultCacheDir(): string {
  return process.env['TESSERA_BENCH_CACHE'] ?? join(homedir(), '.cache', 'tessera-bench');
}

/**
 * Returns the corpus root, installing the pinned packages first when the cache lacks them (or
 * holds another version of the manifest).
 * @param options - cache directory and logger
 * @returns where the corpus is
 * @throws Error when npm fails (the message carries npm's last lines)
 */
export function ensureCorpus(options: EnsureCorpusOptions = {}): CorpusLocation {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const manifest = readSource(`${kCorpusName}.json`);
  const lock = readSource(`${kCorpusName}.lock.json`);
  const hash = createHash('sha256').update(manifest).update('\0').update(lock).digest('hex').slice(0, 16);
  const dir = join(options.cacheDir ?? defaultCacheDir(), kCorpusName);
  const root = join(dir, 'node_modules');
  const marker = join(dir, 'corpus.json');
  if (existsSync(marker) && existsSync(root)) {
    const stored = JSON.parse(readFileSync(marker, 'utf8')) as { hash?: string };
    if (stored.hash === hash) return { root, dir, installed: false, installSeconds: 0, hash };
    log(`corpus: ${dir} holds another manifest (${stored.hash ?? 'none'}), reinstalling`);
  }
  log(`corpus: installing ${kCorpusName} from the npm registry into ${dir} (once; about 200 MB on disk)`);
  const t0 = performance.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), manifest);
  writeFileSync(join(dir, 'package-lock.json'), lock);
  const npm = spawnSync('npm', ['install', '--prefix', dir, '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (npm.status !== 0) {
    const tail = `${npm.stdout ?? ''}${npm.stderr ?? ''}`.trim().split('\n').slice(-8).join('\n');
    throw new Error(`Cannot install the bench corpus into "${dir}": npm exited with ${npm.status ?? npm.signal}: ${tail || npm.error?.message}`);
  }
  const removed = removeBinDirs(root);
  const installSeconds = (performance.now() - t0) / 1000;
  writeFileSync(marker, `${JSON.stringify({ name: kCorpusName, hash, installedAt: new Date().toISOString(), binDirsRemoved: removed }, null, 2)}\n`);
  log(`corpus: installed in ${installSeconds.toFixed(1)} s`);
  return { root, dir, installed: true, installSeconds, hash };
}

/** Removes every `.bin` directory that holds only symbolic links; returns how many. */
function removeBinDirs(root: string): number {
  let removed = 0;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const path = join(dir, entry.name);
      if (entry.name === '.bin' && readdirSync(path, { withFileTypes: true }).every((e) => e.isSymbolicLink())) {
        rmSync(path, { recursive: true, force: true });
        removed++;
      } else {
        walk(path);
      }
    }
  };
  walk(root);
  return removed;
}
