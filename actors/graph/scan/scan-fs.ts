import type { Dirent } from 'node:fs';
import { open, readdir, readFile, realpath, stat } from 'node:fs/promises';

/** The file-system calls the scanner makes; tests substitute failures through it. */
export interface ScanFs {
  readdir(path: string): Promise<Dirent[]>;
  /** Follows symbolic links. */
  stat(path: string): Promise<{ size: number; mtimeMs: number; isFile(): boolean; isDirectory(): boolean }>;
  realpath(path: string): Promise<string>;
  readFile(path: string): Promise<string>;
  /** Up to `bytes` bytes from the start of a file. */
  readHead(path: string, bytes: number): Promise<Uint8Array>;
}

/** The real file system (node:fs/promises). */
export const nodeScanFs: ScanFs = {
  readdir: (path) => readdir(path, { withFileTypes: true }),
  stat: (path) => stat(path),
  realpath: (path) => realpath(path),
  readFile: (path) => readFile(path, 'utf8'),
  readHead: async (path, bytes) => {
    const handle = await open(path, 'r');
    try {
      const buf = new Uint8Array(bytes);
      const { bytesRead } = await handle.read(buf, 0, bytes, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  },
};
