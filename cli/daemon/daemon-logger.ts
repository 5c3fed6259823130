import { pino, type Logger } from 'pino';

/** The daemon's structured logger (pino). */
export type DaemonLogger = Logger;

/** Log levels a user may pick (`--log-level`). */
export const kLogLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Creates the daemon's logger: JSON lines with an ISO `time`, appended to `file` (mode 0600).
 * Writes are synchronous: the daemon logs events (start, ready, bad input, shutdown), not
 * requests, and a synchronous log keeps the last lines of a crash — which `tessera start
 * --detach` prints when the daemon fails to start.
 * @param file - the log file; none gives a logger that writes nothing
 * @param level - the least severe level written (default `info`)
 */
export function createDaemonLogger(file: string | undefined, level: string = 'info'): DaemonLogger {
  if (file === undefined) return pino({ level: 'silent' });
  const destination = pino.destination({ dest: file, sync: true, mkdir: true, mode: 0o600 });
  return pino({ level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}
