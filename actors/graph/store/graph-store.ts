/**
 * A persistent graph store: `<cache dir>/store/` holds the partition snapshots (the runtime's
 * snapshot directory), the manifest of the main thread's state, and a lock so one process at a
 * time owns it.
 *
 *   open:  lock ─▶ read manifest ─▶ delete it ─▶ check it (format, options, snapshots present)
 *          └─ unusable: say why, empty the snapshot directory, index afresh
 *   close: partitions passivated (snapshots written) ─▶ manifest written (temp file + rename)
 *
 * The manifest is deleted as soon as it is read: if the process dies before it writes a new one,
 * the next start finds none and indexes afresh, rather than trusting snapshots that may be newer
 * than the manifest (or torn).
 *
 * @module
 */

import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SnapshotStore } from '../../../runtime/index.js';
import { manifestMismatch, type GraphManifest, type ManifestShape } from './graph-manifest.js';
import { decodeManifest, encodeManifest } from './manifest-format.js';
import { StoreLock } from './store-lock.js';

/** The outcome of {@link GraphStore.open}. */
export type StoreOpening =
  | { readonly store: GraphStore; readonly manifest: GraphManifest; readonly discarded?: undefined }
  /** No usable manifest: `discarded` says why when there was one (absent on a first start). */
  | { readonly store: GraphStore; readonly manifest: null; readonly discarded?: string }
  /** Another live process owns the store. */
  | { readonly heldBy: number };

/** A graph's persistent directory. */
export class GraphStore {
  /** The store directory. */
  readonly dir: string;
  /** Where the runtime keeps the partition snapshots. */
  readonly snapshotsDir: string;
  readonly #lock: StoreLock;

  private constructor(dir: string, lock: StoreLock) {
    this.dir = dir;
    this.snapshotsDir = join(dir, 'snapshots');
    this.#lock = lock;
  }

  /**
   * Opens the store under `base` (created if missing), taking its lock and its manifest.
   * @param base - the graph's cache directory (keyed by the root)
   * @param shape - the options of the graph being opened: a manifest made with others is discarded
   * @param address - the runtime address of partition `id`
   * @returns the store and its manifest, or who holds it
   */
  static async open(base: string, shape: ManifestShape, address: (id: number) => string): Promise<StoreOpening> {
    const dir = join(base, 'store');
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const lock = await StoreLock.acquire(join(dir, 'lock'));
    if (!(lock instanceof StoreLock)) return lock;
    const store = new GraphStore(dir, lock);
    try {
      const found = await store.#takeManifest(shape, address);
      if (found.manifest === null) await store.#clearSnapshots();
      return { store, ...found };
    } catch (err) {
      await lock.release();
      throw err;
    }
  }

  /**
   * Writes the manifest (atomically: a reader sees the old file or the new one, never a mix).
   * @param manifest - the graph's state, taken after every partition was passivated
   */
  async save(manifest: GraphManifest): Promise<void> {
    const temp = join(this.dir, `manifest.${process.pid}.tmp`);
    await writeFile(temp, encodeManifest(manifest), { mode: 0o600 });
    await rename(temp, join(this.dir, 'manifest'));
  }

  /** Releases the lock; the files stay for the next start. */
  release(): Promise<void> {
    return this.#lock.release();
  }

  async #takeManifest(shape: ManifestShape, address: (id: number) => string): Promise<{ manifest: GraphManifest } | { manifest: null; discarded?: string }> {
    const path = join(this.dir, 'manifest');
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { manifest: null };
      return { manifest: null, discarded: `manifest unreadable: ${(err as Error).message}` };
    }
    await rm(path, { force: true });
    const decoded = decodeManifest<GraphManifest>(bytes);
    if (!decoded.ok) return { manifest: null, discarded: decoded.reason };
    const mismatch = manifestMismatch(decoded.value, shape);
    if (mismatch !== null) return { manifest: null, discarded: mismatch };
    // A partition that ever held files must have its snapshot (its files are not re-read).
    const snapshots = await SnapshotStore.open(this.snapshotsDir, { fsync: false });
    for (const p of decoded.value.partitions) {
      if (p.version > 0 && !(await snapshots.has(address(p.id)))) return { manifest: null, discarded: `snapshot of ${address(p.id)} missing` };
    }
    return { manifest: decoded.value };
  }

  async #clearSnapshots(): Promise<void> {
    await rm(this.snapshotsDir, { recursive: true, force: true });
  }
}
