#!/usr/bin/env node
// Regenerates bench/corpus/corpus-v1.lock.json from bench/corpus/corpus-v1.json (the pinned
// package list of the graph benchmark's default corpus), then counts the corpus's lines.
//
//   node scripts/update-bench-corpus.mjs            # lockfile only (npm --package-lock-only)
//   node scripts/update-bench-corpus.mjs --count    # also install to a temp dir and count lines
//
// After changing the package list, bump kCorpusName in bench/corpus/ensure-corpus.ts (and the
// file names) when the old cache must not be reused; the cache marker also holds a hash of both
// files, so an edited list is reinstalled anyway.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = join(root, 'bench/corpus/corpus-v1.json');
const lock = join(root, 'bench/corpus/corpus-v1.lock.json');
const count = process.argv.includes('--count');

const dir = mkdtempSync(join(tmpdir(), 'tessera-corpus-'));
try {
  copyFileSync(manifest, join(dir, 'package.json'));
  const args = ['install', '--prefix', dir, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
  if (!count) args.push('--package-lock-only');
  const npm = spawnSync('npm', args, { cwd: dir, stdio: 'inherit' });
  if (npm.status !== 0) process.exit(npm.status ?? 1);
  copyFileSync(join(dir, 'package-lock.json'), lock);
  console.log(`wrote ${lock}`);
  if (count) {
    let files = 0;
    let lines = 0;
    let skipped = 0;
    const walk = (d) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.isFile()) {
          if (statSync(p).size > 1 << 20) { skipped++; continue; }
          const b = readFileSync(p);
          if (b.subarray(0, 8192).includes(0)) { skipped++; continue; }
          files++;
          let n = 0;
          for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) n++;
          lines += b.length > 0 && b[b.length - 1] !== 10 ? n + 1 : n;
        }
      }
    };
    walk(join(dir, 'node_modules'));
    console.log(`corpus: ${files} files, ${lines} lines (${skipped} files over 1 MiB or binary left out)`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
