import { spawn } from 'node:child_process';
import { BENCH_MAIN, REPO_ROOT } from './locations.js';

/** How one benchmark's process ended. */
export interface ChildOutcome {
  exitCode: number | null;
  signal: string | null;
  /** The last line of stdout parsed, when it is a JSON object; the bench contract says it must be. */
  json: Record<string, unknown> | undefined;
  /** The last lines of stderr, for the failure record. */
  stderrTail: string;
  seconds: number;
}

const TAIL_LINES = 20;
// Only the end of the output is kept: a long benchmark writes progress for minutes.
const KEEP_CHARS = 64 * 1024;

/**
 * Runs `node dist/bench/main.js ...argv` from the repository root, passing its stderr through
 * as it comes (tables and progress stay visible) and keeping stdout for the JSON line.
 */
export function runBenchChild(argv: string[]): Promise<ChildOutcome> {
  const started = performance.now();
  // The child's stderr is a pipe; this tells it the bytes end on a terminal, so it keeps its progress lines.
  const env = process.stderr.isTTY ? { ...process.env, TESSERA_BENCH_STDERR_IS_TTY: '1' } : process.env;
  const child = spawn(process.execPath, [BENCH_MAIN, ...argv], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout = (stdout + s).slice(-KEEP_CHARS)));
  child.stderr.setEncoding('utf8').on('data', (s: string) => {
    process.stderr.write(s);
    stderr = (stderr + s).slice(-KEEP_CHARS);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode, signal) =>
      resolve({ exitCode, signal, json: lastJsonLine(stdout), stderrTail: tailLines(stderr, TAIL_LINES), seconds: (performance.now() - started) / 1000 }),
    );
  });
}

/** The last non-empty line as a JSON object, or undefined when it is not one. */
export function lastJsonLine(stdout: string): Record<string, unknown> | undefined {
  const last = stdout.trimEnd().split('\n').pop() ?? '';
  try {
    const v: unknown = JSON.parse(last);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // not JSON: the caller records the benchmark as failed
  }
}

/** The last n lines, as a terminal would show them: progress redraws (`\r`) and colours removed. */
export function tailLines(text: string, n: number): string {
  return text
    .replace(/\x1b\[[0-9;]*[A-Za-z]/g, '')
    .split('\n')
    .map((line) => line.slice(line.lastIndexOf('\r') + 1).trimEnd())
    .filter((line) => line !== '')
    .slice(-n)
    .join('\n');
}
