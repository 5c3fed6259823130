/**
 * Whether a process exists (signal 0 probes without signalling). Used to tell a lock or a
 * session left by a dead process from one held by a live one.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
