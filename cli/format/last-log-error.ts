import { open } from 'node:fs/promises';

const kTailBytes = 64 * 1024;

/**
 * The last error in a daemon log, for `tessera start --detach` to print when the daemon died:
 * the `msg` of the last pino line at level error or fatal, or else the last non-JSON line that
 * mentions an error (an uncaught exception's text, which goes to the same file).
 * @param path - the log file
 * @param from - ignore what was written before this byte offset (earlier runs)
 * @returns the message, or undefined when there is none (or no log)
 */
export async function lastLogError(path: string, from = 0): Promise<string | undefined> {
  let text: string;
  try {
    const file = await open(path, 'r');
    try {
      const { size } = await file.stat();
      const start = Math.max(from, size - kTailBytes);
      const buffer = Buffer.alloc(Math.max(0, size - start));
      await file.read(buffer, 0, buffer.length, start);
      text = buffer.toString('utf8');
    } finally {
      await file.close();
    }
  } catch {
    return undefined;
  }
  const lines = text.split('\n').reverse();
  for (const line of lines) {
    const found = errorIn(line);
    if (found !== undefined) return found;
  }
  return undefined;
}

function errorIn(line: string): string | undefined {
  if (line.startsWith('{')) {
    try {
      const entry = JSON.parse(line) as { level?: unknown; msg?: unknown };
      return typeof entry.level === 'number' && entry.level >= 50 && typeof entry.msg === 'string' ? entry.msg : undefined;
    } catch {
      // a line cut in the middle: not ours to parse
    }
  }
  return /\b\w*Error\b/.test(line) && !line.trimStart().startsWith('at ') ? line.trim() : undefined;
}

/** The size of a file, or 0 when it does not exist (where a new run's log lines will start). */
export async function fileSize(path: string): Promise<number> {
  try {
    const file = await open(path, 'r');
    try {
      return (await file.stat()).size;
    } finally {
      await file.close();
    }
  } catch {
    return 0;
  }
}
