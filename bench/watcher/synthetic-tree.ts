import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Shape of {@link makeSyntheticTree}'s tree. */
export interface SyntheticTreeShape {
  files: number;
  dirs: number;
  /** Subdirectories per directory (default 10). */
  fanout?: number;
}

/**
 * Writes a tree of small source files for watcher measurements (the notes' 15k files / 9k
 * directories by default), breadth first with a fixed fan-out; files are spread round robin.
 * Idempotent: a tree already there (marker file) is left alone.
 * @param root - directory to create
 * @param shape - file and directory counts
 * @returns the root
 */
export function makeSyntheticTree(root: string, shape: SyntheticTreeShape = { files: 15_000, dirs: 9_000 }): string {
  const marker = join(root, `.synthetic-${shape.files}-${shape.dirs}`);
  if (existsSync(marker)) return root;
  const fanout = shape.fanout ?? 10;
  const dirs = [root];
  for (let i = 0; dirs.length <= shape.dirs; i++) {
    const parent = dirs[i]!;
    for (let k = 0; k < fanout && dirs.length <= shape.dirs; k++) dirs.push(join(parent, `d${k}`));
  }
  for (const d of dirs) mkdirSync(d, { recursive: true });
  for (let f = 0; f < shape.files; f++) {
    const dir = dirs[1 + (f % shape.dirs)]!;
    writeFileSync(join(dir, `f${f}.ts`), `export const v${f} = ${f};\n`);
  }
  writeFileSync(marker, '');
  return root;
}
