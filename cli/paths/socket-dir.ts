import { chmod, lstat, mkdir } from 'node:fs/promises';
import { tesseraError } from '../../protocol/index.js';

/**
 * Makes sure the per-user socket directory exists and only its owner can use it: created with
 * mode 0700, and refused (ERR_DAEMON_SOCKET_DIR) when it is a symbolic link, not a directory, or
 * owned by another user. A directory of ours with looser permissions is tightened to 0700.
 * @param dir - the directory (see `socketDir`)
 * @param uid - the user who must own it (default: the process's; skipped where there is none)
 * @throws {TesseraError} ERR_DAEMON_SOCKET_DIR
 */
export async function ensureSocketDir(dir: string, uid: number | undefined = process.getuid?.()): Promise<void> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw tesseraError('ERR_DAEMON_SOCKET_DIR', { dir, reason: (err as Error).message });
  }
  const st = await lstat(dir);
  if (st.isSymbolicLink() || !st.isDirectory()) throw tesseraError('ERR_DAEMON_SOCKET_DIR', { dir, reason: 'it is not a directory' });
  if (uid !== undefined && st.uid !== uid) {
    throw tesseraError('ERR_DAEMON_SOCKET_DIR', { dir, reason: `it belongs to user ${st.uid}, not to user ${uid}` });
  }
  if ((st.mode & 0o077) !== 0) await chmod(dir, 0o700);
}
