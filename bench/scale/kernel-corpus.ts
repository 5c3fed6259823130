/**
 * The scale benchmark's large corpus: the Linux kernel source as Debian ships it
 * (`linux-source-6.1`, about 31M lines of C in 55k `.c`/`.h` files), fetched with
 * `apt-get download` (no root needed) and unpacked once into the bench cache.
 *
 *   apt-get download linux-source-6.1 ─▶ dpkg-deb --fsys-tarfile ─▶ linux-source-6.1.tar.xz ─▶ xz -d ─▶ tar -x
 *
 * Debian's packaging appends `/*` to the tree's root `.gitignore` ("ignore everything at the top
 * level") for its own repository; that block is removed after unpacking, or every tool that
 * honours ignore files (Tessera, ripgrep) would see an empty tree.
 *
 * @module
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Debian package; its version is whatever the mirror holds (recorded in the marker). */
export const kKernelPackage = 'linux-source-6.1';

/** Where the kernel tree is. */
export interface KernelCorpus {
  readonly root: string;
  /** The Debian package version, e.g. `6.1.192-2`. */
  readonly version: string;
  /** Seconds spent downloading and unpacking (0 when cached). */
  readonly installSeconds: number;
}

/** Result of removing Debian's block from the root `.gitignore`. */
export function stripDebianIgnoreBlock(text: string): string {
  const at = text.indexOf('# Debian packaging');
  if (at < 0) return text;
  // The block starts at the comment's opening `#` line, just above the heading.
  const start = text.lastIndexOf('\n#\n', at);
  return text.slice(0, start >= 0 ? start + 1 : at);
}

function sh(script: string, cwd: string): void {
  const r = spawnSync('bash', ['-o', 'pipefail', '-c', script], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) {
    const tail = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-4).join('\n');
    throw new Error(`Cannot get the kernel corpus: \`${script}\` exited with ${r.status ?? r.signal}: ${tail || r.error?.message}. Use --root PATH for another tree, or --quick for the pinned npm corpus`);
  }
}

/**
 * Returns the kernel tree, downloading and unpacking it first when the cache lacks it.
 * @param cacheDir - the bench cache directory
 * @param log - progress lines
 * @returns the tree and the package version
 * @throws Error naming the failed step (no apt-get, no network…) and what to use instead
 */
export function ensureKernelCorpus(cacheDir: string, log: (line: string) => void): KernelCorpus {
  const dir = join(cacheDir, kKernelPackage);
  const root = join(dir, 'tree');
  const marker = join(dir, 'kernel.json');
  if (existsSync(marker) && existsSync(root)) {
    const stored = JSON.parse(readFileSync(marker, 'utf8')) as { version: string };
    return { root, version: stored.version, installSeconds: 0 };
  }
  log(`kernel: downloading ${kKernelPackage} with apt-get into ${dir} (once; about 140 MB, 1.5 GB unpacked)`);
  const t0 = performance.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  sh(`apt-get download ${kKernelPackage}`, dir);
  const deb = readdirSync(dir).find((f) => f.startsWith(`${kKernelPackage}_`) && f.endsWith('.deb'));
  if (deb === undefined) throw new Error(`Cannot get the kernel corpus: apt-get download left no ${kKernelPackage}_*.deb in "${dir}"`);
  const version = deb.slice(kKernelPackage.length + 1).replace(/_all\.deb$/, '');
  log(`kernel: unpacking ${deb}`);
  sh(`dpkg-deb --fsys-tarfile '${deb}' | tar -xO ./usr/src/${kKernelPackage}.tar.xz | xz -dc -T0 | tar -x -C tree --strip-components=1`, dir);
  rmSync(join(dir, deb));
  const ignore = join(root, '.gitignore');
  if (existsSync(ignore)) writeFileSync(ignore, stripDebianIgnoreBlock(readFileSync(ignore, 'utf8')));
  const installSeconds = (performance.now() - t0) / 1000;
  writeFileSync(marker, `${JSON.stringify({ package: kKernelPackage, version, installedAt: new Date().toISOString() }, null, 2)}\n`);
  log(`kernel: ready in ${installSeconds.toFixed(1)} s`);
  return { root, version, installSeconds };
}
